using System.Collections.Generic;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Which types the operations reach, for <c>OpenApiModels="reached"</c> (docs/decisions.md, "Only reached schemas by
/// default") and with a filter. Without a filter every schema is converted, so every problem is reported and names are
/// those of <c>all</c>; with one, the kept operations' schemas, what those name and the records deriving from them
/// (<see cref="ConvertDerived"/>). What a schema's conversion converted or named (a <c>$ref</c>, an <c>allOf</c> part,
/// a <c>discriminator.mapping</c> target) is noted, and the types are kept whose schema the operations reach through
/// those notes or through the finished types (a base's derived records).
/// </summary>
internal sealed partial class SchemaConverter
{
    private static readonly List<YNode> s_noUses = [];

    private readonly List<YNode> _components = [];

    /// <summary>The schemas being converted, innermost last: a schema met now is used by the last one.</summary>
    private readonly List<YNode> _owners = [];

    /// <summary>The schemas each schema's conversion met; those met outside any schema (operations, envelope) in <see cref="_rootUses"/>.</summary>
    private readonly Dictionary<YNode, List<YNode>> _uses = new(ReferenceEqualityComparer.Instance);
    private readonly List<YNode> _rootUses = [];

    /// <summary>For each of <see cref="_types"/>, the schema whose conversion added it (null: outside any schema, so reached).</summary>
    private readonly List<YNode?> _typeOwners = [];

    /// <summary>
    /// Each schema <see cref="ConvertDerived"/> converted on the chance that it is kept, with what that added: its
    /// diagnostics and its types (ranges of <see cref="ParseContext.Diagnostics"/> and <see cref="_types"/>).
    /// </summary>
    private readonly List<(int FirstDiagnostic, int DiagnosticEnd, int FirstType, int TypeEnd)> _derivedAttempts = [];

    /// <summary>True while <see cref="ConvertComponents"/> converts every component, which uses none of them.</summary>
    private bool _detached;

    private int AddType(TypeModel type)
    {
        _types.Add(type);
        _typeOwners.Add(_owners.Count > 0 ? _owners[_owners.Count - 1] : null);
        return _types.Count - 1;
    }

    private void NoteUse(YMapping schema)
    {
        if (_owners.Count > 0)
        {
            var owner = _owners[_owners.Count - 1];
            if (!_uses.TryGetValue(owner, out var uses))
            {
                _uses[owner] = uses = [];
            }

            uses.Add(schema);
        }
        else if (!_detached)
        {
            _rootUses.Add(schema);
        }
    }

    /// <summary>
    /// With a filter, once the kept operations' schemas and what they name are converted: converts the component schemas
    /// that derive from a converted one (<c>allOf</c> with one <c>$ref</c>), and what they name, until none is left. A
    /// payload typed as the base may be any of its derived records, which the base's converter must know, as it does
    /// without a filter; those the base ends up not naming (not a record it can derive) are left out by
    /// <see cref="ReachedTypes"/>, as is everything they alone reach, and their diagnostics are taken back.
    /// </summary>
    public void ConvertDerived()
    {
        if (!_reachedOnly)
        {
            return;
        }

        var tried = new HashSet<YNode>(ReferenceEqualityComparer.Instance);
        _detached = true;
        try
        {
            for (var added = true; added;)
            {
                added = false;
                foreach (var component in _components)
                {
                    if (component is YMapping mapping && !_converted.ContainsKey(mapping) && SingleBase(mapping) is { } target
                        && _converted.ContainsKey(target) && tried.Add(mapping))
                    {
                        // With what it names, so its diagnostics and types are its own (ReachedTypes takes them back if it is left out).
                        var diagnostics = _context.Diagnostics.Count;
                        var types = _types.Count;
                        Convert(mapping, _componentKeys[mapping], 0);
                        ConvertDeferred();
                        _derivedAttempts.Add((diagnostics, _context.Diagnostics.Count, types, _types.Count));
                        added = true;
                    }
                }
            }
        }
        finally
        {
            _detached = false;
        }
    }

    /// <summary>
    /// The types the operations (and everything read outside a schema, such as the error envelope) reach, in the order
    /// of <see cref="Types"/>, and the keys of the component schemas left out that would have been a type of their own.
    /// </summary>
    public List<TypeModel> ReachedTypes(out List<string> leftOutComponents)
    {
        var typesOf = new Dictionary<YNode, List<int>>(ReferenceEqualityComparer.Instance);
        var indexByName = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var reachedTypes = new bool[_types.Count];
        for (var i = 0; i < _types.Count; i++)
        {
            indexByName[_types[i].Name] = i;
            if (_typeOwners[i] is { } owner)
            {
                if (!typesOf.TryGetValue(owner, out var owned))
                {
                    typesOf[owner] = owned = [];
                }

                owned.Add(i);
            }
            else
            {
                reachedTypes[i] = true;
            }
        }

        var reached = new HashSet<YNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YNode>(_rootUses);
        var pendingTypes = new Stack<int>();
        for (var i = 0; i < reachedTypes.Length; i++)
        {
            if (reachedTypes[i])
            {
                pendingTypes.Push(i);
            }
        }

        while (pending.Count > 0 || pendingTypes.Count > 0)
        {
            while (pendingTypes.Count > 0)
            {
                // A type's code names other types (a base names its derived records): those come with it, and so do
                // the schemas its own schema met.
                foreach (var name in NamedTypes(_types[pendingTypes.Pop()]))
                {
                    if (indexByName.TryGetValue(name, out var index) && !reachedTypes[index])
                    {
                        reachedTypes[index] = true;
                        pendingTypes.Push(index);
                        if (_typeOwners[index] is { } owner)
                        {
                            pending.Push(owner);
                        }
                    }
                }
            }

            if (pending.Count == 0)
            {
                break;
            }

            var schema = pending.Pop();
            if (!reached.Add(schema))
            {
                continue;
            }

            foreach (var used in _uses.TryGetValue(schema, out var uses) ? uses : s_noUses)
            {
                pending.Push(used);
            }

            foreach (var index in typesOf.TryGetValue(schema, out var owned) ? owned : [])
            {
                if (!reachedTypes[index])
                {
                    reachedTypes[index] = true;
                    pendingTypes.Push(index);
                }
            }
        }

        leftOutComponents = [];
        foreach (var component in _components)
        {
            if (!reached.Contains(component) && typesOf.ContainsKey(component))
            {
                leftOutComponents.Add(_componentKeys[component]);
            }
        }

        var result = new List<TypeModel>();
        for (var i = 0; i < _types.Count; i++)
        {
            if (reachedTypes[i])
            {
                result.Add(_types[i]);
            }
        }

        // A schema converted on the chance that it derives from a kept base, and left out with all it added, was never
        // reached: as with any schema a filter leaves out, its problems are not reported.
        for (var i = _derivedAttempts.Count - 1; i >= 0; i--)
        {
            var (firstDiagnostic, diagnosticEnd, firstType, typeEnd) = _derivedAttempts[i];
            if (System.Array.IndexOf(reachedTypes, true, firstType, typeEnd - firstType) < 0)
            {
                _context.Withdraw(firstDiagnostic, diagnosticEnd - firstDiagnostic);
            }
        }

        return result;
    }

    /// <summary>The names of the generated types a type's code refers to.</summary>
    private static IEnumerable<string> NamedTypes(TypeModel type)
    {
        switch (type)
        {
            case ObjectTypeModel model:
                foreach (var property in model.Properties)
                {
                    foreach (var name in NamedTypes(property.Type))
                    {
                        yield return name;
                    }
                }

                foreach (var name in NamedTypes(model.AdditionalPropertiesType))
                {
                    yield return name;
                }

                if (model.BaseType is { } baseType)
                {
                    yield return baseType;
                }

                foreach (var derived in model.Derived)
                {
                    yield return derived.TypeName;
                }

                break;
            case UnionTypeModel union:
                foreach (var member in union.Members)
                {
                    foreach (var name in NamedTypes(member.Type))
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> NamedTypes(TypeRefModel? type)
    {
        for (; type is not null; type = type.Item)
        {
            if (type.TypeName is { } name)
            {
                yield return name;
            }
        }
    }
}
