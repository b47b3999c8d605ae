using System.Text.RegularExpressions;
using EvsCodegen.Generators.Diagnostics;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic links to its entry in docs/diagnostics.md, and that entry exists with cause, example and fix.</summary>
public sealed class DescriptorDocumentationTests
{
    private static readonly Lazy<string> s_documentation = new(() => File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "diagnostics.md")));

    public static TheoryData<string> Ids() => [.. DiagnosticDescriptors.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasAHelpLinkToItsDocumentationEntry(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant(), descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DocumentationEntry_ExistsWithCauseExampleAndFix(string id)
    {
        var match = Regex.Match(s_documentation.Value, $@"^## {id}\b.*?(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline);

        Assert.True(match.Success, $"docs/diagnostics.md has no '## {id}' entry.");
        Assert.Contains("**Cause.**", match.Value, StringComparison.Ordinal);
        Assert.Contains("**Example.**", match.Value, StringComparison.Ordinal);
        Assert.Contains("**Fix.**", match.Value, StringComparison.Ordinal);
    }
}
