using System.Linq;
using System.Collections.Generic;
using System.Globalization;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Writes the statements that read and write one JSON value of a <see cref="TypeRefModel"/> over
/// <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>. Reading starts on the value's first token and ends on its last;
/// the variables <c>reader</c>, <c>writer</c> and <c>context</c> are in scope.
/// </summary>
internal sealed class JsonCode
{
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, string> _rules = new(System.StringComparer.Ordinal);
    private readonly bool _cachedPatterns;

    /// <summary>Creates the writer.</summary>
    /// <param name="cachedPatterns">
    /// Patterns are checked by their text through the runtime's cache instead of a static field of the enclosing class
    /// (for statements in a lambda, which has no class of its own).
    /// </param>
    public JsonCode(bool cachedPatterns = false) => _cachedPatterns = cachedPatterns;

    /// <summary>Static fields the statements need (compiled patterns), to emit once in the enclosing class.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Reads a value into <paramref name="target"/> (declared by the caller).</summary>
    public void Read(SourceWriter w, TypeRefModel type, ConstraintsModel constraints, string target, int depth)
    {
        if (Expression(type, constraints) is { } expression)
        {
            w.Line($"{target} = {expression};");
            return;
        }

        if (type.Nullable)
        {
            w.Open($"if (reader.TokenType == {CSharp.JsonTokenType}.Null)");
            w.Line($"{target} = null;");
            w.Close();
            w.Open("else");
            ReadNonNull(w, type, constraints, target, depth);
            w.Close();
            return;
        }

        ReadNonNull(w, type, constraints, target, depth);
    }

    /// <summary>
    /// The read of a value as one expression (a runtime call, a converter's <c>ReadValue</c>, null or either), or null
    /// when it takes statements (arrays, maps, and constraints checked inline when there is no class for a rule field).
    /// Constraints become one static <c>ApiJsonRule</c> field passed to the read, so a checked value is still one call.
    /// </summary>
    public string? Expression(TypeRefModel type, ConstraintsModel constraints)
    {
        var call = NonNullExpression(type, constraints);
        if (call is null || !type.Nullable)
        {
            return call;
        }

        return $"reader.TokenType == {CSharp.JsonTokenType}.Null ? null : {call}";
    }

