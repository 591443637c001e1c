using Microsoft.Build.Framework;

namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>A logger that keeps the targets that ran, in order, and the errors, for in-process builds.</summary>
internal sealed class BuildRecord : ILogger
{
    public bool Succeeded { get; set; }

    /// <summary>Targets that started, in order; one whose condition is false never starts (MSBuild logs it as skipped).</summary>
    public List<string> TargetsRun { get; } = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<string> Messages { get; } = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

    public string? Parameters { get; set; }

    public string Text => string.Join("\n", Errors.Select(e => $"error {e.Code}: {e.Message}").Concat(Messages));

    public void Initialize(IEventSource eventSource)
    {
        eventSource.TargetStarted += (_, e) => TargetsRun.Add(e.TargetName);
        eventSource.ErrorRaised += (_, e) => Errors.Add(e);
        eventSource.MessageRaised += (_, e) => Messages.Add(e.Message ?? string.Empty);
    }

    public void Shutdown()
    {
    }
}
