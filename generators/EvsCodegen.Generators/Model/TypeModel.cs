namespace EvsCodegen.Generators.Model;

/// <summary>A named type to emit: an object (record) or an enum (value struct).</summary>
/// <param name="Name">The C# type name, unique in the document.</param>
/// <param name="Description">Doc text from the document.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
internal abstract record TypeModel(string Name, string? Description, bool Deprecated)
{
    /// <summary>The suffix of the JSON converter class emitted beside every named type (<c>PetJsonConverter</c>).</summary>
    public const string ConverterSuffix = ReservedNames.ConverterSuffix;
}

/// <summary>An object schema, emitted as a sealed record with a JSON converter.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">Doc text.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
/// <param name="Properties">Declared properties in document order (after <c>allOf</c> flattening).</param>
/// <param name="AdditionalProperties">What to do with keys that are not declared.</param>
/// <param name="AdditionalPropertiesType">The type of extra values, when they are kept.</param>
/// <param name="MinProperties">The <c>minProperties</c> bound, if any.</param>
/// <param name="MaxProperties">The <c>maxProperties</c> bound, if any.</param>
/// <param name="BaseType">
/// The record this one derives from (an <c>allOf</c> with one <c>$ref</c> base, docs/decisions.md, "allOf with one
/// $ref base derives"); <paramref name="Properties"/> still lists every property, the base's included.
/// </param>
/// <param name="InheritedKeys">The keys of <paramref name="Properties"/> declared by the base record (not redeclared).</param>
/// <param name="Derived">The records deriving from this one, directly or not (the record is then not sealed).</param>
/// <param name="Discriminator">The base's discriminator property, which picks the derived record on read.</param>
/// <param name="DiscriminatorValues">
/// For a derived record named by a base's discriminator (<paramref name="InheritedDiscriminator"/>): the values that
/// name it; the first is written, another one is refused on read.
/// </param>
/// <param name="InheritedDiscriminator">The discriminator property of the nearest base that names this record.</param>
internal sealed record ObjectTypeModel(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    AdditionalPropertiesKind AdditionalProperties,
    TypeRefModel? AdditionalPropertiesType,
    int? MinProperties,
    int? MaxProperties,
    string? BaseType = null,
    EquatableArray<string> InheritedKeys = default,
    EquatableArray<DerivedTypeModel> Derived = default,
    string? Discriminator = null,
    EquatableArray<string> DiscriminatorValues = default,
    string? InheritedDiscriminator = null) : TypeModel(Name, Description, Deprecated);

/// <summary>A record deriving from an <see cref="ObjectTypeModel"/>.</summary>
/// <param name="TypeName">The derived record.</param>
/// <param name="Direct">Whether it derives from the base directly (the base's writer hands it over).</param>
/// <param name="DiscriminatorValues">The values of the base's discriminator that name it (read as it).</param>
internal sealed record DerivedTypeModel(string TypeName, bool Direct, EquatableArray<string> DiscriminatorValues);

/// <summary>An enum schema, emitted as a readonly struct so unknown values survive a round trip.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">Doc text.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
/// <param name="IsInteger">Integer enum (otherwise string).</param>
/// <param name="Members">Known values.</param>
internal sealed record EnumTypeModel(
    string Name,
    string? Description,
    bool Deprecated,
    bool IsInteger,
    EquatableArray<EnumMemberModel> Members) : TypeModel(Name, Description, Deprecated);

/// <summary>
/// A <c>oneOf</c> or <c>anyOf</c> (or a <c>type</c> array of several types), emitted as a record with one property per
/// alternative (the one that was read is set) and a converter that picks the alternative by the JSON token kind, then by
/// the discriminator, then by reading each alternative of that kind (docs/decisions.md, "Typed unions of any alternatives").
/// </summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">Doc text.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
/// <param name="Keyword">The keyword: <c>oneOf</c> (exactly one alternative matches) or <c>anyOf</c> (the first that matches; also a <c>type</c> array).</param>
/// <param name="Discriminator">The discriminator's property name, if the schema has one.</param>
/// <param name="Members">The alternatives in document order.</param>
internal sealed record UnionTypeModel(
    string Name,
    string? Description,
    bool Deprecated,
    string Keyword,
    string? Discriminator,
    EquatableArray<UnionMemberModel> Members) : TypeModel(Name, Description, Deprecated)
{
    /// <summary>Whether a value must match exactly one alternative (<c>oneOf</c>), checked by strict reads.</summary>
    public bool ExactlyOne => Keyword == "oneOf";
}

/// <summary>One alternative of a <see cref="UnionTypeModel"/>.</summary>
/// <param name="Name">The name of its property on the union (the type name for an object alternative).</param>
/// <param name="Type">The alternative's type (never nullable: null makes the union itself nullable).</param>
/// <param name="DiscriminatorValues">The discriminator values that select it.</param>
/// <param name="Kinds">The JSON token kinds a value of the alternative can start with.</param>
/// <param name="Constraints">The alternative's own validation keywords (checked by strict reads and when telling alternatives apart).</param>
internal sealed record UnionMemberModel(
    string Name,
    TypeRefModel Type,
    EquatableArray<string> DiscriminatorValues,
    JsonKinds Kinds,
    ConstraintsModel Constraints)
{
    /// <summary>The generated type of an object or enum alternative; null for the others.</summary>
    public string? TypeName => Type.TypeName;
}

/// <summary>The kinds of JSON token a value starts with, as flags (a union's alternatives are told apart by them first).</summary>
[System.Flags]
internal enum JsonKinds
{
    /// <summary>No kind.</summary>
    None = 0,

    /// <summary>A string.</summary>
    String = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 4,

    /// <summary>An array.</summary>
    Array = 8,

    /// <summary>An object.</summary>
    Object = 16,

