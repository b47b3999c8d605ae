using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Evs.EndToEnd.Tests;

/// <summary>The hand-written document, checked by an independent reader (Microsoft.OpenApi) and served by the host.</summary>
public sealed class OpenApiDocumentTests
{
    internal static string DocumentPath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvsCodegen.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "openapi", "evs-snapshots.yaml");
        }
    }

    [Fact]
    public async Task EvsDocument_IsValidOpenApi303_WithNoErrorsOrWarnings()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();

        var result = await OpenApiDocument.LoadAsync(DocumentPath, settings);

        Assert.NotNull(result.Document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic!.SpecificationVersion);
        Assert.Empty(result.Diagnostic.Errors);
        Assert.Empty(result.Diagnostic.Warnings);
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        var path = result.Document.Paths["/v3/{project_id}/snapshots/{snapshot_id}"];
        Assert.Equal("updateSnapshot", path.Operations![HttpMethod.Put].OperationId);
        Assert.Equal("showSnapshot", path.Operations[HttpMethod.Get].OperationId);
    }

    [Fact]
    public async Task Host_ServesTheDocument_WithoutAToken()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("openapi/evs-snapshots.yaml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(DocumentPath), await response.Content.ReadAsStringAsync());
    }
}
