namespace EvsCodegen.Generators.Model;

/// <summary>
/// The whole-response surface of one operation: a result type with one factory per declared success answer, and a
/// contract method returning it (<c>…WithResponseAsync</c>) beside the one returning the body.
/// </summary>
/// <param name="TypeName">The result type, e.g. <c>CreatePetResult</c>.</param>
/// <param name="MethodName">The contract method's name without <c>Async</c>, e.g. <c>CreatePetWithResponse</c>.</param>
/// <param name="Headers">The declared headers of every success answer, one property each (by name, ignoring case).</param>
/// <param name="Cases">One per declared success answer, in status order; the first is the body method's answer.</param>
internal sealed record ResultModel(
    string TypeName,
    string MethodName,
    EquatableArray<ResultHeaderModel> Headers,
    EquatableArray<ResultCaseModel> Cases);

/// <summary>A header property of a result type.</summary>
/// <param name="WireName">The header's name as first declared.</param>
/// <param name="PropertyName">The C# property.</param>
/// <param name="ParameterName">The factories' parameter.</param>
/// <param name="Type">The value's type (the property is nullable: a status may not send it).</param>
/// <param name="Description">Doc text.</param>
internal sealed record ResultHeaderModel(string WireName, string PropertyName, string ParameterName, TypeRefModel Type, string? Description);

/// <summary>One declared success answer of a result type.</summary>
/// <param name="Response">The declared response.</param>
/// <param name="FactoryName">The static factory building it (<c>Created</c>, <c>NoContent</c>, <c>Status2XX</c>).</param>
/// <param name="BodyProperty">The property holding its body; null when it has none.</param>
internal sealed record ResultCaseModel(ResponseModel Response, string FactoryName, string? BodyProperty);
