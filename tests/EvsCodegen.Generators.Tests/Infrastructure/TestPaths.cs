using System.Reflection;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>Where the repo's files are: baked into the test assembly at build time, so no test depends on the working directory.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

    public static string EvsDocument { get; } = Path.Combine(RepoRoot, "openapi", "evs-snapshots.yaml");

    public static string BaselineFolder(string name) => Path.Combine(ProjectDirectory, "Baselines", name);

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
}
