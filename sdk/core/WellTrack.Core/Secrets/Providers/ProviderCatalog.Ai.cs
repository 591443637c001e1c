namespace WellTrack.Core.Secrets.Providers;

public static partial class ProviderCatalog
{
    private const string AiFamily = "ai";

    private static ProviderFormat[] Ai =>
    [
        Shaped("anthropic-api-key", "Anthropic", AiFamily, "API key", ["sk-ant-api"], $"sk-ant-api\\d\\d-(?<body>{Base64Url}{{93}}AA)", "Delete the key in the Claude Console under API keys."),
        Shaped("anthropic-admin-key", "Anthropic", AiFamily, "Admin API key", ["sk-ant-admin"], $"sk-ant-admin\\d\\d-(?<body>{Base64Url}{{93}}AA)", "Delete the key in the Claude Console under Admin keys."),
        Prefixed("huggingface-access-token", "Hugging Face", AiFamily, "user access token", "hf_", "[A-Za-z]{34}", "Invalidate it under Settings > Access Tokens."),
        Prefixed("huggingface-organization-token", "Hugging Face", AiFamily, "organization API token", "api_org_", "[A-Za-z]{34}", "Invalidate it in the organization's settings."),
        Keyworded("cohere-api-key", "Cohere", AiFamily, "API key", ["cohere", "co_api_key"], $"{Alnum}{{40}}", "Delete it in the Cohere dashboard under API keys."),
        Prefixed("replicate-api-token", "Replicate", AiFamily, "API token", "r8_", $"{Alnum}{{37}}", "Disable it under Account settings > API tokens."),
        Prefixed("groq-api-key", "Groq", AiFamily, "API key", "gsk_", $"{Alnum}{{52}}", "Delete it in the GroqCloud console under API Keys."),
        Prefixed("perplexity-api-key", "Perplexity", AiFamily, "API key", "pplx-", $"{Alnum}{{48}}", "Delete it under Settings > API."),
        Prefixed("xai-api-key", "xAI", AiFamily, "API key", "xai-", $"{Alnum}{{80}}", "Delete it in the xAI console under API Keys."),
        Keyworded("mistral-api-key", "Mistral AI", AiFamily, "API key", ["mistral"], $"{Alnum}{{32}}", "Revoke it in La Plateforme under API Keys."),
        Shaped("deepseek-api-key", "DeepSeek", AiFamily, "API key", ["sk-"], $"sk-(?<body>{Hex}{{32}})", "Delete it on the platform's API keys page.", ["deepseek"]),
        Shaped("langsmith-api-key", "LangSmith", AiFamily, "API key", ["lsv2_"], $"lsv2_(?:pt|sk)_(?<body>{Hex}{{32}}_{Hex}{{10}})", "Delete it under Settings > API Keys."),
        Prefixed("pinecone-api-key", "Pinecone", AiFamily, "API key", "pcsk_", "[A-Za-z0-9_]{60,80}", "Delete it in the Pinecone console under API keys."),
        Prefixed("openrouter-api-key", "OpenRouter", AiFamily, "API key", "sk-or-v1-", $"{Hex}{{64}}", "Delete it under Settings > Keys."),
        Keyworded("elevenlabs-api-key", "ElevenLabs", AiFamily, "API key", ["elevenlabs", "xi-api-key", "xi_api_key"], $"sk_{Hex}{{48}}", "Delete it under My Account > API Keys."),
        Keyworded("assemblyai-api-key", "AssemblyAI", AiFamily, "API key", ["assemblyai", "assembly_ai"], $"{Hex}{{32}}", "Reset it in the AssemblyAI dashboard."),
        Keyworded("wandb-api-key", "Weights & Biases", AiFamily, "API key", ["wandb"], $"{Hex}{{40}}", "Revoke it under User Settings > API keys."),
        Shaped("langfuse-secret-key", "Langfuse", AiFamily, "secret key", ["sk-lf-"], $"sk-lf-(?<body>{Uuid})", "Delete the key pair under the project's Settings > API Keys."),
    ];
}
