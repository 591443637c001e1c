namespace WellTrack.Core.Bump;

/// <summary>What earlier bumps recorded, for the ordering rule.</summary>
public interface IBumpHistory
{
    /// <summary>The build number recorded by the last bump that changed <paramref name="relativePath"/>, if any.</summary>
    long? LastBuildNumber(string relativePath);
}
