using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WellTrack.Core.Dependencies.Oci.Credentials;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// The HTTP side of one registry: GET with the distribution API's authentication (anonymous, HTTP basic, or the Bearer
/// token challenge with basic credentials, an identity token, or none), tokens kept per scope in memory, and redirects
/// followed by hand so that credentials go to the registry's own origin only, never to blob storage elsewhere.
/// </summary>
internal sealed class OciRegistryClient : IDisposable
{
    /// <summary>The distribution spec caps manifests at 4 MiB; tag lists and token answers are far smaller.</summary>
    private const int MaxJsonBytes = 4 * 1024 * 1024;

    private const int MaxRedirects = 10;

    // One handler for the process, as HttpClient guidance asks; it does not redirect by itself (see the class).
    private static readonly SocketsHttpHandler SharedHandler = new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private readonly HttpClient _http;
    private readonly OciRepositoryReference _reference;
    private readonly OciSourceOptions _options;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _authorizationByScope = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _credentialGate = new(1, 1);
    private CredentialLookup? _credentials;

    public OciRegistryClient(OciRepositoryReference reference, OciSourceOptions options)
    {
        _reference = reference;
        _options = options;
        _http = new HttpClient(options.HttpHandler ?? SharedHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        BaseUri = new Uri((reference.UsesPlainHttp(options) ? "http://" : "https://") + reference.Authority + "/");
    }

    /// <summary><c>https://host[:port]/</c>, or <c>http://</c> for a registry allowed over plain HTTP.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// GETs <paramref name="uri"/> for repository <paramref name="repositoryName"/>, answering one authentication
    /// challenge. The response is the caller's to check and dispose; 401 and 403 are thrown as coded errors that say
    /// where credentials were looked up.
    /// </summary>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, string repositoryName, string? accept, OciFailures failures, string what, CancellationToken cancellationToken)
    {
        var scope = $"repository:{repositoryName}:pull";
        var authorization = _authorizationByScope.GetValueOrDefault(scope);
        var response = await SendAsync(HttpMethod.Get, uri, accept, authorization, null, failures, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var challenge = OciAuthChallenge.From(response.Headers);
            response.Dispose();
            var credentials = await CredentialsAsync(cancellationToken);
            authorization = await AuthorizeAsync(challenge, scope, credentials, failures, cancellationToken);
            _authorizationByScope[scope] = authorization;
            response = await SendAsync(HttpMethod.Get, uri, accept, authorization, null, failures, what, cancellationToken);
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var source = _credentials?.Source ?? "no credentials (the registry asked for none)";
            var status = response.StatusCode;
            response.Dispose();
            throw status == HttpStatusCode.Unauthorized ? failures.Unauthorized(source) : failures.Forbidden(source);
        }

        return response;
    }

    public void Dispose()
    {
        _http.Dispose();
        _credentialGate.Dispose();
    }

    /// <summary>Throws WT3443 for a status other than success; 404 is the caller's to name first.</summary>
    public static void EnsureSuccess(HttpResponseMessage response, OciFailures failures, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw failures.UnexpectedStatus(response.StatusCode, what);
        }
    }

