namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>
/// A test document with position markers: each <see cref="Marker"/> is removed from the text and its place
/// recorded as the 1-based line and column a user sees in the IDE.
/// </summary>
internal sealed class MarkedText
{
    public const string Marker = "⟦";

    private MarkedText(string text, IReadOnlyList<(int Line, int Column)> positions)
    {
        Text = text;
        Positions = positions;
    }

    /// <summary>The text without markers.</summary>
    public string Text { get; }

    /// <summary>Where the markers stood, in order.</summary>
    public IReadOnlyList<(int Line, int Column)> Positions { get; }

    /// <summary>The single marker's position.</summary>
    public (int Line, int Column) Position => Positions.Count == 1
        ? Positions[0]
        : throw new InvalidOperationException($"The text has {Positions.Count} markers, not one.");

    public static MarkedText Parse(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var positions = new List<(int, int)>();
        var line = 1;
        var column = 1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, Marker, 0, Marker.Length) == 0)
            {
                positions.Add((line, column));
                i += Marker.Length - 1;
                continue;
            }

            text.Append(marked[i]);
            if (marked[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new MarkedText(text.ToString(), positions);
    }
}
