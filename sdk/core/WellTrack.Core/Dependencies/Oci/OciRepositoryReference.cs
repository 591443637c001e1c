using System.Net;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// Chart.yaml's <c>repository: oci://HOST[:PORT]/PATH</c>: the registry's authority and the repository path the chart
/// name is appended to, as Helm does (<c>oci://ghcr.io/org/charts</c> and <c>common</c> give <c>org/charts/common</c>).
/// </summary>
internal sealed partial class OciRepositoryReference
{
    private const string Scheme = "oci://";

    private OciRepositoryReference(string repository, string authority, string path)
    {
        Repository = repository;
        Authority = authority;
        Path = path;
    }

    /// <summary>The repository as Chart.yaml writes it, without a trailing slash: how messages name the registry.</summary>
    public string Repository { get; }

    /// <summary><c>host</c> or <c>host:port</c>, lower case: the key credentials are looked up by.</summary>
    public string Authority { get; }

    /// <summary>The path under the registry, possibly empty.</summary>
    public string Path { get; }

    public static OciRepositoryReference Parse(string repository)
    {
        var trimmed = repository.Trim().TrimEnd('/');
        if (!trimmed.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(repository, "it does not start with oci://");
        }

        var rest = trimmed[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = (slash < 0 ? rest : rest[..slash]).ToLowerInvariant();
        var path = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (authority.Length == 0 || authority.Contains('@', StringComparison.Ordinal) || !Uri.TryCreate("https://" + authority + "/", UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Invalid(repository, "the host is missing or not a host[:port]");
        }

        if (path.Length > 0 && !RepositoryName().IsMatch(path))
        {
            throw Invalid(repository, "the path is not a repository name (lower-case letters, digits, '.', '_', '-' between '/'; no tag or digest)");
        }

        return new OciRepositoryReference(Scheme + authority + (path.Length == 0 ? string.Empty : "/" + path), authority, path);
    }

    /// <summary>The repository name of chart <paramref name="chart"/> in the distribution API (<c>PATH/CHART</c>).</summary>
    public string NameOf(string chart)
    {
        var name = Path.Length == 0 ? chart : Path + "/" + chart;
        if (!RepositoryName().IsMatch(name))
        {
            throw Invalid(Repository + "/" + chart, "the chart name is not a repository name component (lower-case letters, digits, '.', '_', '-')");
        }

        return name;
    }

    /// <summary>Whether the registry is spoken to over plain HTTP: a loopback host (as Docker), or one the options list.</summary>
    public bool UsesPlainHttp(OciSourceOptions options)
    {
        var host = HostOf(Authority);
        if (options.PlainHttpForLoopback && (host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))))
        {
            return true;
        }

        return options.PlainHttpHosts.Any(h => string.Equals(h, Authority, StringComparison.OrdinalIgnoreCase) || string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The host of <c>host[:port]</c>, IPv6 brackets removed.</summary>
    public static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            var end = authority.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? authority : authority[1..end];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    // A user and password written into the URL are not repeated in the message.
    private static DiagnosticException Invalid(string repository, string reason)
        => DiagnosticException.Error(DiagnosticCodes.WT3444, null, UserInfo().Replace(repository, "://***@"), reason);

    [GeneratedRegex("://[^/@]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // The distribution spec's repository name: path components of [a-z0-9]+ joined by '.', '_', '__' or '-'s.
    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryName();
}
