using System.Globalization;
using WellTrack.Core.Validation;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// The <c>dependencies:</c> section of welltrack.yaml: <c>timeout</c> (seconds) and <c>repositories</c>, each with a
/// <c>url</c>, an optional <c>name</c> (for <c>@name</c> references) and the names of the variables holding its
/// credentials (<c>usernameVariable</c> and <c>passwordVariable</c>, or <c>tokenVariable</c>).
/// </summary>
public static class DependencyConfiguration
{
    private static readonly string[] SectionKeys = ["repositories", "timeout"];

    private static readonly string[] RepositoryKeys = ["name", "passwordVariable", "tokenVariable", "url", "usernameVariable"];

    /// <summary>Applies welltrack.yaml at <paramref name="file"/> (when there is one) over <paramref name="options"/>.</summary>
    public static (DependencyOptions Options, IReadOnlyList<Diagnostic> Diagnostics) Load(string? file, DependencyOptions options)
    {
        if (file is null || !File.Exists(file))
        {
            return (options, []);
        }

        return Parse(File.ReadAllText(file), file, options);
    }

    public static (DependencyOptions Options, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml, string file, DependencyOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        if (YamlSourceParser.TryParseResolved(yaml, out _) is not { Count: > 0 } roots)
        {
            // ValidationConfiguration reports an unparsable file (WT3901).
            return (options, diagnostics);
        }

        var section = roots[0].Child("dependencies");
        if (section.IsNull())
        {
            return (options, diagnostics);
        }

        Diagnostic At(DiagnosticCode code, YamlSourceNode? node, params object?[] args)
            => Diagnostic.Error(code, new SourceLocation(file, node?.Line ?? 0, node?.Column ?? 0), args);

        foreach (var (key, value) in section.NamedEntries())
        {
            switch (key)
            {
                case "timeout":
                    if (double.TryParse(value.Text()?.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                    {
                        options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
                    }
                    else
                    {
                        diagnostics.Add(At(DiagnosticCodes.WT3907, value, "dependencies.timeout", "a number of seconds", YamlSourceNavigation.Describe(value)));
                    }

                    break;
                case "repositories":
                    var repositories = new List<RepositorySettings>(options.Repositories);
                    foreach (var item in value.Items())
                    {
                        foreach (var (unknown, _) in item.NamedEntries().Where(e => !RepositoryKeys.Contains(e.Key)))
                        {
                            diagnostics.Add(At(DiagnosticCodes.WT3906, item, unknown, "dependencies.repositories", string.Join(", ", RepositoryKeys)));
                        }

                        if (item.Child("url").Text() is not { Length: > 0 } url)
                        {
                            diagnostics.Add(At(DiagnosticCodes.WT3907, item, "dependencies.repositories[].url", "a URL", YamlSourceNavigation.Describe(item.Child("url") ?? item)));
                            continue;
                        }

                        repositories.Add(new RepositorySettings(url)
                        {
                            Name = item.Child("name").Text(),
                            UsernameVariable = item.Child("usernameVariable").Text(),
                            PasswordVariable = item.Child("passwordVariable").Text(),
                            TokenVariable = item.Child("tokenVariable").Text(),
                        });
                    }

                    options = options with { Repositories = repositories };
                    break;
                default:
                    diagnostics.Add(At(DiagnosticCodes.WT3906, section.KeyNode(key), key, "dependencies", string.Join(", ", SectionKeys)));
                    break;
            }
        }

        return (options, diagnostics);
    }
}
