using EvsCodegen.Runtime.AspNetCore;
using EvsCodegen.Runtime.Tests.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsCodegen.Runtime.Tests.Server;

public sealed class AnswerTests
{
    [Fact]
    public async Task Error_IsTheDocumentedEnvelope_AsJson()
    {
        var http = TestHttp.Request();
        http.Response.Headers["X-Stale"] = "1";

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 404, "No such snapshot.");

        Assert.Equal((404, "application/json"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""{"itemNotFound":{"message":"No such snapshot.","code":"EVS.5404"}}""", TestHttp.ResponseText(http));
        Assert.Equal(TestHttp.ResponseText(http).Length, http.Response.ContentLength);
        Assert.False(http.Response.Headers.ContainsKey("X-Stale"));
    }

    [Fact]
    public async Task Error_InADeclaredJsonMediaType_IsTheEnvelopeUnderThatType()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 404, "No such snapshot.", "application/problem+json");

        Assert.Equal((404, "application/problem+json"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""{"itemNotFound":{"message":"No such snapshot.","code":"EVS.5404"}}""", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Error_AsTextPlain_IsTheMessageAlone()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 409, "Busy: é.", "text/plain; charset=utf-8");

        Assert.Equal((409, "text/plain; charset=utf-8"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("Busy: é.", TestHttp.ResponseText(http));
        Assert.Equal(9, http.Response.ContentLength);
    }

    [Fact]
    public async Task Error_AsTextHtml_IsTheMessageEscaped()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 400, "Row '<img src=x onerror=alert(1)>' & more.", "text/html; charset=utf-8");

        Assert.Equal((400, "text/html; charset=utf-8"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("Row &#39;&lt;img src=x onerror=alert(1)&gt;&#39; &amp; more.", TestHttp.ResponseText(http));
    }

    [Theory]
    [InlineData("text/markdown", "Busy *now*.")]
    [InlineData("text/csv", "Busy *now*.")]
    [InlineData("text/xml", "{\"itemNotFound\":{\"message\":\"Busy *now*.\",\"code\":\"EVS.5404\"}}")]
    [InlineData("text/event-stream", "{\"itemNotFound\":{\"message\":\"Busy *now*.\",\"code\":\"EVS.5404\"}}")]
    public async Task Error_InAnotherTextType_IsTheMessage_ButNotForXmlOrEventStreams(string mediaType, string body)
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 404, "Busy *now*.", mediaType);

        Assert.Equal(body, TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Failure_UsesTheMediaTypeOfItsStatus_AndOfA500()
    {
        var http = TestHttp.Request();
        var crash = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException(409, "Busy."), ApiFaultTableTests.Plain, static status => status == 409 ? "text/plain" : null);
        await ApiServerRuntime.WriteFailureAsync(crash, new InvalidOperationException("secret"), ApiFaultTableTests.Plain, static status => status == 500 ? "application/problem+json" : null);

        Assert.Equal(("text/plain", "Busy."), (http.Response.ContentType, TestHttp.ResponseText(http)));
        Assert.Equal((500, "application/problem+json"), (crash.Response.StatusCode, crash.Response.ContentType));
        Assert.DoesNotContain("secret", TestHttp.ResponseText(crash), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_AfterTheResponseHasStarted_AbortsTheConnection()
    {
        var http = TestHttp.Request();
        var started = StartedResponse.On(http);

        await ApiServerRuntime.WriteErrorAsync(http, ApiFaultTableTests.Keyed, 500, "late");

        Assert.True(started.Aborted);
        Assert.Equal(string.Empty, TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Failure_ApiException_AnswersWithItsStatusAndMessage()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException(403, "Not allowed."), ApiFaultTableTests.Plain);

        Assert.Equal(403, http.Response.StatusCode);
        Assert.Equal("""{"status":403,"message":"Not allowed."}""", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Failure_AnyOtherException_Is500WithAGenericMessage_AndIsLogged()
    {
        using var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection().AddLogging(builder => builder.AddProvider(logs)).BuildServiceProvider();
        var http = TestHttp.Request(services: services);
        http.Request.Path = "/v3/p/snapshots/s";
        var secret = new InvalidOperationException("connection string Password=hunter2");

        await ApiServerRuntime.WriteFailureAsync(http, secret, ApiFaultTableTests.Keyed);

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal($$$"""{"computeFault":{"message":"{{{ApiServerRuntime.InternalErrorMessage}}}","code":"EVS.5500"}}""", TestHttp.ResponseText(http));
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(("EvsCodegen.Server", LogLevel.Error, secret, "Unhandled exception in /v3/p/snapshots/s"), entry);
    }

    [Fact]
    public async Task Failure_WithoutALoggerFactory_IsStill500()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new InvalidOperationException("x"), ApiFaultTableTests.Plain);

        Assert.Equal(500, http.Response.StatusCode);
    }

    [Fact]
    public async Task Failure_CancelledBecauseTheClientLeft_WritesNothing()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = TestHttp.Request();
        http.RequestAborted = aborted.Token;

        await ApiServerRuntime.WriteFailureAsync(http, new OperationCanceledException(aborted.Token), ApiFaultTableTests.Plain);

        Assert.Equal((200, string.Empty), (http.Response.StatusCode, TestHttp.ResponseText(http)));
    }

    [Fact]
    public async Task Failure_CancelledWhileTheClientIsStillThere_Is500()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new OperationCanceledException(), ApiFaultTableTests.Plain);

        Assert.Equal(500, http.Response.StatusCode);
    }

