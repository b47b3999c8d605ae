using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EvsCodegen.Corpus.Tests;

/// <summary>Where the repository and the shared public corpus are.</summary>
internal static class RepoPaths
{
    public static string RepoRoot { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!);

    /// <summary><c>../shared/corpus/public</c> from the repository root, as the README's command names it.</summary>
    public static string PublicCorpus { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "public"));

    public static string RequirePublicCorpus()
    {
        if (!Directory.Exists(PublicCorpus))
        {
            throw new InvalidOperationException($"The public corpus is expected at {PublicCorpus} (shared/ beside the repository).");
        }

        return PublicCorpus;
    }
}
