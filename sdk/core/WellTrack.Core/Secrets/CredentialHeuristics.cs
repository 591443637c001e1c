using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets;

/// <summary>What a key name says about its value.</summary>
internal enum KeyKind
{
    /// <summary>Nothing secret-like (<c>host</c>, <c>replicaCount</c>).</summary>
    None,

    /// <summary>Names or points at a secret kept elsewhere (<c>existingSecret</c>, <c>secretName</c>, <c>passwordKey</c>).</summary>
    Reference,

    /// <summary>Holds a credential when it holds a literal (<c>password</c>, <c>clientSecret</c>, <c>RESEND_API_KEY</c>).</summary>
    Secret,
}

/// <summary>
/// The heuristics that keep the scan quiet on look-alikes: key names that reference secrets, values that are
/// references (<c>{{ ... }}</c>, <c>${VAR}</c>, <c>ENC[...]</c>), placeholders, names, URLs and hosts, and an entropy
/// test for values whose key says nothing.
/// </summary>
internal static partial class CredentialHeuristics
{
    // Normalised (lowercase, no separators) endings that make a key hold a secret.
    private static readonly string[] SecretEndings =
    [
        "password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "secretkey", "privatekey", "accesskey",
        "signingkey", "encryptionkey", "masterkey", "licensekey", "clientkey", "credentials", "credential", "servicerolekey",
        "webhooksecret", "sessionkey", "cookiesecret", "hmackey", "sharedkey",
    ];

    private static readonly HashSet<string> SecretExact = new(StringComparer.Ordinal) { "pass", "auth", "dsn", "apitoken" };

    private static readonly string[] NonCredentialTokens =
    [
        "nexttoken", "pagetoken", "continuationtoken", "paginationtoken", "requesttoken", "clienttoken", "changetoken",
        "idempotencytoken", "synctoken", "resumetoken", "cancellationtoken", "lifecycleactiontoken", "purchasetoken",
        "inputtoken", "outputtoken", "markertoken", "cursortoken",
    ];

    // Endings that name, point at or describe a secret rather than hold one.
    private static readonly string[] ReferenceEndings =
    [
        "name", "names", "ref", "refs", "file", "files", "path", "paths", "dir", "key", "keys", "id", "ids", "url", "uri",
        "endpoint", "host", "port", "ttl", "expiry", "expiration", "expiresin", "lifetime", "length", "type", "enabled", "enable",
        "header", "audience", "issuer", "policy", "mode", "format", "version", "count", "size", "timeout", "duration",
        "interval", "provider", "store", "hash", "sha", "checksum", "digest", "fingerprint", "template", "annotations",
        "labels", "selector", "field", "property", "env", "envvar", "variable", "rotation", "generator", "algorithm", "alg",
        "scope", "scopes", "prefix", "suffix", "required", "optional", "pattern", "hint", "description", "source",
        "strategy", "location", "kind", "namespace", "backend", "engine", "publickey", "cert", "certificate", "ca",
        "cabundle", "crt", "user", "username", "login", "email", "secrets", "mount", "volume", "items", "data",
    ];

    public static KeyKind ClassifyKey(string key)
    {
        if (key.Length == 0)
        {
            return KeyKind.None;
        }

        // Namespaced names (Microsoft.AspNetCore.Authentication.BearerToken, v1/Secret, vault.hashicorp.com/agent-inject-secret-db)
        // are package, kind or annotation names, not settings; a flattened setting keeps its last segment (spring.datasource.password).
        if (key.Contains('/', StringComparison.Ordinal) || key.Contains('.', StringComparison.Ordinal) && key.Split('.').All(part => part.Length > 0 && char.IsUpper(part[0])))
        {
            return KeyKind.None;
        }

        var normalized = Normalize(key);
        if (normalized.StartsWith("existing", StringComparison.Ordinal) || normalized.StartsWith("use", StringComparison.Ordinal) && normalized.Length > 3 && normalized.EndsWith("secret", StringComparison.Ordinal))
        {
            return KeyKind.Reference;
        }

        // Pagination, idempotency and request tokens name positions in an API, not credentials.
        foreach (var ending in NonCredentialTokens)
        {
            if (normalized.EndsWith(ending, StringComparison.Ordinal))
            {
                return KeyKind.None;
            }
        }

        if (SecretExact.Contains(normalized))
        {
            return KeyKind.Secret;
        }

        foreach (var ending in SecretEndings)
        {
            if (normalized.EndsWith(ending, StringComparison.Ordinal))
            {
                return KeyKind.Secret;
            }
        }

        // UPPER_SNAKE environment names: RESEND_API_KEY, STRIPE_KEY, SUPABASE_SERVICE_ROLE_KEY.
        if (UpperSnakeKey().IsMatch(key))
        {
            return KeyKind.Secret;
        }

        foreach (var ending in ReferenceEndings)
        {
            if (normalized.EndsWith(ending, StringComparison.Ordinal) && (normalized.Contains("secret", StringComparison.Ordinal) || normalized.Contains("password", StringComparison.Ordinal) || normalized.Contains("token", StringComparison.Ordinal) || normalized.Contains("key", StringComparison.Ordinal)))
            {
                return KeyKind.Reference;
            }
        }

        return KeyKind.None;
    }

