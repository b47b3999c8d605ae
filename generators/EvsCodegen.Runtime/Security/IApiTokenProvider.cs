using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>
/// Supplies the access tokens a generated client sends as <c>Authorization: Bearer</c> for an HTTP bearer or OAuth2
/// security scheme. Implement it to take tokens from your own source (a managed identity, a token cache); the default
/// for the OAuth2 client credentials flow is <see cref="ApiClientCredentialsTokenProvider"/>.
/// </summary>
public interface IApiTokenProvider
{
    /// <summary>The token to send now; the client calls this before every request that needs one, so cache it.</summary>
    /// <param name="httpClient">The HTTP client of the call, for providers that fetch tokens over HTTP.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access token, without the <c>Bearer</c> prefix.</returns>
    ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the server answered 401 to <paramref name="token"/>: drop it if it is still the cached one, so the next
    /// <see cref="GetTokenAsync"/> fetches another. The client then retries the request once with the new token.
    /// </summary>
    /// <param name="token">The token the server refused.</param>
    void Invalidate(string token);
}
