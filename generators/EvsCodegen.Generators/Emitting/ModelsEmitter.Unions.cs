using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Union records (docs/decisions.md, "Typed unions of any alternatives"): one nullable property per alternative,
/// implicit conversions from each, and a converter that reads by the JSON token kind first, then by the discriminator,
/// then by reading the alternatives of that kind (the runtime's <c>ReadAlternative</c> holds <c>oneOf</c> to exactly one).
/// </summary>
internal static partial class ModelsEmitter
{
    private static readonly (JsonKinds Kind, string[] Tokens, string What)[] s_kinds =
    [
        (JsonKinds.String, ["String"], "a string"),
        (JsonKinds.Number, ["Number"], "a number"),
        (JsonKinds.Boolean, ["True", "False"], "a boolean"),
        (JsonKinds.Array, ["StartArray"], "an array"),
        (JsonKinds.Object, ["StartObject"], "an object"),
    ];

    private static void EmitUnion(SourceWriter w, ApiContextModel context, UnionTypeModel model)
    {
        var alternatives = string.Join(", ", model.Members.Select(Describe));
        w.Line(Text.Summary(model.Description, $"The <c>{Text.Inline(model.Name)}</c> schema."));
        var article = model.Keyword.StartsWith("a", System.StringComparison.Ordinal) ? "An" : "A";
        w.Line($"/// <remarks>{article} <c>{model.Keyword}</c> of {alternatives}: the property of the alternative that was read (or is to be written) is set, the others are null.</remarks>");
        w.Line(CSharp.GeneratedCode);
        if (model.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        w.Line($"[{CSharp.JsonConverterAttribute}(typeof({CSharp.ConverterOf(model.Name)}))]");
        w.Open($"{CSharp.Access(context)} sealed partial record {model.Name}");
        var converted = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in model.Members)
        {
            var type = CSharp.TypeOf(member.Type, false);
            w.Line($"/// <summary>The value when it is {Describe(member)}.</summary>");
            w.Line($"public {CSharp.TypeOf(member.Type, true)} {member.Name} {{ get; init; }}");
            w.Line();

            // C# has no conversion from an interface (lists, maps), and one per source type.
            if (member.Type.Kind is not (TypeRefKind.Array or TypeRefKind.Map) && converted.Add(type))
            {
                w.Line($"/// <summary>Wraps {Describe(member)}.</summary>");
                w.Line($"/// <param name=\"value\">The value.</param>");
                w.Line($"public static implicit operator {model.Name}({type} value) => new() {{ {member.Name} = value }};");
                w.Line();
            }
        }

        w.Line("/// <summary>The alternative that is set, whichever it is; null when none is.</summary>");
        w.Line($"public object? Value => {string.Join(" ?? ", model.Members.Select(m => $"(object?){m.Name}"))};");
        w.Close();
        w.Line();
        EmitUnionConverter(w, context, model);
    }

    private static void EmitUnionConverter(SourceWriter w, ApiContextModel context, UnionTypeModel model)
    {
        var converter = CSharp.ConverterOf(model.Name);
        var code = new JsonCode();
        var body = new SourceWriter();
        var fields = new List<string>();
        EmitUnionReadValue(body, model, fields);
        body.Line();
        EmitUnionWriteValue(body, model);
        for (var i = 0; i < model.Members.Count; i++)
        {
            body.Line();
            EmitReadOption(body, code, model, i);
        }

        var rule = model.ExactlyOne ? "exactly one alternative of that kind must read when strict" : "the first alternative of that kind that reads";
        var discriminator = model.Discriminator is null ? string.Empty : $"then the discriminator <c>{Text.Inline(model.Discriminator)}</c>, ";
        w.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/>: by the JSON kind of the value, {discriminator}then {rule}.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {converter} : {CSharp.JsonConverterOf}<{model.Name}>");
        foreach (var field in fields.Concat(code.Fields))
        {
            w.Line(field);
        }

        if (fields.Count + code.Fields.Count > 0)
        {
            w.Line();
        }

        EmitConverterOverrides(w, model.Name);
        w.Line(body.ToString().TrimEnd('\n'));
        w.Close();
    }

