using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>Emits one model type (record or enum struct) with its reflection-free JSON converter.</summary>
internal static partial class ModelsEmitter
{
    public static string Emit(ApiContextModel context, TypeModel type)
    {
        var w = SourceWriter.ForFile(context);
        switch (type)
        {
            case ObjectTypeModel model:
                EmitRecord(w, context, model);
                w.Line();
                EmitObjectConverter(w, context, model);
                break;
            case EnumTypeModel model:
                EnumEmitter.Emit(w, context, model);
                break;
            case UnionTypeModel model:
                EmitUnion(w, context, model);
                break;
        }

        return w.ToString();
    }

    private static void EmitRecord(SourceWriter w, ApiContextModel context, ObjectTypeModel model)
    {
        w.Line(Text.Summary(model.Description, $"The <c>{Text.Inline(model.Name)}</c> schema."));
        w.Line(CSharp.GeneratedCode);
        if (model.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        w.Line($"[{CSharp.JsonConverterAttribute}(typeof({CSharp.ConverterOf(model.Name)}))]");
        // A record something derives from is not sealed; a derived one declares only what its base does not.
        var sealedText = model.Derived.Count == 0 ? "sealed " : string.Empty;
        var baseText = model.BaseType is null ? string.Empty : " : " + model.BaseType;
        w.Open($"{CSharp.Access(context)} {sealedText}partial record {model.Name}{baseText}");
        var first = true;
        foreach (var property in model.Properties.Where(p => !model.InheritedKeys.Contains(p.JsonName)))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var description = property.Description;
            var fallback = $"The <c>{Text.Inline(property.JsonName)}</c> property{(property.Required ? string.Empty : " (optional)")}.";
            w.Line(Text.Summary(description, fallback));
            if (property.Deprecated && property.Required && !model.Deprecated && property.DiscriminatorValues.Count == 0)
            {
                // A required member cannot be [Obsolete] in a type that is not (CS9042, an error under warnings as
                // errors), and callers must set it anyway: the deprecation is told, not enforced.
                w.Line("/// <remarks>Deprecated in the OpenAPI document; still required, so not marked [Obsolete].</remarks>");
            }
            else if (property.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
            }

            if (property.DiscriminatorValues.Count > 0)
            {
                // The alternative is the value: its discriminator is not the caller's to set, and cannot contradict it.
                w.Line($"/// <remarks>The discriminator: always <c>{Text.Inline(property.DiscriminatorValues[0])}</c> for this type, written as such.</remarks>");
                w.Line($"public string {property.Name} => {Text.Literal(property.DiscriminatorValues[0])};");
                continue;
            }

            if (property.JsonName == model.InheritedDiscriminator)
            {
                w.Line($"/// <remarks>The discriminator: <c>{Text.Inline(model.DiscriminatorValues[0])}</c> is always written for this type.</remarks>");
            }

            var required = property.Required ? "required " : string.Empty;
            w.Line($"public {required}{CSharp.TypeOf(property.Type, IsNullable(property))} {property.Name} {{ get; init; }}");
        }

        if (model.AdditionalProperties == AdditionalPropertiesKind.Keep)
        {
            if (!first)
            {
                w.Line();
            }

            w.Line("/// <summary>Keys not declared by the schema, with their values.</summary>");
            w.Line($"public {CSharp.ReadOnlyDictionary}<string, {CSharp.TypeOf(model.AdditionalPropertiesType!, model.AdditionalPropertiesType!.Nullable)}>? AdditionalProperties {{ get; init; }}");
        }

        w.Close();
    }

