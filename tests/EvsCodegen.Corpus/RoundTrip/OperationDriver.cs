using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// Drives one generated operation through the generated client: one call per <see cref="Variant"/> and one per declared
/// error answer, comparing what the implementation received with what was sent and what the client decoded with what
/// the implementation returned; then the invalid requests of <see cref="InvalidRequests"/>.
/// </summary>
internal sealed class OperationDriver(DocumentSession session, OperationModel operation, MethodInfo method, RecordingApi recorder)
{
    private static readonly Variant[] s_variants = [Variant.Full, Variant.Minimal, Variant.Boundary, Variant.Unicode];

    private RoundTripResult Result => session.Result;

    /// <summary>Runs every check of the operation.</summary>
    public async Task DriveAsync()
    {
        var arguments = new Dictionary<Variant, object?[]>();
        foreach (var variant in s_variants)
        {
            var synthesizer = new ValueSynthesizer(session.Model, variant, Seed(variant));
            object?[] values;
            object? answer;
            try
            {
                values = Arguments(synthesizer);
                answer = ResultType is { } type ? synthesizer.Create(type, operation.Success?.Type, operation.Success?.Constraints) : null;
            }
            catch (SynthesisException e)
            {
                Add(FindingKind.NotDriven, "synthesis", $"{variant}: {e.Message}");
                return;
            }

            arguments[variant] = values;
            var check = variant.ToString().ToLowerInvariant();
            if (DeclaresSuccess(operation))
            {
                await RoundTripAsync(check, values, answer, expectedStatus: null).ConfigureAwait(false);
                continue;
            }

            // The document promises nothing for a successful call, so Prism has nothing to check its answer against:
            // the call goes to the server directly, and the answer must be the one docs/decisions.md gives (204, or 200
            // with no body beside a default that a declared redirect keeps an error).
            var previous = session.Traffic.Direct;
            session.Traffic.Direct = session.Server.BaseAddress;
            try
            {
                await RoundTripAsync(check, values, answer, expectedStatus: null, undeclaredSuccess: true).ConfigureAwait(false);
            }
            finally
            {
                session.Traffic.Direct = previous;
            }
        }

        foreach (var (response, status) in ErrorAnswers(operation))
        {
            // A declared error body travels as ApiException<TError>, which the server writes in the declared shape and the
            // client must decode into the same body; any other error status is a plain ApiException (the fault answer).
            // A range or default is driven with a status it covers and no more specific entry does.
            var declared = DeclaredError(response, status);
            var exception = declared?.Exception ?? session.CreateApiException(status, $"failure {status} of {operation.OperationId}");
            var check = response.StatusCode == status ? $"error {status}" : $"error {status} ({response.Status})";
            await RoundTripAsync(check, arguments[Variant.Full], exception, status, declaredError: declared).ConfigureAwait(false);
        }

        var captured = session.LastExchangeFor(Variant.Full, operation);
        if (captured is null)
        {
            Add(FindingKind.NotDriven, "invalid requests", "no valid request was captured to derive invalid ones from");
            return;
        }

        await new InvalidRequests(session, operation, captured, recorder, Add).SendAllAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the document declares the answer of a successful call, which Prism then checks: the generator's own
    /// success answer (<see cref="OperationModel.Success"/>): a 2xx, a <c>2XX</c> range, or <c>default</c> (which covers
    /// every status not listed) when no other answer below 400 is declared; a declared 1xx or 3xx says the operation's
    /// other answers are not successes, so its default stays the error.
    /// </summary>
    public static bool DeclaresSuccess(OperationModel operation) => operation.Success is not null;


    // A stream of items is its own result type (IAsyncEnumerable<T>); a task's is its argument.
    private Type? ResultType => StreamValues.ItemType(method.ReturnType) is not null ? method.ReturnType
        : method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;

    private int Seed(Variant variant) => StableHash($"{Result.Name}/{operation.OperationId}/{variant}") & 0xffff;

    private object?[] Arguments(ValueSynthesizer synthesizer)
    {
        var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToArray();
        var values = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = parameters[i].Name!;
            var parameter = operation.Parameters.FirstOrDefault(p => p.Name.TrimStart('@') == name);
            var body = operation.Body is { } b && b.Name.TrimStart('@') == name ? b : null;
            var required = parameter?.Required ?? body?.Required ?? true;
            var reference = parameter?.Type ?? body?.Type;
            if (synthesizer.Variant == Variant.Minimal && (!required || (reference?.Nullable == true && parameter?.Location != ParameterLocation.Path)))
            {
                values[i] = null;
                continue;
            }

            var ascii = parameter?.Location is ParameterLocation.Header or ParameterLocation.Cookie;
            values[i] = synthesizer.Create(parameters[i].ParameterType, reference, parameter?.Constraints ?? body?.Constraints, ascii, nonEmpty: parameter is { Required: true });
        }

        return values;
    }