    private string? NonNullExpression(TypeRefModel type, ConstraintsModel constraints)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array when constraints.MinItems is null && constraints.MaxItems is null && ItemReader(type) is { } read:
                return $"context.{RuntimeNames.Reader.ReadList}<{CSharp.TypeOf(type.Item!, false)}>(ref reader, {read})";
            case TypeRefKind.Array or TypeRefKind.Map:
                return null;
            case TypeRefKind.Object or TypeRefKind.Enum:
                return $"{CSharp.ReadValueOf(type)}(ref reader, context)";
        }

        var rule = Rule(type, constraints);
        if (rule is not null && _cachedPatterns)
        {
            return null;
        }

        var withRule = rule is null ? string.Empty : ", " + RuleField(rule);
        return type.Kind switch
        {
            TypeRefKind.String => $"context.{RuntimeNames.Reader.ReadString}(ref reader{withRule})",
            TypeRefKind.Boolean => $"context.{RuntimeNames.Reader.ReadBoolean}(ref reader{withRule})",
            TypeRefKind.Int32 => $"context.{RuntimeNames.Reader.ReadInt32}(ref reader{withRule})",
            TypeRefKind.Int64 => $"context.{RuntimeNames.Reader.ReadInt64}(ref reader{withRule})",
            TypeRefKind.Float => $"context.{RuntimeNames.Reader.ReadSingle}(ref reader{withRule})",
            TypeRefKind.Double => $"context.{RuntimeNames.Reader.ReadDouble}(ref reader{withRule})",
            TypeRefKind.Decimal => $"context.{RuntimeNames.Reader.ReadDecimal}(ref reader{withRule})",
            TypeRefKind.DateTime => $"context.{RuntimeNames.Reader.ReadDateTime}(ref reader, {(type.Format is null ? "null" : Text.Literal(type.Format))})",
            TypeRefKind.Date => $"context.{RuntimeNames.Reader.ReadDate}(ref reader)",
            TypeRefKind.Guid => $"context.{RuntimeNames.Reader.ReadGuid}(ref reader)",
            TypeRefKind.Bytes => $"context.{RuntimeNames.Reader.ReadBytes}(ref reader)",
            _ => $"context.{RuntimeNames.Reader.ReadAny}(ref reader{withRule})",
        };
    }

    /// <summary>
    /// The delegate reading one item of an array in one call (a converter's <c>ReadValue</c> or an <c>ApiJsonItems</c>
    /// reader), or null when the items need statements: nullable, constrained, formatted date-times, nested arrays and maps.
    /// </summary>
    private static string? ItemReader(TypeRefModel array)
    {
        var item = array.Item!;
        if (item.Nullable || Rule(item, array.ItemConstraints ?? ConstraintsModel.None) is not null)
        {
            return null;
        }

        return item.Kind is TypeRefKind.Object or TypeRefKind.Enum
            ? CSharp.ReadValueOf(item)
            : ItemDelegate(item, read: true);
    }

    /// <summary>The <c>ApiJsonItems</c> member reading (<paramref name="read"/>) or writing one scalar item; null for other kinds.</summary>
    private static string? ItemDelegate(TypeRefModel item, bool read)
    {
        var name = read
            ? item.Kind switch
            {
                TypeRefKind.String => RuntimeNames.Items.ReadString,
                TypeRefKind.Boolean => RuntimeNames.Items.ReadBoolean,
                TypeRefKind.Int32 => RuntimeNames.Items.ReadInt32,
                TypeRefKind.Int64 => RuntimeNames.Items.ReadInt64,
                TypeRefKind.Float => RuntimeNames.Items.ReadSingle,
                TypeRefKind.Double => RuntimeNames.Items.ReadDouble,
                TypeRefKind.Decimal => RuntimeNames.Items.ReadDecimal,
                TypeRefKind.DateTime when item.Format is null => RuntimeNames.Items.ReadDateTime,
                TypeRefKind.Date => RuntimeNames.Items.ReadDate,
                TypeRefKind.Guid => RuntimeNames.Items.ReadGuid,
                TypeRefKind.Bytes => RuntimeNames.Items.ReadBytes,
                TypeRefKind.Any when item.Schema is null => RuntimeNames.Items.ReadAny,
                _ => null,
            }
            : item.Kind switch
            {
                TypeRefKind.String => RuntimeNames.Items.WriteString,
                TypeRefKind.Boolean => RuntimeNames.Items.WriteBoolean,
                TypeRefKind.Int32 => RuntimeNames.Items.WriteInt32,
                TypeRefKind.Int64 => RuntimeNames.Items.WriteInt64,
                TypeRefKind.Float => RuntimeNames.Items.WriteSingle,
                TypeRefKind.Double => RuntimeNames.Items.WriteDouble,
                TypeRefKind.Decimal => RuntimeNames.Items.WriteDecimal,
                TypeRefKind.DateTime when item.Format is null => RuntimeNames.Items.WriteDateTime,
                TypeRefKind.Date => RuntimeNames.Items.WriteDate,
                TypeRefKind.Guid => RuntimeNames.Items.WriteGuid,
                TypeRefKind.Bytes => RuntimeNames.Items.WriteBytes,
                TypeRefKind.Any when item.Schema is null => RuntimeNames.Items.WriteAny,
                _ => null,
            };
        return name is null ? null : $"{RuntimeNames.Items.Type}.{name}";
    }

    /// <summary>The initializer of the <c>ApiJsonRule</c> holding the checks <see cref="Checks"/> would write; null when there are none.</summary>
    private static string? Rule(TypeRefModel type, ConstraintsModel c)
    {
        var parts = new List<string>();
        if (type.Kind == TypeRefKind.String)
        {
            AddInt(parts, RuntimeNames.Rule.MinLength, c.MinLength);
            AddInt(parts, RuntimeNames.Rule.MaxLength, c.MaxLength);
            AddInt(parts, RuntimeNames.Rule.MaxBytes, c.MaxBytes);
            if (c.Pattern is not null)
            {
                parts.Add($"{RuntimeNames.Rule.Pattern} = {Text.Literal(c.Pattern)}");
            }
        }
        else if (type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal)
        {
            if (c.Minimum is not null || c.Maximum is not null)
            {
                if (c.Minimum is not null)
                {
                    parts.Add($"{RuntimeNames.Rule.Minimum} = {Number(c.Minimum)}");
                }

                if (c.Maximum is not null)
                {
                    parts.Add($"{RuntimeNames.Rule.Maximum} = {Number(c.Maximum)}");
                }

                if (c.ExclusiveMinimum)
                {
                    parts.Add($"{RuntimeNames.Rule.ExclusiveMinimum} = true");
                }

                if (c.ExclusiveMaximum)
                {
                    parts.Add($"{RuntimeNames.Rule.ExclusiveMaximum} = true");
                }
            }

            if (c.AllowedNumbers.Count > 0)
            {
                parts.Add($"{RuntimeNames.Rule.Allowed} = {AllowedNumbers(c)}");
            }

            if (c.MultipleOf is not null)
            {
                parts.Add($"{RuntimeNames.Rule.MultipleOf} = {Number(c.MultipleOf)}");
            }
        }
        else if (type.Kind == TypeRefKind.Boolean && c.AllowedBoolean is bool allowed)
        {
            parts.Add($"{RuntimeNames.Rule.AllowedBoolean} = {Bool(allowed)}");
        }
        else if (type.Kind == TypeRefKind.Any && type.Schema is not null)
        {
            parts.Add($"{RuntimeNames.Rule.Schema} = {Text.Literal(type.Schema)}");
        }

        return parts.Count == 0 ? null : "new() { " + string.Join(", ", parts) + " }";
    }

    private static void AddInt(List<string> parts, string name, int? value)
    {
        if (value is not null)
        {
            parts.Add($"{name} = {Int(value)}");
        }
    }

    /// <summary>The static field holding <paramref name="rule"/>, declared once per distinct rule of the enclosing class.</summary>
    private string RuleField(string rule)
    {
        if (!_rules.TryGetValue(rule, out var field))
        {
            field = ReservedNames.ConverterRuleFieldPrefix + _rules.Count.ToString(CultureInfo.InvariantCulture);
            _rules.Add(rule, field);
            _fields.Add($"private static readonly {RuntimeNames.Rule.Type} {field} = {rule};");
        }

        return field;
    }

    private void ReadNonNull(SourceWriter w, TypeRefModel type, ConstraintsModel constraints, string target, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array:
                ReadArray(w, type, constraints, target, depth);
                return;
            case TypeRefKind.Map:
                ReadMap(w, type, target, depth);
                return;
            case TypeRefKind.Object or TypeRefKind.Enum:
                w.Line($"{target} = {CSharp.ReadValueOf(type)}(ref reader, context);");
                return;
        }

        var value = "value" + depth.ToString(CultureInfo.InvariantCulture);
        var call = type.Kind switch
        {
            TypeRefKind.Any => $"context.{RuntimeNames.Reader.ReadAny}(ref reader)",
            TypeRefKind.String => $"context.{RuntimeNames.Reader.ReadString}(ref reader)",
            TypeRefKind.Boolean => $"context.{RuntimeNames.Reader.ReadBoolean}(ref reader)",
            TypeRefKind.Int32 => $"context.{RuntimeNames.Reader.ReadInt32}(ref reader)",
            TypeRefKind.Int64 => $"context.{RuntimeNames.Reader.ReadInt64}(ref reader)",
            TypeRefKind.Float => $"context.{RuntimeNames.Reader.ReadSingle}(ref reader)",
            TypeRefKind.Double => $"context.{RuntimeNames.Reader.ReadDouble}(ref reader)",
            TypeRefKind.Decimal => $"context.{RuntimeNames.Reader.ReadDecimal}(ref reader)",
            TypeRefKind.DateTime => $"context.{RuntimeNames.Reader.ReadDateTime}(ref reader, {(type.Format is null ? "null" : Text.Literal(type.Format))})",
            TypeRefKind.Date => $"context.{RuntimeNames.Reader.ReadDate}(ref reader)",
            TypeRefKind.Guid => $"context.{RuntimeNames.Reader.ReadGuid}(ref reader)",
            TypeRefKind.Bytes => $"context.{RuntimeNames.Reader.ReadBytes}(ref reader)",
            _ => $"context.{RuntimeNames.Reader.ReadAny}(ref reader)",
        };

        var checks = Checks(type, constraints, value);
        if (checks.Count == 0)
        {
            w.Line($"{target} = {call};");
            return;
        }

        w.Line($"var {value} = {call};");
        w.Open($"if (context.{RuntimeNames.Reader.Strict})");
        foreach (var check in checks)
        {
            w.Line(check);
        }

        w.Close();
        w.Line($"{target} = {value};");
    }

    private static List<string> Checks(TypeRefModel type, ConstraintsModel c, string value)
    {
        var checks = new List<string>();
        if (type.Kind == TypeRefKind.String)
        {
            if (c.MinLength is not null || c.MaxLength is not null)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckLength}({value}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
            }

            if (c.MaxBytes is int maxBytes)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckUtf8Bytes}({value}, {maxBytes.ToString(CultureInfo.InvariantCulture)});");
            }

            // Only statements without a class for a rule field come here: the runtime caches the pattern by its text.
            if (c.Pattern is not null)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckPattern}({value}, {Text.Literal(c.Pattern)});");
            }
        }
        else if (type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal)
        {
            if (c.Minimum is not null || c.Maximum is not null)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckRange}((double){value}, {Number(c.Minimum)}, {Number(c.Maximum)}, {Bool(c.ExclusiveMinimum)}, {Bool(c.ExclusiveMaximum)});");
            }

            if (c.AllowedNumbers.Count > 0)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckAllowed}((double){value}, {AllowedNumbers(c)});");
            }

            if (c.MultipleOf is not null)
            {
                checks.Add($"context.{RuntimeNames.Reader.CheckMultipleOf}({value}, {Number(c.MultipleOf)});");
            }
        }
        else if (type.Kind == TypeRefKind.Boolean && c.AllowedBoolean is bool allowed)
        {
            checks.Add($"context.{RuntimeNames.Reader.CheckBoolean}({value}, {Bool(allowed)});");
        }
        else if (type.Kind == TypeRefKind.Any && type.Schema is not null)
        {
            checks.Add($"context.{RuntimeNames.Reader.CheckSchema}({value}, {Text.Literal(type.Schema)});");
        }

        return checks;
    }

    private void ReadArray(SourceWriter w, TypeRefModel type, ConstraintsModel constraints, string target, int depth)
    {
        var d = depth.ToString(CultureInfo.InvariantCulture);
        var item = type.Item!;
        w.Line($"context.{RuntimeNames.Reader.Expect}(ref reader, {CSharp.JsonTokenType}.StartArray, \"an array\");");
        w.Line($"var list{d} = new {CSharp.BuilderOf(type)}();");
        w.Open("while (true)");
        w.Line($"context.{RuntimeNames.Reader.Read}(ref reader);");
        w.Open($"if (reader.TokenType == {CSharp.JsonTokenType}.EndArray)");
        w.Line("break;");
        w.Close();
        w.Line($"context.{RuntimeNames.Reader.PushIndex}(list{d}.Count);");
        w.Line($"{CSharp.TypeOf(item, item.Nullable)} item{d};");
        Read(w, item, type.ItemConstraints ?? ConstraintsModel.None, "item" + d, depth + 1);
        w.Line($"list{d}.Add(item{d});");
        w.Line($"context.{RuntimeNames.Reader.Pop}();");
        w.Close();
        if (constraints.MinItems is not null || constraints.MaxItems is not null)
        {
            w.Open($"if (context.{RuntimeNames.Reader.Strict})");
            w.Line($"context.{RuntimeNames.Reader.CheckCount}(list{d}.Count, {Int(constraints.MinItems)}, {Int(constraints.MaxItems)}, \"items\");");
            w.Close();
        }

        w.Line($"{target} = list{d};");
    }

    private void ReadMap(SourceWriter w, TypeRefModel type, string target, int depth)
    {
        var d = depth.ToString(CultureInfo.InvariantCulture);
        var item = type.Item!;
        w.Line($"context.{RuntimeNames.Reader.Expect}(ref reader, {CSharp.JsonTokenType}.StartObject, \"an object\");");
        w.Line($"var map{d} = new {CSharp.BuilderOf(type)}(global::System.StringComparer.Ordinal);");
        w.Open("while (true)");
        w.Line($"context.{RuntimeNames.Reader.Read}(ref reader);");
        w.Open($"if (reader.TokenType == {CSharp.JsonTokenType}.EndObject)");
        w.Line("break;");
        w.Close();
        w.Line($"var key{d} = context.{RuntimeNames.Reader.ReadKey}(ref reader);");
        w.Line($"context.{RuntimeNames.Reader.CheckUniqueKey}(map{d}.ContainsKey(key{d}), key{d});");
        w.Line($"context.{RuntimeNames.Reader.Read}(ref reader);");
        w.Line($"context.{RuntimeNames.Reader.Push}(key{d});");
        w.Line($"{CSharp.TypeOf(item, item.Nullable)} item{d};");
        Read(w, item, type.ItemConstraints ?? ConstraintsModel.None, "item" + d, depth + 1);
        w.Line($"map{d}[key{d}] = item{d};");
        w.Line($"context.{RuntimeNames.Reader.Pop}();");
        w.Close();
        w.Line($"{target} = map{d};");
    }

    /// <summary>Writes the value of <paramref name="expression"/>; null is written as JSON null when the C# type allows it.</summary>
    public static void Write(SourceWriter w, TypeRefModel type, string expression, bool mayBeNull, int depth)
    {
        if (mayBeNull)
        {
            w.Open($"if ({expression} is null)");
            w.Line("writer.WriteNullValue();");
            w.Close();
            w.Open("else");
            WriteNonNull(w, type, CSharp.IsValueType(type) ? expression + ".Value" : expression, depth);
            w.Close();
            return;
        }

        WriteNonNull(w, type, expression, depth);
    }

    private static void WriteNonNull(SourceWriter w, TypeRefModel type, string e, int depth)
    {
        var d = depth.ToString(CultureInfo.InvariantCulture);
        switch (type.Kind)
        {
            case TypeRefKind.Any: w.Line($"{e}.WriteTo(writer);"); break;
            case TypeRefKind.String: w.Line($"writer.WriteStringValue({e});"); break;
            case TypeRefKind.Boolean: w.Line($"writer.WriteBooleanValue({e});"); break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal:
                w.Line($"writer.WriteNumberValue({e});");
                break;
            case TypeRefKind.DateTime: w.Line($"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteDateTime}(writer, {e}, {(type.Format is null ? "null" : Text.Literal(type.Format))});"); break;
            case TypeRefKind.Date: w.Line($"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteDate}(writer, {e});"); break;
            case TypeRefKind.Guid: w.Line($"writer.WriteStringValue({e});"); break;
            case TypeRefKind.Bytes: w.Line($"writer.WriteBase64StringValue({e});"); break;
            case TypeRefKind.Object or TypeRefKind.Enum: w.Line($"{CSharp.WriteValueOf(type)}(writer, {e});"); break;
            case TypeRefKind.Array:
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var item{d} in {e})");
                Write(w, type.Item!, "item" + d, type.Item!.Nullable, depth + 1);
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case TypeRefKind.Map:
                w.Line("writer.WriteStartObject();");
                w.Open($"foreach (var pair{d} in {e})");
                w.Line($"writer.WritePropertyName(pair{d}.Key);");
                Write(w, type.Item!, $"pair{d}.Value", type.Item!.Nullable, depth + 1);
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
        }
    }

    /// <summary>
    /// One statement writing the property <paramref name="name"/> (a <c>JsonEncodedText</c> expression) with the value of
    /// <paramref name="expression"/>, or null when the kind needs statements (objects, enums, arrays, maps).
    /// <paramref name="optional"/>: nothing is written for null (an absent key); otherwise <paramref name="mayBeNull"/>
    /// says whether null is written as JSON <c>null</c>.
    /// </summary>
    public static string? PropertyStatement(TypeRefModel type, string name, string expression, bool optional, bool mayBeNull)
    {
        if (type.Kind == TypeRefKind.Array && !type.Item!.Nullable && ItemWriter(type.Item) is { } write)
        {
            var method = optional ? RuntimeNames.Value.WriteOptionalList : mayBeNull ? RuntimeNames.Value.WriteNullableList : RuntimeNames.Value.WriteList;
            return $"{RuntimeNames.Value.Type}.{method}<{CSharp.TypeOf(type.Item, false)}>(writer, {name}, {expression}, {write});";
        }

        var format = type.Kind == TypeRefKind.DateTime ? ", " + (type.Format is null ? "null" : Text.Literal(type.Format)) : string.Empty;
        var simple = type.Kind is TypeRefKind.String or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float
            or TypeRefKind.Double or TypeRefKind.Decimal or TypeRefKind.Guid or TypeRefKind.Bytes or TypeRefKind.Any or TypeRefKind.Date or TypeRefKind.DateTime;
        if (!simple)
        {
            return null;
        }

        if (optional)
        {
            return $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteOptional}(writer, {name}, {expression}{format});";
        }

        if (mayBeNull && type.Kind != TypeRefKind.String)
        {
            return $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteNullable}(writer, {name}, {expression}{format});";
        }

        return type.Kind switch
        {
            TypeRefKind.String or TypeRefKind.Guid => $"writer.WriteString({name}, {expression});",
            TypeRefKind.Boolean => $"writer.WriteBoolean({name}, {expression});",
            TypeRefKind.Bytes => $"writer.WriteBase64String({name}, {expression});",
            TypeRefKind.Any => $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.Write}(writer, {name}, {expression});",
            TypeRefKind.Date => $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteDate}(writer, {name}, {expression});",
            TypeRefKind.DateTime => $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.WriteDateTime}(writer, {name}, {expression}{format});",
            _ => $"writer.WriteNumber({name}, {expression});",
        };
    }

    /// <summary>The delegate writing one array item: a converter's <c>WriteValue</c> or an <c>ApiJsonItems</c> writer; null for nested arrays and maps.</summary>
    private static string? ItemWriter(TypeRefModel item) =>
        item.Kind is TypeRefKind.Object or TypeRefKind.Enum ? CSharp.WriteValueOf(item) : ItemDelegate(item, read: false);

    /// <summary>The values of a number enum as a C# <c>double[]</c> expression.</summary>
    internal static string AllowedNumbers(ConstraintsModel c) =>
        "new double[] { " + string.Join(", ", c.AllowedNumbers.Select(v => Number(v))) + " }";

    internal static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    internal static string Bool(bool value) => value ? "true" : "false";

    internal static string Number(string? value) =>
        value is null ? "null" : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";
}