    [Fact]
    public async Task Json_IsWrittenWithItsLength()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteJsonAsync(http, 201, "é", static (writer, value) => writer.WriteStringValue(value));

        Assert.Equal((201, "application/json", 4L), (http.Response.StatusCode, http.Response.ContentType, http.Response.ContentLength));
        Assert.Equal("\"é\"", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task WriteJson_AValueThatCannotBeWritten_FailsInTheTask_WithNothingSent()
    {
        var http = TestHttp.Request();

        var pending = ApiServerRuntime.WriteJsonAsync(http, 201, "x", static (_, _) => throw new InvalidOperationException("cannot write"));

        Assert.True(pending.IsFaulted);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pending);
        Assert.Equal((200, (long?)null, ""), (http.Response.StatusCode, http.Response.ContentLength, TestHttp.ResponseText(http)));
    }

    [Fact]
    public async Task WriteJson_AValueWrittenHalf_FailsInTheTask_WithNothingSent()
    {
        var http = TestHttp.Request();

        var pending = ApiServerRuntime.WriteJsonAsync(http, 201, "x", static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", value);
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => pending);
        Assert.Contains("left open", failure.Message, StringComparison.Ordinal);
        Assert.Equal((200, (long?)null, ""), (http.Response.StatusCode, http.Response.ContentLength, TestHttp.ResponseText(http)));
    }

    [Fact]
    public async Task WriteJson_ToAResponseThatTakesItsTime_CompletesWhenTheBytesAreWritten()
    {
        var http = TestHttp.Request();
        var slow = new SlowStream();
        http.Response.Body = slow;

        var pending = ApiServerRuntime.WriteJsonAsync(http, 200, 42, static (writer, value) => writer.WriteNumberValue(value));
        await pending;

        Assert.Equal("42", System.Text.Encoding.UTF8.GetString(slow.ToArray()));
        Assert.Equal(2L, http.Response.ContentLength);
    }

