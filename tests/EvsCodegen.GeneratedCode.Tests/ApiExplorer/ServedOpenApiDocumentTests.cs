using System.Text.Json.Nodes;
using EvsCodegen.TestSupport;
using GeneratedCode.Secure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.ApiExplorer;

/// <summary>
/// Generated controllers seen through ApiExplorer: a host serves an OpenAPI document with Microsoft.AspNetCore.OpenApi
/// (<c>AddOpenApi</c>/<c>MapOpenApi</c>, one document per source document, holding its controllers only), and each
/// operation of the served document is compared with the source document's: the same paths and methods (the servers'
/// base path prefixed); the same parameters by in and name (cookies left out: ApiExplorer has no cookie source), each
/// with the same required flag, schema type, format (where the source declares one) and array item type; the same
/// request body presence, required flag and media types; the same response statuses (4XX/5XX ranges left out:
/// ApiExplorer's statuses are numbers) with the same media types. Schemas of bodies are not compared property by property,
/// and an object-typed parameter's schema is opaque (see the type check below).
/// </summary>
public sealed class ServedOpenApiDocumentTests
{
    public static TheoryData<string, string, string> Documents => new()
    {
        { "Documents/evs-snapshots.yaml", "GeneratedCode.Evs", string.Empty },
        { "Documents/responses.yaml", "GeneratedCode.Responses", string.Empty },
        { "Documents/parameters.yaml", "GeneratedCode.Parameters", string.Empty },
        { "Documents/secure.yaml", "GeneratedCode.Secure", string.Empty },
        { "Documents/error-media.yaml", "GeneratedCode.ErrorMedia", string.Empty },
        { "Documents/files.yaml", "GeneratedCode.Files", string.Empty },
        { "Documents/pets-form.yaml", "GeneratedCode.FormPets", string.Empty },
        { "Documents/orders.yaml", "GeneratedCode.Orders", string.Empty },
        { "Documents/styles.yaml", "GeneratedCode.Styles", string.Empty },
        { "Documents/servers.yaml", "GeneratedCode.Servers", "/api/v2" },
        { "Documents/nullable-bodies.yaml", "GeneratedCode.NullableBodies", string.Empty },
        { "Documents/credentials.yaml", "GeneratedCode.Credentials", string.Empty },
        { "Documents/consumer.yaml", "GeneratedCode.Consumer", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task ServedDocument_MatchesTheSource_OperationByOperation(string document, string ns, string basePath)
    {
        var source = OpenApiShape.Operations(OpenApiShape.Load(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, document))), basePath);
        var served = OpenApiShape.Operations(await ServeAsync(ns));

        Assert.NotEmpty(source);
        Assert.Equal(source.Keys.Order(StringComparer.Ordinal), served.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, expected) in source)
        {
            var actual = served[key];
            var parameters = expected.Parameters.Where(p => !p.Key.StartsWith("cookie ", StringComparison.Ordinal)).ToDictionary();
            Assert.Equal(parameters.Keys.Order(StringComparer.Ordinal), actual.Parameters.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, parameter) in parameters)
            {
                var got = actual.Parameters[name];
                Assert.True(parameter.Required == got.Required, $"{key} {name}: required {parameter.Required}, served {got.Required}");
                // Generated object types read and write through custom System.Text.Json converters, which the schema
                // exporter describes as any value: an object parameter is compared by presence and required-ness only.
                Assert.True(parameter.Type == got.Type || (parameter.Type == "object" && got.Type is null), $"{key} {name}: type {parameter.Type}, served {got.Type}");
                Assert.True(parameter.Format is null || parameter.Format == got.Format, $"{key} {name}: format {parameter.Format}, served {got.Format}");
                Assert.True(parameter.ItemType == got.ItemType, $"{key} {name}: items {parameter.ItemType}, served {got.ItemType}");
            }

            Assert.True((expected.Body is null) == (actual.Body is null), $"{key}: request body {expected.Body is not null}, served {actual.Body is not null}");
            if (expected.Body is { } body)
            {
                Assert.True(body.Required == actual.Body!.Required, $"{key}: body required {body.Required}, served {actual.Body.Required}");
                Assert.Equal(body.MediaTypes.Order(StringComparer.Ordinal), actual.Body.MediaTypes.Order(StringComparer.Ordinal));
            }

            var responses = expected.Responses.Where(r => !r.Key.EndsWith("XX", StringComparison.OrdinalIgnoreCase)).ToDictionary();
            Assert.True(
                responses.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Responses.Keys.Order(StringComparer.Ordinal)),
                $"{key}: statuses {string.Join(",", responses.Keys)}, served {string.Join(",", actual.Responses.Keys)}");
            foreach (var (status, mediaTypes) in responses)
            {
                Assert.True(mediaTypes.SequenceEqual(actual.Responses[status]), $"{key} {status}: {string.Join(",", mediaTypes)}, served {string.Join(",", actual.Responses[status])}");
            }
        }
    }

    [Fact]
    public async Task ServedDocument_DescribesParameterSchemasAndRequiredness_NotAParameterlessAction()
    {
        var served = OpenApiShape.Operations(await ServeAsync("GeneratedCode.Evs"));

        Assert.All(served.Values, operation => Assert.NotEmpty(operation.Responses));
        Assert.Contains(served.Values, operation => operation.Parameters.Values.Any(p => p.Required && p.Type is not null));
    }

    /// <summary>The document Microsoft.AspNetCore.OpenApi serves for the controllers of namespace <paramref name="ns"/>.</summary>
    private static async Task<JsonNode> ServeAsync(string ns)
    {
        await using var host = await KestrelHost.StartAsync(
            services =>
            {
                // The generated registration adds the description provider (every generated controller of this
                // assembly is an application part); the document holds the controllers of one namespace.
                services.AddSecureApiControllers();
                services.AddOpenApi("source", options => options.ShouldInclude = description =>
                    description.ActionDescriptor is ControllerActionDescriptor action && action.ControllerTypeInfo.Namespace == ns);
            },
            app => app.MapOpenApi());
        using var client = host.Client();
        var text = await client.GetStringAsync(new Uri("openapi/source.json", UriKind.Relative));
        return JsonNode.Parse(text)!;
    }
}
