using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>The first <c>servers</c> entry becomes the routes' base path and, when absolute, the client's default address.</summary>
public sealed class ServerParsingTests
{
    [Theory]
    [InlineData("https://api.example.com/v2", "/v2", "https://api.example.com/v2")]
    [InlineData("https://api.example.com/v2/", "/v2", "https://api.example.com/v2/")]
    [InlineData("https://{region}.example.com:{port}/{version}/api", "/v3/api", "https://eu.example.com:8443/v3/api")]
    [InlineData("/api/v1", "/api/v1", null)]
    [InlineData("api/v1", "/api/v1", null)]
    [InlineData("./v1?x=1", "/v1", null)]
    [InlineData("//cdn.example.com/files", "/files", null)]
    [InlineData("http://localhost:8080", "", "http://localhost:8080")]
    [InlineData("https://api.example.com/caf%C3%A9", "/café", "https://api.example.com/caf%C3%A9")]
    public void FirstServer_GivesBasePathAndAbsoluteUrl(string url, string basePath, string? absolute)
    {
        var model = Parse.Model($$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
              - url: '{{url}}'
                variables:
                  region: {default: eu, enum: [eu, us]}
                  port: {default: '8443'}
                  version: {default: v3}
              - url: https://other.example.com/ignored
            paths: {}
            """);

        Assert.Equal(new ServerModel(basePath, absolute), model.Context.Server);
    }

    [Theory]
    [InlineData("servers: [{url: /}]")]
    [InlineData("servers: []")]
    [InlineData("")]
    public void NoServer_OrTheRoot_IsNoServer(string servers)
    {
        var model = Parse.Model($"""
            openapi: 3.0.3
            info: {"{"}title: T, version: '1'{"}"}
            {servers}
            paths: {"{}"}
            """);

        Assert.Null(model.Context.Server);
    }
}
