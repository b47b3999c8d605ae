using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvsCodegen.Runtime;

public sealed partial class ApiJsonReader
{
    // A strict state for trying the alternatives of a union during a lenient read (created on the first ambiguous value).
    private ApiJsonReader? _trial;

    /// <summary>
    /// Reads a value of a union whose alternatives that can start with the current token are <paramref name="options"/>
    /// (in document order, each reading the whole value into the union), and moves the reader past the value.
    /// Strict reads (a server reading a request) try every alternative: with <paramref name="exactlyOne"/> (<c>oneOf</c>)
    /// a value that several alternatives read is refused, otherwise (<c>anyOf</c>) the first that reads wins. Lenient
    /// reads take the first alternative that reads strictly (so a value is told apart by its formats, patterns, bounds
    /// and enum values too), else the first that reads at all. <paramref name="fallback"/> (an alternative that accepts any
    /// value) is taken only when no other reads, and never makes a value ambiguous. Generated converters pass untyped
    /// alternatives (<c>{}</c>, <c>{minimum: 2}</c>) among <paramref name="options"/>, after the typed ones, and no
    /// fallback: by JSON Schema a value such an alternative matches beside another matches two <c>oneOf</c> alternatives
    /// (docs/decisions.md, "Strict oneOf for alternatives without a type").
    /// </summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="options">The alternatives that can start with this token.</param>
    /// <param name="names">The alternatives' names, for the messages.</param>
    /// <param name="exactlyOne">Whether exactly one alternative may match (<c>oneOf</c>).</param>
    /// <param name="fallback">An alternative that accepts any value, if the union has one.</param>
    /// <returns>The value read.</returns>
    public T ReadAlternative<T>(ref Utf8JsonReader reader, ApiJsonReadFunc<T>[] options, string[] names, bool exactlyOne, ApiJsonReadFunc<T>? fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(names);
        List<string>? problems = null;
        if (Strict)
        {
            var found = -1;
            T result = default!;
            var end = reader;
            for (var i = 0; i < options.Length; i++)
            {
                var copy = reader;
                if (!TryRead(options[i], ref copy, this, out var value, ref problems, names[i]))
                {
                    continue;
                }

                if (found >= 0)
                {
                    throw Fail($"the value matches both {names[found]} and {names[i]}, and exactly one alternative may match");
                }

                found = i;
                result = value;
                end = copy;
                if (!exactlyOne)
                {
                    break;
                }
            }

            if (found >= 0)
            {
                reader = end;
                return result;
            }
        }
        else
        {
            _trial ??= new ApiJsonReader(strict: true);
            List<string>? strictProblems = null;
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < options.Length; i++)
                {
                    var copy = reader;
                    if (TryRead(options[i], ref copy, pass == 0 ? _trial : this, out var value, ref pass == 0 ? ref strictProblems : ref problems, names[i]))
                    {
                        reader = copy;
                        return value;
                    }
                }
            }
        }

        if (fallback is not null)
        {
            return fallback(ref reader, this);
        }

        throw Fail(options.Length == 1 && problems is { Count: > 0 } ? problems[0] : $"the value matches none of {string.Join("; ", problems ?? [])}");
    }

    private static bool TryRead<T>(ApiJsonReadFunc<T> option, ref Utf8JsonReader reader, ApiJsonReader context, out T value, ref List<string>? problems, string name)
    {
        var mark = context.Mark();
        try
        {
            value = option(ref reader, context);
            return true;
        }
        catch (JsonException exception)
        {
            context.Restore(mark);
            problems ??= [];
            if (problems.Count < 8)
            {
                var problem = exception is ApiJsonException api ? api.Problem : exception.Message;
                problems.Add($"{name} ({problem})");
            }

            value = default!;
            return false;
        }
    }
}
