using System;
using System.Text;

namespace EvsCodegen.Generators.Emitting;

/// <summary>An indent-aware text writer for generated source. Multi-line text is re-indented line by line.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>A writer for one generated file of a document: the preamble every file starts with, then its namespace.</summary>
    public static SourceWriter ForFile(Model.ApiContextModel context)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"namespace {context.Namespace};");
        w.Line();
        return w;
    }

    /// <summary>Writes one line (or several, each indented) at the current indentation.</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
            }

            _builder.Append(line).Append('\n');
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Closes a brace opened by <see cref="Open"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Runs <paramref name="body"/> inside a braced block.</summary>
    public SourceWriter Block(string header, Action body)
    {
        Open(header);
        body();
        return Close();
    }

    /// <inheritdoc/>
    public override string ToString() => _builder.ToString();
}
