using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>Emits the runtime every models family needs: the exception, the fault table and JSON helpers.</summary>
internal static partial class RuntimeEmitter
{
    public static string Emit(ApiContextModel context)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"namespace {context.Namespace};");
        w.Line();
        var access = CSharp.Access(context);
        w.Line(ExceptionSource.Replace("ACCESS", access));
        w.Line();
        EmitFaults(w, context);
        w.Line();
        w.Line(ReaderSource.Replace("ACCESS", access));
        w.Line();
        w.Line(ValueSource.Replace("ACCESS", access));
        return w.ToString();
    }

    public static string EmitResolver(ApiContextModel context, EquatableArray<string> typeNames)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"namespace {context.Namespace};");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Type information for every generated model, built from the generated converters: use it as the");
        w.Line("/// <c>TypeInfoResolver</c> of <c>JsonSerializerOptions</c> to serialize models without reflection.");
        w.Line("/// </summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class ApiJsonResolver : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared instance.</summary>");
        w.Line("public static ApiJsonResolver Instance { get; } = new();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo({CSharp.Type} type, {CSharp.JsonSerializerOptions} options)");
        foreach (var name in typeNames)
        {
            w.Open($"if (type == typeof({name}))");
            w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{name}>(options, new {CSharp.ConverterOf(name)}());");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitFaults(SourceWriter w, ApiContextModel context)
    {
        var faults = context.Faults;
        w.Line("/// <summary>The error answers the document declares (<c>x-fault</c>), and how they are written and read.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} static partial class ApiFaults");
        w.Line("/// <summary>Whether error bodies use the keyed envelope <c>{\"faultName\": {\"message\": …, \"code\": …}}</c>.</summary>");
        w.Line($"public static bool HasEnvelope => {(context.Envelope is null ? "false" : "true")};");
        w.Line();
        w.Line("/// <summary>The fault name for a status: the documented one, else that of 400 for 4xx or 500 for 5xx.</summary>");
        w.Line("public static string? NameOf(int statusCode) => ExactName(statusCode) ?? ExactName(statusCode >= 500 ? 500 : 400);");
        w.Line();
        w.Line("/// <summary>The error code for a status, chosen like <see cref=\"NameOf\"/>.</summary>");
        w.Line("public static string? CodeOf(int statusCode) => ExactCode(statusCode) ?? ExactCode(statusCode >= 500 ? 500 : 400);");
        w.Line();
        w.Line($"private static string? ExactName(int statusCode) => statusCode switch {{ {string.Join(" ", faults.Select(f => $"{f.StatusCode.ToString(CultureInfo.InvariantCulture)} => {Text.Literal(f.Name)},"))} _ => null }};");
        w.Line();
        w.Line($"private static string? ExactCode(int statusCode) => statusCode switch {{ {string.Join(" ", faults.Select(f => $"{f.StatusCode.ToString(CultureInfo.InvariantCulture)} => {Text.Literal(f.Code)},"))} _ => null }};");
        w.Line();
        w.Line(FaultsSource);
        w.Close();
    }
}