    /// <summary>
    /// The <c>JsonConverter&lt;T&gt;</c> overrides every generated converter has: System.Text.Json calls land on the
    /// generated <c>ReadValue</c> (lenient) and <c>WriteValue</c>.
    /// </summary>
    internal static void EmitConverterOverrides(SourceWriter w, string typeName)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public override {typeName} Read(ref {CSharp.Utf8JsonReader} reader, {CSharp.Type} typeToConvert, {CSharp.JsonSerializerOptions} options) => ReadValue(ref reader, new {RuntimeNames.Reader.Type}(strict: false));");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override void Write({CSharp.Utf8JsonWriter} writer, {typeName} value, {CSharp.JsonSerializerOptions} options) => WriteValue(writer, value);");
        w.Line();
    }

    /// <summary>A property's C# type is nullable when null is valid on the wire or the key may be absent.</summary>
    internal static bool IsNullable(PropertyModel property) => CSharp.MayBeNull(property.Type, property.Required);

    private static void EmitObjectConverter(SourceWriter w, ApiContextModel context, ObjectTypeModel model)
    {
        var converter = CSharp.ConverterOf(model.Name);
        var code = new JsonCode();
        var body = new SourceWriter();
        if (model.Properties.Count > MaxInlineProperties)
        {
            EmitLargeReadValue(body, code, model);
            body.Line();
            EmitLargeWriteValue(body, model);
        }
        else
        {
            EmitReadValue(body, code, model);
            body.Line();
            EmitWriteValue(body, model);
        }

        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> as the document describes it, without reflection.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {converter} : {CSharp.JsonConverterOf}<{model.Name}>");
        EmitKeyTable(w, model);
        foreach (var field in code.Fields)
        {
            w.Line(field);
        }

        w.Line();
        ModelsEmitter.EmitConverterOverrides(w, model.Name);
        w.Line(body.ToString().TrimEnd('\n'));
        w.Close();
    }

    /// <summary>
    /// The table of the declared keys (<c>ApiJsonKeys</c>): a key's index is its position, the reader matches keys
    /// against it and the writer writes them from it; it also holds what happens to other keys, the required
    /// indexes and the property-count limits.
    /// </summary>
    private static void EmitKeyTable(SourceWriter w, ObjectTypeModel model)
    {
        var unknown = model.AdditionalProperties switch
        {
            AdditionalPropertiesKind.Forbid => RuntimeNames.UnknownKeys.Forbid,
            AdditionalPropertiesKind.Keep => RuntimeNames.UnknownKeys.Keep,
            _ => RuntimeNames.UnknownKeys.Skip,
        };
        var keys = string.Concat(model.Properties.Select(p => ", " + Text.Literal(p.JsonName)));
        var settings = new System.Collections.Generic.List<string>();
        var required = Enumerable.Range(0, model.Properties.Count).Where(i => model.Properties[i].Required).ToList();
        if (required.Count > 0)
        {
            settings.Add($"{RuntimeNames.Keys.Required} = new int[] {{ {string.Join(", ", required.Select(i => i.ToString(CultureInfo.InvariantCulture)))} }}");
        }

        if (model.MinProperties is not null)
        {
            settings.Add($"{RuntimeNames.Keys.MinProperties} = {Int(model.MinProperties)}");
        }

        if (model.MaxProperties is not null)
        {
            settings.Add($"{RuntimeNames.Keys.MaxProperties} = {Int(model.MaxProperties)}");
        }

        var init = settings.Count == 0 ? string.Empty : " { " + string.Join(", ", settings) + " }";
        w.Line($"private static readonly {RuntimeNames.Keys.Type} {ReservedNames.ConverterKeyTable} = new({RuntimeNames.UnknownKeys.Type}.{unknown}{keys}){init};");
    }

    /// <summary>
    /// Declares the additional-properties map (when the schema keeps them), begins the object and opens the loop over
    /// its keys (<c>index</c>: the declared key's index); a kept undeclared key is read here. Returns whether extras are kept.
    /// </summary>
    private static bool OpenPropertyLoop(SourceWriter w, JsonCode code, ObjectTypeModel model)
    {
        var keep = model.AdditionalProperties == AdditionalPropertiesKind.Keep;
        if (keep)
        {
            w.Line($"{CSharp.BuilderOf(new TypeRefModel(TypeRefKind.Map, Item: model.AdditionalPropertiesType))}? extra = null;");
        }

        var index = keep || model.Properties.Count > 0 ? "out var index" : "out _";
        w.Open($"while (context.{RuntimeNames.Reader.NextKey}(ref reader, ref state, {index}))");
        if (keep)
        {
            // The runtime leaves an undeclared key to the converter, on the key: the value goes to the map.
            w.Open("if (index < 0)");
            w.Line("var key = reader.GetString()!;");
            w.Line("extra ??= new(global::System.StringComparer.Ordinal);");
            w.Line($"context.{RuntimeNames.Reader.CheckUniqueKey}(extra.ContainsKey(key), key);");
            w.Line($"context.{RuntimeNames.Reader.Read}(ref reader);");
            w.Line($"context.{RuntimeNames.Reader.Push}(key);");
            w.Line($"{CSharp.TypeOf(model.AdditionalPropertiesType!, model.AdditionalPropertiesType!.Nullable)} extraValue;");
            code.Read(w, model.AdditionalPropertiesType!, ConstraintsModel.None, "extraValue", 0);
            w.Line("extra[key] = extraValue;");
            w.Line($"context.{RuntimeNames.Reader.Pop}();");
            w.Line("continue;");
            w.Close();
            if (model.Properties.Count > 0)
            {
                w.Line();
            }
        }

        return keep;
    }

    /// <summary>Returns the value read: each property from <paramref name="valueOf"/> its index, and the kept extras.</summary>
    private static void EmitConstruction(SourceWriter w, ObjectTypeModel model, bool keep, System.Func<int, string> valueOf)
    {
        w.Open($"return new {model.Name}");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            if (model.Properties[i].DiscriminatorValues.Count == 0)
            {
                w.Line($"{model.Properties[i].Name} = {valueOf(i)},");
            }
        }

        if (keep)
        {
            w.Line($"{ReservedNames.AdditionalProperties} = extra,");
        }

        w.Close(";");
    }

    private static void EmitReadValue(SourceWriter w, JsonCode code, ObjectTypeModel model)
    {
        w.Line("/// <summary>Reads one value; the reader is on its first token. Strict contexts enforce every constraint of the schema.</summary>");
        w.Open($"public static {model.Name} ReadValue(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
        EmitReadDispatch(w, model);
        w.Line($"var state = context.{RuntimeNames.Reader.BeginObject}(ref reader, {ReservedNames.ConverterKeyTable});");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            w.Line($"{CSharp.TypeOf(property.Type, IsNullable(property))} p{i} = default!;");
        }

        var keep = OpenPropertyLoop(w, code, model);
        if (model.Properties.Count > 0)
        {
            w.Open("switch (index)");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                EmitReadCase(w, code, model.Properties[i], i, "p" + i.ToString(CultureInfo.InvariantCulture), "break;");
            }

            w.Close();
            w.Line();
            w.Line($"context.{RuntimeNames.Reader.Pop}();");
        }

        w.Close();
        w.Line();
        EmitChecks(w, model, i => $"p{i}");
        EmitConstruction(w, model, keep, i => $"p{i}");
        w.Close();
    }

    /// <summary>One <c>case</c> of the switch on a declared key's index: the value read into <paramref name="target"/>.</summary>
    private static void EmitReadCase(SourceWriter w, JsonCode code, PropertyModel property, int index, string target, string end)
    {
        var label = index.ToString(CultureInfo.InvariantCulture);
        if (code.Expression(property.Type, property.Constraints) is { } expression)
        {
            w.Line($"case {label}: {target} = {expression}; {end}");
            return;
        }

        w.Open($"case {label}:");
        code.Read(w, property.Type, property.Constraints, target, 0);
        w.Line(end);
        w.Close();
    }

    /// <summary>
    /// The object-level checks after the last key: a discriminator naming another type, then (in the runtime) the
    /// property count and the required keys.
    /// </summary>
    private static void EmitChecks(SourceWriter w, ObjectTypeModel model, System.Func<int, string> valueOf)
    {
        for (var i = 0; i < model.Properties.Count; i++)
        {
            // A discriminator that names another type contradicts this one: refused in every context, strict or not.
            var property = model.Properties[i];
            var named = property.DiscriminatorValues.Count > 0 ? property.DiscriminatorValues
                : property.JsonName == model.InheritedDiscriminator ? model.DiscriminatorValues : default;
            if (named.Count > 0)
            {
                var values = string.Join(" or ", named.Select(Text.Literal));
                var expected = string.Join(", ", named.Select(v => "'" + v + "'"));
                // A string enum discriminator is compared by its wire text.
                var text = property.Type.Kind == TypeRefKind.Enum ? valueOf(i) + ".Value" : valueOf(i);
                w.Open($"if (state.{RuntimeNames.ObjectState.Has}({i.ToString(CultureInfo.InvariantCulture)}) && {text} is not ({values}))");
                w.Line($"throw context.{RuntimeNames.Reader.Fail}({Text.Literal($"the discriminator '{property.JsonName}' is '")} + {text} + {Text.Literal($"', which does not name {model.Name} (expected {expected})")});");
                w.Close();
                w.Line();
            }
        }

        w.Line($"context.{RuntimeNames.Reader.EndObject}(in state);");
    }

    private static void EmitWriteValue(SourceWriter w, ObjectTypeModel model)
    {
        w.Line("/// <summary>Writes one value with the document's key names.</summary>");
        w.Open($"public static void WriteValue({CSharp.Utf8JsonWriter} writer, {model.Name} value)");
        EmitWriteDispatch(w, model);
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            EmitWriteProperty(w, model, i);
        }

        EmitWriteAdditional(w, model);
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitWriteProperty(SourceWriter w, ObjectTypeModel model, int i)
    {
        var property = model.Properties[i];
        var access = "value." + property.Name;
        var name = $"{ReservedNames.ConverterKeyTable}[{i.ToString(CultureInfo.InvariantCulture)}]";
        if (property.JsonName == model.InheritedDiscriminator)
        {
            // The record is the value: it writes the discriminator value that names it.
            w.Line($"writer.WriteString({name}, {Text.Literal(model.DiscriminatorValues[0])});");
        }
        else if (JsonCode.PropertyStatement(property.Type, name, access, optional: !property.Required, IsNullable(property)) is { } statement)
        {
            w.Line(statement);
        }
        else if (property.Required)
        {
            w.Line($"writer.WritePropertyName({name});");
            JsonCode.Write(w, property.Type, access, IsNullable(property), 1);
        }
        else
        {
            // An absent optional property and a null one look alike in C#; absent is the safer reading.
            w.Open($"if ({access} is not null)");
            w.Line($"writer.WritePropertyName({name});");
            JsonCode.Write(w, property.Type, CSharp.IsValueType(property.Type) ? access + ".Value" : access, false, 1);
            w.Close();
        }
    }

    private static void EmitWriteAdditional(SourceWriter w, ObjectTypeModel model)
    {
        if (model.AdditionalProperties == AdditionalPropertiesKind.Keep)
        {
            w.Open("if (value.AdditionalProperties is not null)");
            w.Open("foreach (var pair in value.AdditionalProperties)");
            w.Line("writer.WritePropertyName(pair.Key);");
            JsonCode.Write(w, model.AdditionalPropertiesType!, "pair.Value", model.AdditionalPropertiesType!.Nullable, 1);
            w.Close();
            w.Close();
        }
    }

    /// <summary>A base with a discriminator reads the derived record its value names (the reader is on the value's first token).</summary>
    internal static void EmitReadDispatch(SourceWriter w, ObjectTypeModel model)
    {
        if (model.Discriminator is not { } discriminator)
        {
            return;
        }

        var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        w.Open($"switch (context.{RuntimeNames.Reader.PeekString}(reader, {Text.Literal(discriminator)}))");
        foreach (var derived in model.Derived)
        {
            var values = derived.DiscriminatorValues.Where(seen.Add).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            foreach (var value in values)
            {
                w.Line($"case {Text.Literal(value)}:");
            }

            w.Line($"    return {CSharp.ConverterOf(derived.TypeName)}.ReadValue(ref reader, context);");
        }

        w.Close();
        w.Line();
    }

    /// <summary>A base writes a value of a derived record as that record (each level hands over to its direct children).</summary>
    internal static void EmitWriteDispatch(SourceWriter w, ObjectTypeModel model)
    {
        var n = 0;
        foreach (var derived in model.Derived.Where(d => d.Direct))
        {
            var local = "derived" + (n++).ToString(CultureInfo.InvariantCulture);
            w.Open($"if (value is {derived.TypeName} {local})");
            w.Line($"{CSharp.ConverterOf(derived.TypeName)}.WriteValue(writer, {local});");
            w.Line("return;");
            w.Close();
            w.Line();
        }
    }

    /// <summary>A UTF-8 literal of a key (a string literal when the key holds a lone surrogate, which UTF-8 cannot).</summary>
    internal static string Utf8(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(i + 1 < value.Length && char.IsSurrogatePair(value[i], value[i + 1]) && ++i > 0))
            {
                return Text.Literal(value);
            }
        }

        return Text.Literal(value) + "u8";
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
