using System.Net;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.Credentials;

namespace EvsCodegen.GeneratedCode.Tests.Parameters;

/// <summary>
/// Configured API keys go only on calls whose security requirements name their scheme; a header or query parameter
/// of the same name given by the caller wins over the configured key, which is then not sent, so a value never travels twice.
/// </summary>
public sealed class CredentialTests
{
    private static readonly ApiClientOptions s_options = new() { ApiKey = "configured", QueryKey = "q-configured", CookieKey = "c-configured" };

    [Fact]
    public async Task HeaderParameterNamedLikeTheKey_Absent_OnAnOperationWithoutThatScheme_SendsNothing()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new KeysApiClient(handler.Client(), s_options).DeletePetAsync(1);

        Assert.False(handler.Request!.Headers.Contains("api_key"));
        Assert.Equal("session=c-configured", string.Join(";", handler.Request.Headers.GetValues("Cookie")));
    }

    [Fact]
    public async Task HeaderParameterNamedLikeTheKey_Given_IsSentOnce_AndWins()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new KeysApiClient(handler.Client(), s_options).GetPetAsync(1, apiKey: "explicit");

        Assert.Equal(["explicit"], handler.Request!.Headers.GetValues("api_key"));
    }

    [Fact]
    public async Task HeaderParameterNamedLikeTheKey_Absent_OnAnOperationWithThatScheme_SendsTheConfiguredKey()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new KeysApiClient(handler.Client(), s_options).GetPetAsync(1);

        Assert.Equal(["configured"], handler.Request!.Headers.GetValues("api_key"));
        Assert.False(handler.Request.Headers.Contains("Cookie"));
    }

    [Fact]
    public async Task EmptySecurity_SendsNoCredential()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new KeysApiClient(handler.Client(), s_options).GetPublicAsync();

        Assert.False(handler.Request!.Headers.Contains("api_key"));
        Assert.Equal("/keys/public", handler.Request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task QueryParameterNamedLikeTheKey_Given_IsSentOnce_Absent_SendsTheConfiguredKey()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var client = new KeysApiClient(handler.Client(), s_options);

        await client.SearchAsync(token: "explicit");
        var given = handler.Request!.RequestUri!.Query;
        await client.SearchAsync();

        Assert.Equal(("?token=explicit", "?token=q-configured"), (given, handler.Request!.RequestUri!.Query));
    }
}
