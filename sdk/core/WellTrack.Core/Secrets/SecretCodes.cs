using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>Diagnostic codes of the plain-secrets scan (WT5xxx); docs/diagnostics.md describes each with its fix.</summary>
public static class SecretCodes
{
    public static readonly DiagnosticCode SecretManifestLiteral = DiagnosticCodes.WT5001;
    public static readonly DiagnosticCode SecretTemplateFromValues = DiagnosticCodes.WT5002;
    public static readonly DiagnosticCode ValueFeedsSecretTemplate = DiagnosticCodes.WT5003;
    public static readonly DiagnosticCode SecretLikeKey = DiagnosticCodes.WT5004;
    public static readonly DiagnosticCode Jwt = DiagnosticCodes.WT5010;
    public static readonly DiagnosticCode SupabaseServiceRoleJwt = DiagnosticCodes.WT5011;
    public static readonly DiagnosticCode SupabaseAnonJwt = DiagnosticCodes.WT5012;
    public static readonly DiagnosticCode GoogleOAuthClientSecret = DiagnosticCodes.WT5013;
    public static readonly DiagnosticCode GoogleApiKey = DiagnosticCodes.WT5014;
    public static readonly DiagnosticCode AwsAccessKeyId = DiagnosticCodes.WT5015;
    public static readonly DiagnosticCode AwsSecretAccessKey = DiagnosticCodes.WT5016;
    public static readonly DiagnosticCode GitHubToken = DiagnosticCodes.WT5017;
    public static readonly DiagnosticCode SlackToken = DiagnosticCodes.WT5018;
    public static readonly DiagnosticCode SlackWebhook = DiagnosticCodes.WT5019;
    public static readonly DiagnosticCode StripeKey = DiagnosticCodes.WT5020;
    public static readonly DiagnosticCode SendGridKey = DiagnosticCodes.WT5021;
    public static readonly DiagnosticCode ResendKey = DiagnosticCodes.WT5022;
    public static readonly DiagnosticCode OpenAiKey = DiagnosticCodes.WT5023;
    public static readonly DiagnosticCode NpmToken = DiagnosticCodes.WT5024;
    public static readonly DiagnosticCode PemPrivateKey = DiagnosticCodes.WT5025;
    public static readonly DiagnosticCode UrlCredentials = DiagnosticCodes.WT5026;
    public static readonly DiagnosticCode ConnectionStringPassword = DiagnosticCodes.WT5027;
    public static readonly DiagnosticCode ProviderToken = DiagnosticCodes.WT5028;
    public static readonly DiagnosticCode KeyStore = DiagnosticCodes.WT5030;
    public static readonly DiagnosticCode RandomValue = DiagnosticCodes.WT5031;
    public static readonly DiagnosticCode CommandCredential = DiagnosticCodes.WT5032;
    public static readonly DiagnosticCode WeakCredential = DiagnosticCodes.WT5033;
    public static readonly DiagnosticCode SuppressionWithoutReason = DiagnosticCodes.WT5040;
    public static readonly DiagnosticCode BaselineUnreadable = DiagnosticCodes.WT5041;
    public static readonly DiagnosticCode DirectoryMissing = DiagnosticCodes.WT5042;
    public static readonly DiagnosticCode FileUnreadable = DiagnosticCodes.WT5043;
    public static readonly DiagnosticCode FileTooLarge = DiagnosticCodes.WT5045;
    public static readonly DiagnosticCode BinaryFileSkipped = DiagnosticCodes.WT5046;
    public static readonly DiagnosticCode ArchiveNotOpened = DiagnosticCodes.WT5047;
    public static readonly DiagnosticCode ConfigurationInvalid = DiagnosticCodes.WT5048;
}
