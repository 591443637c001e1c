using System.Globalization;
using System.Text.RegularExpressions;

namespace WellTrack.Templating.Semver;

/// <summary>A version as Masterminds/semver v3 parses it (lenient: optional "v", missing minor/patch are 0).</summary>
public sealed partial class SemanticVersion : IComparable<SemanticVersion>
{
    private SemanticVersion(ulong major, ulong minor, ulong patch, string prerelease, string metadata, string original)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Metadata = metadata;
        Original = original;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string Prerelease { get; }

    public string Metadata { get; }

    public string Original { get; }

    public static bool TryParse(string text, out SemanticVersion version)
    {
        version = null!;
        var m = VersionPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        static bool Part(Group g, out ulong v)
        {
            v = 0;
            return !g.Success || ulong.TryParse(g.Value[1..], NumberStyles.None, CultureInfo.InvariantCulture, out v);
        }

        if (!ulong.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) || !Part(m.Groups[2], out var minor) || !Part(m.Groups[3], out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, m.Groups[5].Value, m.Groups[8].Value, text);
        return true;
    }

    public SemanticVersion WithoutPrerelease() => new(Major, Minor, Patch, string.Empty, string.Empty, Original);

    public static SemanticVersion Of(ulong major, ulong minor, ulong patch, string prerelease = "") => new(major, minor, patch, prerelease, string.Empty, string.Empty);

    public override string ToString()
    {
        var s = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (Prerelease.Length > 0)
        {
            s += "-" + Prerelease;
        }

        if (Metadata.Length > 0)
        {
            s += "+" + Metadata;
        }

        return s;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        if (c != 0)
        {
            return c;
        }

        c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    // Equality agrees with the ordering, as Masterminds/semver's Equal does: build metadata does not count. The hash
    // leaves out the prerelease, whose numeric parts compare by value ("01" equals "1").
    public override bool Equals(object? obj) => obj is SemanticVersion other && CompareTo(other) == 0;

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch);

    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) == 0;

    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) != 0;

    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) >= 0;

    // Null sorts first, as Comparer<T>.Default puts it.
    private static int Compare(SemanticVersion? left, SemanticVersion? right) => Comparer<SemanticVersion>.Default.Compare(left, right);

    private static int ComparePrerelease(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a.Length == 0)
        {
            return 1;
        }

        if (b.Length == 0)
        {
            return -1;
        }

        var ap = a.Split('.');
        var bp = b.Split('.');
        for (var i = 0; i < Math.Max(ap.Length, bp.Length); i++)
        {
            if (i >= ap.Length)
            {
                return -1;
            }

            if (i >= bp.Length)
            {
                return 1;
            }

            var an = ulong.TryParse(ap[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ai);
            var bn = ulong.TryParse(bp[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bi);
            int c;
            if (an && bn)
            {
                c = ai.CompareTo(bi);
            }
            else if (an)
            {
                c = -1;
            }
            else if (bn)
            {
                c = 1;
            }
            else
            {
                c = string.CompareOrdinal(ap[i], bp[i]);
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-(([0-9A-Za-z\-]+)(\.[0-9A-Za-z\-]+)*))?(?:\+(([0-9A-Za-z\-]+)(\.[0-9A-Za-z\-]+)*))?$")]
    private static partial Regex VersionPattern();
}
