namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>The three places a user sets a property, each of which must win over an SDK default.</summary>
public enum PropertySource
{
    /// <summary><c>-p:Name=value</c> on the command line: a global property.</summary>
    CommandLine,

    /// <summary>The repository's Directory.Build.props, imported by Microsoft.NET.Sdk before the SDK's own props.</summary>
    DirectoryBuildProps,

    /// <summary>The project file's own PropertyGroup, read after the SDK's props and before its targets.</summary>
    ProjectBody,
}
