using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits an enum schema as a readonly struct over its wire value: known values are static members, unknown values
/// read from a peer survive a round trip, and strict reading rejects them.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, ApiContextModel context, EnumTypeModel model)
    {
        var valueType = model.IsInteger ? "long" : "string";
        // No converter class per enum: the runtime's one generic converter calls the struct's explicit interface
        // members (a string enum's FromWire and Known; an integer enum's ReadValue and WriteValue).
        var contract = $"{(model.IsInteger ? RuntimeNames.Enumeration.Type : RuntimeNames.StringEnumeration.Type)}<{model.Name}>";
        w.Line(Text.Summary(model.Description, $"The <c>{Text.Inline(model.Name)}</c> enumeration."));
        w.Line(CSharp.GeneratedCode);
        w.Line($"[{CSharp.JsonConverterAttribute}(typeof({CSharp.EnumConverterOf(model.Name)}))]");
        w.Open($"{CSharp.Access(context)} readonly partial struct {model.Name} : global::System.IEquatable<{model.Name}>, {contract}");
        w.Line(model.IsInteger ? "private readonly long _value;" : "private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Line($"public {model.Name}({valueType} value) => _value = value{(model.IsInteger ? string.Empty : " ?? throw new global::System.ArgumentNullException(nameof(value))")};");
        w.Line();
        w.Line("/// <summary>The value on the wire.</summary>");
        w.Line($"public {valueType} Value => _value{(model.IsInteger ? string.Empty : " ?? string.Empty")};");
        foreach (var member in model.Members)
        {
            w.Line();
            w.Line($"/// <summary>The value <c>{Text.Inline(member.Value)}</c>.</summary>");
            // Computed, not stored: wrapping a constant costs nothing, and no static field or initializer per value.
            w.Line($"public static {model.Name} {member.Name} => new({ReservedNames.EnumConstants}.{member.Name});");
        }

        // The listed values as constants, so they can be 'case' labels and constant patterns over Value
        // (a static property of the struct cannot: CS9135), while the struct still carries unknown values.
        w.Line();
        w.Line("/// <summary>The listed wire values as constants, for <c>switch</c> case labels and patterns over <see cref=\"Value\"/>.</summary>");
        w.Open($"public static class {ReservedNames.EnumConstants}");
        foreach (var member in model.Members)
        {
            w.Line($"/// <summary>The value <c>{Text.Inline(member.Value)}</c>.</summary>");
            w.Line($"public const {valueType} {member.Name} = {Value(model, member.Value)};");
        }

        w.Close();

        w.Line();
        w.Line("/// <summary>Every value the document lists, in document order.</summary>");
        w.Line($"public static {CSharp.ReadOnlyList}<{model.Name}> KnownValues {{ get; }} = [{string.Join(", ", model.Members.Select(m => m.Name))}];");
        w.Line();
        w.Line("/// <summary>Reads a value from its text (a query or path parameter, a form field); false when the text is not one.</summary>");
        w.Line("/// <param name=\"text\">The text.</param>");
        w.Line("/// <param name=\"value\">The value, known or not.</param>");
        w.Line("/// <returns>Whether the text holds a value of the enum's type.</returns>");
        w.Line(model.IsInteger
            ? $"public static bool TryParse(string text, out {model.Name} value) {{ var parsed = long.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, {CSharp.Invariant}, out var number); value = new(number); return parsed; }}"
            : $"public static bool TryParse(string text, out {model.Name} value) {{ value = new(text ?? string.Empty); return text is not null; }}");
        if (!model.IsInteger)
        {
            // One runtime table per enum answers IsKnown and matches the converter's reads on their UTF-8 bytes.
            w.Line();
            w.Line($"internal static readonly {RuntimeNames.EnumValues.Type} {ReservedNames.EnumKnownSet} = new({string.Join(", ", model.Members.Select(m => $"{ReservedNames.EnumConstants}.{m.Name}"))});");
            w.Line();
            w.Line("/// <summary>Whether the value is one the document lists.</summary>");
            w.Line($"public bool IsKnown => {ReservedNames.EnumKnownSet}.{RuntimeNames.EnumValues.Contains}(Value);");
            w.Line();
            w.Line($"static {model.Name} {contract}.{RuntimeNames.StringEnumeration.FromWire}(string value) => new(value);");
            w.Line();
            w.Line($"static {RuntimeNames.EnumValues.Type} {contract}.{RuntimeNames.StringEnumeration.Known} => {ReservedNames.EnumKnownSet};");
        }
        else if (model.Members.Count <= MaxPatternMembers)
        {
            w.Line();
            w.Line("/// <summary>Whether the value is one the document lists.</summary>");
            w.Line($"public bool IsKnown => Value switch {{ {string.Join(" or ", model.Members.Select(m => Value(model, m.Value)))} => true, _ => false }};");
        }
        else
        {
            // Binding one 'or' pattern costs the compiler time and memory quadratic in its alternatives (5,000 values:
            // about a minute); a set built once from KnownValues (declared above, so initialized first) compiles in linear time.
            w.Line();
            w.Line("/// <summary>Whether the value is one the document lists.</summary>");
            w.Line($"public bool IsKnown => {ReservedNames.EnumKnownSet}.Contains(Value);");
            w.Line();
            w.Line($"private static readonly global::System.Collections.Generic.HashSet<{valueType}> {ReservedNames.EnumKnownSet} = new(global::System.Linq.Enumerable.Select(KnownValues, static known => known.Value));");
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({model.Name} other) => Value == other.Value;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {model.Name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        // string's == and GetHashCode are ordinal (the same as StringComparer.Ordinal's), and cheaper to bind.
        w.Line("public override int GetHashCode() => Value.GetHashCode();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(model.IsInteger ? $"public override string ToString() => Value.ToString({CSharp.Invariant});" : "public override string ToString() => Value;");
        w.Line();
        w.Line("/// <summary>Equality.</summary>");
        w.Line($"public static bool operator ==({model.Name} left, {model.Name} right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Inequality.</summary>");
        w.Line($"public static bool operator !=({model.Name} left, {model.Name} right) => !left.Equals(right);");
        if (model.IsInteger)
        {
            w.Line();
            w.Line($"private static readonly string[] {ReservedNames.EnumAllowed} = [{string.Join(", ", model.Members.Select(m => Text.Literal(m.Value)))}];");
            w.Line();
            w.Open($"static {model.Name} {contract}.{RuntimeNames.Enumeration.ReadValue}(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
            w.Line($"var value = new {model.Name}(context.{RuntimeNames.Reader.ReadInt64}(ref reader));");
            w.Open($"if (context.{RuntimeNames.Reader.Strict} && !value.IsKnown)");
            w.Line($"context.{RuntimeNames.Reader.FailNotAllowed}(value.ToString(), {ReservedNames.EnumAllowed});");
            w.Close();
            w.Line();
            w.Line("return value;");
            w.Close();
            w.Line();
            w.Line($"static void {contract}.{RuntimeNames.Enumeration.WriteValue}({CSharp.Utf8JsonWriter} writer, {model.Name} value) => writer.WriteNumberValue(value.Value);");
        }

        w.Close();
    }

    /// <summary>Integer enums with more members than this check <c>IsKnown</c> against a static set instead of one <c>or</c> pattern.</summary>
    internal const int MaxPatternMembers = 64;

    private static string Value(EnumTypeModel model, string value) => model.IsInteger ? value + "L" : Text.Literal(value);
}