    /// <summary>The response body as JSON, at most 4 MiB; WT3439 when it is not JSON.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, OciFailures failures, string what, CancellationToken cancellationToken)
    {
        var bytes = await ReadLimitedAsync(response, MaxJsonBytes, null, cancellationToken)
                    ?? throw failures.MalformedJson(what, $"the answer is larger than {MaxJsonBytes} bytes");
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw failures.MalformedJson(what, e.Message);
        }
    }

    /// <summary>
    /// The body, at most <paramref name="limit"/> bytes (null beyond that, before reading more than one byte over it),
    /// fed to <paramref name="hash"/> as it streams.
    /// </summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpResponseMessage response, long limit, System.Security.Cryptography.IncrementalHash? hash, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
            hash?.AppendData(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task<CredentialLookup> CredentialsAsync(CancellationToken cancellationToken)
    {
        // Looked up once per source, and only when the registry asks: an anonymous registry never runs a helper.
        await _credentialGate.WaitAsync(cancellationToken);
        try
        {
            return _credentials ??= await RegistryCredentialResolver.ResolveAsync(_reference.Authority, _options, cancellationToken);
        }
        finally
        {
            _credentialGate.Release();
        }
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(OciAuthChallenge? challenge, string scope, CredentialLookup credentials, OciFailures failures, CancellationToken cancellationToken)
    {
        if (challenge is null || !challenge.IsBearer)
        {
            // Basic (or no challenge at all, which registries behind some proxies answer): only a user and password do.
            return credentials.Credential is { HasBasic: true } basic ? Basic(basic) : throw failures.Unauthorized(credentials.Source);
        }

        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || (realm.Scheme != Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttp))
        {
            throw failures.UnexpectedAnswer($"a Bearer challenge whose realm '{challenge.Realm}' is not an http(s) URL", "authentication");
        }

        var credential = MayReceiveCredentials(realm) ? credentials.Credential : null;
        var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] + "&" : string.Empty);
        if (challenge.Service is { } service)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        }

        query.Append("scope=").Append(Uri.EscapeDataString(scope));
        var tokenUri = new UriBuilder(realm) { Query = query.ToString() }.Uri;
        const string what = "a token";
        using var response = credential is { HasIdentityToken: true }
            ? await SendAsync(HttpMethod.Post, tokenUri, null, null, RefreshTokenForm(credential, challenge.Service, scope), failures, what, cancellationToken)
            : await SendAsync(HttpMethod.Get, tokenUri, null, credential is { HasBasic: true } ? Basic(credential) : null, null, failures, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw failures.Unauthorized(credentials.Source);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw failures.Forbidden(credentials.Source);
        }

        EnsureSuccess(response, failures, what);
        using var answer = await ReadJsonAsync(response, failures, what, cancellationToken);
        var token = answer.RootElement.ValueKind == JsonValueKind.Object
                    && (answer.RootElement.TryGetProperty("token", out var t) || answer.RootElement.TryGetProperty("access_token", out t))
                    && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } value
            ? value
            : throw failures.MalformedJson(what, "it has no 'token' nor 'access_token'");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Credentials go over HTTPS, or over plain HTTP only to a host the options allow plain HTTP for.</summary>
    private bool MayReceiveCredentials(Uri target)
        => target.Scheme == Uri.UriSchemeHttps
           || OciRepositoryReference.Parse("oci://" + target.Authority).UsesPlainHttp(_options);

    // The OAuth2 refresh-token grant Docker uses for an identity token (distribution's token spec, "oauth").
    private static FormUrlEncodedContent RefreshTokenForm(RegistryCredential credential, string? service, string scope)
        => new(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = credential.IdentityToken!,
            ["service"] = service ?? string.Empty,
            ["scope"] = scope,
            ["client_id"] = "welltrack",
        });

    private static AuthenticationHeaderValue Basic(RegistryCredential credential)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));

    /// <summary>
    /// Sends one request and follows redirects, sending <paramref name="authorization"/> only while the target is the
    /// origin first asked (scheme, host and port): blob storage behind a redirect never sees the registry's credentials.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string? accept, AuthenticationHeaderValue? authorization, HttpContent? content, OciFailures failures, string what, CancellationToken cancellationToken)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, current);
            if (accept is not null)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            }

            if (authorization is not null && SameOrigin(current, uri))
            {
                request.Headers.Authorization = authorization;
            }

            request.Content = redirects == 0 ? content : null;
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw failures.Unreachable(e);
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            if (redirects >= MaxRedirects)
            {
                throw failures.UnexpectedAnswer($"more than {MaxRedirects} redirects", what);
            }

            current = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (current.Scheme != Uri.UriSchemeHttps && current.Scheme != Uri.UriSchemeHttp)
            {
                throw failures.UnexpectedAnswer($"a redirect to a {current.Scheme} URL", what);
            }

            // 303 turns anything into a GET; a token POST is never redirected by the token services we know.
            method = response.StatusCode == HttpStatusCode.SeeOther ? HttpMethod.Get : method;
        }
    }

    private static bool IsRedirect(HttpStatusCode status)
        => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b)
        => a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
