using System;
using System.Collections.Generic;
using System.Globalization;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Comparing;

/// <summary>
/// Responses, matched by status, and the success answer (<see cref="OperationModel.Success"/>): the response the
/// generated method returns and the server answers a completed call with. Which response that is can change without
/// any response being removed (a 2xx added below a <c>default</c> or a higher 2xx), so the baseline's success answer is
/// also compared with the document's as a pair.
/// </summary>
internal sealed partial class ModelComparer
{
    /// <summary>What the generated method returns, after <c>Signatures.ResultType</c>.</summary>
    private enum ResultKind
    {
        /// <summary>No value (<c>Task</c>): no success answer, or one without a body.</summary>
        None,

        /// <summary>The body's type.</summary>
        Value,

        /// <summary>A binary body: <c>ApiFile</c>.</summary>
        File,

        /// <summary>Server-sent events or JSON Lines: <c>IAsyncEnumerable</c> of the item type.</summary>
        Stream,
    }

    /// <summary>
    /// Compares the responses of an operation status by status (a removed one, media types, headers, body type), then
    /// its success answers as a pair (<see cref="CompareSuccess"/>).
    /// </summary>
    private void CompareResponses(OperationModel old, OperationModel now, string pointer, string name)
    {
        var responses = new Dictionary<string, ResponseModel>(StringComparer.Ordinal);
        foreach (var response in now.Responses)
        {
            responses[response.Status] = response;
        }

        var first = _changes.Count;
        foreach (var oldResponse in old.Responses)
        {
            var subject = pointer + "/responses/" + Escape(oldResponse.Status);
            if (!responses.TryGetValue(oldResponse.Status, out var newResponse))
            {
                // A removed 2xx is a success answer clients may expect; so is a `default` that was the success answer when
                // no other takes its place (else CompareSuccess judges the new one, and the default's error role is what went).
                var success = oldResponse.Status.StartsWith("2", StringComparison.Ordinal) || (IsSuccessOf(old, oldResponse) && now.Success is null);
                Add((success ? D.SuccessResponseRemoved : D.ErrorResponseRemoved).Id, pointer + "/responses", subject, oldResponse.Status, name);
                continue;
            }

            // The success answer's body changing kind (a value, a file, a stream) is the method's result changing: EVS3035
            // from CompareSuccess, not a schema type change (a file has no schema type).
            var successPair = IsSuccessOf(old, oldResponse) && IsSuccessOf(now, newResponse);
            CompareResponse(oldResponse, newResponse, subject, $"the {oldResponse.Status} response of {name}", compareKinds: !successPair, thrown: newResponse.IsDeclaredError && !IsSuccessOf(now, newResponse));
        }

        CompareSuccess(old, now, responses, pointer, name, first);
        CompareResults(old, now, pointer, name, first);
    }

    private void CompareHeaders(ResponseModel old, ResponseModel now, string response, string what)
    {
        foreach (var header in old.Headers)
        {
            HeaderModel? current = null;
            foreach (var candidate in now.Headers)
            {
                if (string.Equals(candidate.WireName, header.WireName, StringComparison.OrdinalIgnoreCase))
                {
                    current = candidate;
                }
            }

            var subject = response + "/headers/" + Escape(header.WireName);
            if (current is null)
            {
                var at = now.Headers.Count == 0 ? response : response + "/headers";
                Add(header.Required ? D.RequiredResponseHeaderRemoved.Id : D.OptionalResponseHeaderRemoved.Id, at, subject, header.WireName, what);
            }
            else
            {
                if (header.Required && !current.Required)
                {
                    Add(D.ResponseHeaderOptional.Id, response + "/headers/" + Escape(current.WireName), subject, header.WireName, what);
                }

                // A header's value is read into a typed property: another type breaks clients parsing it and code reading it.
                CompareTypeRef(header.Type, current.Type, $"the header '{header.WireName}' of {what}", response + "/headers/" + Escape(current.WireName), subject, Direction.Response);
            }
        }
    }

    /// <summary>Whether <paramref name="response"/> is the success answer of <paramref name="operation"/>.</summary>
    private static bool IsSuccessOf(OperationModel operation, ResponseModel response) =>
        operation.Success is { } success && string.Equals(success.Status, response.Status, StringComparison.Ordinal);

