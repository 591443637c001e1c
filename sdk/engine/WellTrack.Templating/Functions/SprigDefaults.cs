using WellTrack.Templating.Serialization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's defaults.go: default, empty, coalesce, all, any, ternary and the JSON encoders Helm keeps.</summary>
internal static class SprigDefaults
{
    public static void Register(FunctionTableBuilder f)
    {
        f.AddVariadic("default", P.Any2, a => a.Length < 2 || GoTypes.IsEmpty(a[1]) ? a[0] : a[1]);
        f.Add("empty", P.Any, a => GoTypes.IsEmpty(a[0]));
        f.AddVariadic("coalesce", P.Any, a => a.FirstOrDefault(x => !GoTypes.IsEmpty(x)));
        f.AddVariadic("all", P.Any, a => a.All(x => !GoTypes.IsEmpty(x)));
        f.AddVariadic("any", P.Any, a => a.Any(x => !GoTypes.IsEmpty(x)));
        f.Add("ternary", [GoParam.Any, GoParam.Any, GoParam.Bool], a => (bool)a[2]! ? a[0] : a[1]);
        f.Add("toPrettyJson", P.Any, a => GoJson.TryMarshal(a[0], indent: true, escapeHtml: true, out var s) ? s : string.Empty);
        f.Add("mustToPrettyJson", P.Any, a => GoJson.Marshal(a[0], indent: true, escapeHtml: true));
        f.Add("toRawJson", P.Any, a => GoJson.TryMarshal(a[0], indent: false, escapeHtml: false, out var s) ? s : string.Empty);
        f.Add("mustToRawJson", P.Any, a => GoJson.Marshal(a[0], indent: false, escapeHtml: false));
        f.Add("mustToJson", P.Any, a => GoJson.Marshal(a[0], indent: false, escapeHtml: true));
        f.Add("mustFromJson", P.Str, a => GoJson.Unmarshal((string)a[0]!));
    }
}
