using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Comparing;

/// <summary>
/// Compares a document's model with the model of its shipped version: pure functions over two <see cref="ApiModel"/>s
/// producing <see cref="ChangeModel"/>s. Operations, parameters and responses are matched by method and path, location
/// and name, and status; schemas by name, following the references both versions make from the same place.
/// </summary>
internal sealed partial class ModelComparer
{
    [Flags]
    private enum Direction
    {
        None = 0,
        Request = 1,
        Response = 2,
    }

    private readonly ApiModel _old;
    private readonly ApiModel _new;
    private readonly Dictionary<string, TypeModel> _oldTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _newTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Direction> _usage = new(StringComparer.Ordinal);
    private readonly HashSet<string> _comparedTypes = new(StringComparer.Ordinal);
    private readonly List<ChangeModel> _changes = [];

    /// <summary>The pointers of the places the schemas being compared are used at, outermost first (see <see cref="ChangeModel.Sites"/>).</summary>
    private readonly List<string> _sites = [];

    private ModelComparer(ApiModel old, ApiModel current)
    {
        _old = old;
        _new = current;
        foreach (var type in old.Types)
        {
            _oldTypes[type.Name] = type;
        }

        foreach (var type in current.Types)
        {
            _newTypes[type.Name] = type;
        }

        MarkUsage(old, _oldTypes);
        MarkUsage(current, _newTypes);
    }

    /// <summary>
    /// The changes from <paramref name="baseline"/> to <paramref name="current"/>, without those the document accepts
    /// (<c>OpenApiAcceptedBreaks</c>); none when either side has no model.
    /// </summary>
    public static ChangeSetModel Compare(ParseResultModel current, BaselineModel? baseline)
    {
        if (baseline?.Model is null || current.Model is null)
        {
            return new ChangeSetModel(current.Path, default);
        }

        var comparer = new ModelComparer(baseline.Model, current.Model);
        comparer.CompareOperations();
        var kept = new List<ChangeModel>();
        foreach (var change in comparer._changes)
        {
            if (!IsAccepted(change, baseline.AcceptedBreaks))
            {
                kept.Add(change);
            }
        }

        return new ChangeSetModel(current.Path, kept.ToEquatableArray());
    }

