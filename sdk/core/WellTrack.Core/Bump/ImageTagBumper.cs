using System.Text;
using WellTrack.Core.Git;
using WellTrack.Core.IO;
using WellTrack.Core.Images;
using WellTrack.Core.Text;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>
/// Sets <c>image.tag</c> (and the digest, and optionally the repository) in GitOps values files, commits and pushes.
/// Each attempt edits the newest remote contents; a rejected push is retried on a fresh tip, never forced. A failed
/// run leaves the working copy and the remote as they were.
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

    public BumpResult Run(BumpRequest request)
    {
        var inputErrors = BumpRequestValidator.Validate(request);
        if (inputErrors.Count > 0)
        {
            return new BumpResult { Diagnostics = inputErrors };
        }

        string? dryRunCache = null;
        try
        {
            var location = GitOpsLocation.Parse(request.Repository, request.BaseDirectory);
            // A dry run must leave the shared cache as it was, so it clones into a throw-away directory.
            var cacheRoot = request.DryRun && location.Kind != GitOpsLocationKind.WorkingCopy
                ? dryRunCache = Directory.CreateTempSubdirectory("welltrack-dry-run-").FullName
                : request.CacheDirectory ?? BumpRequest.DefaultCacheDirectory();
            using var credentials = GitCredentials.Create(request.TokenVariable);
            using var checkout = GitOpsCheckout.Open(location, request.Branch, cacheRoot, _runner, credentials, request.NetworkTimeout);
            return RunAttempts(request, checkout);
        }
        catch (DiagnosticException exception)
        {
            return new BumpResult { Diagnostics = [exception.Diagnostic] };
        }
        finally
        {
            if (dryRunCache is not null)
            {
                TryDeleteDirectory(dryRunCache);
            }
        }
    }

    private BumpResult RunAttempts(BumpRequest request, GitOpsCheckout checkout)
    {
        if (UncommittedTargets(request, checkout) is { Count: > 0 } dirty)
        {
            return new BumpResult { Diagnostics = [Diagnostic.Error(DiagnosticCodes.WT2012, SourceLocation.InFile(dirty[0]), string.Join(", ", dirty))] };
        }

        var startCommit = checkout.Repository.HeadCommit();
        var history = new GitBumpHistory(checkout.Repository);
        var planner = new ValuesEditPlanner(request, history);
        for (var attempt = 1; ; attempt++)
        {
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

            WriteFiles(checkout.Root, plan.Files, file => file.After);
            var checkErrors = RunChecks(checkout.Root, plan.Files);
            if (checkErrors.Any(d => d.IsError))
            {
                WriteFiles(checkout.Root, plan.Files, file => file.Before);
                return result with { Diagnostics = [.. plan.Diagnostics, .. checkErrors] };
            }

            checkout.Repository.Stage(plan.Files.Select(file => file.RelativePath));
            var commit = checkout.Repository.Commit(result.CommitMessage, request.Author);
            _log(ProgressMessage.BumpCommitted.Format(commit, request.Branch));
            result = result with { CommitId = commit, Diagnostics = [.. plan.Diagnostics, .. checkErrors] };
            if (!request.Push || !checkout.HasRemote)
            {
                return result;
            }

            var push = checkout.Repository.Push(GitOpsCheckout.RemoteName, request.Branch);
            if (push.Succeeded)
            {
                _log(ProgressMessage.BumpPushed.Format(commit, checkout.Location.DisplayName, request.Branch));
                return result with { Pushed = true };
            }

            var failure = GitFailureClassifier.Classify(push);
            if (failure != GitFailureKind.Rejected || attempt >= request.MaxAttempts)
            {
                UndoLocalCommit(checkout, startCommit);
                var error = failure == GitFailureKind.Rejected
                    ? Diagnostic.Error(DiagnosticCodes.WT2010, SourceLocation.InFile(checkout.Location.DisplayName), checkout.Location.DisplayName, request.Branch, ProgressMessage.BumpPushStillRejected.Format(attempt))
                    : checkout.RemoteFailure(push, "push").Diagnostic;
                return result with { CommitId = null, Diagnostics = [error] };
            }

            _log(ProgressMessage.BumpPushRejectedRetrying.Format(checkout.Location.DisplayName, request.Branch, attempt + 1, request.MaxAttempts));
            Thread.Sleep(Backoff(attempt));
            checkout.SyncToRemoteTip();
            history.Invalidate();
            startCommit = checkout.Repository.HeadCommit();
        }
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
    /// Exponential backoff with full jitter (a random wait up to a doubling ceiling): racing pipelines spread out
    /// instead of colliding again, and the ceiling stays low because every round one of them does get through.
    /// </summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(2000, 100 << Math.Min(attempt - 1, 5));
        return TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling / 4, ceiling + 1));
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
        // The cache is reset on the next run anyway; a user's working copy must get back exactly what it had.
        if (!checkout.IsCacheClone && startCommit.Length > 0)
        {
            checkout.Repository.Run("reset", "--quiet", "--keep", startCommit);
        }
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
