using WellTrack.Core.Images;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>Checks the inputs of a bump before anything touches git, so bad input fails fast and changes nothing.</summary>
internal static class BumpRequestValidator
{
    public static IReadOnlyList<Diagnostic> Validate(BumpRequest request)
    {
        var errors = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(request.Repository))
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9002, null, "GitOpsRepository (--repo)"));
        }

        if (request.Charts.Count == 0)
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9002, null, "GitOpsChart (--chart)"));
        }

        if (request.ValuesFiles.Count == 0)
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9002, null, "GitOpsValuesFile (--values-file)"));
        }

        if (!IsValidBranch(request.Branch))
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9003, null, request.Branch));
        }

        if (ImageReferenceRules.CheckTag(request.Tag, null) is { } tagError)
        {
            errors.Add(tagError);
        }

        if (!string.IsNullOrEmpty(request.Digest) && ImageReferenceRules.CheckDigest(request.Digest, null) is { } digestError)
        {
            errors.Add(digestError);
        }

        if (request.SetRepository && string.IsNullOrWhiteSpace(request.ImageRepository))
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9002, null, "the image repository (GitOpsSetRepository needs ContainerRegistry/ContainerRepository, --image-repository)"));
        }

        if (request.MaxAttempts < 1)
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9004, null, request.MaxAttempts));
        }

        if (request.NetworkTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.WT9102, null, request.NetworkTimeout.TotalSeconds));
        }

        return errors;
    }

    // Git's own ref-name rules, reduced to what a branch to push to can safely be: no option look-alikes either.
    private static bool IsValidBranch(string branch)
        => branch.Length > 0
           && !branch.StartsWith('-')
           && !branch.StartsWith('/')
           && !branch.EndsWith('/')
           && !branch.EndsWith(".lock", StringComparison.Ordinal)
           && !branch.Contains("..", StringComparison.Ordinal)
           && !branch.Contains("//", StringComparison.Ordinal)
           && !branch.Contains("@{", StringComparison.Ordinal)
           && branch.All(c => c > ' ' && c != 0x7f && c is not ('~' or '^' or ':' or '?' or '*' or '[' or '\\'));
}