    /// <summary>The exception a backend throws for a declared error body, with that body.</summary>
    private sealed record Declared(Exception Exception, object? Body);

    // The statuses tried for a range or default, in order: common ones first; never 401 (the client asks a token
    // provider for a new token and retries), nor 407.
    private static readonly int[] s_clientErrors = [400, 422, 409, 418, 404, 403, 410, 412, 415, .. Enumerable.Range(400, 100)];
    private static readonly int[] s_serverErrors = [500, 502, 501, 504, 505, .. Enumerable.Range(500, 100)];

    /// <summary>
    /// The error answers to drive, each with the status to answer: an explicit status as itself; a <c>4XX</c>/<c>5XX</c>
    /// range with a status of the range no explicit entry declares; <c>default</c> with an error status no explicit entry
    /// and no range covers. Entries with no such status left are not driven.
    /// </summary>
    public static IEnumerable<(ResponseModel Response, int Status)> ErrorAnswers(OperationModel operation)
    {
        var explicitStatuses = operation.Responses.Where(r => r.StatusCode != 0).Select(r => r.StatusCode).ToHashSet();
        foreach (var response in operation.Responses.Where(r => r.StatusCode >= 400).DistinctBy(r => r.StatusCode))
        {
            yield return (response, response.StatusCode);
        }

        var ranges = operation.Responses.Where(r => r.StatusCode == 0 && r.IsError && r.Status != "default").DistinctBy(r => r.Status[0]).ToList();
        bool Ranged(int status) => ranges.Any(r => r.Status[0] == (char)('0' + (status / 100)));
        foreach (var range in ranges)
        {
            var candidates = range.Status[0] == '4' ? s_clientErrors : s_serverErrors;
            if (candidates.Where(s => s is not (401 or 407) && !explicitStatuses.Contains(s)).Select(s => (int?)s).FirstOrDefault() is { } status)
            {
                yield return (range, status);
            }
        }

        if (operation.Responses.FirstOrDefault(r => r.Status == "default") is { } fallback
            && s_clientErrors.Concat(s_serverErrors).Where(s => s is not (401 or 407) && !explicitStatuses.Contains(s) && !Ranged(s)).Select(s => (int?)s).FirstOrDefault() is { } other)
        {
            yield return (fallback, other);
        }
    }

    /// <summary>The declared error of <paramref name="response"/> answered with <paramref name="status"/>; null when it declares no JSON error body.</summary>
    private Declared? DeclaredError(ResponseModel response, int status)
    {
        if (!response.IsDeclaredError || session.ClrType(response.Type!) is not { } type)
        {
            return null;
        }

        try
        {
            var body = new ValueSynthesizer(session.Model, Variant.Full, Seed(Variant.Full) ^ status).Create(type, response.Type, response.Constraints);
            return session.CreateDeclaredException(status, type, body) is { } exception ? new Declared(exception, body) : null;
        }
        catch (SynthesisException e)
        {
            Add(FindingKind.NotDriven, $"error {status}: body", $"no declared error body could be made ({e.Message}); a plain ApiException was thrown instead");
            return null;
        }
    }

