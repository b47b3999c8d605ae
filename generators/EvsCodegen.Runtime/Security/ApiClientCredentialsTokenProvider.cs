using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>
/// The OAuth2 client credentials flow (RFC 6749 §4.4): posts <c>grant_type=client_credentials</c> and the scopes to the
/// token URL, authenticating the client with HTTP Basic (§2.3.1, the method every server must support), and caches the
/// access token until shortly before it expires (<see cref="RefreshBefore"/>) or until the API refuses it. Concurrent
/// callers share one request to the token endpoint. Thread-safe.
/// </summary>
public sealed class ApiClientCredentialsTokenProvider : IApiTokenProvider, IDisposable
{
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string? _scope;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="tokenUrl">The token endpoint (absolute, http or https).</param>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="scopes">The scopes to ask for; none leaves the choice to the server.</param>
    /// <param name="timeProvider">The clock the expiry is measured with; the system clock when null.</param>
    public ApiClientCredentialsTokenProvider(Uri tokenUrl, string clientId, string clientSecret, IEnumerable<string>? scopes = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(tokenUrl);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        if (!tokenUrl.IsAbsoluteUri || (tokenUrl.Scheme != Uri.UriSchemeHttp && tokenUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The token URL '{tokenUrl}' must be an absolute http or https URL.", nameof(tokenUrl));
        }

        TokenUrl = tokenUrl;
        _clientId = clientId;
        _clientSecret = clientSecret;
        var list = scopes?.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        _scope = list.Length == 0 ? null : string.Join(' ', list);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The token endpoint.</summary>
    public Uri TokenUrl { get; }

    /// <summary>
    /// How long before its expiry a token is replaced (30 seconds by default); a token that lives less than twice this
    /// long is replaced at half its lifetime. A token whose answer gave no <c>expires_in</c> is kept until the API refuses it.
    /// </summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends the client id and secret as form fields (<c>client_secret_post</c>) instead of HTTP Basic
    /// (<c>client_secret_basic</c>), for servers that accept only that.
    /// </summary>
    public bool SendCredentialsInBody { get; init; }

    /// <inheritdoc/>
    public async ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (Fresh(Volatile.Read(ref _cached)) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched one while this one waited.
            if (Fresh(_cached) is { } fetched)
            {
                return fetched;
            }

            var cached = await FetchAsync(httpClient, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, cached);
            return cached.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Invalidate(string token)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private string? Fresh(CachedToken? cached) => cached is not null && (cached.RefreshAt is not { } at || _time.GetUtcNow() < at) ? cached.Token : null;

    private async Task<CachedToken> FetchAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (_scope is not null)
        {
            fields.Add(new("scope", _scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl);
        if (SendCredentialsInBody)
        {
            fields.Add(new("client_id", _clientId));
            fields.Add(new("client_secret", _clientSecret));
        }
        else
        {
            // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            var pair = FormEncode(_clientId) + ":" + FormEncode(_clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var requestedAt = _time.GetUtcNow();
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.RequestMessage?.RequestUri is { } answered && !ReferenceEquals(answered, TokenUrl)
            && Uri.Compare(answered, TokenUrl, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw Failure(status, "it was answered from another origin (the HttpClient's handler followed a redirect); set AllowAutoRedirect = false on the handler");
        }

        if (status is >= 300 and < 400)
        {
            throw Failure(status, "the token endpoint redirected; the client secret is never sent to another location");
        }

        var body = await ReadLimitedAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(status, DescribeError(body));
        }

        return Parse(status, body, requestedAt);
    }

    private CachedToken Parse(int status, byte[] body, DateTimeOffset requestedAt)
    {
        string? token = null;
        string? type = null;
        double? expiresIn = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Failure(status, "the answer is not a JSON object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "access_token" when property.Value.ValueKind == JsonValueKind.String:
                        token = property.Value.GetString();
                        break;
                    case "token_type" when property.Value.ValueKind == JsonValueKind.String:
                        type = property.Value.GetString();
                        break;
                    case "expires_in" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var seconds):
                        expiresIn = seconds;
                        break;
                    case "expires_in" when property.Value.ValueKind == JsonValueKind.String
                        && double.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text):
                        // Some servers send the number as a string.
                        expiresIn = text;
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ApiException(status, ApiException.Sanitize($"The token endpoint {TokenUrl} answered with a body that is not JSON: {exception.Message}", ApiException.MessageLimit), null, null, null, exception);
        }

        if (string.IsNullOrEmpty(token))
        {
            throw Failure(status, "the answer has no access_token");
        }

        if (type is not null && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw Failure(status, $"the token type is '{type}', and only Bearer tokens are sent");
        }

        DateTimeOffset? refreshAt = null;
        if (expiresIn is { } lifetime && lifetime >= 0)
        {
            var life = TimeSpan.FromSeconds(Math.Min(lifetime, TimeSpan.MaxValue.TotalSeconds / 4));
            var margin = life < RefreshBefore + RefreshBefore ? life / 2 : RefreshBefore;
            refreshAt = requestedAt + life - margin;
        }

        return new CachedToken(token, refreshAt);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        const int Limit = 64 * 1024;
        if (response.Content.Headers.ContentLength > Limit)
        {
            return [];
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Limit];
            var read = 0;
            int n;
            while (read < Limit && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return buffer.AsSpan(0, read).ToArray();
        }
    }

    private static string DescribeError(byte[] body)
    {
        // RFC 6749 §5.2: {"error": "...", "error_description": "..."}.
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return document.RootElement.TryGetProperty("error_description", out var description) && description.ValueKind == JsonValueKind.String
                    ? $"{error.GetString()}: {description.GetString()}"
                    : error.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return "no OAuth2 error in the answer";
    }

    private ApiException Failure(int status, string why) =>
        new(status, ApiException.Sanitize($"No access token from {TokenUrl} (status {status}): {why}.", ApiException.MessageLimit), null, null, null, null);

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private sealed record CachedToken(string Token, DateTimeOffset? RefreshAt);
}
