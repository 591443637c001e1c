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

    /// <summary>*semver.Version: methods Major, Minor, Patch, Prerelease, Metadata, Original; prints as String().</summary>
    private sealed class SemverObject(SemanticVersion version) : GoObject
    {
        public override string TypeName => "*semver.Version";

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
            _ => null,
        };

        private static GoFunction Method(string name, Func<object?> body) => new(name, [], variadic: false, (_, _) => body());
    }
}
