using System.IO;
using System.Linq;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>Corpus documents whose every chosen name collides with something the generated code declares or uses still compile cleanly.</summary>
public sealed class RenamedCorpusTests
{
    public static TheoryData<string> Documents =>
    [
        "oag__petstore-fake-endpoints-csharp.yaml", "oag__kotlin-reserved_words.yaml", "oag__echo_api.yaml",
        "oag__issue-5676-enums.yaml", "oag31__java-petstore.yaml", "oai__tictactoe.yaml",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void RenamedDocument_CompilesWithoutErrorsOrWarnings_AndKeepsItsOperations(string name)
    {
        var path = Path.Combine(RepoPaths.RequirePublicCorpus(), name);
        var original = CorpusRunner.RunOne(new CorpusDocument(name, path, File.ReadAllText(path), "Renamed.Original", []), CorpusRunner.DefaultTimeout);
        var renamed = CorpusRunner.RunOne(new CorpusDocument(name, "/renamed/" + name, RenamedCorpus.Rename(path), "Renamed.Document", []), CorpusRunner.DefaultTimeout);

        Assert.Equal(Outcome.Ok, renamed.Outcome);
        Assert.True(renamed.CompilerWarnings.Count == 0, string.Join("\n", renamed.CompilerWarnings.Select(CorpusReport.Describe)));
        Assert.Equal(original.GeneratedOperations, renamed.GeneratedOperations);
        Assert.Equal(original.Types, renamed.Types);
    }
}
