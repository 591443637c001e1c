using WellTrack.Core.Secrets.Formats;
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
                // An argument given after its flag is reported as such, not again as a random value.
                var arguments = CheckArguments(sequence, path);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (!arguments.Contains(i))
                    {
                        Walk(sequence.Items[i], $"{path}[{i}]", tokensOnly, keyLine);
                    }
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

        var fed = FeedingTemplate(path);
        if (scalar.Value.Contains('\n', StringComparison.Ordinal))
        {
            CheckEmbedded(key, scalar, path, fed);
            return;
        }

        if (ContextRules.Judge(key, value, _file.AllowPlaceholders, fed?.Template) is { } verdict && !(verdict.Code == SecretCodes.RandomValue && IsMetadata(path)))
        {
            var (line, column) = ValueStart(scalar);
            _file.Add(new RawFinding(verdict.Code, verdict.Severity, line, column, keyLine, path, value, verdict.Detail));
        }
    }

    /// <summary>Annotations and labels (<c>rollme: {{ randAlphaNum 5 }}</c> rendered, build stamps) describe objects; they are not configuration.</summary>
    private static bool IsMetadata(string path)
        => path.Contains("nnotations.", StringComparison.Ordinal) || path.Contains("abels.", StringComparison.Ordinal);

    /// <summary>
    /// A multi-line value named like a configuration file (<c>application.properties: |</c>, <c>.env</c>,
    /// <c>entrypoint.sh</c>) or shaped like one (a shebang, NAME=value lines) is read in that format; each entry is
    /// reported at the line that holds it.
    /// </summary>
    private void CheckEmbedded(string key, YamlSourceScalar scalar, string path, FedPath? fed)
    {
        var format = ConfigFormats.Detect(key, scalar.Value);
        if (format != ConfigFormat.None)
        {
            ConfigFileAnalyzer.AnalyzeEmbedded(_file, format, scalar.Value, path, offset => Position(scalar, offset, 1), fed?.Template);
        }
    }

    /// <summary>Argument lists that give a credential as the item after its flag: <c>["--password", "s3cr3t"]</c>, <c>["mysql", "-pSECRET"]</c>.</summary>
    private HashSet<int> CheckArguments(YamlSourceSequence sequence, string path)
    {
        var reported = new HashSet<int>();
        if (sequence.Items.Count < 2)
        {
            return reported;
        }

        var items = sequence.Items.Select(i => i is YamlSourceScalar { IsNonString: false } scalar ? scalar.Value : null).ToList();
        foreach (var (index, secret, weak) in ArgumentCredentials.Find(items, _file.AllowPlaceholders))
        {
            reported.Add(index);
            var scalar = (YamlSourceScalar)sequence.Items[index];
            var offset = scalar.Value.IndexOf(secret, StringComparison.Ordinal);
            var (line, column) = Position(scalar, Math.Max(0, offset), secret.Length);
            _file.Add(new RawFinding(weak ? SecretCodes.WeakCredential : SecretCodes.CommandCredential, weak ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                line, column, line, $"{path}[{index}]", secret));
        }

        return reported;
    }

    private bool AddTokens(YamlSourceScalar scalar, string path, int keyLine)
    {
        var matches = _file.Tokens.Find(scalar.Value, path);
        foreach (var match in matches)
        {
            var (line, column) = Position(scalar, match.Index, match.Length);
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

    /// <summary>
    /// Where character <paramref name="offset"/> of a scalar's value sits in the file. A literal block keeps its lines,
    /// so the value's line k is the k-th line after the indicator; a plain or quoted scalar on one line starts at its
    /// node. Anything else (folded lines, escapes) is searched for inside the node, never before it.
    /// </summary>
    private (int Line, int Column) Position(YamlSourceScalar scalar, int offset, int length)
    {
        var value = scalar.Value;
        var fragment = value.Substring(offset, Math.Min(length, value.Length - offset));
        var index = scalar.Style switch
        {
            ScalarStyle.Literal => LiteralIndex(scalar, offset),
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => scalar.StartIndex + 1 + offset,
            _ => scalar.StartIndex + offset,
        };
        if (index >= 0 && index + fragment.Length <= _file.Text.Length && string.CompareOrdinal(_file.Text, index, fragment, 0, fragment.Length) == 0)
        {
            return _file.Position(index);
        }

        // Before searching, skip the value's lines above the one that holds the fragment: a same text earlier in the
        // block (a comment in a script) is not where this one is.
        var linesBefore = value.AsSpan(0, offset).Count('\n');
        var from = scalar.StartIndex;
        for (var k = 0; k < linesBefore && from >= 0; k++)
        {
            from = _file.Text.IndexOf('\n', from + 1);
        }

        return Locate(scalar, fragment, Math.Max(scalar.StartIndex, from));
    }

    /// <summary>The file index of a literal block's value character, or -1 when the block's layout is not the simple one.</summary>
    private int LiteralIndex(YamlSourceScalar scalar, int offset)
    {
        var text = _file.Text;
        var lineStart = text.IndexOf('\n', scalar.StartIndex) + 1;
        if (lineStart <= 0)
        {
            return -1;
        }

        // Lines of the value map one to one to lines of the file after the indicator; the indentation is the first
        // non-empty line's.
        var indent = -1;
        for (var at = lineStart; at < text.Length && indent < 0;)
        {
            var end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end;
            var content = text.AsSpan(at, end - at).TrimEnd('\r');
            if (content.Trim().Length > 0)
            {
                indent = content.Length - content.TrimStart(' ').Length;
            }

            at = end + 1;
        }

        var valueLine = scalar.Value.AsSpan(0, offset).Count('\n');
        var valueLineStart = scalar.Value.LastIndexOf('\n', Math.Max(0, offset - 1)) is var nl and >= 0 && offset > 0 ? nl + 1 : 0;
        var fileLine = lineStart;
        for (var k = 0; k < valueLine; k++)
        {
            fileLine = text.IndexOf('\n', fileLine) + 1;
            if (fileLine <= 0)
            {
                return -1;
            }
        }

        return indent < 0 ? -1 : fileLine + indent + (offset - valueLineStart);
    }

    private (int Line, int Column) Locate(YamlSourceScalar scalar, string fragment) => Locate(scalar, fragment, scalar.StartIndex);

    private (int Line, int Column) Locate(YamlSourceScalar scalar, string fragment, int from)
    {
        var start = Math.Min(from, _file.Text.Length);
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
