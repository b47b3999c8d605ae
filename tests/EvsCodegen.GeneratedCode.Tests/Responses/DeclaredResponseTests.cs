using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.Responses;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Responses;

/// <summary>
/// Declared success answers over real HTTP (the generated client against the generated controller on 127.0.0.1): the
/// implementation answers a declared status with its headers through the result type's factories, the client reads
/// status, typed headers and body through the whole-response method, and the body methods keep working beside them.
/// </summary>
public class DeclaredResponseTests
{
    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    [Fact]
    public async Task Created_WithLocation_ReachesTheClient_AndTheWire()
    {
        var api = new TasksBackend { Create = draft => CreateTaskResult.Created(new TaskItem { Id = 7, Title = draft.Title }, "/tasks/7") };
        await using var host = await Start(api);
        using var http = host.Client();
        var client = new TasksApiClient(http);

        var whole = await client.CreateTaskWithResponseAsync(new TaskDraft { Title = "write" });
        var body = await client.CreateTaskAsync(new TaskDraft { Title = "read" });
        using var raw = await http.PostAsync("tasks", new StringContent("""{"title":"raw"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(201, whole.StatusCode);
        Assert.Equal("/tasks/7", whole.Location);
        Assert.Equal(new TaskItem { Id = 7, Title = "write" }, whole.Body);
        Assert.Equal(new TaskItem { Id = 7, Title = "read" }, body);
        Assert.Equal(HttpStatusCode.Created, raw.StatusCode);
        Assert.Equal("/tasks/7", raw.Headers.Location!.OriginalString);
        Assert.Equal("""{"id":7,"title":"raw"}""", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagingHeaders_AreTyped_OnBothSides()
    {
        var api = new TasksBackend { List = () => ListTasksResult.Ok([new TaskItem { Id = 1, Title = "a" }], 42, "/tasks?page=2") };
        await using var host = await Start(api);
        using var http = host.Client();

        var page = await new TasksApiClient(http).ListTasksWithResponseAsync(limit: 1);
        using var raw = await http.GetAsync("tasks");

        Assert.Equal(200, page.StatusCode);
        Assert.Equal(42L, page.XTotalCount);
        Assert.Equal("/tasks?page=2", page.XNextPage);
        Assert.Equal([new TaskItem { Id = 1, Title = "a" }], page.Body!);
        Assert.Equal("42", Assert.Single(raw.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task OptionalHeader_NotSent_IsNull()
    {
        var api = new TasksBackend { List = () => ListTasksResult.Ok([], 0) };
        await using var host = await Start(api);
        using var http = host.Client();

        var page = await new TasksApiClient(http).ListTasksWithResponseAsync();
        using var raw = await http.GetAsync("tasks");

        Assert.Equal(0L, page.XTotalCount);
        Assert.Null(page.XNextPage);
        Assert.False(raw.Headers.Contains("X-Next-Page"));
    }

    [Fact]
    public async Task SeveralSuccessStatuses_EachWithItsHeadersAndBody()
    {
        var requestId = Guid.NewGuid();
        var api = new TasksBackend { Archive = id => id == 1 ? ArchiveTaskResult.Ok(new TaskItem { Id = 1, Title = "done", Done = true }, requestId) : ArchiveTaskResult.Accepted($"/tasks/{id}/archive/status", retryAfter: 30, xRequestId: requestId) };
        await using var host = await Start(api);
        using var http = host.Client();
        var client = new TasksApiClient(http);

        var already = await client.ArchiveTaskWithResponseAsync(1);
        var started = await client.ArchiveTaskWithResponseAsync(2);
        using var raw = await http.PostAsync("tasks/3/archive", null);

        Assert.Equal(200, already.StatusCode);
        Assert.Equal(new TaskItem { Id = 1, Title = "done", Done = true }, already.Body);
        Assert.Null(already.Location);
        Assert.Equal(requestId, already.XRequestId);
        Assert.Equal(requestId, started.XRequestId);
        Assert.Equal(202, started.StatusCode);
        Assert.Null(started.Body);
        Assert.Equal("/tasks/2/archive/status", started.Location);
        Assert.Equal(30, started.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, raw.StatusCode);
        Assert.Equal("30", Assert.Single(raw.Headers.GetValues("Retry-After")));
        Assert.Empty(await raw.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task NoContent_And_Accepted_WithoutBody_AnswerTheirStatus()
    {
        var api = new TasksBackend();
        await using var host = await Start(api);
        using var http = host.Client();
        var client = new TasksApiClient(http);

        await client.DeleteTaskAsync(5);
        await client.RunTaskAsync(6);
        using var deleted = await http.DeleteAsync("tasks/8");
        using var run = await http.PostAsync("tasks/9/run", null);

        Assert.Equal([5L, 8L], api.Deleted);
        Assert.Equal([6L, 9L], api.Run);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }

    [Fact]
    public async Task BodyOnlyBackend_AnswersTheFirstSuccessStatus_WithoutHeaders()
    {
        await using var host = await Start(new BodyOnlyTasksBackend());
        using var http = host.Client();
        var client = new TasksApiClient(http);

        var created = await client.CreateTaskWithResponseAsync(new TaskDraft { Title = "x" });
        var archived = await client.ArchiveTaskWithResponseAsync(4);

        Assert.Equal(201, created.StatusCode);
        Assert.Null(created.Location);
        Assert.Equal(new TaskItem { Id = 2, Title = "x" }, created.Body);
        Assert.Equal(200, archived.StatusCode);
        Assert.Equal("archived", archived.Body!.Title);
    }

    private Task<KestrelHost> Start(ITasksApi api) =>
        FlavourHost.StartAsync(Flavour, services => services.AddSingleton(api), s => s.AddTasksApiControllers(), app => app.MapTasksApi());
}

/// <summary>The same declared-response tests against the generated minimal-API endpoints.</summary>
public sealed class DeclaredResponseMinimalTests : DeclaredResponseTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
