using System.Collections;
using System.Reflection;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Tests.Incrementality;

/// <summary>
/// The model is the cache boundary: it must compare by value and hold nothing from Roslyn, or every run would see
/// a "new" model (or keep a whole compilation alive).
/// </summary>
public sealed class ModelGraphTests
{
    // Plain value types from Roslyn that a diagnostic's position is made of; they compare by value.
    private static readonly Type[] s_allowedRoslynTypes = [typeof(TextSpan), typeof(LinePositionSpan), typeof(LinePosition)];

    private static readonly Type[] s_forbiddenRoslynTypes =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(Location), typeof(SemanticModel), typeof(AdditionalText), typeof(SourceText)];

    [Fact]
    public void ParsedEvsDocument_ReachesNoRoslynObject()
    {
        var result = Parse.Evs();
        var reachable = Reachable(result, EmitUnits.Split(result.Model).ToList());

        Assert.Contains(typeof(ApiModel), reachable);
        Assert.All(reachable, type =>
        {
            Assert.DoesNotContain(s_forbiddenRoslynTypes, forbidden => forbidden.IsAssignableFrom(type));
            Assert.True(
                !IsRoslynType(type) || s_allowedRoslynTypes.Contains(type),
                $"{type} from {type.Assembly.GetName().Name} is reachable from the model.");
        });
    }

    [Fact]
    public void ParsedDocumentWithDiagnostics_ReachesNoRoslynObjectEither()
    {
        var result = Parse.Document("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Missing'}
                    value: {type: string, not: {enum: [x]}}
            """);
        Assert.NotEmpty(result.Diagnostics);

        var reachable = Reachable(result);

        Assert.Contains(typeof(DiagnosticModel), reachable);
        Assert.All(reachable.Where(IsRoslynType), type => Assert.Contains(type, s_allowedRoslynTypes));
    }

    [Fact]
    public void EveryReachableModelType_ComparesByValue()
    {
        var result = Parse.Evs();
        var reachable = Reachable(result, EmitUnits.Split(result.Model).ToList());

        Assert.All(reachable.Where(t => !IsPlainValue(t) && !s_allowedRoslynTypes.Contains(t) && !IsBoxedList(t)), type =>
            Assert.True(IsRecord(type) || IsEquatableArray(type), $"{type} is reachable from the model but is neither a record nor an EquatableArray."));
    }

    [Fact]
    public void EveryModelTypeOfTheGenerator_IsASealedOrAbstractRecordOrAnEquatableArray()
    {
        var modelTypes = typeof(ApiModel).Assembly.GetTypes()
            .Where(t => !t.IsNested && (t.Namespace == typeof(ApiModel).Namespace || t.Name.EndsWith("Model", StringComparison.Ordinal)))
            .Where(t => !t.IsEnum && !(t.IsAbstract && t.IsSealed))
            .ToList();

        Assert.Contains(typeof(EmitUnitModel), modelTypes);
        Assert.All(modelTypes, type => Assert.True(
            (IsRecord(type) && (type.IsSealed || type.IsAbstract)) || IsEquatableArray(type),
            $"{type} is a model type but not a sealed record or EquatableArray."));
    }

    /// <summary>Every runtime type reachable from <paramref name="roots"/> through fields (private ones too).</summary>
    private static HashSet<Type> Reachable(params object?[] roots)
    {
        var types = new HashSet<Type>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>(roots.Where(r => r is not null)!);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var type = current.GetType();
            if (!type.IsValueType && !seen.Add(current))
            {
                continue;
            }

            types.Add(type);
            if (IsPlainValue(type))
            {
                continue;
            }

            // EquatableArray (and the lists the roots are given in) are walked by element, so their backing
            // arrays do not count as reachable arrays.
            if (IsEquatableArray(type) || IsBoxedList(type))
            {
                foreach (var item in (IEnumerable)current)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }

                continue;
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.GetValue(current) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return types;
    }

    private static bool IsPlainValue(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static bool IsBoxedList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    private static bool IsEquatableArray(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>);

    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    private static bool IsRoslynType(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
}
