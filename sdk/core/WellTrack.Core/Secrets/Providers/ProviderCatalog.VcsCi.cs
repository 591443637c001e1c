namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string VcsCiFamily = "vcs-ci";
    private const string GitLabTokens = "Revoke it in GitLab: ";

    private static ProviderFormat[] VcsCi =>
    [
        Prefixed("gitlab-personal-access-token", "GitLab", VcsCiFamily, "personal access token", "glpat-", @"[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{2,})*",
            GitLabTokens + "User settings > Access tokens (project and group tokens under the project's or group's Settings > Access tokens)."),
        Prefixed("gitlab-deploy-token", "GitLab", VcsCiFamily, "deploy token", "gldt-", $"{Base64Url}{{20,}}", GitLabTokens + "Settings > Repository > Deploy tokens."),
        Prefixed("gitlab-runner-authentication-token", "GitLab", VcsCiFamily, "runner authentication token", "glrt-", @"[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{2,})*",
            GitLabTokens + "delete the runner under Settings > CI/CD > Runners and register a new one."),
        Prefixed("gitlab-ci-job-token", "GitLab", VcsCiFamily, "CI/CD job token", "glcbt-", @"(?:[0-9a-zA-Z]{1,5}_)?[A-Za-z0-9_-]{20,}",
            GitLabTokens + "cancel the job (its token expires with it) and remove the copy."),
        Prefixed("gitlab-pipeline-trigger-token", "GitLab", VcsCiFamily, "pipeline trigger token", "glptt-", $"{Hex}{{40}}", GitLabTokens + "Settings > CI/CD > Pipeline trigger tokens."),
        Prefixed("gitlab-feed-token", "GitLab", VcsCiFamily, "feed token", "glft-", $"{Base64Url}{{20,}}", GitLabTokens + "User settings > Access tokens > Reset feed token."),
        Prefixed("gitlab-scim-token", "GitLab", VcsCiFamily, "SCIM OAuth token", "glsoat-", $"{Base64Url}{{20,}}", GitLabTokens + "the group's Settings > SAML SSO > reset the SCIM token."),
        Prefixed("gitlab-incoming-mail-token", "GitLab", VcsCiFamily, "incoming email token", "glimt-", $"{Base64Url}{{25,}}", GitLabTokens + "User settings > Access tokens > Reset incoming email token."),
        Prefixed("gitlab-agent-token", "GitLab", VcsCiFamily, "agent for Kubernetes token", "glagent-", $"{Base64Url}{{50,}}", GitLabTokens + "Operate > Kubernetes clusters > the agent > revoke the token."),
        Prefixed("gitlab-oauth-application-secret", "GitLab", VcsCiFamily, "OAuth application secret", "gloas-", $"{Base64Url}{{64}}", GitLabTokens + "Applications > renew the secret."),
        Prefixed("gitlab-runner-registration-token", "GitLab", VcsCiFamily, "runner registration token", "GR1348941", $"{Base64Url}{{20}}",
            GitLabTokens + "reset the registration token under Settings > CI/CD > Runners (and move to runner authentication tokens)."),
        Prefixed("gitlab-feature-flags-client-token", "GitLab", VcsCiFamily, "feature flags client token", "glffct-", $"{Base64Url}{{20}}", GitLabTokens + "Deploy > Feature flags > Configure > reset the instance ID."),
        Shaped("github-installation-token-jwt", "GitHub", VcsCiFamily, "app installation token (JWT shape)", ["ghs_"],
            @"ghs_(?:\d+_)?(?<body>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})",
            "It expires within an hour; revoke it now with DELETE /installation/token and rotate the app's private key if that leaked too."),
        Prefixed("bitbucket-app-password", "Bitbucket", VcsCiFamily, "app password", "ATBB", $"{Alnum}{{32}}", "Revoke it under Personal settings > App passwords."),
        Prefixed("atlassian-api-token", "Atlassian", VcsCiFamily, "API token", "ATATT3", @"[A-Za-z0-9_=-]{150,}", "Revoke it at id.atlassian.com > Security > API tokens."),
        Prefixed("bitbucket-access-token", "Bitbucket", VcsCiFamily, "repository or workspace access token", "ATCTT3", @"[A-Za-z0-9_=-]{150,}",
            "Revoke it under the repository's or workspace's Settings > Access tokens."),
        Shaped("circleci-personal-api-token", "CircleCI", VcsCiFamily, "personal API token", ["CCIPAT_"], $"CCIPAT_(?<body>{Alnum}{{22}}_{Hex}{{40}})", "Delete it under User Settings > Personal API Tokens."),
        Shaped("circleci-project-api-token", "CircleCI", VcsCiFamily, "project API token", ["CCIPRJ_"], $"CCIPRJ_(?<body>{Alnum}{{22}}_{Hex}{{40}})", "Delete it under Project Settings > API Permissions."),
        Prefixed("buildkite-user-access-token", "Buildkite", VcsCiFamily, "API access token", "bkua_", $"{Hex}{{40}}", "Revoke it under Personal Settings > API Access Tokens."),
        Keyworded("travis-ci-token", "Travis CI", VcsCiFamily, "API token", ["travis"], $"{Base64Url}{{22}}", "Regenerate it under Settings > API authentication."),
        Keyworded("drone-ci-token", "Drone", VcsCiFamily, "personal token", ["drone"], $"{Alnum}{{32}}", "Rotate it on the account page of the Drone server."),
        Keyworded("jenkins-api-token", "Jenkins", VcsCiFamily, "API token", ["jenkins"], $"{Hex}{{34}}", "Revoke it under the user's Security > API Token."),
        Keyworded("gitea-access-token", "Gitea / Forgejo", VcsCiFamily, "access token", ["gitea", "forgejo"], $"{Hex}{{40}}", "Delete it under Settings > Applications."),
        Shaped("sourcegraph-access-token", "Sourcegraph", VcsCiFamily, "access token", ["sgp_"], $"sgp_(?<body>(?:{Hex}{{16}}|local)_{Hex}{{40}})", "Delete it under Settings > Access tokens."),
        Shaped("harness-api-token", "Harness", VcsCiFamily, "API token", ["pat.", "sat."], $"(?:pat|sat)\\.(?<body>{Base64Url}{{22}}\\.{Alnum}{{24}}\\.{Alnum}{{20}})",
            "Delete it under My Profile > API Keys (or the service account's API keys)."),
        Keyworded("snyk-api-token", "Snyk", VcsCiFamily, "API token", ["snyk"], Uuid, "Revoke and regenerate it under Account settings > Auth token."),
        Prefixed("sonar-project-token", "SonarQube", VcsCiFamily, "project analysis token", "sqp_", $"{Hex}{{40}}", "Revoke it under My Account > Security."),
        Prefixed("sonar-user-token", "SonarQube", VcsCiFamily, "user token", "squ_", $"{Hex}{{40}}", "Revoke it under My Account > Security."),
        Prefixed("sonar-global-token", "SonarQube", VcsCiFamily, "global analysis token", "sqa_", $"{Hex}{{40}}", "Revoke it under My Account > Security."),
    ];
}
