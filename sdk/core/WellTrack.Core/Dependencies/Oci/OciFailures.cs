using System.Globalization;
using System.Net;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// The coded errors of one chart in one registry, each naming both (the WT343x-WT344x codes). One place turns an HTTP status or a
/// transport failure into a code, so every request of the source reports alike.
/// </summary>
internal sealed class OciFailures(string repository, string chart)
{
    public string Repository { get; } = repository;

    public string Chart { get; } = chart;

    public DiagnosticException Unreachable(HttpRequestException e)
        => Error(DiagnosticCodes.WT3430, Repository, Chart, e.InnerException?.Message ?? e.Message);

    public DiagnosticException TimedOut(TimeSpan timeout)
        => Error(DiagnosticCodes.WT3431, Repository, Chart, timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));

    public DiagnosticException Unauthorized(string credentialSource) => Error(DiagnosticCodes.WT3432, Repository, Chart, credentialSource);

    public DiagnosticException Forbidden(string credentialSource) => Error(DiagnosticCodes.WT3433, Repository, Chart, credentialSource);

    public DiagnosticException ChartAbsent() => Error(DiagnosticCodes.WT3434, Repository, Chart);

    public DiagnosticException VersionAbsent(string version, string what) => Error(DiagnosticCodes.WT3435, Repository, Chart, version, what);

    public DiagnosticException NotAHelmChart(string version, string reason) => Error(DiagnosticCodes.WT3436, Repository, Chart, version, reason);

    public DiagnosticException DigestMismatch(string version, string actual, string expected)
        => Error(DiagnosticCodes.WT3437, Repository, Chart, version, actual, expected);

    public DiagnosticException TooLarge(string version, long size, long limit)
        => Error(DiagnosticCodes.WT3438, Repository, Chart, version, size.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture));

    public DiagnosticException MalformedJson(string what, string reason) => Error(DiagnosticCodes.WT3439, Repository, Chart, reason, what);

    public DiagnosticException UnexpectedStatus(HttpStatusCode status, string what)
        => Error(DiagnosticCodes.WT3443, Repository, Chart, StatusText(status), what);

    public DiagnosticException UnexpectedAnswer(string answer, string what) => Error(DiagnosticCodes.WT3443, Repository, Chart, answer, what);

    public static string StatusText(HttpStatusCode status)
        => string.Create(CultureInfo.InvariantCulture, $"{(int)status} {status}");

    private static DiagnosticException Error(DiagnosticCode code, params object?[] args) => DiagnosticException.Error(code, null, args);
}
