using System.Text;
using System.Text.Json;
using WellTrack.Core.IO;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Fingerprints of findings a repository has accepted (to adopt the check without first rotating every old secret):
/// only new secrets fail. The file holds code, file and fingerprint per finding, never a secret or an excerpt.
/// </summary>
public sealed class SecretBaseline
{
    public const string DefaultFileName = ".welltrack-secrets-baseline.json";

    private readonly HashSet<string> _fingerprints;

    private SecretBaseline(IEnumerable<string> fingerprints)
    {
        _fingerprints = new HashSet<string>(fingerprints, StringComparer.OrdinalIgnoreCase);
    }

    public static SecretBaseline Empty { get; } = new([]);

    public int Count => _fingerprints.Count;

    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>Reads a baseline; a missing or malformed file throws <see cref="DiagnosticException"/> WT5041.</summary>
    public static SecretBaseline Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var fingerprints = new List<string>();
            if (document.RootElement.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array)
            {
                foreach (var finding in findings.EnumerateArray())
                {
                    if (finding.TryGetProperty("fingerprint", out var fingerprint) && fingerprint.GetString() is { Length: > 0 } text)
                    {
                        fingerprints.Add(text);
                    }
                }
            }
            else
            {
                throw new JsonException("expected an object with a \"findings\" array");
            }

            return new SecretBaseline(fingerprints);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            throw DiagnosticException.Error(SecretCodes.BaselineUnreadable, SourceLocation.InFile(path), path, e.Message);
        }
    }

    /// <summary>Writes the fingerprints of <paramref name="findings"/> atomically, sorted, one finding per line.</summary>
    public static void Write(string path, IEnumerable<SecretFinding> findings)
    {
        var builder = new StringBuilder();
        builder.Append("{\n  \"version\": 1,\n  \"findings\": [");
        var first = true;
        foreach (var finding in findings.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Fingerprint, StringComparer.Ordinal).DistinctBy(f => f.Fingerprint))
        {
            builder.Append(first ? "\n" : ",\n");
            first = false;
            builder.Append("    {\"code\": ").Append(JsonString(finding.Code))
                .Append(", \"file\": ").Append(JsonString(finding.RelativePath))
                .Append(", \"fingerprint\": ").Append(JsonString(finding.Fingerprint)).Append('}');
        }

        builder.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(builder.ToString()));
    }

    // What JsonSerializer.Serialize(string) writes (same default encoder), without reflection-based serialization,
    // which the native (AOT) welltrack tool does not have.
    private static string JsonString(string value) => "\"" + JsonEncodedText.Encode(value) + "\"";
}
