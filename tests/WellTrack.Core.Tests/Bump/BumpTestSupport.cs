using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Bump;

internal static class BumpTestSupport
{
    public const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static BumpRequest Request(GitOpsFixture fixture, string tag = "5d6e7f8", params string[] charts) => new()
    {
        Repository = fixture.BareRepository,
        Charts = charts.Length > 0 ? charts : ["welltrack-backend"],
        Tag = tag,
        CacheDirectory = fixture.CacheDirectory,
        BaseDirectory = fixture.Root,
        SourceRepository = "https://github.com/hongda-zhu/PTI-WellTrackBack.git",
        SourceCommit = "5d6e7f8aaaabbbbccccddddeeeeffff000011112",
    };

    public static BumpResult RunBump(BumpRequest request, GitProcessRunner? runner = null)
        => new ImageTagBumper(runner ?? new GitProcessRunner()).Run(request);

    public static string Describe(BumpResult result) => string.Join("\n", result.Diagnostics);
}
