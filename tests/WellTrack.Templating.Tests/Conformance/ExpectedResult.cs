using System.Text.Json;
using System.Text.Json.Serialization;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Conformance;

/// <summary>What a `helm template` run printed: exit code, stdout, stderr (from the oracle's goldens).</summary>
public sealed record ExpectedResult(
    [property: JsonPropertyName("exit")] int Exit,
    [property: JsonPropertyName("stdout")] string Stdout,
    [property: JsonPropertyName("stderr")] string Stderr)
{
    public static Dictionary<string, ExpectedResult> ReadGroup(string path)
        => JsonSerializer.Deserialize<Dictionary<string, ExpectedResult>>(File.ReadAllText(path)) ?? [];

    public static ExpectedResult Read(string path)
        => JsonSerializer.Deserialize<ExpectedResult>(File.ReadAllText(path)) ?? throw new InvalidDataException(path);

    /// <summary>The same three streams for this engine's result, as the CLI prints them.</summary>
    public static ExpectedResult From(RenderResult result)
        => result.Succeeded ? new ExpectedResult(0, result.ToHelmOutput(), string.Empty) : new ExpectedResult(1, string.Empty, $"Error: {result.Error}\n");
}
