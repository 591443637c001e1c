namespace WellTrack.Templating.Functions;

/// <summary>
/// Sprig functions this engine does not implement yet. They stay defined (so templates parse as under Helm) and
/// fail when called with WT4020, naming the function, instead of rendering something different from Helm.
/// </summary>
internal static class UnsupportedFunctions
{
    public static readonly string[] Names =
    [
        "genPrivateKey", "derivePassword", "buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert",
        "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "encryptAES", "decryptAES", "bcrypt",
        "htpasswd", "urlParse", "urlJoin",
    ];

    public static void Register(FunctionTableBuilder f)
    {
        foreach (var name in Names)
        {
            f.Add(new GoFunction(name, [GoParam.Any], variadic: true, (_, _) =>
                throw new TemplateFunctionException($"function {name} is not implemented by WellTrack.Templating", "WT4020")));
        }
    }
}
