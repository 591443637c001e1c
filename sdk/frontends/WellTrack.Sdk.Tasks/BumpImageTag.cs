using Microsoft.Build.Framework;
using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace WellTrack.Sdk.Tasks;

/// <summary>
/// Sets the image tag (and digest, and optionally repository) in the GitOps repository's values files, commits and
/// pushes. A thin translation of MSBuild inputs into <see cref="ImageTagBumper"/>; all behaviour lives in the core.
/// Cancelling the build (Ctrl+C) kills the running git process and leaves the working copy and remote as they were.
/// Options start at <see cref="BumpDefaults"/>: MSBuild leaves a parameter whose property is empty unset, so an unset
/// property means the core's default, stated only there.
/// </summary>
public sealed class BumpImageTag : MSBuildTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string Repository { get; set; } = string.Empty;

    public string Branch { get; set; } = BumpDefaults.Branch;

    [Required]
    public string[] Charts { get; set; } = [];

    public string[] ValuesFiles { get; set; } = [BumpDefaults.ValuesFile];

    public string ChartsDirectory { get; set; } = BumpDefaults.ChartsDirectory;

    [Required]
    public string ImageTag { get; set; } = string.Empty;

    public string ImageDigest { get; set; } = string.Empty;

    public string ImageRepository { get; set; } = string.Empty;

    public bool SetRepository { get; set; }

    public bool DryRun { get; set; }

    public bool Push { get; set; } = BumpDefaults.Push;

    public string SourceRepository { get; set; } = string.Empty;

    public string SourceCommit { get; set; } = string.Empty;

    /// <summary><c>Name &lt;email&gt;</c> of the commit author; empty for <see cref="BumpDefaults.Author"/>.</summary>
    public string Author { get; set; } = string.Empty;

    public string CacheDirectory { get; set; } = string.Empty;

    public string BaseDirectory { get; set; } = string.Empty;

    public int MaxAttempts { get; set; } = BumpDefaults.MaxAttempts;

    /// <summary>Seconds one git network command may take (the CLI's <c>--timeout</c>).</summary>
    public int NetworkTimeout { get; set; } = BumpDefaults.NetworkTimeoutSeconds;

    /// <summary>Values that receive the tag.</summary>
    public string[] ValuePaths { get; set; } = [BumpDefaults.ValuePath];

    /// <summary>This build's number for the ordering rule; empty for CI's run number or the source commit's time.</summary>
    public string BuildNumber { get; set; } = string.Empty;

    /// <summary>The source commit's committer time, the last fallback for the build number.</summary>
    public string SourceCommitTime { get; set; } = string.Empty;

    public bool AllowDowngrade { get; set; }

    public bool ForcePinned { get; set; }

    public string CommitMessage { get; set; } = string.Empty;

    /// <summary>The name (never the value) of an environment variable holding a token for HTTPS remotes.</summary>
    public string TokenVariable { get; set; } = string.Empty;

    [Output]
    public string CommitId { get; private set; } = string.Empty;

    [Output]
    public bool Changed { get; private set; }

    public void Cancel() => _cancellation.Cancel();

    // The token source is all the task owns; its owner (the build engine, a test) may release it after Execute.
    public void Dispose() => _cancellation.Dispose();

    public override bool Execute()
    {
        var runner = new GitProcessRunner { Trace = message => Log.LogMessage(MessageImportance.Low, "{0}", message) };
        var bumper = new ImageTagBumper(runner, BumpChecks.Standard(), log: message => Log.LogMessage(MessageImportance.Normal, "{0}", message));
        var request = new BumpRequest
        {
            Repository = Repository,
            Branch = Branch,
            Charts = Charts,
            ValuesFiles = OrDefault(ValuesFiles, BumpDefaults.ValuesFile),
            ChartsDirectory = ChartsDirectory,
            Tag = ImageTag,
            Digest = NullIfEmpty(ImageDigest),
            ImageRepository = NullIfEmpty(ImageRepository),
            SetRepository = SetRepository,
            DryRun = DryRun,
            Push = Push,
            SourceRepository = NullIfEmpty(SourceRepository),
            SourceCommit = NullIfEmpty(SourceCommit),
            Author = GitIdentity.Parse(Author) ?? BumpDefaults.Author,
            CacheDirectory = NullIfEmpty(CacheDirectory),
            BaseDirectory = string.IsNullOrEmpty(BaseDirectory) ? Environment.CurrentDirectory : BaseDirectory,
            MaxAttempts = MaxAttempts,
            NetworkTimeout = TimeSpan.FromSeconds(NetworkTimeout),
            ValuePaths = OrDefault(ValuePaths, BumpDefaults.ValuePath),
            BuildNumber = BuildNumbers.Resolve(BuildNumber, Environment.GetEnvironmentVariable, BuildNumbers.TryParse(SourceCommitTime, out var time) ? time : null),
            AllowDowngrade = AllowDowngrade,
            ForcePinned = ForcePinned,
            CommitMessageTemplate = NullIfEmpty(CommitMessage),
            TokenVariable = NullIfEmpty(TokenVariable),
        };
        var result = bumper.Run(request, _cancellation.Token);

        Log.Log(result.Diagnostics);
        if (BuildNumber.Length > 0 && !BuildNumbers.TryParse(BuildNumber, out _))
        {
            Log.Log(Diagnostic.Warning(DiagnosticCodes.WT9009, null, BuildNumber));
        }

        if (!result.Succeeded)
        {
            return false;
        }

        Changed = result.Changed;
        CommitId = result.CommitId ?? string.Empty;
        Log.LogMessage(MessageImportance.High, "{0}", BumpOutcomeFormatter.Format(request, result));
        return !Log.HasLoggedErrors;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // A list parameter given an empty item list is set to an empty array rather than left alone.
    private static string[] OrDefault(string[] values, string fallback) => values.Length > 0 ? values : [fallback];
}
