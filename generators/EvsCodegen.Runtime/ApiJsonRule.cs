using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvsCodegen.Runtime;

/// <summary>
/// The constraints of one value's schema, built once per generated converter field, so a constrained value is read
/// and (when strict) checked by one call such as <see cref="ApiJsonReader.ReadString(ref Utf8JsonReader, ApiJsonRule)"/>.
/// Checks run in the order the keywords are listed here; the first violation is reported.
/// </summary>
public sealed class ApiJsonRule
{
    private readonly string? _pattern;
    private readonly int? _minLength;
    private readonly int? _maxLength;
    private readonly int? _maxBytes;
    private Regex? _regex;

    // The UTF-8 lengths (of text known to be its own UTF-8) that pass every string keyword without looking at the
    // text: none with a pattern. Kept by the init accessors of the keywords they depend on.
    private int _passMin;
    private int _passMax = int.MaxValue;

    /// <summary>The <c>minLength</c> of a string, in code points.</summary>
    public int? MinLength
    {
        get => _minLength;
        init
        {
            _minLength = value;
            SetPassingLengths();
        }
    }

    /// <summary>The <c>maxLength</c> of a string, in code points.</summary>
    public int? MaxLength
    {
        get => _maxLength;
        init
        {
            _maxLength = value;
            SetPassingLengths();
        }
    }

    /// <summary>The <c>x-max-bytes</c> of a string, in UTF-8 bytes.</summary>
    public int? MaxBytes
    {
        get => _maxBytes;
        init
        {
            _maxBytes = value;
            SetPassingLengths();
        }
    }

    /// <summary>The <c>pattern</c> of a string, compiled on first use (culture-invariant, bounded to one second).</summary>
    public string? Pattern
    {
        get => _pattern;
        init
        {
            _pattern = value;
            SetPassingLengths();
        }
    }

    /// <summary>The <c>minimum</c> of a number.</summary>
    public double? Minimum { get; init; }

    /// <summary>The <c>maximum</c> of a number.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> is exclusive.</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>Whether <see cref="Maximum"/> is exclusive.</summary>
    public bool ExclusiveMaximum { get; init; }

    /// <summary>The values of a number's <c>enum</c>.</summary>
    public double[]? Allowed { get; init; }

    /// <summary>The <c>multipleOf</c> of a number.</summary>
    public double? MultipleOf { get; init; }

    /// <summary>The one value a boolean's <c>enum</c> or <c>const</c> allows.</summary>
    public bool? AllowedBoolean { get; init; }

    /// <summary>The schema of a value kept as a <see cref="JsonElement"/>, as compact JSON (<see cref="ApiJsonSchema"/>).</summary>
    public string? Schema { get; init; }

    /// <summary>
    /// Whether a string whose UTF-8 length in bytes is <paramref name="utf8Length"/> (-1 when unknown) passes every string
    /// keyword by that length alone, as <see cref="CheckString"/> would find: within <c>maxLength</c> and <c>x-max-bytes</c>,
    /// long enough for <c>minLength</c> even if every code point took four bytes, and no pattern.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool PassesByUtf8Length(int utf8Length) => utf8Length >= _passMin && utf8Length <= _passMax;

    // (utf8Length + 3) / 4 >= minLength (LengthIsWithin) holds exactly from 4 * minLength - 3 bytes.
    private void SetPassingLengths()
    {
        var min = _minLength is int minLength && minLength > 0 ? (int)Math.Min(4L * minLength - 3, int.MaxValue) : 0;
        var max = Math.Min(_maxLength ?? int.MaxValue, _maxBytes ?? int.MaxValue);
        (_passMin, _passMax) = _pattern is null ? (min, max) : (0, -1);
    }

    /// <summary>Checks a string whose UTF-8 length in bytes is <paramref name="utf8Length"/> when known (else -1).</summary>
    internal string? CheckString(string value, int utf8Length)
    {
        if ((MinLength is not null || MaxLength is not null) && !LengthIsWithin(utf8Length))
        {
            if (ApiConstraints.Length(value, MinLength, MaxLength) is { } length)
            {
                return length;
            }
        }

        if (MaxBytes is int maxBytes && (utf8Length < 0 || utf8Length > maxBytes) && ApiConstraints.Utf8Bytes(value, maxBytes) is { } bytes)
        {
            return bytes;
        }

        if (_pattern is not null)
        {
            _regex ??= new Regex(_pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return ApiConstraints.Pattern(value, _regex);
        }

        return null;
    }

    // Whether the length in code points is within bounds by the UTF-8 length alone: a code point takes one to four bytes.
    private bool LengthIsWithin(int utf8Length) =>
        utf8Length >= 0 && !(utf8Length > MaxLength) && !((utf8Length + 3) / 4 < MinLength);

    internal string? CheckNumber<T>(T value, double number)
        where T : System.Numerics.INumberBase<T>
    {
        if (Minimum is not null || Maximum is not null)
        {
            if (ApiConstraints.Range(number, Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum) is { } range)
            {
                return range;
            }
        }

        if (Allowed is { } allowed && ApiConstraints.Allowed(number, allowed) is { } notAllowed)
        {
            return notAllowed;
        }

        return MultipleOf is double divisor ? ApiConstraints.MultipleOf(value, divisor) : null;
    }
}
