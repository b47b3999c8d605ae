using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.AspNetCore;

public static partial class ApiServerRuntime
{
    /// <summary>A route value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StringValues Route(HttpContext http, string name) =>
        http.Request.RouteValues.TryGetValue(name, out var value) && value is string text ? new StringValues(text) : default;

    /// <summary>A cookie.</summary>
    public static StringValues Cookie(HttpContext http, string name) =>
        http.Request.Cookies.TryGetValue(name, out var value) ? new StringValues(value) : default;

    /// <summary>The first value of a parameter; a missing required one is a 400 answer.</summary>
    // Small enough to inline into every generated handler once the answer to a missing value is out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? Value(StringValues values, string name, bool required) =>
        values.Count == 0 ? Missing(name, required) : values[0] ?? string.Empty;

    private static string? Missing(string name, bool required) =>
        required ? throw new ApiException(400, $"The parameter '{name}' is required.") : null;

    /// <summary>The values of a parameter; a missing required one is a 400 answer.</summary>
    public static string[]? Values(StringValues values, string name, bool required)
    {
        if (values.Count == 0)
        {
            return required ? throw new ApiException(400, $"The parameter '{name}' is required.") : null;
        }

        var result = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = values[i] ?? string.Empty;
        }

        return result;
    }

    /// <summary>Splits comma-joined array values.</summary>
    public static IEnumerable<string> Split(string[] values)
    {
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                yield return part;
            }
        }
    }

    /// <summary>Parses a boolean parameter.</summary>
    public static bool ParseBoolean(string text, string name) => text switch { "true" => true, "false" => false, _ => throw Invalid(name, "true or false") };

    /// <summary>Parses a 32-bit integer parameter.</summary>
    public static int ParseInt32(string text, string name) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a 32-bit integer");

    /// <summary>Parses a 64-bit integer parameter.</summary>
    public static long ParseInt64(string text, string name) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a 64-bit integer");

    /// <summary>Parses a number parameter.</summary>
    public static double ParseDouble(string text, string name) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw Invalid(name, "a number");

    /// <summary>Parses a decimal parameter.</summary>
    public static decimal ParseDecimal(string text, string name) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a decimal number");

    /// <summary>Parses a date-time parameter.</summary>
    public static DateTimeOffset ParseDateTime(string text, string name, string? format)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var parsed = format is null
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var value)
            : DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, styles, out value);
        return parsed ? value : throw Invalid(name, "a date-time");
    }

    /// <summary>Parses a date parameter.</summary>
    public static DateOnly ParseDate(string text, string name) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid(name, "a date (yyyy-MM-dd)");

    /// <summary>Parses a UUID parameter.</summary>
    public static Guid ParseGuid(string text, string name) => Guid.TryParse(text, out var value) ? value : throw Invalid(name, "a UUID");

    /// <summary>Parses an enum parameter and rejects a value the document does not list.</summary>
    public static T ParseEnum<T>(string text, ApiTryParse<T> tryParse, Func<T, bool> isKnown, string name) =>
        tryParse(text, out var value) && isKnown(value) ? value : throw Invalid(name, "one of the documented values");

    /// <summary>
    /// Holds a string parameter (or array item) to its schema's <c>minLength</c>, <c>maxLength</c> and <c>pattern</c>,
    /// with the checks the strict JSON reader uses; a violation is a 400 answer.
    /// </summary>
    public static string CheckString(string value, string name, int? minLength, int? maxLength, string? pattern)
    {
        ArgumentNullException.ThrowIfNull(value);
        Check(name, ApiConstraints.Length(value, minLength, maxLength));
        if (pattern is not null)
        {
            Check(name, ApiConstraints.Pattern(value, s_patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))));
        }

        return value;
    }

    /// <summary>Holds a numeric parameter (or array item) to its schema's bounds; a violation is a 400 answer.</summary>
    public static T CheckNumber<T>(T value, string name, double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
        where T : INumberBase<T>
    {
        Check(name, ApiConstraints.Range(double.CreateTruncating(value), minimum, maximum, exclusiveMinimum, exclusiveMaximum));
        return value;
    }

    /// <summary>Holds a boolean parameter (or array item) to the one value its schema's <c>enum</c> or <c>const</c> allows.</summary>
    public static bool CheckBoolean(bool value, string name, bool allowed)
    {
        Check(name, value == allowed ? null : $"expected {(allowed ? "true" : "false")}");
        return value;
    }

    /// <summary>Holds a numeric parameter (or array item) to its schema's <c>multipleOf</c>; another value is a 400 answer.</summary>
    public static T CheckMultipleOf<T>(T value, string name, double divisor)
        where T : INumberBase<T>
    {
        Check(name, ApiConstraints.MultipleOf(value, divisor));
        return value;
    }

    /// <summary>Holds a numeric parameter (or array item) to its schema's <c>enum</c>; another value is a 400 answer.</summary>
    public static T CheckAllowedNumber<T>(T value, string name, double[] allowed)
        where T : INumberBase<T>
    {
        Check(name, ApiConstraints.Allowed(double.CreateTruncating(value), allowed));
        return value;
    }

    /// <summary>Holds an array parameter to its schema's <c>minItems</c> and <c>maxItems</c>; a violation is a 400 answer.</summary>
    public static List<T> CheckCount<T>(List<T> values, string name, int? minItems, int? maxItems)
    {
        ArgumentNullException.ThrowIfNull(values);
        Check(name, ApiConstraints.Count(values.Count, minItems, maxItems, "items"));
        return values;
    }

    // One compiled pattern per distinct pattern text of the generated controllers: bounded by the documents compiled in.
    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    private static void Check(string name, string? violation)
    {
        if (violation is not null)
        {
            throw new ApiException(400, $"The parameter '{name}' is invalid: {violation}.");
        }
    }

    private static ApiException Invalid(string name, string expected) => new(400, $"The parameter '{name}' must be {expected}.");
}
