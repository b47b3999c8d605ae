namespace EvsCodegen.Packaging.Tests.Consumers;

/// <summary>
/// A web app that is not the EVS API: its own small document, every family emitted, options set through item
/// metadata (namespace, families as an MSBuild list, client and contract names) and a project-wide property (internal accessibility). It serves
/// the generated controller on 127.0.0.1 and calls it with the generated client, both registered through the
/// generated extensions, with an API key and a handler of its own. One schema lives in a file of its own, given as a
/// plain AdditionalFiles item and named by a relative <c>$ref</c>.
/// </summary>
internal static class TodoConsumer
{
    public const string ProjectName = "Todos.Consumer";

    /// <summary>What the program prints when the generated client and server agree.</summary>
    public static readonly string[] ExpectedOutput =
    [
        "created 1 Buy milk False",
        "read 1 Buy milk False",
        "missing 404",
        "client TodoClient public=False",
        "requests 3",
    ];

    /// <summary>The files generated from todos.yaml.</summary>
    public static readonly string[] ExpectedGeneratedFiles =
    [
        "Todos.ClientOptions.g.cs",
        "Todos.Clients.TodoClient.g.cs",
        "Todos.Contracts.ITodoService.g.cs",
        "Todos.Controllers.TodosApiController.g.cs",
        "Todos.DependencyInjection.TodoClient.g.cs",
        "Todos.DependencyInjection.TodosApiController.g.cs",
        "Todos.Faults.g.cs",
        "Todos.Models.NewTodo.g.cs",
        "Todos.Models.Problem.g.cs",
        "Todos.Models.Todo.g.cs",
        "Todos.Resolver.g.cs",
    ];

    public static IReadOnlyDictionary<string, string> Files(string generatorVersion, string runtimeVersion) => new Dictionary<string, string>
    {
        [ProjectName + ".csproj"] = $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- Hermetic: no vulnerability look-ups during restore. -->
                <NuGetAudit>false</NuGetAudit>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <EvsCodegenAccessibility>internal</EvsCodegenAccessibility>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EvsCodegen.Generators" Version="{{generatorVersion}}" />
                <!-- The project emits server code: it adds the server half of the runtime, as the README says. -->
                <PackageReference Include="EvsCodegen.Runtime.AspNetCore" Version="{{runtimeVersion}}" />
                <AdditionalFiles Include="todos.yaml" OpenApi="true" OpenApiNamespace="Consumer.Todos" OpenApiEmit="models;client;server" OpenApiClientName="TodoClient" OpenApiContractName="ITodoService" />
                <AdditionalFiles Include="schemas/*.yaml" />
              </ItemGroup>
            </Project>
            """,
        ["todos.yaml"] = """
            openapi: 3.0.3
            info:
              title: Todo API
              version: 1.0.0
            paths:
              /todos:
                post:
                  tags: [Todos]
                  operationId: createTodo
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/NewTodo'
                  responses:
                    '201':
                      description: Created.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Todo'
              /todos/{id}:
                get:
                  tags: [Todos]
                  operationId: getTodo
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: integer
                        format: int32
                  responses:
                    '200':
                      description: The todo.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Todo'
                    '404':
                      description: No such todo.
                      content:
                        application/json:
                          schema:
                            $ref: './schemas/problem.yaml'
            components:
              securitySchemes:
                apiKey:
                  type: apiKey
                  in: header
                  name: X-Api-Key
              schemas:
                NewTodo:
                  type: object
                  required: [title]
                  properties:
                    title:
                      type: string
                      maxLength: 100
                  additionalProperties: false
                Todo:
                  type: object
                  required: [id, title, done]
                  properties:
                    id:
                      type: integer
                      format: int32
                    title:
                      type: string
                    done:
                      type: boolean
            security:
              - apiKey: []
            """,
        ["schemas/problem.yaml"] = """
            type: object
            required: [message]
            properties:
              message:
                type: string
            """,
        ["Program.cs"] = """
            using System.Collections.Concurrent;
            using Consumer.Todos;
            using EvsCodegen.Runtime;
            using EvsCodegen.Runtime.AspNetCore;
            using System.Security.Claims;
            using System.Text.Encodings.Web;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Hosting.Server;
            using Microsoft.AspNetCore.Hosting.Server.Features;
            using Microsoft.Extensions.Options;

            // The generated server, registered through its generated extension, on a free port of 127.0.0.1.
            var builder = WebApplication.CreateSlimBuilder(args);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TodoStore>();
            builder.Services.AddSingleton<IApiRequestInterceptor, ApiKeyCheck>();
            // The document's security scheme 'apiKey', which the generated actions require by that name.
            builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>("apiKey", null);
            builder.Services.AddTodosApiServer<TodoService>();
            await using var app = builder.Build();
            app.MapControllers();
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

            // The generated client, registered through its generated extension, with a handler of the consumer's own.
            var services = new ServiceCollection();
            var counter = new RequestCounter();
            services.AddTodoClient(address, options => options.ApiKey = "secret").AddHttpMessageHandler(() => counter);
            // A second container, for the client alone: it runs beside the server in one process here.
            #pragma warning disable ASP0000
            await using var provider = services.BuildServiceProvider();
            #pragma warning restore ASP0000
            var todos = provider.GetRequiredService<ITodoService>();

            var created = await todos.CreateTodoAsync(new NewTodo { Title = "Buy milk" });
            Console.WriteLine($"created {created.Id} {created.Title} {created.Done}");
            var read = await todos.GetTodoAsync(created.Id);
            Console.WriteLine($"read {read.Id} {read.Title} {read.Done}");
            try
            {
                await todos.GetTodoAsync(42);
            }
            catch (ApiException exception)
            {
                Console.WriteLine($"missing {exception.StatusCode}");
            }

            Console.WriteLine($"client {provider.GetRequiredService<ITodoService>().GetType().Name} public={typeof(TodoClient).IsPublic}");
            Console.WriteLine($"requests {counter.Count}");
            await app.StopAsync();

            internal sealed class TodoStore
            {
                public ConcurrentDictionary<int, Todo> Items { get; } = new();
            }

            internal sealed class TodoService(TodoStore store) : ITodoService
            {
                public Task<Todo> CreateTodoAsync(NewTodo body, CancellationToken cancellationToken = default)
                {
                    var todo = new Todo { Id = store.Items.Count + 1, Title = body.Title, Done = false };
                    store.Items[todo.Id] = todo;
                    return Task.FromResult(todo);
                }

                public Task<Todo> GetTodoAsync(int id, CancellationToken cancellationToken = default) =>
                    store.Items.TryGetValue(id, out var todo) ? Task.FromResult(todo) : throw new ApiException(404, $"No todo {id}.");
            }

            internal sealed class ApiKeyCheck : IApiRequestInterceptor
            {
                public ValueTask OnRequestAsync(ApiRequestContext context) =>
                    context.HttpContext.Request.Headers["X-Api-Key"] == "secret" ? ValueTask.CompletedTask : throw new ApiException(401, "No key.");
            }

            internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
            {
                protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(
                    Request.Headers["X-Api-Key"] == "secret"
                        ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("apiKey")), "apiKey"))
                        : AuthenticateResult.NoResult());
            }

            internal sealed class RequestCounter : DelegatingHandler
            {
                private int _count;

                public int Count => _count;

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Interlocked.Increment(ref _count);
                    return base.SendAsync(request, cancellationToken);
                }
            }
            """,
    };
}