    private static bool IsAccepted(ChangeModel change, EquatableArray<string> accepted)
    {
        foreach (var entry in accepted)
        {
            if (string.Equals(entry, change.Id + ":" + change.Subject, StringComparison.Ordinal) || string.Equals(entry, change.Id + ":*", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Escapes one JSON pointer segment (RFC 6901).</summary>
    internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private void Add(string id, string at, string subject, params string[] arguments)
    {
        var all = new string[arguments.Length + 1];
        arguments.CopyTo(all, 0);
        all[arguments.Length] = subject;
        var sites = default(EquatableArray<string>);
        if (_sites.Count > 0 && at.StartsWith("/components/schemas/", StringComparison.Ordinal))
        {
            var innermost = new List<string>(_sites);
            innermost.Reverse();
            sites = innermost.ToEquatableArray();
        }

        _changes.Add(new ChangeModel(id, at, subject, all.ToEquatableArray(), sites));
    }

    private void CompareOperations()
    {
        var current = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var surface in _new.Surfaces)
        {
            foreach (var operation in surface.Operations)
            {
                current[operation.HttpMethod + " " + operation.Path] = operation;
                paths.Add(operation.Path);
            }
        }

        CompareSecurity(_old.Context.DocumentSecurity, _new.Context.DocumentSecurity, "/security", "The document");
        foreach (var surface in _old.Surfaces)
        {
            foreach (var old in surface.Operations)
            {
                var pointer = "/paths/" + Escape(old.Path) + "/" + old.HttpMethod.ToLowerInvariant();
                var name = $"'{old.HttpMethod} {old.Path}'";
                if (!current.TryGetValue(old.HttpMethod + " " + old.Path, out var now))
                {
                    var at = paths.Contains(old.Path) ? "/paths/" + Escape(old.Path) : "/paths";
                    Add(D.RemovedOperation.Id, at, pointer, $"{name} ({old.OperationId})");
                    if (!old.Deprecated)
                    {
                        Add(D.RemovedWithoutDeprecation.Id, at, pointer, "The operation " + name);
                    }

                    continue;
                }

                CompareOperation(old, now, pointer, name);
            }
        }
    }

    private void CompareOperation(OperationModel old, OperationModel now, string pointer, string name)
    {
        if (!string.Equals(old.OperationId, now.OperationId, StringComparison.Ordinal) || !string.Equals(old.MethodName, now.MethodName, StringComparison.Ordinal))
        {
            Add(D.OperationIdRenamed.Id, pointer + "/operationId", pointer, name, old.OperationId, now.OperationId, old.MethodName + "Async");
        }

        if (!old.Deprecated && now.Deprecated)
        {
            Add(D.DeprecationAdded.Id, pointer + "/deprecated", pointer, "The operation " + name);
        }

        if (old.OwnSecurity || now.OwnSecurity)
        {
            // Inherited on both sides, the document's security was compared once; otherwise what applies to this operation
            // is: the same set the client and server use (ApiContextModel.SecuritySets).
            CompareSecurity(Applying(_old, old), Applying(_new, now), pointer + "/security", "The operation " + name);
        }

        CompareParameters(old, now, pointer, name);

        if (old.Body is { } oldBody && now.Body is { } newBody)
        {
            var body = pointer + "/requestBody";
            CompareMediaTypes(MediaTypes(oldBody.MediaTypes, oldBody.ContentType), MediaTypes(newBody.MediaTypes, newBody.ContentType), body, "the request body of " + name);
            CompareTypeRef(oldBody.Type, newBody.Type, "the request body of " + name, body, body, Direction.Request);
        }

        if (now.Body is { Required: true } && old.Body is not { Required: true })
        {
            Add(D.RequestBodyRequired.Id, pointer + "/requestBody", pointer + "/requestBody", name);
        }

        CompareResponses(old, now, pointer, name);
    }

    private void CompareParameters(OperationModel old, OperationModel now, string pointer, string name)
    {
        foreach (var parameter in now.Parameters)
        {
            var at = pointer + "/parameters/" + Escape(parameter.WireName);
            var description = $"'{parameter.WireName}' ({parameter.Location.ToString().ToLowerInvariant()}) of {name}";
            var before = Find(old.Parameters, parameter);
            if (before is null)
            {
                if (parameter.Required)
                {
                    Add(D.NewRequiredParameter.Id, at, at, description);
                }

                continue;
            }

            if (!before.Required && parameter.Required)
            {
                Add(D.NewRequiredParameter.Id, at, at, description);
            }

            if (!before.Deprecated && parameter.Deprecated)
            {
                Add(D.DeprecationAdded.Id, at, at, "The parameter " + description);
            }

            CompareTypeRef(before.Type, parameter.Type, "the parameter " + description, at, at, Direction.Request);
            CompareConstraints(before.Constraints, parameter.Constraints, "the parameter " + description, at, at, Direction.Request);
            CompareDefault(before.Default, parameter.Default, "the parameter " + description, at, at);
        }

        foreach (var parameter in old.Parameters)
        {
            if (Find(now.Parameters, parameter) is null)
            {
                var subject = pointer + "/parameters/" + Escape(parameter.WireName);
                var description = $"'{parameter.WireName}' ({parameter.Location.ToString().ToLowerInvariant()}) of {name}";
                Add(D.RemovedParameter.Id, pointer, subject, description);
                if (!parameter.Deprecated)
                {
                    Add(D.RemovedWithoutDeprecation.Id, pointer, subject, "The parameter " + description);
                }
            }
        }
    }

    /// <summary>The media types of a body or response: the whole <c>content</c> list, or the one chosen when the model has no list.</summary>
    private static List<string> MediaTypes(EquatableArray<string> all, string? chosen)
    {
        var list = new List<string>(all);
        if (list.Count == 0 && chosen is not null)
        {
            list.Add(chosen);
        }

        return list;
    }

    private void CompareMediaTypes(List<string> old, List<string> now, string owner, string what)
    {
        var content = owner + "/content";
        foreach (var type in old)
        {
            if (!now.Exists(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)))
            {
                Add(D.MediaTypeRemoved.Id, now.Count == 0 ? owner : content, content + "/" + Escape(type), type, what, now.Count == 0 ? "no body" : string.Join(", ", now));
            }
        }

        foreach (var type in now)
        {
            if (!old.Exists(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)))
            {
                Add(D.MediaTypeAdded.Id, content + "/" + Escape(type), content + "/" + Escape(type), type, what);
            }
        }
    }

    /// <summary>
    /// Compares two <c>security</c> lists (alternatives, each a set of schemes that must all be satisfied; an empty list
    /// means no credentials). A baseline alternative still works when some new alternative asks for no scheme and no
    /// scope it did not; every one that no longer works is reported, and a new alternative whose credentials were not
    /// enough for any baseline alternative (a new way in, or none at all) is an info.
    /// </summary>
    private void CompareSecurity(SecuritySetModel? old, SecuritySetModel? now, string at, string what)
    {
        var before = Alternatives(old);
        var after = Alternatives(now);
        var oldCount = old?.Alternatives.Count ?? 0;
        var nowCount = now?.Alternatives.Count ?? 0;
        for (var i = 0; i < before.Count; i++)
        {
            var alternative = before[i];
            if (after.Exists(candidate => Satisfies(alternative, candidate)))
            {
                continue;
            }

            var subject = oldCount == 0 ? at : at + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sameSchemes = after.Find(candidate => candidate.Schemes.Count == alternative.Schemes.Count && candidate.Schemes.All(s => Scheme(alternative, s.SchemeName) is not null));
            if (sameSchemes is not null)
            {
                foreach (var use in sameSchemes.Schemes)
                {
                    var added = use.Scopes.Where(scope => !Scheme(alternative, use.SchemeName)!.Scopes.Contains(scope)).ToList();
                    if (added.Count > 0)
                    {
                        Add(D.SecurityScopesAdded.Id, at, subject, what, string.Join(", ", added), use.SchemeName);
                    }
                }

                continue;
            }

            var stricter = after.Find(candidate => alternative.Schemes.All(s => Scheme(candidate, s.SchemeName) is not null));
            if (stricter is not null)
            {
                Add(D.SecurityRequirementAdded.Id, at, subject, what, Describe(stricter), Describe(alternative));
            }
            else
            {
                Add(D.SecurityRequirementRemoved.Id, at, subject, what, Describe(alternative));
            }
        }

        for (var i = 0; i < after.Count; i++)
        {
            var alternative = after[i];
            if (!before.Exists(candidate => Satisfies(alternative, candidate)))
            {
                Add(D.SecurityRelaxed.Id, at, nowCount == 0 ? at : at + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), what, Describe(alternative));
            }
        }
    }