    /// <summary>
    /// Reports a change of the success answer not already said by the per-status comparison, whose changes start at
    /// <paramref name="first"/>: another result (EVS3035), or, the result the same, another status a completed call is
    /// answered with (EVS3036); with the result the same, the two answers are compared like one response (media types,
    /// headers, schema).
    /// </summary>
    private void CompareSuccess(OperationModel old, OperationModel now, Dictionary<string, ResponseModel> responses, string pointer, string name, int first)
    {
        var before = old.Success;
        var after = now.Success;
        if (before is null && after is null)
        {
            return;
        }

        var at = pointer + "/responses" + (after is null ? string.Empty : "/" + Escape(after.Status));
        var sameResult = SameResult(before, after);
        if (before is not null && after is not null && string.Equals(before.Status, after.Status, StringComparison.Ordinal))
        {
            // The same response: the loop compared its types and media types, and reported a change of the value's type as
            // EVS3006 and a body removed as EVS3014. A body where there was none is only a new media type there, and a body
            // of another kind (a value, a file, a stream of items) is another method whatever media types say.
            var said = KindOf(before) == KindOf(after) ? Reported(first, at, D.TypeChanged.Id)
                : KindOf(after) == ResultKind.None && Reported(first, at, D.MediaTypeRemoved.Id);
            if (!sameResult && !said)
            {
                AddSuccessAnswerChanged(before, after, at, name);
            }

            return;
        }

        // EVS3012 from the loop: the baseline's success answer is gone (a 2xx, or a `default` nothing took over from).
        var removalReported = before is not null && !responses.ContainsKey(before.Status) && Reported(first, pointer + "/responses/" + Escape(before.Status), D.SuccessResponseRemoved.Id);
        if (!sameResult)
        {
            // With nothing in its place, the removal is the whole story; else the method's result changed too.
            if (!(after is null && removalReported))
            {
                AddSuccessAnswerChanged(before, after, at, name);
            }

            return;
        }

        if (before is null || after is null)
        {
            return;
        }

        CompareResponse(before, after, at, $"the success answer of {name}");

        if (!removalReported && old.SuccessStatusCode != now.SuccessStatusCode)
        {
            Add(D.SuccessStatusChanged.Id, at, at, name, StatusText(old), StatusText(now), now.SuccessStatusCode.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Compares two responses taken as the same answer: media types, headers and body type, all at <paramref name="subject"/>;
    /// bodies of another kind (<see cref="ResultKind"/>) are compared as types only when <paramref name="compareKinds"/>;
    /// <paramref name="thrown"/> when the document's response is a declared error (thrown as <c>ApiException&lt;T&gt;</c>).
    /// </summary>
    private void CompareResponse(ResponseModel old, ResponseModel now, string subject, string what, bool compareKinds = true, bool thrown = false)
    {
        CompareMediaTypes(MediaTypes(old.MediaTypes, old.ContentType), MediaTypes(now.MediaTypes, now.ContentType), subject, what);
        CompareHeaders(old, now, subject, what);
        if (old.Type is { } oldType && now.Type is { } newType && (compareKinds || KindOf(old) == KindOf(now)))
        {
            CompareTypeRef(oldType, newType, what, subject, subject, Direction.Response);
            CompareValueTypeNullability(oldType, newType, what, subject, thrown);
        }
    }

    /// <summary>
    /// Reports a value type of a response body (or of its items) that loses its <c>?</c>: the wire narrows, which clients
    /// take, but the generated C# type is another one (<c>Task&lt;int?&gt;</c> becomes <c>Task&lt;int&gt;</c>, <c>Task</c> and
    /// <c>IAsyncEnumerable</c> being invariant), so implementations of the contract and callers using <c>HasValue</c>,
    /// <c>Value</c> or <c>??</c> no longer compile. Reference types only lose an annotation: silent, as for properties.
    /// A declared error's body is thrown as <c>ApiException&lt;T&gt;</c>, whose closed type changes the same way
    /// (<paramref name="thrown"/>): a catch of the baseline's type still compiles and no longer matches. The other
    /// direction is EVS3011 from <see cref="CompareTypeRef"/> already.
    /// </summary>
    private void CompareValueTypeNullability(TypeRefModel old, TypeRefModel now, string what, string subject, bool thrown)
    {
        for (TypeRefModel? before = old, after = now; before is not null && after is not null; before = before.Item, after = after.Item, what += " (items)")
        {
            if (before.Kind != after.Kind)
            {
                return;
            }

            if (before.Nullable && !after.Nullable && CSharp.IsValueType(after))
            {
                var type = Shown(after);
                // A declared error is thrown as ApiException<T>: a catch of the baseline's closed type still compiles and no longer matches.
                Add(
                    D.NullabilityBroken.Id, subject, subject, Capitalize(what), "is no longer nullable",
                    thrown
                        ? $"it is thrown as ApiException<{Shown(now)}> instead of ApiException<{Shown(old)}> (a value type), so code catching the baseline's type no longer catches it"
                        : $"its generated C# type is {type} instead of {type}? (a value type), so code compiled against it (an implementation returning null, a caller using HasValue) no longer compiles");
            }
        }
    }

    /// <summary>The C# type of a body, without <c>global::</c>, for messages.</summary>
    private static string Shown(TypeRefModel type) => CSharp.TypeOf(type, type.Nullable).Replace("global::", string.Empty);

    private void AddSuccessAnswerChanged(ResponseModel? before, ResponseModel? after, string at, string name)
    {
        // One response whose body changed kind: the media types chosen tell the two answers apart.
        var same = before is not null && after is not null && string.Equals(before.Status, after.Status, StringComparison.Ordinal)
            && before.ContentType is not null && after.ContentType is not null;
        Add(
            D.SuccessAnswerChanged.Id, at, at, name,
            AnswerText(before) + (same ? $" as {before!.ContentType}" : string.Empty),
            AnswerText(after) + (same ? $" as {after!.ContentType}" : string.Empty),
            ResultText(before),
            ResultText(after));
    }

    /// <summary>Whether a change with one of <paramref name="ids"/> about <paramref name="subject"/> (or inside it) was added since <paramref name="first"/>.</summary>
    private bool Reported(int first, string subject, params string[] ids)
    {
        for (var i = first; i < _changes.Count; i++)
        {
            var change = _changes[i];
            if (Array.IndexOf(ids, change.Id) >= 0
                && (string.Equals(change.Subject, subject, StringComparison.Ordinal) || change.Subject.StartsWith(subject + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static ResultKind KindOf(ResponseModel? answer) =>
        answer?.Type is null ? ResultKind.None
        : answer.Encoding.IsItemStream() ? ResultKind.Stream
        : answer.Encoding == BodyEncoding.Binary ? ResultKind.File
        : ResultKind.Value;

    /// <summary>Whether the generated method returns the same type for both answers (a renamed schema counts as the same: EVS3016 says it).</summary>
    private bool SameResult(ResponseModel? before, ResponseModel? after)
    {
        var kind = KindOf(before);
        return kind == KindOf(after) && (kind is ResultKind.None or ResultKind.File || SameType(before!.Type!, after!.Type!));
    }

    /// <summary>
    /// Whether two type references give the same C# type, nullability aside (EVS3011 judges it): kind, format, and a schema
    /// name that is equal or renamed (neither name on the other side, as <see cref="CompareTypeRef"/> decides).
    /// </summary>
    private bool SameType(TypeRefModel old, TypeRefModel now)
    {
        if (old.Kind != now.Kind || !string.Equals(old.Format, now.Format, StringComparison.Ordinal))
        {
            return false;
        }

        if (old.TypeName is { } oldName && now.TypeName is { } newName && !string.Equals(oldName, newName, StringComparison.Ordinal)
            && (_newTypes.ContainsKey(oldName) || _oldTypes.ContainsKey(newName)))
        {
            return false;
        }

        if ((old.TypeName is null) != (now.TypeName is null))
        {
            return false;
        }

        return old.Item is null || now.Item is null ? old.Item is null && now.Item is null : SameType(old.Item, now.Item);
    }

    private static string AnswerText(ResponseModel? answer) =>
        answer is null ? "none"
        : (answer.Status == "default" ? "the default response" : $"the {answer.Status} response")
            + (MediaTypes(answer.MediaTypes, answer.ContentType).Count == 0 ? " without a body" : string.Empty);

    private static string ResultText(ResponseModel? answer) => KindOf(answer) switch
    {
        ResultKind.None => "no value",
        ResultKind.File => "a file (ApiFile)",
        ResultKind.Stream => "a stream of " + Describe(answer!.Type!),
        _ => Describe(answer!.Type!),
    };

    /// <summary>The status a completed call is answered with, and the key it comes from when that is not the status itself.</summary>
    private static string StatusText(OperationModel operation)
    {
        var code = operation.SuccessStatusCode.ToString(CultureInfo.InvariantCulture);
        return operation.Success is { StatusCode: 0 } success ? $"{code} ({success.Status})" : code;
    }
}
