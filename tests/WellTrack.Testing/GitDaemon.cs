using System.Diagnostics;
using System.Net.Sockets;

namespace WellTrack.Testing;

/// <summary>
/// <c>git daemon</c> on 127.0.0.1 and a free port, serving one base directory with push enabled: a real network
/// transport for the git layer. Stopped (with its children) when disposed.
/// </summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port, string basePath)
    {
        _process = process;
        Port = port;
        BasePath = basePath;
    }

    public int Port { get; }

    public string BasePath { get; }

    public string UrlFor(string repositoryName) => $"git://127.0.0.1:{Port}/{repositoryName}";

    /// <param name="maxConnections">git daemon's <c>--max-connections</c>: beyond it, connections are dropped (after a
    /// second's grace) as a busy server drops them; null for git's default.</param>
    public static GitDaemon Start(string basePath, int? maxConnections = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreeTcpPort.Find();
            var startInfo = new ProcessStartInfo("git")
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            string[] limit = maxConnections is { } max ? [$"--max-connections={max}"] : [];
            string[] arguments =
            [
                "daemon", "--reuseaddr", "--listen=127.0.0.1", $"--port={port}", $"--base-path={basePath}",
                "--export-all", "--enable=receive-pack", "--informative-errors", .. limit, basePath,
            ];
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var process = Process.Start(startInfo)!;
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            if (WaitForPort(port, process))
            {
                return new GitDaemon(process, port, basePath);
            }

            Stop(process);
            if (attempt >= 3)
            {
                throw new InvalidOperationException("git daemon did not start on 127.0.0.1.");
            }
        }
    }

    public void Dispose() => Stop(_process);

    /// <summary>
    /// Waits until the daemon serves no connection (it forks a child per connection): a push whose client was
    /// killed is then finished or abandoned on the server, and the repository holds still.
    /// </summary>
    public void WaitUntilIdle(TimeSpan timeout)
    {
        // `git daemon` runs the git-daemon program as its child; that one forks the connections.
        var parents = ParentsByProcess();
        var server = parents.FirstOrDefault(p => p.Value == _process.Id && Command(p.Key) == "git-daemon").Key;
        server = server == 0 ? _process.Id : server;
        var deadline = DateTime.UtcNow + timeout;
        while (parents.ContainsValue(server))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"git daemon on port {Port} still serves a connection after {timeout}.");
            }

            Thread.Sleep(20);
            parents = ParentsByProcess();
        }
    }

    private static Dictionary<int, int> ParentsByProcess()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process has just exited.
            }
        }

        return parents;
    }

    private static string? Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool WaitForPort(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        return false;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
