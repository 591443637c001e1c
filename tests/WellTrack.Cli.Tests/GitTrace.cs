using System.Text.Json;

namespace WellTrack.Cli.Tests;

/// <summary>
/// What git itself recorded of the commands a bump ran: git's trace2 event stream (GIT_TRACE2_EVENT set to a
/// directory), one file per git process, which the tool passes on to git untouched. Tests read it to see that the
/// scenario they stage really happened (a push was rejected, a push was cut off) without relying on the tool's own
/// wording. A process killed with SIGKILL never writes its exit event.
/// </summary>
internal sealed class GitTrace
{
    private GitTrace(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>One git command: its trace file, and its exit code when it exited (null when it was killed or still runs).</summary>
    public sealed record Command(string TraceFile, string Name, int? ExitCode);

    /// <summary>A fresh, empty trace directory and the environment that sends git's events there.</summary>
    public static GitTrace Create(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        return new GitTrace(directory);
    }

    public KeyValuePair<string, string?> Variable => new("GIT_TRACE2_EVENT", Directory);

    /// <summary>The top-level git commands named <paramref name="name"/> (e.g. "push"), oldest first.</summary>
    public IReadOnlyList<Command> Commands(string name)
        => System.IO.Directory.EnumerateFiles(Directory).Order(StringComparer.Ordinal)
            .Select(Read).Where(c => c is not null && c.Name == name).Select(c => c!).ToList();

    private static Command? Read(string file)
    {
        string? name = null;
        int? exitCode = null;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue; // the last line of a process that is still writing (or was killed while writing)
            }

            using (json)
            {
                var root = json.RootElement;
                switch (root.GetProperty("event").GetString())
                {
                    case "cmd_name" when root.GetProperty("hierarchy").GetString() == root.GetProperty("name").GetString():
                        name = root.GetProperty("name").GetString();
                        break;
                    case "exit":
                        exitCode = root.GetProperty("code").GetInt32();
                        break;
                }
            }
        }

        return name is null ? null : new Command(file, name, exitCode);
    }
}
