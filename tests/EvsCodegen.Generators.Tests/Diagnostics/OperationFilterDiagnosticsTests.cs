using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2030: an OpenApiInclude / OpenApiExclude entry that matches no operation.</summary>
public sealed class OperationFilterDiagnosticsTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        ⟦paths:
          /pets:
            get:
              operationId: listPets
              tags: [Pets]
              responses: {'200': {description: ok}}
        """;

    [Fact]
    public void Evs2030_IncludeEntryMatchingNothing_IsReportedAtPaths()
    {
        var document = MarkedText.Parse(Document);

        var diagnostics = DiagnosticAssert.Run(document.Text, metadata: ("OpenApiInclude", "tag:Pets,tag:Stores"));

        var diagnostic = DiagnosticAssert.Single(diagnostics, "EVS2030", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The OpenApiInclude entry 'tag:Stores' matches no operation of 'test-api.yaml': check the tag, operationId or path template as written in the document", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs2030_ExcludeEntryMatchingNothing_IsReportedToo()
    {
        var document = MarkedText.Parse(Document);

        var diagnostics = DiagnosticAssert.Run(document.Text, metadata: ("OpenApiExclude", "path:POST /pets"));

        Assert.Contains("OpenApiExclude entry 'path:POST /pets'", DiagnosticAssert.Single(diagnostics, "EVS2030", document.Position).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2030_NotReported_WhenEveryEntryMatches()
    {
        Assert.DoesNotContain(
            DiagnosticAssert.Run(MarkedText.Parse(Document).Text, metadata: [("OpenApiInclude", "op:list*,/pets"), ("OpenApiExclude", "path:GET /p*")]),
            d => d.Id == "EVS2030");
    }

    [Fact]
    public void Evs2004_MalformedFilterEntry_NamesTheMetadataAndTheEntry()
    {
        var diagnostics = DiagnosticAssert.Run(MarkedText.Parse(Document).Text, metadata: ("OpenApiInclude", "pets"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("EVS2004", diagnostic.Id);
        Assert.StartsWith("The MSBuild item metadata 'OpenApiInclude' of 'test-api.yaml' has the value 'pets', which is not valid: write tag:NAME", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
