using System.Diagnostics;
using System.Text;
using WellTrack.Core.Git;
using WellTrack.Core.IO;
using WellTrack.Core.Images;
using WellTrack.Core.Text;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>
/// Sets <c>image.tag</c> (and the digest, and optionally the repository) in GitOps values files, commits and pushes.
/// Each attempt edits the newest remote contents; a rejected push is retried on a fresh tip, never forced; a clone,
/// fetch or push that fails for a transient reason (a reset or refused connection, HTTP 503) is tried again. A failed
/// or cancelled run leaves the working copy and the remote as they were.
/// </summary>
public sealed class ImageTagBumper
{
    private readonly GitProcessRunner _runner;
    private readonly IReadOnlyList<IBumpCheck> _checks;
    private readonly Action<string> _log;

    public ImageTagBumper(GitProcessRunner runner, IReadOnlyList<IBumpCheck>? checks = null, Action<string>? log = null)
    {
        _runner = runner;
        _checks = checks ?? [];
        _log = log ?? (_ => { });
    }

    /// <summary>Runs the bump; a cancelled token stops it between steps or kills the running git process, puts the
    /// working copy back and reports WT2013 (WT2014 when a push was under way).</summary>
    public BumpResult Run(BumpRequest request, CancellationToken cancellationToken = default)
    {
        var inputErrors = BumpRequestValidator.Validate(request);
        if (inputErrors.Count > 0)
        {
            return new BumpResult { Diagnostics = inputErrors };
        }

        string? dryRunCache = null;
        var progress = new BumpProgress();
        var location = request.Repository;
        try
        {
            var gitOps = GitOpsLocation.Parse(request.Repository, request.BaseDirectory);
            location = gitOps.DisplayName;
            // A dry run must leave the shared cache as it was, so it clones into a throw-away directory.
            var cacheRoot = request.DryRun && gitOps.Kind != GitOpsLocationKind.WorkingCopy
                ? dryRunCache = Directory.CreateTempSubdirectory("welltrack-dry-run-").FullName
                : request.CacheDirectory ?? BumpRequest.DefaultCacheDirectory();
            using var credentials = GitCredentials.Create(request.TokenVariable);
            var retry = new RemoteRetry(request.MaxAttempts, new RetryBackoff(), _log, cancellationToken);
            using var checkout = GitOpsCheckout.Open(gitOps, request.Branch, cacheRoot, _runner, credentials, request.NetworkTimeout, retry);
            var result = RunAttempts(request, checkout, progress);
            if (!result.Succeeded && cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C in a terminal reaches git too: its failure is the cancellation's doing.
                return Cancelled(request, location, progress);
            }

            _runner.Trace?.Invoke(ProgressMessage.BumpRemoteCounts.Format(gitOps.DisplayName, request.Branch, checkout.Fetches, checkout.Pushes, retry.Retries, result.Attempts, result.Pushed ? ProgressMessage.BumpRemoteCountsLanded.Template : string.Empty));
            return result;
        }
        catch (DiagnosticException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new BumpResult { Diagnostics = [exception.Diagnostic] };
        }
        catch (Exception exception) when (exception is OperationCanceledException or DiagnosticException && cancellationToken.IsCancellationRequested)
        {
            return Cancelled(request, location, progress);
        }
        finally
        {
            if (dryRunCache is not null)
            {
                TryDeleteDirectory(dryRunCache);
            }
        }
    }

