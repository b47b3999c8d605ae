using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvsCodegen.Runtime;

/// <summary>
/// The validation keywords of JSON Schema as plain checks, shared by the strict JSON reader (bodies) and the server's
/// parameter reading, so a value is held to the same rule wherever it travels. Each returns null when the value
/// passes, else the violation in words ("expected at most 5 characters, got 7").
/// </summary>
public static class ApiConstraints
{
    /// <summary>Checks a length in Unicode code points, as JSON Schema counts it.</summary>
    public static string? Length(string value, int? minimum, int? maximum)
    {
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                length++;
            }
        }

        return length < minimum ? $"expected at least {minimum} characters, got {length}"
            : length > maximum ? $"expected at most {maximum} characters, got {length}"
            : null;
    }

    /// <summary>Checks the UTF-8 length in bytes (the <c>x-max-bytes</c> extension).</summary>
    public static string? Utf8Bytes(string value, int maximum)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > maximum ? $"expected at most {maximum} bytes of UTF-8, got {bytes}" : null;
    }

    /// <summary>Checks a pattern (bounded in time: a match that times out fails).</summary>
    public static string? Pattern(string value, Regex pattern)
    {
        bool matches;
        try
        {
            matches = pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            matches = false;
        }

        return matches ? null : $"the value does not match the pattern {pattern}";
    }

    /// <summary>Checks numeric bounds.</summary>
    public static string? Range(double value, double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
    {
        if (minimum is double low && (exclusiveMinimum ? value <= low : value < low))
        {
            return $"expected a number {(exclusiveMinimum ? ">" : ">=")} {low.ToString(CultureInfo.InvariantCulture)}";
        }

        if (maximum is double high && (exclusiveMaximum ? value >= high : value > high))
        {
            return $"expected a number {(exclusiveMaximum ? "<" : "<=")} {high.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    /// <summary>Checks a number of properties or items.</summary>
    public static string? Count(int count, int? minimum, int? maximum, string what) =>
        count < minimum ? $"expected at least {minimum} {what}, got {count}"
        : count > maximum ? $"expected at most {maximum} {what}, got {count}"
        : null;

    /// <summary>Checks a number against the values of its schema's <c>enum</c>.</summary>
    public static string? Allowed(double value, double[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return Array.IndexOf(allowed, value) >= 0 ? null
            : $"{value.ToString(CultureInfo.InvariantCulture)} is not one of {string.Join(", ", Array.ConvertAll(allowed, a => a.ToString(CultureInfo.InvariantCulture)))}";
    }
}
