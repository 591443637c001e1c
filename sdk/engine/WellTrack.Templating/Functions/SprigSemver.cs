using System.Globalization;
using WellTrack.Templating.Semver;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's semver and semverCompare over Masterminds/semver v3 rules.</summary>
internal static class SprigSemver
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("semver", P.Str, a => SemanticVersion.TryParse((string)a[0]!, out var v)
            ? new SemverObject(v)
            : throw new TemplateFunctionException("Invalid Semantic Version"));
        f.Add("semverCompare", P.Str2, a => Compare((string)a[0]!, (string)a[1]!));
    }

    public static bool Compare(string constraint, string version)
    {
        if (!SemverConstraint.TryParse(constraint, out var c))
        {
            throw new TemplateFunctionException("improper constraint: " + constraint);
        }

        if (!SemanticVersion.TryParse(version, out var v))
        {
            throw new TemplateFunctionException("Invalid Semantic Version");
        }

        return c.Check(v);
    }

    /// <summary>
    /// *semver.Version: methods Major, Minor, Patch, Prerelease, Metadata, Original, and the comparisons Compare,
    /// LessThan, GreaterThan and Equal, which take another *semver.Version; prints as String().
    /// </summary>
    private sealed class SemverObject(SemanticVersion version) : GoObject
    {
        private const string GoTypeName = "*semver.Version";

        public override string TypeName => GoTypeName;

        public override string? StringerValue => version.ToString();

        public override string FormatValue() => version.ToString();

        public override object? ToPlain() => version.ToString();

        public override GoFunction? GetMethod(string name) => name switch
        {
            "Major" => Method(name, () => new GoUnsigned(version.Major)),
            "Minor" => Method(name, () => new GoUnsigned(version.Minor)),
            "Patch" => Method(name, () => new GoUnsigned(version.Patch)),
            "Prerelease" => Method(name, () => version.Prerelease),
            "Metadata" => Method(name, () => version.Metadata),
            "Original" => Method(name, () => version.Original),
            "String" => Method(name, () => version.ToString()),
            "Compare" => Comparison(name, other => (long)version.CompareTo(other)),
            "LessThan" => Comparison(name, other => version.CompareTo(other) < 0),
            "GreaterThan" => Comparison(name, other => version.CompareTo(other) > 0),
            "Equal" => Comparison(name, other => version.CompareTo(other) == 0),
            _ => null,
        };

        private static GoFunction Method(string name, Func<object?> body) => new(name, [], variadic: false, (_, _) => body());

        /// <summary>A method taking one *semver.Version, checked as text/template checks a typed argument.</summary>
        private static GoFunction Comparison(string name, Func<SemanticVersion, object> body) => new(name, [GoParam.Any], variadic: false, (_, a) => a[0] is SemverObject other
            ? body(other.Version)
            : throw new TemplateFunctionException("wrong type for value; expected " + GoTypeName + "; got " + GoTypes.TypeName(a[0])));

        private SemanticVersion Version => version;
    }
}
