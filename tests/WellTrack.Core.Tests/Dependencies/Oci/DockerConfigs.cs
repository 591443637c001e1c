using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>Registry config files and credential helpers written by tests.</summary>
internal static class DockerConfigs
{
    public static string Write(TemporaryDirectory directory, string json, string fileName = "config.json")
    {
        var path = directory.Combine(fileName);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A config.json as <c>docker login</c> writes it: <c>auths.HOST.auth</c> = base64 of user:password.</summary>
    public static string WriteAuth(TemporaryDirectory directory, string host, NetworkCredential credential, string fileName)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password));
        var auths = new JsonObject { [host] = new JsonObject { ["auth"] = auth } };
        return Write(directory, new JsonObject { ["auths"] = auths }.ToJsonString(), fileName);
    }

    /// <summary>
    /// Writes <c>docker-credential-NAME</c> (a shell script with <paramref name="body"/>) into a directory of its own
    /// and returns that directory: the search path the source is given in place of $PATH.
    /// </summary>
    public static string WriteHelper(TemporaryDirectory directory, string name, string body)
    {
        var bin = directory.CreateDirectory("bin");
        var path = Path.Combine(bin, "docker-credential-" + name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        // The helpers are shell scripts: these tests run where /bin/sh does (Linux, macOS).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return bin;
    }
}