    private async Task RoundTripAsync(string check, object?[] values, object? answer, int? expectedStatus, bool undeclaredSuccess = false, Declared? declaredError = null)
    {
        recorder.Responder = (_, _) => answer;
        var before = recorder.Calls.Count;
        var exchangesBefore = session.Traffic.Exchanges.Count;
        object? decoded = null;
        Exception? failure = null;
        try
        {
            var returned = method.Invoke(session.Clients[method.DeclaringType!], [.. values, CancellationToken.None])!;
            if (returned is Task task)
            {
                await task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                decoded = ResultType is null ? null : task.GetType().GetProperty("Result")!.GetValue(task);
            }
            else
            {
                // A stream of items, read to its end as the client decodes it.
                decoded = await StreamValues.ToListAsync(returned).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            decoded = await StreamValues.ReadAnswerAsync(decoded).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
        }

        if (failure is System.Net.Http.HttpRequestException && await PrismDiedAsync().ConfigureAwait(false))
        {
            return;
        }

        var exchange = session.Traffic.Exchanges.Skip(exchangesBefore).LastOrDefault();
        if (check == "full" && exchange is not null)
        {
            session.Remember(Variant.Full, operation, exchange);
        }

        if (exchange?.PrismViolation is { } violation)
        {
            Add(FindingKind.PrismViolation, check, violation);
        }

        if (undeclaredSuccess && exchange is not null)
        {
            Result.SuccessDirect++;
            // Without a success answer, the model's status of a completed call: 200 when `default` covers it (beside a
            // declared 1xx or 3xx), else 204 No Content; either with no body.
            var undeclared = operation.SuccessStatusCode;
            if (exchange.Status != undeclared || exchange.ResponseBody.Length > 0)
            {
                Add(exchange.Status >= 500 ? FindingKind.ServerError : FindingKind.Mismatch, $"{check}: undeclared success answer", $"the operation declares no success answer, so the server must answer {undeclared} with no body; it answered {exchange.Status} {Exchange.Shorten(exchange.ResponseBody)}");
            }
        }

        Result.RoundTrips++;
        var calls = recorder.Calls.Skip(before).ToList();
        if (calls.Count != 1)
        {
            if (exchange?.PrismViolation is not null && calls.Count == 0)
            {
                return;
            }

            var status = exchange is null ? "no answer" : $"{exchange.Status} {Exchange.Shorten(exchange.ResponseBody)}";
            Add(exchange?.Status >= 500 && exchange.PrismViolation is null ? FindingKind.ServerError : FindingKind.Mismatch, check + ": call", $"the implementation received {calls.Count} calls; answer {status}; client: {failure?.GetType().Name} {failure?.Message}");
            return;
        }

        var sent = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToArray();
        for (var i = 0; i < sent.Length; i++)
        {
            if (StructuralComparer.Difference(StreamValues.Normalize(values[i]), calls[0].Arguments[i], sent[i].Name!) is { } difference)
            {
                Add(FindingKind.Mismatch, $"{check}: argument {sent[i].Name}", difference);
            }
        }

        if (expectedStatus is { } expected)
        {
            if (exchange?.PrismAnswered == true)
            {
                // Prism answered in the server's place (its violation is reported above): what the client got is
                // Prism's answer, not the implementation's, so comparing it would count the violation twice.
                return;
            }

            var status = failure is null ? (int?)null : session.StatusOf(failure);
            if (status != expected)
            {
                Add(FindingKind.Mismatch, $"{check}: answer", $"the implementation threw ApiException({expected}); the client {(failure is null ? "returned normally" : $"threw {failure.GetType().Name} {status}: {failure.Message}")}");
            }
            else if (declaredError is not null)
            {
                if (!session.TryGetDeclaredError(failure!, out var received))
                {
                    Add(FindingKind.Mismatch, $"{check}: declared error", $"the implementation threw {declaredError.Exception.GetType().Name} with a declared body; the client threw {failure!.GetType().Name} without one: {Exchange.Shorten(failure.Message)}");
                }
                else if (StructuralComparer.Difference(StreamValues.Normalize(declaredError.Body), received, "error") is { } difference)
                {
                    Add(FindingKind.Mismatch, $"{check}: declared error", difference);
                }
            }

            return;
        }

        if (failure is not null)
        {
            if (exchange?.PrismViolation is null)
            {
                Add(exchange?.Status >= 500 ? FindingKind.ServerError : FindingKind.Mismatch, $"{check}: answer", $"the client threw {failure.GetType().Name}: {Exchange.Shorten(failure.Message)}");
            }

            return;
        }

        if (ResultType is not null && StructuralComparer.Difference(StreamValues.Normalize(answer), decoded, "result") is { } wrong)
        {
            Add(FindingKind.Mismatch, $"{check}: result", wrong);
        }
    }

    // A connection Prism dropped as it crashed: give the process a moment to be seen as ended.
    private async Task<bool> PrismDiedAsync()
    {
        for (var i = 0; i < 30 && !session.PrismDown(); i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        return session.PrismDown();
    }

    private void Add(FindingKind kind, string check, string detail) =>
        Result.Findings.Add(new Finding(Result.Name, operation.OperationId, kind, check, detail));

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
