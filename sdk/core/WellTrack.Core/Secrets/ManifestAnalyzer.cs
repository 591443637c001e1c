using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;
using YamlDotNet.Core;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Walks parsed YAML and JSON: Kubernetes Secrets with literal data, ExternalSecrets and SealedSecrets (allowed),
/// environment entries (<c>name</c>/<c>value</c>), values under secret-like keys, values a chart's template turns
/// into a Secret, and known token formats in every string.
/// </summary>
internal sealed class ManifestAnalyzer
{
    // Kinds whose job is to keep secrets out of git: their fields reference Vault or hold ciphertext.
    private static readonly HashSet<string> AllowedKinds = new(StringComparer.Ordinal)
    {
        "ExternalSecret", "ClusterExternalSecret", "SecretStore", "ClusterSecretStore", "PushSecret", "SealedSecret",
        "VaultStaticSecret", "VaultDynamicSecret", "VaultAuth", "VaultConnection", "SecretProviderClass", "OnePasswordItem",
    };

    // Keys of a Secret's data that hold settings, not credentials (kubernetes.io/basic-auth's username, a host).
    private static readonly HashSet<string> PlainDataKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "username", "user", "host", "hostname", "port", "database", "dbname", "region", "bucket", "endpoint", "email",
        "ca.crt", "tls.crt", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_USERNAME",
    };

    private readonly FileScan _file;
    private readonly IReadOnlyList<FedPath> _fed;

    private ManifestAnalyzer(FileScan file, IReadOnlyList<FedPath> fed)
    {
        _file = file;
        _fed = fed;
    }

    /// <summary>Analyses the documents; false when the file is SOPS-encrypted and was skipped.</summary>
    public static bool Analyze(FileScan file, IReadOnlyList<YamlSourceNode> documents, IReadOnlyList<FedPath> fed)
    {
        if (documents.Any(IsSops))
        {
            return false;
        }

        var analyzer = new ManifestAnalyzer(file, fed);
        foreach (var document in documents)
        {
            analyzer.Walk(document, string.Empty, tokensOnly: false, keyLine: 0);
        }

        analyzer.ScanCommentLines();
        return true;
    }

    private static bool IsSops(YamlSourceNode document)
        => document is YamlSourceMapping mapping && mapping["sops"] is YamlSourceMapping sops && (sops["mac"] is not null || sops["version"] is not null || sops["lastmodified"] is not null);

    private void Walk(YamlSourceNode node, string path, bool tokensOnly, int keyLine)
    {
        switch (node)
        {
            case YamlSourceMapping mapping:
                WalkMapping(mapping, path, tokensOnly);
                break;
            case YamlSourceSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Walk(sequence.Items[i], $"{path}[{i}]", tokensOnly, keyLine);
                }

                break;
            case YamlSourceScalar scalar:
                if (LastKey(path) == "literals")
                {
                    if (!scalar.IsNonString && !AddTokens(scalar, path, keyLine))
                    {
                        CheckLiteral(scalar, path, tokensOnly);
                    }
                }
                else
                {
                    CheckValue(LastKey(path), scalar, path, tokensOnly, keyLine);
                }

                break;
        }
    }

    private void WalkMapping(YamlSourceMapping mapping, string path, bool tokensOnly)
    {
        var kind = mapping["apiVersion"] is not null ? mapping.ScalarValue("kind") : null;
        if (kind is not null && AllowedKinds.Contains(kind))
        {
            tokensOnly = true;
        }

        var isSecret = kind == "Secret";
        var envName = mapping.ScalarValue("name");
        var envPair = envName is not null && mapping["value"] is YamlSourceScalar && mapping.Entries.Count <= 3
                      && CredentialHeuristics.ClassifyKey(envName) == KeyKind.Secret;
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not YamlSourceScalar key)
            {
                continue;
            }

            var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            var keyLine = Line(key);
            if (isSecret && !tokensOnly && key.Value is "data" or "stringData" && value is YamlSourceMapping data)
            {
                foreach (var (dataKeyNode, dataValue) in data.Entries)
                {
                    if (dataKeyNode is YamlSourceScalar dataKey && dataValue is YamlSourceScalar literal && !PlainDataKeys.Contains(dataKey.Value))
                    {
                        CheckSecretData(literal, $"{childPath}.{dataKey.Value}", Line(dataKey));
                    }
                }

                continue;
            }

            if (envPair && key.Value == "value" && value is YamlSourceScalar envValue)
            {
                CheckValue(envName!, envValue, $"{path}({envName})", tokensOnly, keyLine);
                continue;
            }

            if (value is YamlSourceScalar scalar)
            {
                CheckValue(key.Value, scalar, childPath, tokensOnly, keyLine);
            }
            else
            {
                Walk(value, childPath, tokensOnly, keyLine);
            }
        }
    }

    private void CheckSecretData(YamlSourceScalar literal, string path, int keyLine)
    {
        if (AddTokens(literal, path, keyLine))
        {
            return;
        }

        var value = literal.Value.Trim();
        if (value.Length == 0 || literal.IsNonString && value is "null" or "~" || CredentialHeuristics.IsReference(value)
            || _file.AllowPlaceholders && CredentialHeuristics.IsPlaceholder(value)
            || IsPublicMaterial(path.Contains(".data.", StringComparison.Ordinal) ? DecodeBase64(value) : value))
        {
            return;
        }

        var (line, column) = ValueStart(literal);
        _file.Add(new RawFinding(SecretCodes.SecretManifestLiteral, DiagnosticSeverity.Error, line, column, keyLine, path, value));
    }

    // A certificate or public key (ca.crt, tls.crt) is not a secret even inside a Secret.
    private static bool IsPublicMaterial(string? value)
        => value is not null && value.TrimStart() is var v
           && (v.StartsWith("-----BEGIN CERTIFICATE", StringComparison.Ordinal) || v.StartsWith("-----BEGIN PUBLIC KEY", StringComparison.Ordinal)
               || v.StartsWith("ssh-", StringComparison.Ordinal));

    private static string? DecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? System.Text.Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    /// <summary>Kustomize secretGenerator/configMapGenerator <c>literals: [KEY=value]</c>.</summary>
    private void CheckLiteral(YamlSourceScalar scalar, string path, bool tokensOnly)
    {
        var equals = scalar.Value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || tokensOnly)
        {
            return;
        }

        var key = scalar.Value[..equals].Trim();
        var value = scalar.Value[(equals + 1)..].Trim();
        if (CredentialHeuristics.ClassifyKey(key) == KeyKind.Secret && CredentialHeuristics.IsCredentialValue(key, value, _file.AllowPlaceholders))
        {
            var (line, column) = Locate(scalar, value);
            _file.Add(new RawFinding(SecretCodes.SecretLikeKey, DiagnosticSeverity.Error, line, column, line, $"{path}({key})", value));
        }
    }

    private void CheckValue(string key, YamlSourceScalar scalar, string path, bool tokensOnly, int keyLine)
    {
        if (scalar.IsNonString || scalar.Value.Length < 5)
        {
            return;
        }

        if (AddTokens(scalar, path, keyLine) || tokensOnly)
        {
            return;
        }

        var value = scalar.Value.Trim();
        if (_file.AllowPlaceholders && CredentialHeuristics.IsPlaceholder(value))
        {
            return;
        }

        var keyKind = CredentialHeuristics.ClassifyKey(key);
        if (FeedingTemplate(path) is { } fed)
        {
            var credential = keyKind switch
            {
                KeyKind.Secret => CredentialHeuristics.IsCredentialValue(key, value, _file.AllowPlaceholders),
                KeyKind.Reference => false,
                _ => CredentialHeuristics.LooksHighEntropy(value),
            };
            if (credential)
            {
                var (line, column) = ValueStart(scalar);
                _file.Add(new RawFinding(SecretCodes.ValueFeedsSecretTemplate, DiagnosticSeverity.Error, line, column, keyLine, path, value, fed.Template));
            }

            return;
        }

        if (keyKind != KeyKind.Secret)
        {
            return;
        }

        if (CredentialHeuristics.IsAwsSecretKey(key, value))
        {
            var (line, column) = ValueStart(scalar);
            _file.Add(new RawFinding(SecretCodes.AwsSecretAccessKey, DiagnosticSeverity.Error, line, column, keyLine, path, value));
        }
        else if (CredentialHeuristics.IsCredentialValue(key, value, _file.AllowPlaceholders))
        {
            var (line, column) = ValueStart(scalar);
            _file.Add(new RawFinding(SecretCodes.SecretLikeKey, DiagnosticSeverity.Error, line, column, keyLine, path, value));
        }
    }

    private bool AddTokens(YamlSourceScalar scalar, string path, int keyLine)
    {
        var matches = _file.Tokens.Find(scalar.Value, path);
        foreach (var match in matches)
        {
            var (line, column) = Locate(scalar, scalar.Value.Substring(match.Index, match.Length));
            _file.AddToken(match, line, column, keyLine, path);
        }

        return matches.Count > 0;
    }

    private FedPath? FeedingTemplate(string path)
    {
        foreach (var fed in _fed)
        {
            if (path == fed.Path || path.StartsWith(fed.Path, StringComparison.Ordinal) && path.Length > fed.Path.Length && path[fed.Path.Length] is '.' or '[')
            {
                return fed;
            }
        }

        return null;
    }

    /// <summary>Comments are not data, but a token pasted into one is in git all the same.</summary>
    private void ScanCommentLines()
    {
        if (!_file.Text.Contains('#', StringComparison.Ordinal))
        {
            return;
        }

        for (var line = 1; line <= _file.LineCount; line++)
        {
            var text = _file.LineText(line);
            // A comment line, or what follows " #" (possibly inside a quoted value: a token found there is found at the
            // same position by the value's own scan, and counted once).
            var start = text.TrimStart().StartsWith('#') ? 0 : text.IndexOf(" #", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            foreach (var match in _file.Tokens.Find(text[start..]))
            {
                _file.AddToken(match, line, start + match.Index + 1, line, "comment");
            }
        }
    }

    private int Line(YamlSourceNode node) => _file.Position(node.StartIndex).Line;

    private (int Line, int Column) ValueStart(YamlSourceScalar scalar)
    {
        var index = scalar.StartIndex;
        switch (scalar.Style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                index++;
                break;
            case ScalarStyle.Literal or ScalarStyle.Folded:
                var newline = _file.Text.IndexOf('\n', index);
                if (newline >= 0)
                {
                    index = newline + 1;
                    while (index < _file.Text.Length && _file.Text[index] is ' ' or '\t')
                    {
                        index++;
                    }
                }

                break;
        }

        return _file.Position(index);
    }

    private (int Line, int Column) Locate(YamlSourceScalar scalar, string fragment)
    {
        var start = scalar.StartIndex;
        var end = Math.Min(_file.Text.Length, Math.Max(start, scalar.EndIndex));
        var found = fragment.Length == 0 ? -1 : _file.Text.IndexOf(fragment, start, end - start, StringComparison.Ordinal);
        if (found < 0 && fragment.Length > 12)
        {
            found = _file.Text.IndexOf(fragment[..12], start, end - start, StringComparison.Ordinal);
        }

        return found >= 0 ? _file.Position(found) : ValueStart(scalar);
    }

    private static string LastKey(string path)
    {
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']')
        {
            end = path.LastIndexOf('[', end - 1);
            if (end < 0)
            {
                return string.Empty;
            }
        }

        var trimmed = path[..Math.Max(0, end)];
        var dot = trimmed.LastIndexOf('.');
        return dot < 0 ? trimmed : trimmed[(dot + 1)..];
    }
}
