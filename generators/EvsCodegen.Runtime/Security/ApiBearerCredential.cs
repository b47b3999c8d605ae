namespace EvsCodegen.Runtime;

/// <summary>
/// The bearer token a generated client put on a request and the provider it came from, so that a 401 answer can
/// invalidate it and retry once with a fresh one (see <see cref="ApiClientRuntime.SendAsync(System.Net.Http.HttpClient, System.Net.Http.HttpRequestMessage, ApiFaultTable, ApiBearerCredential?, System.Threading.CancellationToken)"/>).
/// </summary>
public sealed class ApiBearerCredential
{
    /// <summary>Creates the credential.</summary>
    /// <param name="provider">Where the token came from.</param>
    /// <param name="token">The token sent.</param>
    public ApiBearerCredential(IApiTokenProvider provider, string token)
    {
        Provider = provider ?? throw new System.ArgumentNullException(nameof(provider));
        Token = token ?? throw new System.ArgumentNullException(nameof(token));
    }

    /// <summary>Where the token came from.</summary>
    public IApiTokenProvider Provider { get; }

    /// <summary>The token sent.</summary>
    public string Token { get; }
}
