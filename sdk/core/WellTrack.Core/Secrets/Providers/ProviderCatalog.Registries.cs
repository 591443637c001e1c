namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string RegistriesFamily = "registries";

    private static ProviderFormat[] Registries =>
    [
        Prefixed("dockerhub-personal-access-token", "Docker Hub", RegistriesFamily, "personal access token", "dckr_pat_", $"{Base64Url}{{27}}",
            "Delete it under Account settings > Personal access tokens; image pulls take a kubernetes.io/dockerconfigjson Secret from an ExternalSecret."),
        Prefixed("dockerhub-organization-access-token", "Docker Hub", RegistriesFamily, "organization access token", "dckr_oat_", $"{Base64Url}{{32}}",
            "Delete it under the organization's Settings > Access tokens."),
        Prefixed("pypi-upload-token", "PyPI", RegistriesFamily, "API token", "pypi-AgEIcHlwaS5vcmc", $"{Base64Url}{{50,}}", "Remove it under Account settings > API tokens on pypi.org.",
            validator: token => TokenChecksums.IsPyPiMacaroon(token, "pypi.org")),
        Prefixed("testpypi-upload-token", "TestPyPI", RegistriesFamily, "API token", "pypi-AgENdGVzdC5weXBp", $"{Base64Url}{{50,}}", "Remove it under Account settings > API tokens on test.pypi.org.",
            validator: token => TokenChecksums.IsPyPiMacaroon(token, "test.pypi.org")),
        Prefixed("rubygems-api-key", "RubyGems", RegistriesFamily, "API key", "rubygems_", $"{Hex}{{48}}", "Delete it under Settings > API keys on rubygems.org."),
        Prefixed("nuget-api-key", "NuGet", RegistriesFamily, "API key", "oy2", "[a-z0-9]{43}", "Delete or regenerate it under API Keys on nuget.org."),
        Prefixed("artifactory-api-key", "JFrog Artifactory", RegistriesFamily, "API key", "AKCp", $"{Alnum}{{69}}", "Revoke it in the user profile (API keys are deprecated: use access tokens)."),
        Prefixed("artifactory-reference-token", "JFrog Artifactory", RegistriesFamily, "reference (identity) token", "cmVmdGtu", $"{Alnum}{{56}}", "Revoke it under User Management > Access Tokens."),
        Prefixed("clojars-deploy-token", "Clojars", RegistriesFamily, "deploy token", "CLOJARS_", "[a-z0-9]{60}", "Disable it under Dashboard > Deploy Tokens."),
        Prefixed("crates-io-api-token", "crates.io", RegistriesFamily, "API token", "cio", $"{Alnum}{{32}}", "Revoke it under Account Settings > API Tokens."),
    ];
}
