using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// Security schemes: only what the generated client truly cannot send is reported, only where client code is emitted and
/// an operation requires it; bearer, basic, API keys and OAuth2 client credentials report nothing (issue 12).
/// </summary>
public sealed class SecurityDiagnosticsTests
{
    private const string Paths = """
        paths:
          /ping:
            get:
              operationId: ping
              responses: {'204': {description: done}}
        """;

    [Fact]
    public void EverySupportedScheme_ReportsNothing_OnEitherSide()
    {
        var document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            security: [{bearer: []}, {basic: []}, {key: []}, {cc: [read]}]
            """ + "\n" + Paths + "\n" + """
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer, bearerFormat: JWT}
                basic: {type: http, scheme: Basic}
                key: {type: apiKey, in: cookie, name: session}
                cc:
                  type: oauth2
                  flows: {clientCredentials: {tokenUrl: 'https://auth.example/token', scopes: {read: Read}}}
            """;

        Assert.Empty(DiagnosticAssert.Run(document));
        Assert.Empty(DiagnosticAssert.Run(document, "models;server"));
    }

    [Fact]
    public void Evs2010_MutualTlsRequiredByAnOperation_IsReportedAtTheSchemeOnlyWhereTheClientIsEmitted()
    {
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            security: [{cert: []}]
            """ + "\n" + Paths + "\n" + """
            components:
              securitySchemes:
                ⟦cert: {type: mutualTLS}
                unused: {type: http, scheme: digest}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2010", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("security scheme 'cert'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(DiagnosticAssert.Run(document.Text, "models;server"));
    }

    [Fact]
    public void Evs2010_DigestScheme_SaysWhy()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            security: [{digest: []}]
            """ + "\n" + Paths + "\n" + """
            components:
              securitySchemes:
                ⟦digest: {type: http, scheme: digest}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text, "client;models"), "EVS2010", document.Position);
        Assert.Contains("'digest' is neither bearer nor basic", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2011_OAuth2WithoutClientCredentials_IsInfoNamingTheProviderProperty()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  security: [{user: [profile]}]
                  responses: {'204': {description: done}}
            components:
              securitySchemes:
                ⟦user:
                  type: oauth2
                  flows: {authorizationCode: {authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {profile: P}}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2011", document.Position);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("ApiClientOptions.UserTokenProvider", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2012_RequirementNamingAnUndeclaredScheme_IsReportedAtTheName()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  security: [{⟦missing: []}]
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2012", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'missing'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2012_InTheDocumentsSecurity_IsReportedOnce_EvenWhenNoOperationInheritsIt()
    {
        // The document's list is read once, by the reader the emitters and the breaking-change gate share.
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            security: [{⟦missing: []}]
            paths:
              /ping:
                get:
                  operationId: ping
                  security: []
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2012", document.Position);
        Assert.Contains("'missing'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