    private sealed class SlowStream : MemoryStream
    {
        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Yield();
            await base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            await base.WriteAsync(buffer, cancellationToken);
        }
    }

    [Fact]
    public async Task Interceptors_RunInRegistrationOrder_WithTheOperation_AndAnExceptionStopsTheRest()
    {
        var calls = new List<string>();
        var services = new ServiceCollection()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("first", calls, fail: false))
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("second", calls, fail: true))
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("third", calls, fail: false))
            .BuildServiceProvider();
        var http = TestHttp.Request(services: services);

        var failure = await Assert.ThrowsAsync<ApiException>(async () => await ApiServerRuntime.InterceptAsync(http, "updateSnapshot"));

        Assert.Equal(["first:updateSnapshot", "second:updateSnapshot"], calls);
        Assert.Equal(400, failure.StatusCode);
    }

    [Fact]
    public async Task Interceptors_ThatFinishLater_AreAwaited_BeforeTheNextRuns()
    {
        var calls = new List<string>();
        var gate = new TaskCompletionSource();
        var services = new ServiceCollection()
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("first", calls, fail: false))
            .AddSingleton<IApiRequestInterceptor>(new PendingInterceptor("second", calls, gate.Task))
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("third", calls, fail: false))
            .BuildServiceProvider();
        var http = TestHttp.Request(services: services);

        var pending = ApiServerRuntime.InterceptAsync(http, "op").AsTask();

        Assert.False(pending.IsCompleted);
        Assert.Equal(["first:op", "second:op"], calls);
        gate.SetResult();
        await pending;
        Assert.Equal(["first:op", "second:op", "third:op"], calls);
    }

    [Fact]
    public async Task Interceptors_AFailureThrownAtOnce_ComesInTheReturnedTask()
    {
        var calls = new List<string>();
        var services = new ServiceCollection().AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("only", calls, fail: true)).BuildServiceProvider();
        var http = TestHttp.Request(services: services);

        var pending = ApiServerRuntime.InterceptAsync(http, "op");

        Assert.True(pending.IsFaulted);
        var failure = await Assert.ThrowsAsync<ApiException>(async () => await pending);
        Assert.Equal(400, failure.StatusCode);
    }

    [Fact]
    public async Task Interceptors_ThatFinishAtOnce_DoNotChangeTheCallersAsyncLocals()
    {
        var services = new ServiceCollection().AddSingleton<IApiRequestInterceptor>(new AsyncLocalSettingInterceptor()).BuildServiceProvider();
        var http = TestHttp.Request(services: services);
        AsyncLocalSettingInterceptor.Value.Value = "caller";

        var pending = ApiServerRuntime.InterceptAsync(http, "op");

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal("caller", AsyncLocalSettingInterceptor.Value.Value);
        await pending;
        Assert.Equal("caller", AsyncLocalSettingInterceptor.Value.Value);
    }

    [Fact]
    public async Task Interceptors_ThatFailLater_StopTheRest()
    {
        var calls = new List<string>();
        var services = new ServiceCollection()
            .AddSingleton<IApiRequestInterceptor>(new PendingInterceptor("first", calls, Task.FromException(new ApiException(403, "later"))))
            .AddSingleton<IApiRequestInterceptor>(new RecordingInterceptor("second", calls, fail: false))
            .BuildServiceProvider();
        var http = TestHttp.Request(services: services);

        var failure = await Assert.ThrowsAsync<ApiException>(async () => await ApiServerRuntime.InterceptAsync(http, "op"));

        Assert.Equal(403, failure.StatusCode);
        Assert.Equal(["first:op"], calls);
    }

    [Fact]
    public async Task Interceptors_NoneRegistered_IsNothingToDo_AndAllocatesNothing()
    {
        var http = TestHttp.Request();
        await ApiServerRuntime.InterceptAsync(http, "op");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pending = ApiServerRuntime.InterceptAsync(http, "op");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Interceptors_RegisteredScoped_AreEachRequestsOwn()
    {
        var seen = new List<IApiRequestInterceptor>();
        using var root = new ServiceCollection().AddScoped<IApiRequestInterceptor>(_ => new SeenInterceptor(seen)).BuildServiceProvider();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var scope = root.CreateScope();
            var http = TestHttp.Request(services: scope.ServiceProvider);
            await ApiServerRuntime.InterceptAsync(http, "op");
            await ApiServerRuntime.InterceptAsync(http, "op");
        }

        Assert.Equal(4, seen.Count);
        Assert.Same(seen[0], seen[1]);
        Assert.NotSame(seen[1], seen[2]);
    }

    [Fact]
    public async Task Interceptors_FromAContainerThatListsThemOtherwise_RunInItsOrder()
    {
        var calls = new List<string>();
        IEnumerable<IApiRequestInterceptor> listed = new List<IApiRequestInterceptor> { new RecordingInterceptor("a", calls, fail: false), new RecordingInterceptor("b", calls, fail: false) };
        var http = TestHttp.Request(services: new ListingProvider(listed));

        await ApiServerRuntime.InterceptAsync(http, "op");

        Assert.Equal(["a:op", "b:op"], calls);
    }

    private sealed class ListingProvider(IEnumerable<IApiRequestInterceptor> interceptors) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IEnumerable<IApiRequestInterceptor>) ? interceptors : null;
    }

    private sealed class PendingInterceptor(string name, List<string> calls, Task gate) : IApiRequestInterceptor
    {
        public ValueTask OnRequestAsync(ApiRequestContext context)
        {
            calls.Add(name + ":" + context.OperationId);
            return new ValueTask(gate);
        }
    }
}
