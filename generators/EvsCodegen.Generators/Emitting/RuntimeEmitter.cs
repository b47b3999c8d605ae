using System.Globalization;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits the per-document parts the runtime library reads: the fault table (<c>ApiFaults</c>) and the JSON type-info
/// resolver over every generated type. Everything that is the same for every document is in <c>EvsCodegen.Runtime</c>.
/// </summary>
internal static class RuntimeEmitter
{
    /// <summary>How the client and controllers name the document's fault table.</summary>
    public const string FaultsTable = ReservedNames.Faults + ".Table";

    public static string EmitFaults(ApiContextModel context)
    {
        var w = SourceWriter.ForFile(context);
        w.Line("/// <summary>The error answers the document declares (<c>x-fault</c>): what the client reads and the controllers write.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} static partial class {ReservedNames.Faults}");
        w.Line("/// <summary>The fault name and code of each documented status, and the shape of error bodies.</summary>");
        w.Line($"public static {RuntimeNames.Faults.Type} Table {{ get; }} = new(");
        w.Line($"    keyedEnvelope: {(context.Envelope is null ? "false" : "true")}{(context.Faults.Count == 0 ? ");" : ",")}");
        for (var i = 0; i < context.Faults.Count; i++)
        {
            var f = context.Faults[i];
            w.Line($"    new {RuntimeNames.Faults.Fault}({f.StatusCode.ToString(CultureInfo.InvariantCulture)}, {Text.Literal(f.Name)}, {Text.Literal(f.Code)}){(i == context.Faults.Count - 1 ? ");" : ",")}");
        }
        w.Close();
        return w.ToString();
    }

    public static string EmitResolver(ApiContextModel context, EquatableArray<string> typeNames, EquatableArray<string> converters)
    {
        var w = SourceWriter.ForFile(context);
        w.Line("/// <summary>");
        w.Line("/// Type information for every generated model, built from the generated converters: use it as the");
        w.Line("/// <c>TypeInfoResolver</c> of <c>JsonSerializerOptions</c> to serialize models without reflection.");
        w.Line("/// </summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {ReservedNames.JsonResolver} : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("/// <summary>The shared instance.</summary>");
        w.Line($"public static {ReservedNames.JsonResolver} Instance {{ get; }} = new();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo({CSharp.Type} type, {CSharp.JsonSerializerOptions} options)");
        for (var i = 0; i < typeNames.Count; i++)
        {
            var name = typeNames[i];
            w.Open($"if (type == typeof({name}))");
            w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{name}>(options, new {converters[i]}());");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
