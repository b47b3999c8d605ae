using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EvsCodegen.TestSupport;

/// <summary>Where the repository's files are: baked into this assembly at build time, so nothing depends on the working directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding <c>EvsCodegen.sln</c>), with a trailing separator.</summary>
    public static string RepoRoot { get; } = Path.GetFullPath(
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value
        ?? throw new InvalidOperationException("The test support assembly has no 'RepoRoot' metadata."));

    /// <summary>The hand-written EVS document, <c>openapi/evs-snapshots.yaml</c>.</summary>
    public static string EvsDocument { get; } = Path.Combine(RepoRoot, "openapi", "evs-snapshots.yaml");

    /// <summary><c>../shared/corpus/public</c> from the repository root, as the README's command names it.</summary>
    public static string PublicCorpus { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "public"));

    /// <summary>A path below the repository root, e.g. <c>InRepo("tests", "EvsCodegen.Generators.Tests")</c>.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>The public corpus folder, or an exception saying where it was expected.</summary>
    public static string RequirePublicCorpus()
    {
        if (!Directory.Exists(PublicCorpus))
        {
            throw new InvalidOperationException($"The public corpus is expected at {PublicCorpus} (shared/ beside the repository).");
        }

        return PublicCorpus;
    }
}
