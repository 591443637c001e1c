using WellTrack.Core.Yaml;

namespace WellTrack.Core.Bump;

/// <summary>One values file a bump changes: its repository-relative path, bytes before and after, and the scalars set.</summary>
public sealed record BumpFileChange(string Chart, string RelativePath, byte[] Before, byte[] After, IReadOnlyList<ScalarChange> Changes);
