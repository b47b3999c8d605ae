using System;
using System.Collections.Generic;
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
        _changes.Add(new ChangeModel(id, at, subject, all.ToEquatableArray()));
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

        CompareParameters(old, now, pointer, name);

        if (old.Body is { } oldBody && now.Body is { } newBody)
        {
            var body = pointer + "/requestBody";
            if (!string.Equals(oldBody.ContentType, newBody.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                Add(D.MediaTypeRemoved.Id, body + "/content", body + "/content/" + Escape(oldBody.ContentType), oldBody.ContentType, "the request body of " + name, newBody.ContentType);
            }

            CompareTypeRef(oldBody.Type, newBody.Type, "the request body of " + name, body, body, Direction.Request);
        }

        if (now.Body is { Required: true } && old.Body is not { Required: true })
        {
            Add(D.RequestBodyRequired.Id, pointer + "/requestBody", pointer + "/requestBody", name);
        }

        var responses = new Dictionary<string, ResponseModel>(StringComparer.Ordinal);
        foreach (var response in now.Responses)
        {
            responses[response.Status] = response;
        }

        foreach (var oldResponse in old.Responses)
        {
            var subject = pointer + "/responses/" + Escape(oldResponse.Status);
            if (!responses.TryGetValue(oldResponse.Status, out var newResponse))
            {
                var descriptor = oldResponse.Status.StartsWith("2", StringComparison.Ordinal) ? D.SuccessResponseRemoved : D.ErrorResponseRemoved;
                Add(descriptor.Id, pointer + "/responses", subject, oldResponse.Status, name);
                continue;
            }

            var what = $"the {oldResponse.Status} response of {name}";
            if (oldResponse.ContentType is { } oldType && !string.Equals(oldType, newResponse.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                Add(D.MediaTypeRemoved.Id, subject + "/content", subject + "/content/" + Escape(oldType), oldType, what, newResponse.ContentType ?? "no body");
            }

            if (oldResponse.Type is { } oldBodyType && newResponse.Type is { } newBodyType)
            {
                CompareTypeRef(oldBodyType, newBodyType, what, subject, subject, Direction.Response);
            }
        }
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

            CompareTypeRef(before.Type, parameter.Type, "the parameter " + description, at, at, Direction.Request);
        }

        foreach (var parameter in old.Parameters)
        {
            if (Find(now.Parameters, parameter) is null)
            {
                Add(D.RemovedParameter.Id, pointer, pointer + "/parameters/" + Escape(parameter.WireName), $"'{parameter.WireName}' ({parameter.Location.ToString().ToLowerInvariant()}) of {name}");
            }
        }
    }

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
