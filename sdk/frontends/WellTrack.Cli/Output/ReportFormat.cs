using System.Text;
using WellTrack.Cli.CommandLine;
using WellTrack.Core.IO;
using WellTrack.Diagnostics;

namespace WellTrack.Cli.Output;

/// <summary>The --format and --output options shared by the commands that report diagnostics.</summary>
internal static class ReportFormat
{
    public static readonly string[] Names = ["text", "json", "sarif"];

    public static string Read(ParsedArguments parsed)
    {
        var format = parsed.Single("--format") ?? "text";
        return Names.Contains(format) ? format : throw DiagnosticException.Error(DiagnosticCodes.WT9011, null, "--format", "text, json or sarif", format);
    }

    /// <summary>Writes the report to --output (atomically) or standard output; false when the file cannot be written.</summary>
    public static bool Emit(ParsedArguments parsed, string report, TextWriter stdout, TextWriter stderr)
    {
        if (parsed.Single("--output") is not { } output)
        {
            stdout.Write(report);
            return true;
        }

        try
        {
            AtomicFile.WriteAllBytes(output, Encoding.UTF8.GetBytes(report));
            return true;
        }
        catch (DiagnosticException exception)
        {
            stderr.WriteLine(exception.Diagnostic.ToString());
            return false;
        }
    }
}