    /// <summary>Any value.</summary>
    Any = String | Number | Boolean | Array | Object,
}

/// <summary>One known enum value.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="Value">The wire value as text (a string value, or an integer in invariant form).</param>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>How undeclared keys of an object are treated.</summary>
internal enum AdditionalPropertiesKind
{
    /// <summary>Allowed and ignored (the default of JSON Schema).</summary>
    Ignore,

    /// <summary><c>additionalProperties: false</c>: an error when validating strictly.</summary>
    Forbid,

    /// <summary><c>additionalProperties: {schema}</c>: kept in an <c>AdditionalProperties</c> dictionary.</summary>
    Keep,
}

/// <summary>A property of an object type.</summary>
/// <param name="JsonName">The key on the wire, exactly as in the document.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The property's type.</param>
/// <param name="Required">Listed in <c>required</c>.</param>
/// <param name="Description">Doc text.</param>
/// <param name="Deprecated">Whether the property is deprecated.</param>
/// <param name="Constraints">Validation keywords enforced when reading strictly.</param>
/// <param name="DiscriminatorValues">
/// For the discriminator property of a union alternative: the values that name this type (the first is written). The
/// property is then a get-only constant, and reading a value that is not one of these fails.
/// </param>
/// <param name="ReadOnly">Marked <c>readOnly</c> (sent by the server only).</param>
/// <param name="WriteOnly">Marked <c>writeOnly</c> (sent by clients only).</param>
/// <param name="ListedRequired">Listed in <c>required</c> (<paramref name="Required"/> is false for a read-only or write-only property; this keeps the listing).</param>
/// <param name="Default">The schema's <c>default</c> as compact JSON-like text, if any (compared by the breaking-change gate).</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRefModel Type,
    bool Required,
    string? Description,
    bool Deprecated,
    ConstraintsModel Constraints,
    EquatableArray<string> DiscriminatorValues = default,
    bool ReadOnly = false,
    bool WriteOnly = false,
    bool ListedRequired = false,
    string? Default = null);

/// <summary>
/// Validation keywords of a value. Numbers are kept as invariant strings to stay exact and equatable;
/// <c>AllowedNumbers</c> is the <c>enum</c> of a <c>type: number</c> schema, which has no enum type of its own.
/// <c>StringFormat</c> is the <c>format</c> of a string that stays a C# <c>string</c> (<c>uri</c>, <c>email</c>,
/// <c>hostname</c>...): no emitter reads it; it tells what a valid value looks like (the round-trip harness makes them).
/// <c>MultipleOf</c> is the positive divisor of <c>multipleOf</c> as invariant text; <c>AllowedBoolean</c> the one value
/// an <c>enum</c> or <c>const</c> of booleans allows.
/// </summary>
internal sealed record ConstraintsModel(
    int? MinLength = null,
    int? MaxLength = null,
    int? MaxBytes = null,
    string? Pattern = null,
    string? Minimum = null,
    string? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    int? MinItems = null,
    int? MaxItems = null,
    EquatableArray<string> AllowedNumbers = default,
    string? StringFormat = null,
    string? MultipleOf = null,
    bool? AllowedBoolean = null)
{
    /// <summary>No constraints.</summary>
    public static ConstraintsModel None { get; } = new();
}

/// <summary>The kinds of value a <see cref="TypeRefModel"/> can describe.</summary>
internal enum TypeRefKind
{
    /// <summary>Any JSON value, kept as a <c>JsonElement</c>.</summary>
    Any,

    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A 32-bit integer.</summary>
    Int32,

    /// <summary>A 64-bit integer.</summary>
    Int64,

    /// <summary>A single-precision number.</summary>
    Float,

    /// <summary>A double-precision number.</summary>
    Double,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>A date-time (a <c>DateTimeOffset</c>), optionally in a custom wire format.</summary>
    DateTime,

    /// <summary>A date (a <c>DateOnly</c>).</summary>
    Date,

    /// <summary>A UUID.</summary>
    Guid,

    /// <summary>Base64 bytes (<c>format: byte</c>).</summary>
    Bytes,

    /// <summary>An array.</summary>
    Array,

    /// <summary>A string-keyed map.</summary>
    Map,

    /// <summary>A generated object type.</summary>
    Object,

    /// <summary>A generated enum type.</summary>
    Enum,
}

/// <summary>A reference to a type as used by a property, parameter, body or response.</summary>
/// <param name="Kind">What kind of value.</param>
/// <param name="Nullable">Whether JSON <c>null</c> is a valid value.</param>
/// <param name="TypeName">The generated type's name, for <see cref="TypeRefKind.Object"/> and <see cref="TypeRefKind.Enum"/>.</param>
/// <param name="Item">The element type of arrays and the value type of maps.</param>
/// <param name="Format">The custom wire format of a date-time (<c>x-datetime-format</c>), if any.</param>
/// <param name="ItemConstraints">Constraints on the elements of an array or map.</param>
/// <param name="Schema">
/// For <see cref="TypeRefKind.Any"/>: the schema the value came from as compact JSON (references bundled under
/// <c>$defs</c>), which strict reads hold the value to; null when it allows any value (docs/decisions.md, "Schemas typed
/// JsonElement are validated by their schema").
/// </param>
internal sealed record TypeRefModel(
    TypeRefKind Kind,
    bool Nullable = false,
    string? TypeName = null,
    TypeRefModel? Item = null,
    string? Format = null,
    ConstraintsModel? ItemConstraints = null,
    string? Schema = null)
{
    /// <summary>Any JSON value.</summary>
    public static TypeRefModel AnyValue { get; } = new(TypeRefKind.Any);

    /// <summary>The same type, nullable.</summary>
    public TypeRefModel AsNullable() => Nullable ? this : this with { Nullable = true };
}
