using System.Globalization;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Converters of objects with many properties. The inline form (one local and one <c>case</c> per property in a
/// single method) costs the compiler time and memory quadratic in the number of properties: flow analysis carries
/// a state entry per local across every branch (20,000 properties: 150 s and 7.4 GB). Above
/// <see cref="MaxInlineProperties"/> the runtime's key table gives the index as for small objects, its value is read
/// by a chunk method of at most <see cref="ChunkSize"/> cases into a slot object, and written by chunk methods of the
/// same size, so no method grows with the schema and compile time stays linear. Behaviour is the same: strict reads
/// still reject duplicate, unknown and missing keys with the same messages.
/// </summary>
internal static partial class ModelsEmitter
{
    /// <summary>Objects with more properties than this use the table form; smaller ones (every EVS schema) stay inline.</summary>
    internal const int MaxInlineProperties = 64;

    /// <summary>Properties per chunk method.</summary>
    private const int ChunkSize = 64;

    private static void EmitLargeReadValue(SourceWriter w, JsonCode code, ObjectTypeModel model)
    {
        var chunks = (model.Properties.Count + ChunkSize - 1) / ChunkSize;
        w.Line("/// <summary>Reads one value; the reader is on its first token. Strict contexts enforce every constraint of the schema.</summary>");
        w.Open($"public static {model.Name} ReadValue(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
        EmitReadDispatch(w, model);
        w.Line($"var state = context.{RuntimeNames.Reader.BeginObject}(ref reader, {ReservedNames.ConverterKeyTable});");
        w.Line($"var slots = new {ReservedNames.ConverterSlots}();");
        var keep = OpenPropertyLoop(w, code, model);
        w.Open($"switch (index / {ChunkSize.ToString(CultureInfo.InvariantCulture)})");
        for (var c = 0; c < chunks; c++)
        {
            w.Line($"case {c.ToString(CultureInfo.InvariantCulture)}: {ReservedNames.ConverterReadChunkPrefix}{c.ToString(CultureInfo.InvariantCulture)}(ref reader, context, slots, index); break;");
        }

        w.Close();
        w.Line();
        w.Line($"context.{RuntimeNames.Reader.Pop}();");
        w.Close();
        w.Line();
        EmitChecks(w, model, i => $"slots.{ReservedNames.SlotValuePrefix}{i.ToString(CultureInfo.InvariantCulture)}");
        EmitConstruction(w, model, keep, i => $"slots.{ReservedNames.SlotValuePrefix}{i.ToString(CultureInfo.InvariantCulture)}");
        w.Close();
        for (var c = 0; c < chunks; c++)
        {
            w.Line();
            EmitReadChunk(w, code, model, c);
        }

        w.Line();
        w.Line("/// <summary>The values read so far, one field per property.</summary>");
        w.Open($"private sealed class {ReservedNames.ConverterSlots}");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            w.Line($"public {CSharp.TypeOf(property.Type, IsNullable(property))} {ReservedNames.SlotValuePrefix}{i.ToString(CultureInfo.InvariantCulture)} = default!;");
        }

        w.Close();
    }

    private static void EmitReadChunk(SourceWriter w, JsonCode code, ObjectTypeModel model, int chunk)
    {
        w.Open($"private static void {ReservedNames.ConverterReadChunkPrefix}{chunk.ToString(CultureInfo.InvariantCulture)}(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context, {ReservedNames.ConverterSlots} slots, int index)");
        w.Open("switch (index)");
        var end = System.Math.Min(model.Properties.Count, (chunk + 1) * ChunkSize);
        for (var i = chunk * ChunkSize; i < end; i++)
        {
            EmitReadCase(w, code, model.Properties[i], i, $"slots.{ReservedNames.SlotValuePrefix}{i.ToString(CultureInfo.InvariantCulture)}", "return;");
        }

        w.Close();
        w.Close();
    }

    private static void EmitLargeWriteValue(SourceWriter w, ObjectTypeModel model)
    {
        var chunks = (model.Properties.Count + ChunkSize - 1) / ChunkSize;
        w.Line("/// <summary>Writes one value with the document's key names.</summary>");
        w.Open($"public static void WriteValue({CSharp.Utf8JsonWriter} writer, {model.Name} value)");
        EmitWriteDispatch(w, model);
        w.Line("writer.WriteStartObject();");
        for (var c = 0; c < chunks; c++)
        {
            w.Line($"{ReservedNames.ConverterWriteChunkPrefix}{c.ToString(CultureInfo.InvariantCulture)}(writer, value);");
        }

        EmitWriteAdditional(w, model);
        w.Line("writer.WriteEndObject();");
        w.Close();
        for (var c = 0; c < chunks; c++)
        {
            w.Line();
            w.Open($"private static void {ReservedNames.ConverterWriteChunkPrefix}{c.ToString(CultureInfo.InvariantCulture)}({CSharp.Utf8JsonWriter} writer, {model.Name} value)");
            var end = System.Math.Min(model.Properties.Count, (c + 1) * ChunkSize);
            for (var i = c * ChunkSize; i < end; i++)
            {
                EmitWriteProperty(w, model, i);
            }

            w.Close();
        }
    }
}
