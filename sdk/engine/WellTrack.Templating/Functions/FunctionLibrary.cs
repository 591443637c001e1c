namespace WellTrack.Templating.Functions;

/// <summary>
/// The function table Helm gives templates: Go's builtins, then Sprig's text functions without env and expandenv,
/// then Helm's own (which replace Sprig's toJson/fromJson/fail...). Built once and shared; functions are stateless
/// and read per-render state from their <see cref="FunctionContext"/>.
/// </summary>
public static class FunctionLibrary
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoFunction>> HelmTable = new(BuildHelm);

    /// <summary>The functions `helm template` offers.</summary>
    public static IReadOnlyDictionary<string, GoFunction> Helm => HelmTable.Value;

    private static IReadOnlyDictionary<string, GoFunction> BuildHelm()
    {
        var f = new FunctionTableBuilder();
        GoBuiltins.Register(f);
        SprigStrings.Register(f);
        SprigCase.Register(f);
        SprigDefaults.Register(f);
        SprigLists.Register(f);
        SprigDicts.Register(f);
        SprigMath.Register(f);
        SprigEncoding.Register(f);
        SprigCrypto.Register(f);
        SprigReflection.Register(f);
        SprigRegex.Register(f);
        SprigPaths.Register(f);
        SprigUrl.Register(f);
        SprigSemver.Register(f);
        SprigDates.Register(f);
        HelmFunctions.Register(f);
        return f.Build();
    }
}
