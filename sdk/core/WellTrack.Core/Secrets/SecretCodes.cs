namespace WellTrack.Core.Secrets;

/// <summary>Diagnostic codes of the plain-secrets scan (WT5xxx); docs/diagnostics.md describes each with its fix.</summary>
public static class SecretCodes
{
    public const string SecretManifestLiteral = "WT5001";
    public const string SecretTemplateFromValues = "WT5002";
    public const string ValueFeedsSecretTemplate = "WT5003";
    public const string SecretLikeKey = "WT5004";
    public const string Jwt = "WT5010";
    public const string SupabaseServiceRoleJwt = "WT5011";
    public const string SupabaseAnonJwt = "WT5012";
    public const string GoogleOAuthClientSecret = "WT5013";
    public const string GoogleApiKey = "WT5014";
    public const string AwsAccessKeyId = "WT5015";
    public const string AwsSecretAccessKey = "WT5016";
    public const string GitHubToken = "WT5017";
    public const string SlackToken = "WT5018";
    public const string SlackWebhook = "WT5019";
    public const string StripeKey = "WT5020";
    public const string SendGridKey = "WT5021";
    public const string ResendKey = "WT5022";
    public const string OpenAiKey = "WT5023";
    public const string NpmToken = "WT5024";
    public const string PemPrivateKey = "WT5025";
    public const string UrlCredentials = "WT5026";
    public const string ConnectionStringPassword = "WT5027";
    public const string SuppressionWithoutReason = "WT5040";
    public const string BaselineUnreadable = "WT5041";
    public const string DirectoryMissing = "WT5042";
    public const string FileUnreadable = "WT5043";
}
