using System.Net;
using System.Text.Json;
using EvsCodegen.TestSupport;
using GeneratedCode.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Responses;

/// <summary>
/// Declared error bodies over real HTTP: the implementation throws <see cref="ApiException{TError}"/> with the declared
/// type (or a plain <see cref="ApiException"/> where the document declares problem details), the controller writes it
/// with the declared status and media type, and the client throws <see cref="ApiException{TError}"/> with the body read.
/// </summary>
public class DeclaredErrorTests
{
    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    [Fact]
    public async Task CustomErrorSchema_RoundTrips_AsApiExceptionOfThatType()
    {
        var conflict = new Conflict { Code = "duplicate", Message = "A task named 'x' exists.", ConflictingId = 12 };
        var api = new TasksBackend { Create = _ => throw new ApiException<Conflict>(409, conflict) };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Conflict>>(() => new TasksApiClient(http).CreateTaskAsync(new TaskDraft { Title = "x" }));
        using var raw = await http.PostAsync("tasks", new StringContent("""{"title":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(conflict, error.Error);
        Assert.Equal("A task named 'x' exists.", error.Message);
        Assert.Equal(HttpStatusCode.Conflict, raw.StatusCode);
        Assert.Equal("application/json", raw.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"code":"duplicate","message":"A task named 'x' exists.","conflictingId":12}""", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeclaredProblem_ThrownTyped_IsWrittenAsProblemJson_AndReadBack()
    {
        var problem = new Problem { Type = "https://example.com/missing", Title = "Missing", Status = 404, Detail = "No task 5.", Instance = "/tasks/5" };
        var api = new TasksBackend { Get = _ => throw new ApiException<Problem>(404, problem) };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).GetTaskAsync(5));
        using var raw = await http.GetAsync("tasks/5");

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(problem, error.Error);
        Assert.Equal("The server answered 404: Missing: No task 5.", error.Message);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task PlainApiException_WhereProblemIsDeclared_BecomesAProblem()
    {
        await using var host = await Start(new TasksBackend());
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).DeleteTaskAsync(404));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(new Problem { Title = "Not Found", Status = 404, Detail = "There is no task 404." }, error.Error);
    }

    [Fact]
    public async Task ServersOwnValidationError_UsesTheDeclaredProblemShape()
    {
        await using var host = await Start(new TasksBackend());
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).ListTasksAsync(limit: 0));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(400, error.Error.Status);
        Assert.Equal("Bad Request", error.Error.Title);
        Assert.Contains("limit", error.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_WhereA5XXProblemIsDeclared_IsA500Problem_WithoutItsMessage()
    {
        var api = new TasksBackend { Get = _ => throw new InvalidOperationException("secret detail") };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).GetTaskAsync(1));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("The server could not complete the request.", error.Error.Detail);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeclaredShape_KeepsTheFaultTableAnswer_AndThePlainException()
    {
        // 409 declares Conflict: a plain ApiException there has no Conflict body to write, so the document's fault table answers.
        var api = new TasksBackend { Create = _ => throw new ApiException(409, "taken") };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException>(() => new TasksApiClient(http).CreateTaskAsync(new TaskDraft { Title = "x" }));

        Assert.IsNotType<ApiException<Conflict>>(error);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("taken", error.Message);
    }

    [Fact]
    public async Task AddProblemDetails_Customizations_ApplyToDeclaredProblems()
    {
        var api = new TasksBackend { Get = _ => throw new ApiException<Problem>(404, new Problem { Title = "Missing", Detail = "No task 5." }) };
        await using var host = await Start(services => services
            .AddProblemDetails(options => options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["node"] = "east-1")
            .AddSingleton<ITasksApi>(api));
        using var http = host.Client();

        using var raw = await http.GetAsync("tasks/5");
        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).GetTaskAsync(5));

        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync());
        Assert.Equal("east-1", json.RootElement.GetProperty("node").GetString());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Missing", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("Missing", error.Error.Title);
        Assert.Equal("No task 5.", error.Error.Detail);
        Assert.Equal(404, error.Error.Status);
    }

    [Fact]
    public async Task UseExceptionHandler_ProblemsFromThePipeline_AreReadAsTheDeclaredProblem()
    {
        // An exception outside the controller (here a middleware) is answered by ASP.NET Core's exception handler with
        // problem details; the client reads it as the operation's declared 5XX problem.
        await using var host = await Start(
            services => services.AddProblemDetails().AddSingleton<ITasksApi>(new TasksBackend()),
            app =>
            {
                app.UseExceptionHandler();
                app.Use((HttpContext context, RequestDelegate next) => context.Request.Path == "/tasks/13" ? throw new InvalidOperationException("unlucky") : next(context));
            });
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => new TasksApiClient(http).GetTaskAsync(13));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(500, error.Error.Status);
        Assert.NotNull(error.Error.Title);
    }

    private Task<KestrelHost> Start(ITasksApi api) => Start(services => services.AddSingleton(api));

    private Task<KestrelHost> Start(Action<IServiceCollection> services, Action<WebApplication>? pipeline = null) =>
        FlavourHost.StartAsync(Flavour, services, s => s.AddTasksApiControllers(), app => app.MapTasksApi(), pipeline);
}

/// <summary>The same declared-error tests against the generated minimal-API endpoints.</summary>
public sealed class DeclaredErrorMinimalTests : DeclaredErrorTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
