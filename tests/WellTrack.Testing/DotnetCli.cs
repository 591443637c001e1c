namespace WellTrack.Testing;

/// <summary>
/// Runs the dotnet CLI as a user would, with the variables the test host sets for itself removed so a child build
/// resolves its SDK and MSBuild from scratch.
/// </summary>
public static class DotnetCli
{
    private static readonly string[] HostVariables =
    [
        "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_CLI_TELEMETRY_SESSIONID", "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID",
    ];

    public static Task<ProcessRunner.Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = HostVariables.ToDictionary(name => name, _ => (string?)null);
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return ProcessRunner.RunAsync(ProcessRunner.DotnetHost, arguments, workingDirectory, variables, TimeSpan.FromMinutes(10));
    }
}
