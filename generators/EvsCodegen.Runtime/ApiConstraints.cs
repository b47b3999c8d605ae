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

    /// <summary>
    /// Checks <c>multipleOf</c> exactly, as JSON Schema defines it (the quotient is an integer), in decimal arithmetic
    /// (0.3 is a multiple of 0.1).
    /// </summary>
    public static string? MultipleOf(decimal value, decimal divisor)
    {
        if (divisor <= 0)
        {
            return null;
        }

        return value % divisor == 0 ? null : $"expected a multiple of {divisor.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Checks <c>multipleOf</c> for a binary floating-point value: in decimal arithmetic when both fit a decimal (the
    /// shortest text of the double, so 0.3 is a multiple of 0.1), else by the remainder of doubles.
    /// </summary>
    public static string? MultipleOf(double value, double divisor)
    {
        if (!(divisor > 0) || double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }

        if (TryDecimal(value, out var exactValue) && TryDecimal(divisor, out var exactDivisor) && exactDivisor != 0)
        {
            return MultipleOf(exactValue, exactDivisor);
        }

        var quotient = value / divisor;
        return !double.IsInfinity(quotient) && quotient == Math.Floor(quotient) ? null
            : $"expected a multiple of {divisor.ToString("R", CultureInfo.InvariantCulture)}";

        static bool TryDecimal(double number, out decimal exact) =>
            decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out exact);
    }

    /// <summary>
    /// Checks <c>multipleOf</c> for a typed number: integers and decimals exactly in decimal arithmetic (the divisor
    /// taken by its shortest text), binary floating-point values as <see cref="MultipleOf(double, double)"/>.
    /// </summary>
    public static string? MultipleOf<T>(T value, double divisor)
        where T : System.Numerics.INumberBase<T>
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
        {
            return MultipleOf(double.CreateTruncating(value), divisor);
        }

        return decimal.TryParse(divisor.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact > 0 && decimal.CreateSaturating(value) is var number && (number != decimal.MaxValue && number != decimal.MinValue)
            ? MultipleOf(number, exact)
            : MultipleOf(double.CreateTruncating(value), divisor);
    }

    /// <summary>Checks <c>multipleOf</c> for a JSON number, exactly when both fit a decimal.</summary>
    public static string? MultipleOf(System.Text.Json.JsonElement value, System.Text.Json.JsonElement divisor)
    {
        if (value.TryGetDecimal(out var exactValue) && divisor.TryGetDecimal(out var exactDivisor))
        {
            return MultipleOf(exactValue, exactDivisor);
        }

        return value.TryGetDouble(out var number) && divisor.TryGetDouble(out var by) ? MultipleOf(number, by) : null;
    }
}
