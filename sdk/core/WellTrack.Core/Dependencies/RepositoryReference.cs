using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Dependencies;

/// <summary>What a dependency's <c>repository</c> names, as Helm's downloader reads it.</summary>
public enum RepositoryKind
{
    /// <summary>No repository: the chart must already be in charts/.</summary>
    None,

    /// <summary><c>file://</c>: a chart directory, relative to the chart that depends on it.</summary>
    File,

    /// <summary>A URL another source serves (<c>http(s)://</c>, <c>oci://</c>).</summary>
    Remote,
}

/// <summary>A dependency's repository with <c>@name</c> and <c>alias:name</c> turned into the configured URL.</summary>
public sealed record RepositoryReference(RepositoryKind Kind, string Url)
{
    /// <exception cref="DiagnosticException">WT3401 when a name has no configured repository.</exception>
    public static RepositoryReference Of(ChartDependency dependency, DependencyOptions options)
    {
        var repository = dependency.Repository;
        if (repository.Length == 0)
        {
            return new RepositoryReference(RepositoryKind.None, string.Empty);
        }

        if (repository.StartsWith("file://", StringComparison.Ordinal))
        {
            return new RepositoryReference(RepositoryKind.File, repository);
        }

        var name = repository.StartsWith('@') ? repository[1..]
            : repository.StartsWith("alias:", StringComparison.Ordinal) ? repository["alias:".Length..]
            : null;
        if (name is not null)
        {
            var configured = options.Repositories.FirstOrDefault(r => r.Name == name)
                ?? throw DependencyErrors.Error(DiagnosticCodes.WT3401, dependency.Name, repository);
            return new RepositoryReference(RepositoryKind.Remote, configured.Url);
        }

        if (!Uri.TryCreate(repository, UriKind.Absolute, out _))
        {
            // Helm: "no repository definition for X": a bare word is neither a URL nor a reference.
            throw DependencyErrors.Error(DiagnosticCodes.WT3401, dependency.Name, repository);
        }

        return new RepositoryReference(RepositoryKind.Remote, repository);
    }

    /// <summary>The directory a <c>file://</c> reference names, relative to <paramref name="chartDirectory"/>.</summary>
    public string LocalPath(string chartDirectory)
    {
        var path = Url["file://".Length..];
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(chartDirectory, path));
    }
}
