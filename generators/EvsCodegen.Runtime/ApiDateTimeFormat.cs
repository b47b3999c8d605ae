using System;
using System.Threading;

namespace EvsCodegen.Runtime;

/// <summary>
/// A custom date-time format (<c>x-datetime-format</c>) made of fixed-width numeric fields and ASCII literals, written
/// straight into UTF-8: <c>yyyy</c>, <c>MM</c>, <c>dd</c>, <c>HH</c>, <c>mm</c>, <c>ss</c>, <c>f</c> to <c>fffffff</c>, and
/// any other ASCII character that is not a format specifier (<c>:</c> and <c>/</c> as the invariant culture writes them).
/// <see cref="DateTime.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> parses a custom format on
/// every call (about 0.4 µs for <c>yyyy-MM-ddTHH:mm:ss.ffffff</c>); a format is parsed here once, and a format with
/// anything else (names, 12-hour clock, offsets, quotes, <c>F</c>, one-letter standard formats) is left to it.
/// </summary>
internal sealed class ApiDateTimeFormat
{
    // The formats seen, compared by reference first (the generated code passes literals), at most MaxPlans of them.
    private const int MaxPlans = 32;
    private static (string Format, ApiDateTimeFormat? Plan)[] s_plans = [];

    // Field kinds, or an ASCII literal byte (Literal).
    private const byte Literal = 0;
    private const byte Year = 1;
    private const byte Month = 2;
    private const byte Day = 3;
    private const byte Hour = 4;
    private const byte Minute = 5;
    private const byte Second = 6;
    private const byte Fraction = 7;

    private static readonly int[] s_fractionDivisors = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    private readonly (byte Kind, byte Value)[] _parts;

    private ApiDateTimeFormat((byte Kind, byte Value)[] parts, int length)
    {
        _parts = parts;
        Length = length;
    }

    /// <summary>The number of bytes every value takes.</summary>
    public int Length { get; }

    /// <summary>
    /// Writes <paramref name="value"/> in <paramref name="format"/> when the format is one this type handles and
    /// <paramref name="destination"/> is long enough; false otherwise (nothing written), for the caller to format it.
    /// </summary>
    public static bool TryFormat(DateTime value, string format, Span<byte> destination, out int written)
    {
        if (PlanFor(format) is { } plan && plan.Length <= destination.Length)
        {
            plan.Write(value, destination);
            written = plan.Length;
            return true;
        }

        written = 0;
        return false;
    }

    /// <summary>The plan of <paramref name="format"/>, or null when <see cref="DateTime.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> must format it.</summary>
    internal static ApiDateTimeFormat? PlanFor(string format)
    {
        var plans = Volatile.Read(ref s_plans);
        foreach (var (known, plan) in plans)
        {
            if (ReferenceEquals(known, format))
            {
                return plan;
            }
        }

        return Learn(format, plans);
    }

    private static ApiDateTimeFormat? Learn(string format, (string Format, ApiDateTimeFormat? Plan)[] plans)
    {
        foreach (var (known, plan) in plans)
        {
            if (string.Equals(known, format, StringComparison.Ordinal))
            {
                return plan;
            }
        }

        var compiled = Compile(format);
        if (plans.Length < MaxPlans)
        {
            // Copy on write; a lost race only means the format is compiled again next time.
            Interlocked.CompareExchange(ref s_plans, [.. plans, (format, compiled)], plans);
        }

        return compiled;
    }

    /// <summary>Parses a custom format; null when it holds anything but the fields and literals this type writes.</summary>
    internal static ApiDateTimeFormat? Compile(string format)
    {
        // One character is a standard format ("O", "s", "u"...), not a custom one.
        if (format.Length < 2)
        {
            return null;
        }

        var parts = new (byte Kind, byte Value)[format.Length];
        var count = 0;
        var length = 0;
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            (byte Kind, byte Value, int Width)? part = (c, run) switch
            {
                ('y', 4) => (Year, 0, 4),
                ('M', 2) => (Month, 0, 2),
                ('d', 2) => (Day, 0, 2),
                ('H', 2) => (Hour, 0, 2),
                ('m', 2) => (Minute, 0, 2),
                ('s', 2) => (Second, 0, 2),
                ('f', <= 7) => (Fraction, (byte)run, run),
                _ => null,
            };
            if (part is { } field)
            {
                parts[count++] = (field.Kind, field.Value);
                length += field.Width;
                i += run;
                continue;
            }

            // Every other specifier, quoting and escaping, and anything beyond ASCII: left to DateTime.
            if (c > 0x7F || "dfFghHKmMstyz\"'%\\".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            // ':' and '/' are the time and date separators, which the invariant culture writes as themselves.
            parts[count++] = (Literal, (byte)c);
            length++;
            i++;
        }

        return new ApiDateTimeFormat(parts[..count], length);
    }

    private void Write(DateTime value, Span<byte> destination)
    {
        var at = 0;
        foreach (var (kind, data) in _parts)
        {
            if (kind == Literal)
            {
                destination[at++] = data;
                continue;
            }

            var (number, width) = kind switch
            {
                Year => (value.Year, 4),
                Month => (value.Month, 2),
                Day => (value.Day, 2),
                Hour => (value.Hour, 2),
                Minute => (value.Minute, 2),
                Second => (value.Second, 2),
                // 'f' truncates the seven-digit fraction of a second to its first digits, as DateTime does.
                _ => ((int)(value.Ticks % TimeSpan.TicksPerSecond) / s_fractionDivisors[data - 1], (int)data),
            };
            at = Digits(destination, at, number, width);
        }
    }

    // Writes value (non-negative, fewer than 10^width) as width decimal digits, zero-padded.
    private static int Digits(Span<byte> destination, int at, int value, int width)
    {
        for (var i = at + width - 1; i >= at; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return at + width;
    }
}
