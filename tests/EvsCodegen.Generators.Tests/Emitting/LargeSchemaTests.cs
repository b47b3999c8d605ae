using System.Text;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// Objects and enums past the inline thresholds (issue 13.4) take the table form, whose compile time is linear in the
/// schema, and behave exactly like the inline form: a wide object and a narrow twin with the same leading properties
/// give the same answers to the same JSON, strict and lenient.
/// </summary>
public sealed class LargeSchemaTests
{
    private const int Wide = 70;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("wide.yaml", Document())));

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() => InMemoryAssembly.LoadWithProbe(s_run.Value, Probe));

    [Fact]
    public void LargeObjectsAndEnums_UseTheTableForm_SmallOnesStayInline()
    {
        var wide = s_run.Value.Source("Wide.Models.Wide.g.cs");
        var narrow = s_run.Value.Source("Wide.Models.Narrow.g.cs");
        var many = s_run.Value.Source("Wide.Models.Many.g.cs");
        var few = s_run.Value.Source("Wide.Models.Few.g.cs");

        // Both read keys through the runtime's key table; only the wide one splits its cases into chunk methods.
        Assert.Contains("context.NextKey(ref reader, ref state, out var index)", wide, StringComparison.Ordinal);
        Assert.Contains("case 1: ReadChunk1(ref reader, context, slots, index); break;", wide, StringComparison.Ordinal);
        Assert.Contains("private static void ReadChunk1(", wide, StringComparison.Ordinal);
        Assert.Contains("private static void WriteChunk1(", wide, StringComparison.Ordinal);
        Assert.Contains("context.NextKey(ref reader, ref state, out var index)", narrow, StringComparison.Ordinal);
        Assert.Contains("\"k0\", \"k1\"", narrow.Split('\n').Single(l => l.Contains("s_keys = new(", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("ReadChunk", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("Slots", narrow, StringComparison.Ordinal);
        // String enums of any size share one form: a runtime table, read by the runtime's one generic converter
        // through the struct's explicit FromWire/Known (no chain, no pattern, no converter class).
        foreach (var enumeration in new[] { many, few })
        {
            Assert.Contains("public bool IsKnown => s_known.Contains(Value);", enumeration, StringComparison.Ordinal);
            Assert.DoesNotContain(" or ", enumeration.Split('\n').Single(l => l.Contains("IsKnown =>", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.DoesNotContain("ValueTextEquals", enumeration, StringComparison.Ordinal);
            Assert.Contains("IApiStringEnumeration<", enumeration, StringComparison.Ordinal);
            Assert.Contains(".Known => s_known;", enumeration, StringComparison.Ordinal);
            Assert.DoesNotContain("class ", enumeration.Replace("public static class Values", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("internal static readonly global::EvsCodegen.Runtime.ApiEnumValues s_known = new(Values.A, Values.B, Values.C);", few, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeSchemas_CompileWithoutWarnings()
    {
        Assert.Empty(s_run.Value.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation).Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("""{"k0":1,"k69":true}""", true)]
    [InlineData("""{"k69":false,"k2":"v5","k1":"ab","k0":3,"k68":true}""", true)]
    [InlineData("""{"k0":1,"k0":2,"k69":true}""", true)]
    [InlineData("""{"k0":1,"k69":true,"zz":1}""", true)]
    [InlineData("""{"k69":true}""", true)]
    [InlineData("""{"k0":0,"k69":true}""", true)]
    [InlineData("""{"k0":1,"k1":"abcd","k69":true}""", true)]
    [InlineData("""{"k0":1,"k2":"nope","k69":true}""", true)]
    [InlineData("""{"k0":1,"k2":7,"k69":true}""", true)]
    [InlineData("""{"k0":1,"k69":true,"zz":1}""", false)]
    [InlineData("""{"k0":1,"k2":"nope","k69":true}""", false)]
    [InlineData("""{"k0":1,"k69":true""", true)]
    public async Task WideObject_AnswersLikeItsNarrowTwin(string json, bool strict)
    {
        var wide = await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", "Wide", json, strict);
        var narrow = await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", "Narrow", json, strict);

        Assert.Equal(narrow, wide);
    }

    [Fact]
    public async Task WideObject_RoundTripsEveryPropertyAndKeepsAdditionalProperties()
    {
        var all = "{" + string.Join(",", Enumerable.Range(0, Wide).Select(i => $"\"k{i}\":{(i == 0 ? "5" : i == 1 ? "\"abc\"" : i == 2 ? "\"v69\"" : "true")}")) + "}";

        Assert.Equal("ok " + all, await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", "Wide", all, true));
        Assert.Equal("""ok {"k0":1,"extra":5}""", await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", "Keep", """{"k0":1,"extra":5}""", true));
        Assert.StartsWith("error at 'extra'", await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", "Keep", """{"k0":1,"extra":"x"}""", true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeEnums_KnowExactlyTheirListedValues()
    {
        Assert.Equal("True False True False True", await s_probe.Value.InvokeAsync("Consumer.Probe", "EnumsAsync"));
    }

    private static string Document()
    {
        var text = new StringBuilder("""
            openapi: 3.0.3
            info: {title: Wide, version: '1'}
            paths: {}
            components:
              schemas:
                Few: {type: string, enum: [a, b, c]}

            """);
        text.Append("    Many: {type: string, enum: [").Append(string.Join(", ", Enumerable.Range(0, Wide).Select(i => "v" + i))).Append("]}\n");
        text.Append("    ManyInts: {type: integer, enum: [").Append(string.Join(", ", Enumerable.Range(0, Wide).Select(i => (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture)))).Append("]}\n");
        foreach (var (name, count, additional) in new[] { ("Wide", Wide, "false"), ("Narrow", 3, "false"), ("Keep", Wide, "{type: integer}") })
        {
            text.Append($"    {name}:\n      type: object\n      additionalProperties: {additional}\n");
            text.Append(name == "Keep" ? "      required: [k0]\n" : "      required: [k0, k69]\n");
            text.Append("      properties:\n");
            var indexes = Enumerable.Range(0, count).Concat(name == "Narrow" ? [68, 69] : []);
            foreach (var i in indexes)
            {
                var schema = i switch
                {
                    0 => "{type: integer, minimum: 1}",
                    1 => "{type: string, maxLength: 3}",
                    2 => "{$ref: '#/components/schemas/Many'}",
                    _ => "{type: boolean}",
                };
                text.Append($"        k{i}: {schema}\n");
            }
        }

        return text.ToString();
    }

    private const string Probe = """"
        using System;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            private static readonly JsonSerializerOptions s_options = new() { TypeInfoResolver = ApiJsonResolver.Instance };

            public static Task<string> ReadAsync(string type, string json, bool strict)
            {
                try
                {
                    var bytes = Encoding.UTF8.GetBytes(json);
                    var text = type switch
                    {
                        "Wide" => Write(ApiJsonReader.Deserialize(bytes, WideJsonConverter.ReadValue, strict)),
                        "Narrow" => Write(ApiJsonReader.Deserialize(bytes, NarrowJsonConverter.ReadValue, strict)),
                        _ => JsonSerializer.Serialize(ApiJsonReader.Deserialize(bytes, KeepJsonConverter.ReadValue, strict), s_options),
                    };
                    return Task.FromResult("ok " + text);
                }
                catch (ApiJsonException exception)
                {
                    return Task.FromResult($"error at '{exception.Location}': {exception.Problem}");
                }
                catch (JsonException exception)
                {
                    // Not JSON at all (the server refuses it before any converter runs).
                    return Task.FromResult("syntax error: " + exception.GetType().Name);
                }
            }

            // Both write the keys they hold in schema order, so on shared keys their JSON is the same text.
            private static string Write<T>(T value) => JsonSerializer.Serialize(value, s_options);

            public static Task<string> EnumsAsync() => Task.FromResult(string.Join(" ", new Many("v69").IsKnown, new Many("v70").IsKnown, new ManyInts(207).IsKnown, new ManyInts(208).IsKnown, Many.KnownValues.Count == 70));
        }
        """";
}