    private static void EmitUnionReadValue(SourceWriter w, UnionTypeModel model, List<string> fields)
    {
        w.Line("/// <summary>Reads one value; the reader is on its first token.</summary>");
        w.Open($"public static {model.Name} ReadValue(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
        w.Open("switch (reader.TokenType)");
        // Untyped alternatives ({} or keywords only) are candidates of every kind, after the typed ones: a lenient read
        // prefers a typed alternative, a strict oneOf read tries them all and refuses a value two of them match.
        var untyped = model.Members.Select((m, i) => (m, i)).Where(p => p.m.Type.Kind == TypeRefKind.Any).Select(p => p.i).ToList();
        var expected = new List<string>();
        foreach (var (kind, tokens, what) in s_kinds)
        {
            var candidates = model.Members.Select((m, i) => (m, i)).Where(p => p.m.Type.Kind != TypeRefKind.Any && (p.m.Kinds & kind) != 0).Select(p => p.i).Concat(untyped).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            expected.Add(what);
            for (var t = 0; t < tokens.Length - 1; t++)
            {
                w.Line($"case {CSharp.JsonTokenType}.{tokens[t]}:");
            }

            w.Open($"case {CSharp.JsonTokenType}.{tokens[tokens.Length - 1]}:");
            if (kind == JsonKinds.Object)
            {
                EmitDiscriminatorSwitch(w, model, candidates);
            }

            EmitGroupRead(w, model, candidates, fields);
            w.Close();
        }

        w.Close();
        w.Line();

        // Only a token no alternative starts with gets here: Expect reports what was expected and what came.
        var all = expected.Count == 1 ? expected[0] : string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[expected.Count - 1];
        w.Line($"context.{RuntimeNames.Reader.Expect}(ref reader, {CSharp.JsonTokenType}.None, {Text.Literal(all)});");
        w.Line($"throw context.{RuntimeNames.Reader.Fail}({Text.Literal("expected " + all)});");
        w.Close();
    }

    /// <summary>The object alternatives a discriminator value names are read directly; a value naming none is refused when every alternative has its values.</summary>
    private static void EmitDiscriminatorSwitch(SourceWriter w, UnionTypeModel model, List<int> candidates)
    {
        if (model.Discriminator is not { } discriminator || !candidates.Any(i => model.Members[i].DiscriminatorValues.Count > 0))
        {
            return;
        }

        w.Open($"switch (context.{RuntimeNames.Reader.PeekString}(reader, {Text.Literal(discriminator)}))");
        foreach (var i in candidates.Where(i => model.Members[i].DiscriminatorValues.Count > 0))
        {
            foreach (var value in model.Members[i].DiscriminatorValues)
            {
                w.Line($"case {Text.Literal(value)}:");
            }

            w.Line($"    return {OptionMethod(i)}(ref reader, context);");
        }

        var objects = candidates.Where(i => model.Members[i].Type.Kind == TypeRefKind.Object).ToList();
        if (objects.All(i => model.Members[i].DiscriminatorValues.Count > 0))
        {
            // Every alternative has its values, so any other value names none of them (an absent one is tried below).
            var known = string.Join(", ", objects.SelectMany(i => model.Members[i].DiscriminatorValues).Select(v => "'" + v + "'"));
            w.Line("case { } other:");
            w.Line($"    throw context.{RuntimeNames.Reader.Fail}({Text.Literal($"the discriminator '{discriminator}' is '")} + other + {Text.Literal($"', which names none of {known}")});");
        }

        w.Close();
        w.Line();
    }

    private static void EmitGroupRead(SourceWriter w, UnionTypeModel model, List<int> candidates, List<string> fields)
    {
        if (candidates.Count == 1)
        {
            w.Line($"return {OptionMethod(candidates[0])}(ref reader, context);");
            return;
        }

        var group = (fields.Count / 2).ToString(CultureInfo.InvariantCulture);
        var readers = ReservedNames.ConverterUnionGroupPrefix + group;
        var names = ReservedNames.ConverterUnionNamesPrefix + group;
        fields.Add($"private static readonly {RuntimeNames.Reader.ReadFunc}<{model.Name}>[] {readers} = [{string.Join(", ", candidates.Select(OptionMethod))}];");
        fields.Add($"private static readonly string[] {names} = [{string.Join(", ", candidates.Select(i => Text.Literal(model.Members[i].Name)))}];");
        var exactlyOne = model.ExactlyOne ? "true" : "false";
        w.Line($"return context.{RuntimeNames.Reader.ReadAlternative}(ref reader, {readers}, {names}, exactlyOne: {exactlyOne}, fallback: null);");
    }

    private static void EmitUnionWriteValue(SourceWriter w, UnionTypeModel model)
    {
        w.Line("/// <summary>Writes the alternative that is set.</summary>");
        w.Open($"public static void WriteValue({CSharp.Utf8JsonWriter} writer, {model.Name} value)");
        for (var i = 0; i < model.Members.Count; i++)
        {
            var member = model.Members[i];
            var local = "v" + i.ToString(CultureInfo.InvariantCulture);
            w.Open($"if (value.{member.Name} is {{ }} {local})");
            JsonCode.Write(w, member.Type, local, false, 1);
            w.Line("return;");
            w.Close();
            w.Line();
        }

        w.Line($"throw new global::System.InvalidOperationException({Text.Literal($"Set one of the {model.Name} alternatives before writing it.")});");
        w.Close();
    }

    /// <summary>Reads alternative <paramref name="index"/> into the union, with its own constraints when strict.</summary>
    private static void EmitReadOption(SourceWriter w, JsonCode code, UnionTypeModel model, int index)
    {
        var member = model.Members[index];
        w.Line($"/// <summary>Reads the value as {Describe(member)}.</summary>");
        w.Open($"private static {model.Name} {OptionMethod(index)}(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
        if (member.Type.Kind is TypeRefKind.Object or TypeRefKind.Enum)
        {
            w.Line($"return new() {{ {member.Name} = {CSharp.ReadValueOf(member.Type)}(ref reader, context) }};");
        }
        else
        {
            w.Line($"{CSharp.TypeOf(member.Type, false)} value;");
            code.Read(w, member.Type, member.Constraints, "value", 0);
            w.Line($"return new() {{ {member.Name} = value }};");
        }

        w.Close();
    }

    private static string OptionMethod(int index) => ReservedNames.ConverterUnionOptionPrefix + index.ToString(CultureInfo.InvariantCulture);

    private static string Describe(UnionMemberModel member) => member.Type.Kind switch
    {
        TypeRefKind.Object or TypeRefKind.Enum => $"<see cref=\"{member.Type.TypeName}\"/>",
        TypeRefKind.String => "a string",
        TypeRefKind.Boolean => "a boolean",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "an integer",
        TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => "a number",
        TypeRefKind.DateTime => "a date-time",
        TypeRefKind.Date => "a date",
        TypeRefKind.Guid => "a UUID",
        TypeRefKind.Bytes => "base64 bytes",
        TypeRefKind.Array => "an array",
        TypeRefKind.Map => "a map",
        _ => "any other JSON value",
    };
}
