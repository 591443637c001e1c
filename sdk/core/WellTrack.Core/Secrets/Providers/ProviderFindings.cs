namespace WellTrack.Core.Secrets.Providers;

/// <summary>What a WT5028 finding says about its format; never anything of the token itself.</summary>
internal static class ProviderFindings
{
    /// <summary>The message's detail: "GitLab personal access token [gitlab-personal-access-token]. Revoke it in GitLab: …".</summary>
    public static string Detail(ProviderFormat format) => $"{format.Name} [{format.Id}]. {format.Revoke}";
}