    public static bool IsPasswordKey(string key)
    {
        var normalized = Normalize(key);
        return normalized.Contains("password", StringComparison.Ordinal) || normalized.Contains("passwd", StringComparison.Ordinal)
            || normalized.EndsWith("pwd", StringComparison.Ordinal) || normalized is "pass" || normalized.EndsWith("passphrase", StringComparison.Ordinal);
    }

    public static bool IsAwsSecretKey(string key, string value)
    {
        if (!AwsSecretShape().IsMatch(value) || !(value.Any(char.IsUpper) && value.Any(char.IsLower) && value.Any(char.IsDigit)))
        {
            return false;
        }

        var normalized = Normalize(key);
        return normalized.Contains("secretaccesskey", StringComparison.Ordinal)
            || (normalized.Contains("aws", StringComparison.Ordinal) && normalized.Contains("secret", StringComparison.Ordinal))
            || normalized is "secretkey" or "s3secretkey" or "awssecret";
    }

    /// <summary>Points at a value kept elsewhere: a template action, a variable, SOPS ciphertext, a Vault or 1Password reference.</summary>
    public static bool IsReference(string value)
    {
        var v = value.Trim();
        return v.Contains("{{", StringComparison.Ordinal)
            || v.Contains("${", StringComparison.Ordinal)
            || v.StartsWith("$(", StringComparison.Ordinal)
            || v.StartsWith("ENC[", StringComparison.Ordinal)
            || v.StartsWith("vault:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("ref+", StringComparison.Ordinal)
            || v.StartsWith("op://", StringComparison.Ordinal)
            || v.StartsWith("<path:", StringComparison.Ordinal)
            || v.StartsWith("secretref+", StringComparison.OrdinalIgnoreCase)
            || ShellVariable().IsMatch(v)
            || v.StartsWith("%(", StringComparison.Ordinal)
            || v.StartsWith("#{", StringComparison.Ordinal)
            || v.Length > 2 && v[0] == '{' && v[^1] == '}' && !v.Contains('"', StringComparison.Ordinal);
    }

    /// <summary>changeme, &lt;your-api-key&gt;, xxxx, REPLACE_ME, TODO and the like.</summary>
    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        if (PlaceholderWords.Contains(v) || Placeholder().IsMatch(v))
        {
            return true;
        }

        // A known prefix followed by one repeated character: whsec_xxxxxxxx, ghp_000000000000.
        var separator = v.LastIndexOfAny(['_', '-']);
        var body = separator >= 0 ? v.AsSpan(separator + 1) : v;
        return body.Length >= 6 && AtMostTwoDistinct(body);
    }

    private static bool AtMostTwoDistinct(ReadOnlySpan<char> text)
    {
        var first = text[0];
        char? second = null;
        foreach (var c in text)
        {
            if (c != first && (second ??= c) != c)
            {
                return false;
            }
        }

        return true;
    }

    // Documentation, not credentials. Deliberately narrow: a default or dictionary password (admin, password,
    // secret) is a weak credential, which WeakWords names.
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
    {
        "changeme", "change-me", "change_me", "todo", "tbd", "fixme", "replaceme", "replace-me", "replace_me", "placeholder",
        "example", "dummy", "fake", "none", "null", "nil", "empty", "redacted", "[redacted]", "hidden", "notset", "not-set",
        "unset", "your-secret", "your-password", "xxx", "n/a", "na", "undefined", "sample", "value", "secretvalue",
    };

