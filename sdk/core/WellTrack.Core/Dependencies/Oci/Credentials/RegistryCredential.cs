namespace WellTrack.Core.Dependencies.Oci.Credentials;

/// <summary>
/// What a registry login left behind for one host: a user name and password (or token used as one), or an identity
/// token (an OAuth2 refresh token, Docker's <c>identitytoken</c>, a helper's user name <c>&lt;token&gt;</c>).
/// Never printed: <see cref="ToString"/> says only which kind it is.
/// </summary>
internal sealed record RegistryCredential(string? Username, string? Password, string? IdentityToken)
{
    public bool HasBasic => !string.IsNullOrEmpty(Username) && Password is not null;

    public bool HasIdentityToken => !string.IsNullOrEmpty(IdentityToken);

    public override string ToString() => HasIdentityToken ? "identity token" : "user name and password";
}

/// <summary>The credential found for a host (null: anonymous) and where it was looked up, for messages.</summary>
/// <param name="Source">Which file and entry gave it, or which files were read in vain; never the credential.</param>
internal sealed record CredentialLookup(RegistryCredential? Credential, string Source);
