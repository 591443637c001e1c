using System.Collections;
using Microsoft.Build.Framework;

namespace WellTrack.Sdk.Tasks.Tests;

/// <summary>A build engine that records what a task logs, so tests can assert codes, files and positions.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    /// <summary>Called for every message as it is logged: a test can act at a given moment of a task (cancel it).</summary>
    public Action<BuildMessageEventArgs>? OnMessage { get; set; }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public string AllText => string.Join("\n", Errors.Select(e => e.Message).Concat(Warnings.Select(w => w.Message)).Concat(Messages.Select(m => m.Message)));

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        Messages.Add(e);
        OnMessage?.Invoke(e);
    }

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