    // Defaults shipped by products and the most common dictionary passwords: in git they are credentials anyone
    // with read access can try, so they are reported (as weak), never dismissed as placeholders.
    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssw0rd", "p@ssword", "password1", "password123", "admin", "admin123", "administrator",
        "root", "toor", "secret", "pass", "test", "test123", "default", "guest", "user", "qwerty", "letmein", "welcome",
        "mypassword", "mysecret", "my-secret", "my-password", "demo", "foo", "bar", "foobar", "changeit", "postgres",
        "mysql", "redis", "minioadmin", "elastic", "rabbitmq", "token", "apikey", "api-key", "api_key", "s3cr3t", "secret123",
        "pa55word", "supersecret", "topsecret",
    };

    /// <summary>A product default or common dictionary password (<c>admin</c>, <c>password</c>, <c>changeit</c>).</summary>
    public static bool IsWeakDefault(string value) => WeakWords.Contains(value.Trim().ToLowerInvariant());

    /// <summary>
    /// A short literal under a key that names a password or secret, too plain to pass <see cref="IsCredentialValue"/>
    /// (<c>NEXTAUTH_SECRET: muysecreto</c>): a weak credential, not a name, a type, a path or a reference.
    /// </summary>
    public static bool IsWeakLiteral(string key, string value, bool allowPlaceholders)
    {
        var v = value.Trim();
        var normalized = Normalize(key);
        if (!(IsPasswordKey(key) || normalized.EndsWith("secret", StringComparison.Ordinal)) || v.Length is < 4 or > 64 || v.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return IsWeakDefault(v)
               || !IsReference(v) && !(allowPlaceholders && IsPlaceholder(v)) && !IsNonSecretShape(v) && !IsNameLike(v)
                  && !DottedIdentifier().IsMatch(v) && !PascalCaseType().IsMatch(v) && v.Any(char.IsLetterOrDigit);
    }

    /// <summary>A value whose shape says it is not a credential: URL, host, path, e-mail, number, duration, name, public key material.</summary>
    public static bool IsNonSecretShape(string value)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }

        return SchemeUrl().IsMatch(v) && !v.Contains('@', StringComparison.Ordinal)
            || HostName().IsMatch(v)
            || v.StartsWith('/') || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)
            || Email().IsMatch(v)
            || Number().IsMatch(v)
            || Duration().IsMatch(v)
            || EnvironmentName().IsMatch(v)
            || BooleanWords.Contains(v.ToLowerInvariant())
            || v.StartsWith("ssh-", StringComparison.Ordinal) || v.StartsWith("ecdsa-sha2-", StringComparison.Ordinal)
            || v.StartsWith("-----BEGIN CERTIFICATE", StringComparison.Ordinal) || v.StartsWith("-----BEGIN PUBLIC KEY", StringComparison.Ordinal)
            || v.StartsWith("-----BEGIN PGP PUBLIC", StringComparison.Ordinal) || v.StartsWith("-----BEGIN PGP MESSAGE", StringComparison.Ordinal)
            || ImageDigest().IsMatch(v)
            || v[0] is '(' or '[' && v[^1] is ')' or ']'
            || v.StartsWith("#/", StringComparison.Ordinal) || v.StartsWith("Def:", StringComparison.Ordinal)
            || TypeWords.Contains(v)
            || v.StartsWith("arn:", StringComparison.Ordinal)
            || v.StartsWith("pk_live_", StringComparison.Ordinal) || v.StartsWith("pk_test_", StringComparison.Ordinal)
            || v.StartsWith("$2a$", StringComparison.Ordinal) || v.StartsWith("$2b$", StringComparison.Ordinal) || v.StartsWith("$argon2", StringComparison.Ordinal);
    }

    /// <summary>A Kubernetes resource name or a Vault path (<c>db-credentials</c>, <c>welltrack/backend/api-keys</c>).</summary>
    public static bool IsNameLike(string value) => NameLike().IsMatch(value.Trim());

    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal)
    {
        "string", "boolean", "integer", "number", "object", "array", "Opaque", "kubernetes.io/tls", "kubernetes.io/basic-auth",
    };

    private static readonly HashSet<string> BooleanWords = new(StringComparer.Ordinal)
    {
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "required", "optional", "auto", "random", "generated", "~",
        "read", "write", "read-all", "write-all", "readonly", "readwrite", "inherit", "always", "never", "ifnotpresent",
    };

    /// <summary>Is <paramref name="value"/>, under a key that says it holds a secret, a credential?</summary>
    public static bool IsCredentialValue(string key, string value, bool allowPlaceholders)
    {
        var v = value.Trim();
        if (v.Length < 5 || v.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        if (IsReference(v) || (allowPlaceholders && IsPlaceholder(v)) || IsNonSecretShape(v))
        {
            return false;
        }

        // Tokens and keys are long and random: digits, or both cases over some length. Identifiers (nextPageToken,
        // position) are not. Only passwords may be short words.
        if (!IsPasswordKey(key) && (v.Length < 8 || !v.Any(char.IsDigit) && !(v.Length >= 24 && v.Any(char.IsUpper) && v.Any(char.IsLower))))
        {
            return false;
        }

        // A name under a key like tlsSecret or jwtSecret references a Secret; under a password key it is the password.
        // A value that names itself (IoK8sApiCoreV1Secret, app-token-selector) is a type or resource name.
        if (!IsPasswordKey(key) && (IsNameLike(v) || SelfDescribing().IsMatch(v) || DottedIdentifier().IsMatch(v)))
        {
            return false;
        }

        return !v.Contains(' ', StringComparison.Ordinal) || IsPasswordKey(key) && v.Length <= 64;
    }

    /// <summary>For values whose key says nothing: long, random-looking, several character classes.</summary>
    public static bool LooksHighEntropy(string value)
    {
        var v = value.Trim();
        if (v.Length < 16 || v.Any(char.IsWhiteSpace) || IsReference(v) || IsNonSecretShape(v) || IsNameLike(v) || Uuid().IsMatch(v) || HexOnly().IsMatch(v))
        {
            return false;
        }

        var classes = (v.Any(char.IsUpper) ? 1 : 0) + (v.Any(char.IsLower) ? 1 : 0) + (v.Any(char.IsDigit) ? 1 : 0);
        return classes >= 2 && v.Any(char.IsDigit) && ShannonEntropy(v) >= 3.5;
    }

    public static double ShannonEntropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    public static bool IsUuid(string value) => Uuid().IsMatch(value.Trim());

    private static string Normalize(string key)
    {
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 256)];
        var length = 0;
        foreach (var c in key)
        {
            if (length == buffer.Length)
            {
                break;
            }

            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\[-?\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[-?\d+\])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedIdentifier();

    [GeneratedRegex(@"(?i)(?:secret|token|password|credential|selector|apikey)", RegexOptions.CultureInvariant)]
    private static partial Regex SelfDescribing();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:KEY|SECRET|TOKEN|PASSWORD|PASS|PWD|APIKEY|CREDENTIALS|DSN)$", RegexOptions.CultureInvariant)]
    private static partial Regex UpperSnakeKey();

    [GeneratedRegex(@"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretShape();

    [GeneratedRegex(@"^\$[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShellVariable();

    // x+(?:[-_]x+)*[-_]? and not (?:x+[-_]?)+: the nested form backtracks exponentially on a long run of x followed
    // by anything else (a token format written with x for its body, "xxxx…xxxxNRAL"), and the scan never ends.
    [GeneratedRegex(@"^(?:x{3,}|\*{3,}|\.{3,}|-+|#+|0{4,}|1234\d*|<.*>|\[.*\]|\(.*\)|your[-_ ]?.*|(?:my|insert|enter|put|add|replace|set|fill)[-_ ].*|.*change[-_ ]?me.*|.*replace[-_ ]?me.*|(?:example|sample|dummy|fake|placeholder)[-_ .]?\w*|.*[-_ ]here|.*example.*|.*placeholder.*|x+(?:[-_]x+)*[-_]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalCaseType();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SchemeUrl();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?::\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"^-?\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d+(?:ms|s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^sha(?:256|384|512):[0-9a-f]{32,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageDigest();

    [GeneratedRegex(@"^[a-z]+(?:[-/][a-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex NameLike();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexOnly();
}
