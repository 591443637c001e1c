namespace WellTrack.Core.Dependencies.Oci.Credentials;

/// <summary>
/// Finds the credential for a registry the way CI leaves it: Docker's <c>config.json</c> first (<c>credHelpers</c> for
/// the host, then <c>credsStore</c>, then <c>auths</c>), then Helm's registry <c>config.json</c> in the same order;
/// anonymous when neither has anything for the host.
/// </summary>
internal static class RegistryCredentialResolver
{
    public static async Task<CredentialLookup> ResolveAsync(string authority, OciSourceOptions options, CancellationToken cancellationToken)
    {
        var read = new List<string>();
        foreach (var path in ConfigPaths(options))
        {
            if (DockerConfigFile.Load(path) is not { } config)
            {
                continue;
            }

            read.Add(path);
            if (config.HelperFor(authority) is { } helper)
            {
                var origin = $"credHelpers[\"{authority}\"] of {path}";
                if (await CredentialHelper.GetAsync(helper, authority, origin, options.CredentialHelperSearchPath, cancellationToken) is { } fromHelper)
                {
                    return new CredentialLookup(fromHelper, $"the credentials of docker-credential-{helper} ({origin})");
                }
            }
            else if (config.CredsStore is { } store)
            {
                var origin = $"credsStore of {path}";
                if (await CredentialHelper.GetAsync(store, authority, origin, options.CredentialHelperSearchPath, cancellationToken) is { } fromStore)
                {
                    return new CredentialLookup(fromStore, $"the credentials of docker-credential-{store} ({origin})");
                }
            }

            if (config.AuthFor(authority) is { } auth)
            {
                return new CredentialLookup(auth, $"the {auth} of auths[\"{authority}\"] in {path}");
            }
        }

        var where = read.Count == 0 ? "no registry config file found" : "nothing for " + authority + " in " + string.Join(", ", read);
        return new CredentialLookup(null, $"no credentials ({where})");
    }

    /// <summary>Docker's config, then Helm's, each at the option's path or where the tool itself looks.</summary>
    public static IEnumerable<string> ConfigPaths(OciSourceOptions options)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return options.DockerConfigPath
                     ?? (Variable("DOCKER_CONFIG") is { } dockerConfig
                         ? Path.Combine(dockerConfig, "config.json")
                         : Path.Combine(home, ".docker", "config.json"));
        yield return options.HelmRegistryConfigPath
                     ?? Variable("HELM_REGISTRY_CONFIG")
                     ?? Path.Combine(Variable("XDG_CONFIG_HOME") ?? Path.Combine(home, ".config"), "helm", "registry", "config.json");
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
