using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Files;

/// <summary>
/// The <c>secrets</c> section of the scanned directory's <c>welltrack.yaml</c>:
/// <code>
/// secrets:
///   exclude: [docs/examples/**, "**/*.snap"]   # .gitignore grammar, relative to the scanned directory
///   gitignore: true                           # respect .gitignore files (default true)
///   helmignore: false                         # respect each chart's .helmignore (default false)
/// </code>
/// Other sections belong to other features and are ignored here. A malformed section is WT5048 and is not applied.
/// </summary>
internal sealed record SecretScanConfiguration(IReadOnlyList<string> Exclude, bool? GitIgnore, bool? HelmIgnore)
{
    public const string FileName = "welltrack.yaml";

    public static SecretScanConfiguration None { get; } = new([], null, null);

    public static (SecretScanConfiguration Configuration, Diagnostic? Problem) Load(string rootDirectory)
    {
        var file = Path.Combine(rootDirectory, FileName);
        if (!File.Exists(file))
        {
            return (None, null);
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (None, Problem(file, 1, e.Message));
        }

        return Parse(text, file);
    }

    public static (SecretScanConfiguration Configuration, Diagnostic? Problem) Parse(string text, string file)
    {
        if (YamlSourceParser.TryParseResolved(text, out _) is not { Count: > 0 } roots)
        {
            // welltrack.yaml's own syntax errors are the configuration reader's to report (WT3901).
            return (None, null);
        }

        var section = roots[0].Child("secrets");
        if (section.IsNull())
        {
            return (None, null);
        }

        if (section is not YamlSourceMapping)
        {
            return (None, Problem(file, section!, "'secrets' must be a mapping"));
        }

        var exclude = new List<string>();
        bool? git = null, helm = null;
        foreach (var (key, value) in section.NamedEntries())
        {
            switch (key)
            {
                case "exclude" when value is YamlSourceSequence sequence && sequence.Items.All(i => i is YamlSourceScalar):
                    exclude.AddRange(sequence.Items.Select(i => i.Text() ?? string.Empty).Where(i => i.Length > 0));
                    break;
                case "gitignore" or "helmignore" when value.IsTrue() || value.IsFalse():
                    _ = key == "gitignore" ? git = value.IsTrue() : helm = value.IsTrue();
                    break;
                case "exclude":
                    return (None, Problem(file, value, "'secrets.exclude' must be a list of globs"));
                case "gitignore" or "helmignore":
                    return (None, Problem(file, value, $"'secrets.{key}' must be true or false"));
                default:
                    return (None, Problem(file, section.KeyNode(key) ?? value, $"'secrets.{key}' is not a setting (exclude, gitignore, helmignore)"));
            }
        }

        return (new SecretScanConfiguration(exclude, git, helm), null);
    }

    private static Diagnostic Problem(string file, YamlSourceNode node, string message) => Problem(file, node.Line, message);

    private static Diagnostic Problem(string file, int line, string message)
        => Diagnostic.Error(SecretCodes.ConfigurationInvalid, new SourceLocation(file, line, 1), file, message);
}
