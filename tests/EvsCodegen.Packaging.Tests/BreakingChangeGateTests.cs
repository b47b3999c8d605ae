using EvsCodegen.Packaging.Tests.Infrastructure;

namespace EvsCodegen.Packaging.Tests;

/// <summary>
/// The breaking-change gate in a real consumer build: a project restoring the packed generator, with its document's
/// shipped version beside it (<c>api.shipped.yaml</c>, picked up by the package's targets), builds with a warning for a
/// compatible change and fails with positioned errors for breaking ones; <c>-t:OpenApiShip</c> then moves the baseline.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class BreakingChangeGateTests(PackagesFixture packages)
{
    private const string Shipped = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: {type: string}
                name: {type: string}
                status: {type: string, enum: [available, sold]}
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        """;

    private static string Project(string version) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="EvsCodegen.Generators" Version="{{version}}" />
            <AdditionalFiles Include="api.yaml" OpenApi="true" OpenApiNamespace="Gate.Pets" OpenApiEmit="models;client" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public async Task ConsumerBuild_WarnsForACompatibleChange_FailsWithPositionedErrorsForBreakingOnes_AndShipMovesTheBaseline()
    {
        // Compatible: a new response enum value (EVS3008, a warning, at the property 'status' declaring the enum) and a new optional property.
        var compatible = Shipped
            .Replace("enum: [available, sold]}", "enum: [available, sold, pending]}", StringComparison.Ordinal)
            .Replace("        name: {type: string}\n", "        name: {type: string}\n        tag: {type: string}\n", StringComparison.Ordinal);
        var folder = packages.CreateConsumer("gate", new Dictionary<string, string>
        {
            ["Gate.Consumer.csproj"] = Project(packages.Version),
            ["api.yaml"] = compatible,
            ["api.shipped.yaml"] = Shipped,
        });

        var first = (await DotNet.RunAsync(folder, "build", "--disable-build-servers")).AssertSucceeded();

        Assert.Contains(first.Lines, l => l.Contains("api.yaml(14,9): warning EVS3008", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Lines, l => l.Contains(": error EVS30", StringComparison.Ordinal));

        // Breaking: the property 'name' removed (EVS3004 at 'properties', line 10) and an API key now required (EVS3021 at 'security', line 18).
        var breaking = compatible
            .Replace("        name: {type: string}\n", string.Empty, StringComparison.Ordinal)
            .Replace("      operationId: getPet\n", "      operationId: getPet\n      security: [{key: []}]\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "api.yaml"), breaking);

        var second = await DotNet.RunAsync(folder, "build", "--disable-build-servers");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains(second.Lines, l => l.StartsWith(Path.Combine(folder, "api.yaml") + "(10,7): error EVS3004", StringComparison.Ordinal) && l.Contains("[/components/schemas/Pet/properties/name]", StringComparison.Ordinal));
        Assert.Contains(second.Lines, l => l.Contains("api.yaml(18,7): error EVS3021", StringComparison.Ordinal));

        // The ship step only copies (no compilation): the document becomes the baseline, so the next build is clean.
        (await DotNet.RunAsync(folder, "build", "-t:OpenApiShip", "--disable-build-servers")).AssertSucceeded();

        Assert.Equal(breaking, File.ReadAllText(Path.Combine(folder, "api.shipped.yaml")));
    }
}