    private BumpResult RunAttempts(BumpRequest request, GitOpsCheckout checkout, BumpProgress progress)
    {
        var cancellation = checkout.Retry.CancellationToken;
        if (UncommittedTargets(request, checkout) is { Count: > 0 } dirty)
        {
            return new BumpResult { Diagnostics = [Diagnostic.Error(DiagnosticCodes.WT2012, SourceLocation.InFile(dirty[0]), string.Join(", ", dirty))] };
        }

        var startCommit = checkout.Repository.HeadCommit();
        var history = new GitBumpHistory(checkout.Repository);
        var planner = new ValuesEditPlanner(request, history);
        var pusher = new CommitPusher(checkout, _log);
        var competing = 0;
        for (var attempt = 1; ; attempt++)
        {
            var attemptStarted = Stopwatch.GetTimestamp();
            cancellation.ThrowIfCancellationRequested();
            var plan = planner.Plan(checkout.Root);
            if (plan.Diagnostics.Any(d => d.IsError) || plan.Files.Count == 0)
            {
                if (plan.Files.Count == 0 && !plan.Diagnostics.Any(d => d.IsError))
                {
                    _log(ProgressMessage.BumpNothingToChange.Format(checkout.Location.DisplayName, request.Tag));
                }

                return new BumpResult { Diagnostics = plan.Diagnostics, Attempts = attempt };
            }

            var result = new BumpResult
            {
                Files = plan.Files,
                Diff = DiffOf(plan.Files),
                CommitMessage = CommitMessageBuilder.Build(request, plan.Files),
                Attempts = attempt,
                Diagnostics = plan.Diagnostics,
            };
            if (request.DryRun)
            {
                return result;
            }

            List<Diagnostic> checkErrors;
            string commit;
            try
            {
                WriteFiles(checkout.Root, plan.Files, file => file.After);
                checkErrors = RunChecks(checkout.Root, plan.Files);
                if (checkErrors.Any(d => d.IsError))
                {
                    WriteFiles(checkout.Root, plan.Files, file => file.Before);
                    return result with { Diagnostics = [.. plan.Diagnostics, .. checkErrors] };
                }

                cancellation.ThrowIfCancellationRequested();
                checkout.Repository.Stage(plan.Files.Select(file => file.RelativePath));
                commit = checkout.Repository.Commit(result.CommitMessage, request.Author);
            }
            catch (OperationCanceledException)
            {
                // Stopped between the edit and its commit: the files get their old bytes back, the index its old entries.
                PutBack(checkout, startCommit, plan.Files);
                throw;
            }

            _log(ProgressMessage.BumpCommitted.Format(commit, request.Branch));
            result = result with { CommitId = commit, Diagnostics = [.. plan.Diagnostics, .. checkErrors] };
            if (!request.Push || !checkout.HasRemote)
            {
                return result;
            }

            PushOutcome outcome;
            try
            {
                cancellation.ThrowIfCancellationRequested();
                progress.PushStarted = true;
                progress.Commit = commit;
                outcome = pusher.Push(commit, startCommit);
            }
            catch (DiagnosticException exception)
            {
                UndoLocalCommit(checkout, startCommit);
                return result with { CommitId = null, Diagnostics = [exception.Diagnostic] };
            }
            catch (OperationCanceledException)
            {
                UndoLocalCommit(checkout, startCommit);
                throw;
            }

            if (outcome == PushOutcome.Landed)
            {
                _log(ProgressMessage.BumpPushed.Format(commit, checkout.Location.DisplayName, request.Branch));
                return result with { Pushed = true };
            }

            progress.PushStarted = false;
            if (attempt >= request.MaxAttempts)
            {
                UndoLocalCommit(checkout, startCommit);
                var error = Diagnostic.Error(DiagnosticCodes.WT2010, SourceLocation.InFile(checkout.Location.DisplayName), checkout.Location.DisplayName, request.Branch, ProgressMessage.BumpPushStillRejected.Format(attempt));
                return result with { CommitId = null, Diagnostics = [error] };
            }

            // The wait widens with the competitors seen landing during the last round (none known after the first).
            var delay = checkout.Retry.Backoff.Next(competing, Stopwatch.GetElapsedTime(attemptStarted));
            _log(ProgressMessage.BumpPushRejectedRetrying.Format(checkout.Location.DisplayName, request.Branch, delay.TotalMilliseconds, attempt + 1, request.MaxAttempts));
            UndoLocalCommit(checkout, startCommit);
            RetryBackoff.Wait(delay, cancellation);
            checkout.FetchRemoteTip();
            competing = checkout.CommitsLandedSince(startCommit);
            checkout.MoveToFetchedTip();
            history.Invalidate();
            startCommit = checkout.Repository.HeadCommit();
        }
    }

