using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Comparing;

/// <summary>
/// The whole-response surface (<see cref="OperationModel.Result"/>: a <c>{Operation}Result</c> type and a
/// <c>…WithResponseAsync</c> method): what code compiled against the baseline's loses that no response change says.
/// Its body types, statuses and header types are the responses' and are judged there (EVS3006, EVS3011, EVS3012, EVS3014);
/// what only the generated shape loses is EVS3037: the type and method no longer generated, a body property renamed
/// (<c>Body</c> to <c>Body200</c> when the answers' bodies stop sharing one type), a header property gone without an error
/// saying so, a factory that requires a header it did not.
/// </summary>
internal sealed partial class ModelComparer
{
    /// <summary>Compares the result surfaces of an operation; the response changes of this operation start at <paramref name="first"/>.</summary>
    private void CompareResults(OperationModel old, OperationModel now, string pointer, string name, int first)
    {
        if (old.Result is not { } before)
        {
            // A result type where there was none, or none on both sides: nothing compiled against one can break.
            return;
        }

        var responses = pointer + "/responses";

        // A removed success response or another result of the method already says that the answers' shape changed (the
        // removal is the whole story, as for EVS3012 alone). A renamed operation (EVS3015) renames the type and method,
        // which is said there; members are matched by status and header name, so it adds nothing here.
        if (Reported(first, responses, D.SuccessResponseRemoved.Id, D.SuccessAnswerChanged.Id))
        {
            return;
        }

        if (now.Result is not { } after)
        {
            var why = now.Success is null ? "the operation has no success answer"
                : now.Success.Encoding.IsItemStream() ? "its success answer is a stream of items"
                : "its success answers are one status without headers";
            Add(D.WholeResponseResultChanged.Id, responses, responses, name, $"{before.TypeName} and {before.MethodName}Async are no longer generated ({why})");
            return;
        }

        CompareBodyProperties(before, after, responses, name);
        CompareHeaderProperties(before, after, responses, name, first);
        CompareFactories(before, after, responses, name, first);
    }

    /// <summary>A body property of a status that stays is renamed: <c>Body</c> is shared only while every answer's body has one type.</summary>
    private void CompareBodyProperties(ResultModel before, ResultModel after, string responses, string name)
    {
        var renamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in before.Cases)
        {
            if (old.BodyProperty is not { } oldProperty || Case(after, old.Response.Status) is not { BodyProperty: { } newProperty } current
                || string.Equals(oldProperty, newProperty, StringComparison.Ordinal) || !renamed.Add(oldProperty))
            {
                continue;
            }

            var at = responses + "/" + Escape(current.Response.Status);
            Add(D.WholeResponseResultChanged.Id, at, at, name, $"the body of the {old.Response.Status} answer moved from {before.TypeName}.{oldProperty} to {after.TypeName}.{newProperty}");
        }
    }

    /// <summary>A header property is gone (no success answer declares the header); a required header's removal is EVS3032, an error already.</summary>
    private void CompareHeaderProperties(ResultModel before, ResultModel after, string responses, string name, int first)
    {
        foreach (var header in before.Headers)
        {
            if (after.Headers.Any(h => SameHeader(h.WireName, header.WireName)))
            {
                continue;
            }

            var declaring = before.Cases.FirstOrDefault(c => c.Response.Headers.Any(h => SameHeader(h.WireName, header.WireName)));
            var at = declaring is not null && Case(after, declaring.Response.Status) is not null ? responses + "/" + Escape(declaring.Response.Status) : responses;
            if (Reported(first, at + "/headers/" + Escape(header.WireName), D.RequiredResponseHeaderRemoved.Id))
            {
                continue;
            }

            Add(D.WholeResponseResultChanged.Id, at, at, name, $"the header property {before.TypeName}.{header.PropertyName} is gone (no success answer declares '{header.WireName}')");
        }
    }

    /// <summary>
    /// A factory of a status that stays requires a header it did not (added as required, or made required): callers must now
    /// pass it; or no longer takes one the result type keeps (another status still declares it): callers passing it break.
    /// </summary>
    private void CompareFactories(ResultModel before, ResultModel after, string responses, string name, int first)
    {
        foreach (var current in after.Cases)
        {
            if (Case(before, current.Response.Status) is not { } old)
            {
                continue;
            }

            var response = responses + "/" + Escape(current.Response.Status);
            foreach (var header in old.Response.Headers)
            {
                var subject = response + "/headers/" + Escape(header.WireName);
                if (current.Response.Headers.Any(h => SameHeader(h.WireName, header.WireName))
                    || !after.Headers.Any(h => SameHeader(h.WireName, header.WireName))
                    || Reported(first, subject, D.RequiredResponseHeaderRemoved.Id))
                {
                    // Still declared; or the property went too (said above); or its removal is an error already.
                    continue;
                }

                var parameter = before.Headers.First(h => SameHeader(h.WireName, header.WireName)).ParameterName.TrimStart('@');
                Add(D.WholeResponseResultChanged.Id, response, subject, name, $"the factory {after.TypeName}.{current.FactoryName} no longer takes the '{header.WireName}' header (parameter '{parameter}')");
            }

            foreach (var header in current.Response.Headers)
            {
                if (!header.Required || old.Response.Headers.Any(h => h.Required && SameHeader(h.WireName, header.WireName)))
                {
                    continue;
                }

                var at = response + "/headers/" + Escape(header.WireName);
                var parameter = after.Headers.First(h => SameHeader(h.WireName, header.WireName)).ParameterName.TrimStart('@');
                Add(D.WholeResponseResultChanged.Id, at, at, name, $"the factory {after.TypeName}.{current.FactoryName} now requires the '{header.WireName}' header (parameter '{parameter}')");
            }
        }
    }

    private static ResultCaseModel? Case(ResultModel result, string status) =>
        result.Cases.FirstOrDefault(c => string.Equals(c.Response.Status, status, StringComparison.Ordinal));

    // HTTP header names are case-insensitive.
    private static bool SameHeader(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
