using WellTrack.Core.Tests.Secrets.Breadth;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// The formats that carry a checksum (GitHub's ghp_, gho_, ghu_, ghs_, ghr_ and npm's npm_, CRC32 in base62): tokens
/// with a valid checksum in every setting of <see cref="ProviderCaseSource.MustFlag"/>, and the same shape with a wrong
/// checksum in prose (a README, release notes), where only a token the provider could have issued is worth an error.
/// </summary>
internal sealed class ChecksumCaseSource : ILabelledCaseSource
{
    private static readonly ProviderShape[] Shapes =
    [
        new("github-personal-access-token", "vcs-ci", "GITHUB_TOKEN", "ghp_"),
        new("github-oauth-token", "vcs-ci", "GITHUB_OAUTH_TOKEN", "gho_"),
        new("github-user-to-server-token", "vcs-ci", "GH_USER_TOKEN", "ghu_"),
        new("github-server-to-server-token", "vcs-ci", "GH_INSTALLATION_TOKEN", "ghs_"),
        new("github-refresh-token", "vcs-ci", "GH_REFRESH_TOKEN", "ghr_"),
        new("npm-access-token", "registries", "NPM_TOKEN", "npm_"),
    ];

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        foreach (var shape in Shapes)
        {
            var prefix = shape.Shape;
            foreach (var labelled in ProviderCaseSource.MustFlag(shape, FakeCrc32Token.Make(prefix, random)))
            {
                yield return labelled;
            }

            var format = $"{shape.Id}/wrong-checksum";
            yield return new(shape.Family, format, "README.md",
                $"# Tokens\n\nA token looks like `{FakeCrc32Token.MakeWithWrongChecksum(prefix, random)}` (made up: its checksum is wrong).\n", MustFlag: false);
            yield return new(shape.Family, format, "NOTES.txt",
                $"Rotated the CI credential; the old one began {FakeCrc32Token.MakeWithWrongChecksum(prefix, random)} and is revoked.\n", MustFlag: false);
        }
    }
}
