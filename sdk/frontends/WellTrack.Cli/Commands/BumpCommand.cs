using WellTrack.Cli.CommandLine;
using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Core.Validation;
using WellTrack.Diagnostics;

namespace WellTrack.Cli.Commands;

/// <summary><c>welltrack bump</c>: the same bump as the BumpImageTag task, for repositories that are not .NET.</summary>
internal static class BumpCommand
{
    // The defaults shown are read from the core, the one place they are stated.
    public static readonly string Usage = $$"""
        Usage: welltrack bump --repo <url|path> --chart <name>[,<name>...] --tag <tag> [options]

          --repo <url|path>        GitOps repository: remote URL, bare repository or working copy
          --chart <names>          chart(s) under charts/ to update; comma-separated or repeated
          --tag <tag>              image tag to write to image.tag
          --digest <sha256:...>    image digest: written to image.digest where present, recorded as a trailer
          --values-file <file>     values file(s) in each chart (default {{BumpDefaults.ValuesFile}}); comma-separated or repeated
          --branch <name>          branch to update (default {{BumpDefaults.Branch}})
          --charts-dir <dir>       where charts live in the GitOps repository (default {{BumpDefaults.ChartsDirectory}})
          --image-repository <r>   also write image.repository (registry/name)
          --source-repo <url>      application repository, recorded as a trailer (default: git remote of .)
          --source-commit <sha>    application commit, recorded as a trailer (default: HEAD of .)
          --author "Name <email>"  commit author (default {{BumpDefaults.Author.Name}})
          --value-path <path>      value(s) that receive the tag (default {{BumpDefaults.ValuePath}}); comma-separated or repeated
          --build-number <n>       this build's number for the ordering rule (default: CI's run number, else the
                                   source commit's time)
          --allow-downgrade        set an older build or a lower version on purpose
          --force-pinned           bump values pinned with '# welltrack:pin'
          --message <template>     commit message; placeholders {chart} {path} {old} {new} {digest}
                                   {sourceRepository} {sourceCommit} {buildNumber} {changes}
          --token-variable <name>  environment variable holding a token for HTTPS remotes (read via GIT_ASKPASS)
          --timeout <seconds>      network timeout of each git command (default {{BumpDefaults.NetworkTimeoutSeconds}})
          --max-attempts <n>       push attempts under contention (default {{BumpDefaults.MaxAttempts}})
          --cache-dir <dir>        where cache clones of the GitOps repository live (default $WELLTRACK_CACHE/gitops
                                   or ~/.cache/welltrack/gitops)
          --dry-run                print the diff and commit message; change nothing
          --no-push                commit without pushing
          -v, --verbose            print every git command
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = new ArgumentReader()
            .Option("--repo").Option("--chart").Option("--tag").Option("--digest").Option("--values-file")
            .Option("--branch").Option("--image-repository").Option("--source-repo").Option("--source-commit")
            .Option("--author").Option("--max-attempts").Option("--charts-dir").Option("--value-path")
            .Option("--build-number").Option("--message").Option("--token-variable").Option("--timeout").Option("--cache-dir")
            .Flag("--dry-run").Flag("--no-push").Flag("--allow-downgrade").Flag("--force-pinned")
            .Flag("--verbose", "-v").Flag("--help", "-h")
            .Read(args);
        if (parsed.Has("--help") || parsed.Has("-h"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        if (parsed.Positionals.Count > 0)
        {
            throw new UsageException(DiagnosticCodes.WT9016, parsed.Positionals[0]);
        }

        var runner = new GitProcessRunner();
        if (parsed.Has("--verbose") || parsed.Has("-v"))
        {
            runner.Trace = message => stderr.WriteLine("  " + message);
        }

        var source = SourceRevision.Read(Environment.CurrentDirectory, runner);
        var request = new BumpRequest
        {
            Repository = Required(parsed, "--repo"),
            Charts = parsed.AllSplit("--chart"),
            Tag = Required(parsed, "--tag"),
            Digest = parsed.Single("--digest"),
            ValuesFiles = parsed.AllSplit("--values-file") is { Count: > 0 } files ? files : [BumpDefaults.ValuesFile],
            ChartsDirectory = parsed.Single("--charts-dir") ?? BumpDefaults.ChartsDirectory,
            Branch = parsed.Single("--branch") ?? BumpDefaults.Branch,
            ImageRepository = parsed.Single("--image-repository"),
            SetRepository = parsed.Single("--image-repository") is not null,
            DryRun = parsed.Has("--dry-run"),
            Push = !parsed.Has("--no-push"),
            SourceRepository = parsed.Single("--source-repo") ?? source?.RepositoryUrl,
            SourceCommit = parsed.Single("--source-commit") ?? source?.CommitId,
            Author = Author(parsed.Single("--author")),
            ValuePaths = parsed.AllSplit("--value-path") is { Count: > 0 } paths ? paths : [BumpDefaults.ValuePath],
            BuildNumber = BuildNumbers.Resolve(WholeNumber(parsed, "--build-number", long.MaxValue)?.ToString(System.Globalization.CultureInfo.InvariantCulture), Environment.GetEnvironmentVariable, source?.CommitTime),
            AllowDowngrade = parsed.Has("--allow-downgrade"),
            ForcePinned = parsed.Has("--force-pinned"),
            CommitMessageTemplate = parsed.Single("--message"),
            TokenVariable = parsed.Single("--token-variable"),
            CacheDirectory = parsed.Single("--cache-dir"),
            NetworkTimeout = TimeSpan.FromSeconds(WholeNumber(parsed, "--timeout", 86_400) ?? BumpDefaults.NetworkTimeoutSeconds),
            MaxAttempts = (int)(WholeNumber(parsed, "--max-attempts", 1000) ?? BumpDefaults.MaxAttempts),
        };

        var result = new ImageTagBumper(runner, BumpChecks.Standard(), log: message => stderr.WriteLine(message)).Run(request, cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (!result.Succeeded)
        {
            return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : result.Diagnostics.Any(d => d.IsConfigurationError)
                ? ExitCodes.UsageError
                : ExitCodes.ErrorsFound;
        }

        stdout.WriteLine(BumpOutcomeFormatter.Format(request, result));
        return ExitCodes.Success;
    }

    private static long? WholeNumber(ParsedArguments parsed, string name, long maximum)
    {
        if (parsed.Single(name) is not { } text)
        {
            return null;
        }

        return BuildNumbers.TryParse(text, out var value) && value <= maximum
            ? value
            : throw new UsageException(DiagnosticCodes.WT9017, name, maximum, text);
    }

    private static string Required(ParsedArguments parsed, string name)
        => parsed.Single(name) ?? throw new UsageException(DiagnosticCodes.WT9002, name);

    private static GitIdentity Author(string? text)
        => text is null ? BumpDefaults.Author : GitIdentity.Parse(text) ?? throw new UsageException(DiagnosticCodes.WT9018, "--author", text);
}
