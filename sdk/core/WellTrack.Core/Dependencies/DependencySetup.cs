using WellTrack.Core.Validation;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// The resolver a front end uses for a run: defaults (cache under <c>$WELLTRACK_CACHE</c>), then welltrack.yaml's
/// <c>dependencies:</c> (found at or above <paramref name="path"/> unless a file is given), then the offline switch.
/// One place, so the CLI verbs and the MSBuild tasks resolve alike.
/// </summary>
public static class DependencySetup
{
    /// <returns>The resolver, and the configuration's diagnostics (a malformed section; credential variables unset, WT3423).</returns>
    public static (ChartDependencyResolver Resolver, IReadOnlyList<Diagnostic> Diagnostics) Create(string path, string? configurationFile, bool offline, DependencyOptions? defaults = null)
    {
        var file = configurationFile ?? ValidationConfiguration.Find(path);
        var (options, diagnostics) = DependencyConfiguration.Load(file, defaults ?? new DependencyOptions());
        options = options with { Offline = offline || options.Offline };
        var all = diagnostics.ToList();
        foreach (var repository in options.Repositories)
        {
            all.AddRange(RepositoryCredentials.Unset(repository, options.Environment)
                .Select(variable => Diagnostic.Warning(DiagnosticCodes.WT3423, file is null ? null : new SourceLocation(file), variable, repository.Url)));
        }

        return (new ChartDependencyResolver(options), all);
    }
}