    private static BumpResult Cancelled(BumpRequest request, string location, BumpProgress progress) => new()
    {
        Diagnostics = [progress.PushStarted
            ? Diagnostic.Error(DiagnosticCodes.WT2014, SourceLocation.InFile(location), location, request.Branch, progress.Commit ?? string.Empty)
            : Diagnostic.Error(DiagnosticCodes.WT2013, SourceLocation.InFile(location), location, request.Branch)],
    };

    /// <summary>What a cancellation interrupted: before the push nothing left the machine; during it, it may have landed whole.</summary>
    private sealed class BumpProgress
    {
        public bool PushStarted { get; set; }

        public string? Commit { get; set; }
    }

    /// <summary>
    /// The checks read the written files and nothing else, so they run side by side (validation and the secrets scan
    /// each cost a cold process most of a bump's time); their findings are reported in the checks' order.
    /// </summary>
    private List<Diagnostic> RunChecks(string root, IReadOnlyList<BumpFileChange> files)
    {
        var running = _checks.Select(check => Task.Run(() => check.Check(root, files))).ToArray();
        return running.SelectMany(task => task.GetAwaiter().GetResult()).ToList();
    }

    /// <summary>
    /// In someone's working copy, values files with uncommitted changes are refused: committing them would publish
    /// edits nobody asked the bump to publish (or the remains of an interrupted run, which must not be silently kept).
    /// </summary>
    private static List<string> UncommittedTargets(BumpRequest request, GitOpsCheckout checkout)
    {
        if (checkout.IsCacheClone)
        {
            return [];
        }

        var changed = checkout.Repository.ChangedPaths().ToHashSet(StringComparer.Ordinal);
        return request.Charts
            .SelectMany(chart => request.ValuesFiles.Select(file => Path.Combine(request.ChartsDirectory, chart, file).Replace('\\', '/')))
            .Where(changed.Contains)
            .ToList();
    }

    private static void UndoLocalCommit(GitOpsCheckout checkout, string startCommit)
    {
        // A user's working copy must get back exactly what it had; the cache too, so a stopped bump leaves no commit
        // in it. Uncancellable: this runs after a cancellation, and is one quick local command.
        if (startCommit.Length > 0)
        {
            checkout.Repository.Uncancellable().Run("reset", "--quiet", "--keep", startCommit);
        }
    }

    /// <summary>After a cancellation between edit and commit: old bytes back in the files, the index and HEAD as they were.</summary>
    private static void PutBack(GitOpsCheckout checkout, string startCommit, IReadOnlyList<BumpFileChange> files)
    {
        var repository = checkout.Repository.Uncancellable();
        if (repository.HeadCommit() != startCommit && startCommit.Length > 0)
        {
            // The commit was made just as the cancellation came.
            repository.Run("reset", "--quiet", "--soft", startCommit);
        }

        repository.Run(["reset", "--quiet", "--", .. files.Select(file => file.RelativePath)], null);
        WriteFiles(checkout.Root, files, file => file.Before);
    }

    /// <summary>Writes every file or, when one write fails (a full disk), puts back the ones already written.</summary>
    private static void WriteFiles(string root, IReadOnlyList<BumpFileChange> files, Func<BumpFileChange, byte[]> content)
    {
        var written = new List<BumpFileChange>();
        try
        {
            foreach (var file in files)
            {
                AtomicFile.WriteAllBytes(Path.Combine(root, file.RelativePath), content(file));
                written.Add(file);
            }
        }
        catch (DiagnosticException)
        {
            foreach (var file in written)
            {
                var original = content(file) == file.After ? file.Before : file.After;
                File.WriteAllBytes(Path.Combine(root, file.RelativePath), original);
            }

            throw;
        }
    }

    private static string DiffOf(IReadOnlyList<BumpFileChange> files)
    {
        var diff = new StringBuilder();
        foreach (var file in files)
        {
            diff.Append(UnifiedDiff.Create(file.RelativePath, Decode(file.Before), Decode(file.After)));
        }

        return diff.ToString();
    }

    private static string Decode(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            DirectoryTree.Delete(directory);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless; failing the bump over it would not be.
        }
    }
}
