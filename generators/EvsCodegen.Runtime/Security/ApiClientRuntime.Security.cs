using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>Credentials of the generated clients: HTTP Basic, bearer tokens and the retry after a refused token.</summary>
public static partial class ApiClientRuntime
{
    /// <summary>Adds <c>Authorization: Basic</c> (RFC 7617, UTF-8) unless the request already has an Authorization header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="userName">The user name; it must not contain ':'.</param>
    /// <param name="password">The password; null is sent as empty.</param>
    public static void AddBasic(HttpRequestMessage request, string userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(userName);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("An HTTP Basic user name cannot contain ':' (RFC 7617).");
        }

        if (request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password)));
        }
    }

    /// <summary>Adds <c>Authorization: Bearer</c> with a fixed token unless the request already has an Authorization header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="token">The token.</param>
    public static void AddBearer(HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(token);
        if (request.Headers.Authorization is null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
    }

    /// <summary>
    /// Adds <c>Authorization: Bearer</c> with a token from <paramref name="provider"/> unless the request already has an
    /// Authorization header, and returns what was sent, for <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, ApiBearerCredential?, CancellationToken)"/>.
    /// </summary>
    /// <param name="client">The HTTP client of the call.</param>
    /// <param name="request">The request.</param>
    /// <param name="provider">The token provider.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credential sent; null when the request already carried its own Authorization header.</returns>
    public static async ValueTask<ApiBearerCredential?> AddTokenAsync(HttpClient client, HttpRequestMessage request, IApiTokenProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(provider);
        if (request.Headers.Authorization is not null)
        {
            return null;
        }

        var token = await provider.GetTokenAsync(client, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"The token provider {provider.GetType().Name} returned no token.");
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return new ApiBearerCredential(provider, token);
    }

    /// <summary>
    /// The absolute token URL of an OAuth2 flow: <paramref name="tokenUrl"/> itself, or resolved against the client's
    /// <c>BaseAddress</c> when the document gives a relative one.
    /// </summary>
    /// <param name="client">The HTTP client of the call.</param>
    /// <param name="tokenUrl">The token URL.</param>
    /// <returns>The absolute URL.</returns>
    public static Uri ResolveTokenUrl(HttpClient client, Uri tokenUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokenUrl);
        if (tokenUrl.IsAbsoluteUri)
        {
            return tokenUrl;
        }

        var baseAddress = client.BaseAddress ?? throw new InvalidOperationException($"The token URL '{tokenUrl}' is relative: set HttpClient.BaseAddress or an absolute token URL in the options.");
        return new Uri(baseAddress, tokenUrl);
    }

    /// <summary>
    /// Sends a request as <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, CancellationToken)"/> does;
    /// when it carried a token from a provider (<paramref name="credential"/>) and the answer is 401, the token is
    /// invalidated and the request is sent once more with a fresh one (the same body, the same origin).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="credential">The token the request carries, from <see cref="AddTokenAsync"/>; null when none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer.</returns>
    public static Task<ApiResponse> SendAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, ApiBearerCredential? credential, CancellationToken cancellationToken) =>
        SendAsync(client, request, faults, credential, null, readHeaders: false, cancellationToken);

    /// <summary>
    /// Sends a request as <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, Func{ApiException, ApiException}?, bool, CancellationToken)"/>
    /// does (declared error bodies, headers kept), retrying once on a 401 with a fresh token as
    /// <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, ApiBearerCredential?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="credential">The token the request carries, from <see cref="AddTokenAsync"/>; null when none.</param>
    /// <param name="errors">Turns the exception of an error answer into the one to throw; null keeps it.</param>
    /// <param name="readHeaders">Whether <see cref="ApiResponse.Headers"/> is filled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer.</returns>
    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, ApiBearerCredential? credential, Func<ApiException, ApiException>? errors, bool readHeaders, CancellationToken cancellationToken)
    {
        // The request is the caller's (it may be sent again below): the plain send would dispose it.
        if (credential is null)
        {
            return await SendAndReadAsync(client, request, faults, errors, readHeaders, disposeRequest: false, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendAndReadAsync(client, request, faults, errors, readHeaders, disposeRequest: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.StatusCode == 401 && ApiStreamContent.IsReplayable(request.Content))
        {
            var retry = await RetryWithFreshTokenAsync(client, request, credential, cancellationToken).ConfigureAwait(false);
            if (retry is null)
            {
                throw;
            }

            return await SendAsync(client, retry, faults, errors, readHeaders, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The request again with a fresh token from <paramref name="credential"/>'s provider after a 401, or null when the
    /// provider has no other token. A request message is sent once; the copy shares its content (in-memory bytes,
    /// re-readable), which the caller's request still owns and disposes, so the copy itself is not disposed. A body read
    /// from the caller's stream cannot be sent twice, so such a request is never retried.
    /// </summary>
    private static async Task<HttpRequestMessage?> RetryWithFreshTokenAsync(HttpClient client, HttpRequestMessage request, ApiBearerCredential credential, CancellationToken cancellationToken)
    {
        credential.Provider.Invalidate(credential.Token);
        var token = await credential.Provider.GetTokenAsync(client, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token) || string.Equals(token, credential.Token, StringComparison.Ordinal))
        {
            return null;
        }

        var retry = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy, Content = request.Content };
        foreach (var header in request.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        retry.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return retry;
    }
}