    /// <summary>The security list that applies to <paramref name="operation"/> of <paramref name="model"/>; null for none.</summary>
    private static SecuritySetModel? Applying(ApiModel model, OperationModel operation) =>
        operation.Security >= 0 ? model.Context.SecuritySets[operation.Security] : null;

    /// <summary>The alternatives of a security list; no list (or an empty one) is one alternative asking for nothing.</summary>
    private static List<SecurityAlternativeModel> Alternatives(SecuritySetModel? set) =>
        set is null || set.Alternatives.Count == 0 ? [new SecurityAlternativeModel(default)] : [.. set.Alternatives];

    /// <summary>Whether a client that satisfies <paramref name="held"/> satisfies <paramref name="asked"/>: every scheme and scope asked is held.</summary>
    private static bool Satisfies(SecurityAlternativeModel held, SecurityAlternativeModel asked) =>
        asked.Schemes.All(use => Scheme(held, use.SchemeName) is { } have && use.Scopes.All(scope => have.Scopes.Contains(scope)));

    private static SecurityUseModel? Scheme(SecurityAlternativeModel alternative, string scheme) =>
        alternative.Schemes.FirstOrDefault(use => string.Equals(use.SchemeName, scheme, StringComparison.Ordinal));

    private static string Describe(SecurityAlternativeModel alternative) =>
        alternative.Schemes.Count == 0
            ? "no credentials"
            : string.Join(" and ", alternative.Schemes.Select(use => "'" + use.SchemeName + "'" + (use.Scopes.Count > 0 ? " (" + string.Join(", ", use.Scopes) + ")" : string.Empty)));

    private static ParameterModel? Find(EquatableArray<ParameterModel> parameters, ParameterModel like)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Location == like.Location && string.Equals(parameter.WireName, like.WireName, like.Location == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }
}
