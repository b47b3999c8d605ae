using System.Reflection;

namespace EvsCodegen.Packaging.Tests.Infrastructure;

/// <summary>Where the repository is (recorded at build time).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Project(string relativePath) => Path.Combine(Root, relativePath);
}
