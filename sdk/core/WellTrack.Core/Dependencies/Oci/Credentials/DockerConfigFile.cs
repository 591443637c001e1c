using System.Text;
using System.Text.Json;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies.Oci.Credentials;

/// <summary>
/// Docker's <c>config.json</c>, and Helm's registry <c>config.json</c> which has the same shape: <c>auths</c> (per
/// registry: base64 <c>auth</c> of <c>user:password</c>, or <c>username</c>/<c>password</c>, or <c>identitytoken</c>),
/// <c>credHelpers</c> (registry to helper name) and <c>credsStore</c> (the helper for every registry).
/// </summary>
internal sealed class DockerConfigFile
{
    private readonly Dictionary<string, RegistryCredential> _auths;
    private readonly Dictionary<string, string> _credHelpers;

    private DockerConfigFile(string path, Dictionary<string, RegistryCredential> auths, Dictionary<string, string> credHelpers, string? credsStore)
    {
        Path = path;
        _auths = auths;
        _credHelpers = credHelpers;
        CredsStore = credsStore;
    }

    public string Path { get; }

    public string? CredsStore { get; }

    /// <summary>The file at <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="DiagnosticException">WT3442 when it is not JSON of the expected shape.</exception>
    public static DockerConfigFile? Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the top level is not an object");
            }

            var auths = new Dictionary<string, RegistryCredential>(StringComparer.Ordinal);
            foreach (var (key, entry) in Members(document.RootElement, "auths", path))
            {
                if (ReadAuth(entry, key, path) is { } credential)
                {
                    auths.TryAdd(NormalizeRegistryKey(key), credential);
                }
            }

            var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, helper) in Members(document.RootElement, "credHelpers", path))
            {
                helpers[NormalizeRegistryKey(key)] = helper.ValueKind == JsonValueKind.String ? helper.GetString()! : throw Invalid(path, $"credHelpers.{key} is not a string");
            }

            var store = document.RootElement.TryGetProperty("credsStore", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } name ? name : null;
            return new DockerConfigFile(path, auths, helpers, store);
        }
        catch (JsonException e)
        {
            // JsonException's message gives the position only, never the text around it.
            throw Invalid(path, e.Message);
        }
    }

    /// <summary>The helper <c>credHelpers</c> names for <paramref name="authority"/>, if any.</summary>
    public string? HelperFor(string authority) => _credHelpers.GetValueOrDefault(authority);

    /// <summary>The <c>auths</c> entry of <paramref name="authority"/> that holds a credential, if any.</summary>
    public RegistryCredential? AuthFor(string authority) => _auths.GetValueOrDefault(authority);

    /// <summary>
    /// The registry a key names: <c>host[:port]</c>, lower case, without the scheme and path Docker's older keys carry
    /// (<c>https://index.docker.io/v1/</c> is <c>index.docker.io</c>).
    /// </summary>
    public static string NormalizeRegistryKey(string key)
    {
        var text = key.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (slash < 0 ? text : text[..slash]).ToLowerInvariant();
    }

    private static RegistryCredential? ReadAuth(JsonElement entry, string key, string path)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"auths.{key} is not an object");
        }

        var username = StringMember(entry, "username");
        var password = StringMember(entry, "password");
        if (StringMember(entry, "auth") is { Length: > 0 } auth)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            }
            catch (FormatException)
            {
                throw Invalid(path, $"auths.{key}.auth is not base64");
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Invalid(path, $"auths.{key}.auth is not base64 of user:password");
            }

            username = decoded[..colon];
            password = decoded[(colon + 1)..];
        }

        var identityToken = StringMember(entry, "identitytoken");
        var credential = new RegistryCredential(username, password, string.IsNullOrEmpty(identityToken) ? null : identityToken);
        // `docker login` with a credsStore leaves `"host": {}` here: a marker, not a credential.
        return credential.HasBasic || credential.HasIdentityToken ? credential : null;
    }

    private static List<(string Key, JsonElement Value)> Members(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"{name} is not an object");
        }

        return section.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
    }

    private static string? StringMember(JsonElement entry, string name)
        => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DiagnosticException Invalid(string path, string reason) => DiagnosticException.Error(DiagnosticCodes.WT3442, null, path, reason);
}
