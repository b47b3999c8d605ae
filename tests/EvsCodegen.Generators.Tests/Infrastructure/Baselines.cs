namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>
/// Checked-in expected outputs. Set <c>EVSCODEGEN_UPDATE_BASELINES=1</c> to rewrite them from the current
/// generator instead of comparing; a run that rewrites fails, so it can never pass by accident: review the diff, then
/// run again without the variable.
/// </summary>
internal static class Baselines
{
    public const string UpdateVariable = "EVSCODEGEN_UPDATE_BASELINES";

    /// <summary>The checked-in baseline folder <paramref name="name"/> of this project.</summary>
    public static string Folder(string name) => RepoPaths.InRepo("tests", "EvsCodegen.Generators.Tests", "Baselines", name);

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Asserts that <paramref name="folder"/> holds exactly <paramref name="files"/>, file by file so a failure names the
    /// file; with <see cref="UpdateVariable"/>=1 rewrites the folder instead and fails, so the diff gets reviewed.
    /// </summary>
    public static void AssertMatch(string folder, IReadOnlyList<(string Name, string Text)> files)
    {
        if (Updating)
        {
            Write(folder, files);
            Assert.Fail($"The baselines in {folder} were rewritten ({UpdateVariable}=1): review the diff, then run again without the variable.");
        }

        Assert.Equal(files.Select(f => f.Name).Order(StringComparer.Ordinal), Names(folder));
        foreach (var (name, text) in files)
        {
            var difference = FirstDifference(Read(folder, name), text);
            Assert.True(difference is null, $"{name} differs from its baseline at {difference}\nSet {UpdateVariable}=1 to rewrite the baselines, then review the diff.");
        }
    }

    /// <summary>Rewrites the folder so it holds exactly <paramref name="files"/> (stale baselines are deleted).</summary>
    public static void Write(string folder, IEnumerable<(string Name, string Text)> files)
    {
        Directory.CreateDirectory(folder);
        var list = files.ToList();
        foreach (var stale in Directory.EnumerateFiles(folder).Where(f => !list.Any(x => x.Name == Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, text) in list)
        {
            File.WriteAllText(Path.Combine(folder, name), Normalize(text));
        }
    }

    /// <summary>The baseline names in <paramref name="folder"/>, ordinally sorted.</summary>
    public static IReadOnlyList<string> Names(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];

    public static string Read(string folder, string name) => Normalize(File.ReadAllText(Path.Combine(folder, name)));

    /// <summary>Null when equal; otherwise the first differing line of both texts, for the failure message.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        var left = Normalize(expected).Split('\n');
        var right = Normalize(actual).Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(end of file)";
            var r = i < right.Length ? right[i] : "(end of file)";
            if (l != r)
            {
                return $"line {i + 1}:\n  baseline:  {l}\n  generated: {r}";
            }
        }

        return null;
    }

    /// <summary>Line endings are normalized so a checkout with CRLF still compares equal.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
