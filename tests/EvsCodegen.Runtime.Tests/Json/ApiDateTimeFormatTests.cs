using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

/// <summary>
/// <see cref="ApiDateTimeFormat"/>: a custom format of numeric fields and literals is written by a plan parsed once, and
/// must write exactly what <see cref="DateTime.ToString(string, IFormatProvider)"/> writes with the invariant culture;
/// every other format is left to <see cref="DateTime"/>.
/// </summary>
public sealed class ApiDateTimeFormatTests
{
    private static readonly string[] s_planned =
    [
        "yyyy-MM-ddTHH:mm:ss.ffffff", "yyyy-MM-ddTHH:mm:ss.fffffff", "yyyy-MM-ddTHH:mm:ss.f", "yyyy-MM-ddTHH:mm:ssZ",
        "yyyy-MM-dd HH:mm:ss", "yyyyMMddHHmmss", "yyyy/MM/dd", "HH:mm", "dd.MM.yyyy", "yyyy-MM-dd", "ss.fff", "yyyy-MM-ddTHH:mm:ss,fff",
    ];

    private static readonly string[] s_leftToDateTime =
    [
        "O", "o", "s", "u", "R", "yyyy-MM-ddTHH:mm:ss.FFF", "ddd, dd MMM yyyy", "yy-M-d", "'T'HH", "hh:mm tt", "yyyy-MM-ddTHH:mm:sszzz",
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyyy", "%d", "HH\\:mm", "yyyy-MM-ddTHH:mm:ss\"Z\"", "d/M/yyyy", "yyyy年MM月dd日",
        "H:m:s", "MMMM", "gg yyyy", "y",
    ];

    public static TheoryData<string> Planned => [.. s_planned];

    public static TheoryData<string> LeftToDateTime => [.. s_leftToDateTime];

    [Theory]
    [MemberData(nameof(Planned))]
    public void APlannedFormat_WritesWhatDateTimeWrites_ForEveryKindOfValue(string format)
    {
        Assert.NotNull(ApiDateTimeFormat.Compile(format));
        foreach (var value in Values())
        {
            Assert.Equal(Expected(value, format), Written(value, format));
        }
    }

    [Theory]
    [MemberData(nameof(LeftToDateTime))]
    public void AnyOtherFormat_IsLeftToDateTime_AndWrittenAsItWrites(string format)
    {
        Assert.Null(ApiDateTimeFormat.Compile(format));
        foreach (var value in Values().Take(40))
        {
            Assert.Equal(Expected(value, format), Written(value, format));
        }
    }

    [Fact]
    public void AFormatBuiltAtRunTime_UsesThePlanOfTheEqualLiteral()
    {
        var literal = "yyyy-MM-ddTHH:mm:ss.ffffff";
        var built = new StringBuilder("yyyy-MM-dd").Append("THH:mm:ss.ffffff").ToString();

        Assert.NotSame(literal, built);
        Assert.Same(ApiDateTimeFormat.PlanFor(literal), ApiDateTimeFormat.PlanFor(built));
    }

    [Fact]
    public void ADestinationTooShort_IsLeftToTheCaller()
    {
        var buffer = new byte[10];

        Assert.False(ApiDateTimeFormat.TryFormat(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), "yyyy-MM-ddTHH:mm:ss", buffer, out var written));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Dates_AreWrittenAsYearMonthDay_AcrossTheRange()
    {
        foreach (var date in new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(999, 1, 9), new DateOnly(2024, 2, 29), new DateOnly(2026, 12, 31) })
        {
            var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(date, static (writer, value) => ApiJsonValue.WriteDate(writer, value)));

            Assert.Equal("\"" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"", json);
        }
    }

    // The ends of the range, every fraction length, and a spread of random instants (seeded, so a failure repeats).
    private static IEnumerable<DateTimeOffset> Values()
    {
        yield return DateTimeOffset.MinValue;
        yield return DateTimeOffset.MaxValue;
        yield return new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1);
        yield return new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(9_999_999);
        yield return new DateTimeOffset(2000, 2, 29, 12, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_000_000);
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var ticks = (long)(random.NextDouble() * (DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay)) + TimeSpan.TicksPerDay / 2;
            yield return new DateTimeOffset(new DateTime(ticks, DateTimeKind.Utc));
        }
    }

    private static string Expected(DateTimeOffset value, string format) =>
        JsonSerializer.Serialize(value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Written(DateTimeOffset value, string format) =>
        Encoding.UTF8.GetString(ApiJsonValue.Serialize((value, format), static (writer, state) => ApiJsonValue.WriteDateTime(writer, state.value, state.format)));
}
