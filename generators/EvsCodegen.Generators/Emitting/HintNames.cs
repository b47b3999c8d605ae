using System.Globalization;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Hint names of generated files, <c>{Document}.{Kind}.{Type}.g.cs</c>, capped in length. The compiler writes each
/// file under its hint name when <c>EmitCompilerGeneratedFiles</c> is on, and a file name past the file system's
/// limit (255 characters on Linux, a 260-character path on Windows) fails the build with CS0016; schema and file
/// names come from the document and have no length limit of their own.
/// </summary>
internal static class HintNames
{
    /// <summary>The longest hint name produced, <c>.g.cs</c> included.</summary>
    public const int MaxLength = 120;

    private const string Extension = ".g.cs";

    /// <summary>
    /// <paramref name="stem"/> plus <c>.g.cs</c> when that fits in <see cref="MaxLength"/>; else the stem cut short,
    /// a <c>-</c> (never part of an identifier) and 16 hex digits of a hash of the whole stem, so that two long names that share their beginning
    /// still get two files, and the same name always gets the same one.
    /// </summary>
    public static string Create(string stem)
    {
        if (stem.Length + Extension.Length <= MaxLength)
        {
            return stem + Extension;
        }

        var suffix = "-" + Fnv1a64(stem).ToString("x16", CultureInfo.InvariantCulture);
        var keep = MaxLength - Extension.Length - suffix.Length;

        // Never cut a surrogate pair in two: a lone surrogate is not a valid file name character.
        if (char.IsLowSurrogate(stem[keep]) && char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem.Substring(0, keep) + suffix + Extension;
    }

    // FNV-1a over the UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode.
    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
