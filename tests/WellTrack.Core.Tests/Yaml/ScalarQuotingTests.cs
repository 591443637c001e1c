using WellTrack.Core.Yaml;
using static WellTrack.Core.Tests.Yaml.YamlEditAssert;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>
/// A new value is quoted exactly when plain YAML (1.1 as Helm reads it, or 1.2) would read it as something other
/// than the same string; otherwise the existing style is kept.
/// </summary>
[TestClass]
public sealed class ScalarQuotingTests
{
    [TestMethod]
    [DataRow("1.10", "\"1.10\"", DisplayName = "float that would lose its trailing zero")]
    [DataRow("1e3", "\"1e3\"", DisplayName = "exponent")]
    [DataRow("1e34567", "\"1e34567\"", DisplayName = "short SHA that reads as a float")]
    [DataRow("1234567", "\"1234567\"", DisplayName = "short SHA of digits")]
    [DataRow("0x1F", "\"0x1F\"", DisplayName = "hexadecimal")]
    [DataRow("0o17", "\"0o17\"", DisplayName = "YAML 1.2 octal")]
    [DataRow("012", "\"012\"", DisplayName = "YAML 1.1 octal")]
    [DataRow("0b101", "\"0b101\"", DisplayName = "binary")]
    [DataRow("1_000", "\"1_000\"", DisplayName = "YAML 1.1 underscores")]
    [DataRow("1:30", "\"1:30\"", DisplayName = "YAML 1.1 base 60")]
    [DataRow(".5", "\".5\"", DisplayName = "leading dot float")]
    [DataRow(".inf", "\".inf\"", DisplayName = "infinity")]
    [DataRow("-.Inf", "\"-.Inf\"", DisplayName = "negative infinity")]
    [DataRow(".nan", "\".nan\"", DisplayName = "not a number")]
    [DataRow("true", "\"true\"", DisplayName = "true")]
    [DataRow("True", "\"True\"", DisplayName = "True")]
    [DataRow("FALSE", "\"FALSE\"", DisplayName = "FALSE")]
    [DataRow("yes", "\"yes\"", DisplayName = "YAML 1.1 yes")]
    [DataRow("no", "\"no\"", DisplayName = "YAML 1.1 no")]
    [DataRow("on", "\"on\"", DisplayName = "YAML 1.1 on")]
    [DataRow("Off", "\"Off\"", DisplayName = "YAML 1.1 Off")]
    [DataRow("y", "\"y\"", DisplayName = "YAML 1.1 y")]
    [DataRow("null", "\"null\"", DisplayName = "null")]
    [DataRow("~", "\"~\"", DisplayName = "tilde null")]
    [DataRow("", "\"\"", DisplayName = "empty string")]
    [DataRow("2024-01-15", "\"2024-01-15\"", DisplayName = "timestamp")]
    [DataRow(" lead", "\" lead\"", DisplayName = "leading space")]
    [DataRow("trail ", "\"trail \"", DisplayName = "trailing space")]
    [DataRow("-dev", "\"-dev\"", DisplayName = "starts with -")]
    [DataRow("?q", "\"?q\"", DisplayName = "starts with ?")]
    [DataRow(":c", "\":c\"", DisplayName = "starts with :")]
    [DataRow("[s", "\"[s\"", DisplayName = "starts with [")]
    [DataRow("{m", "\"{m\"", DisplayName = "starts with {")]
    [DataRow("*a", "\"*a\"", DisplayName = "starts with *")]
    [DataRow("&a", "\"&a\"", DisplayName = "starts with &")]
    [DataRow("!t", "\"!t\"", DisplayName = "starts with !")]
    [DataRow("|b", "\"|b\"", DisplayName = "starts with |")]
    [DataRow(">b", "\">b\"", DisplayName = "starts with >")]
    [DataRow("'q", "\"'q\"", DisplayName = "starts with '")]
    [DataRow("\"q", "\"\\\"q\"", DisplayName = "starts with double quote")]
    [DataRow("%d", "\"%d\"", DisplayName = "starts with %")]
    [DataRow("@r", "\"@r\"", DisplayName = "starts with @")]
    [DataRow("`b", "\"`b\"", DisplayName = "starts with backtick")]
    [DataRow("#c", "\"#c\"", DisplayName = "starts with #")]
    [DataRow("a: b", "\"a: b\"", DisplayName = "contains colon space")]
    [DataRow("a #b", "\"a #b\"", DisplayName = "contains space hash")]
    [DataRow("ends:", "\"ends:\"", DisplayName = "ends with colon")]
    [DataRow("a\nb", "\"a\\nb\"", DisplayName = "line break escaped")]
    [DataRow("a\tb\u0001", "\"a\\tb\\u0001\"", DisplayName = "control characters escaped")]
    [DataRow("1.2.3", "1.2.3", DisplayName = "semantic version stays plain")]
    [DataRow("v1.10", "v1.10", DisplayName = "v-prefixed version stays plain")]
    [DataRow("1a2b3c4", "1a2b3c4", DisplayName = "short SHA with letters stays plain")]
    [DataRow("main-2024.01.15", "main-2024.01.15", DisplayName = "branch build stays plain")]
    [DataRow("a:b#c", "a:b#c", DisplayName = "colon and hash without spaces stay plain")]
    [DataRow("yesterday", "yesterday", DisplayName = "word starting like a boolean stays plain")]
    [DataRow("ñandú", "ñandú", DisplayName = "non-ASCII stays plain")]
    public void PlainValueIsQuotedOnlyWhenPlainWouldChangeItsMeaning(string newValue, string written)
        => Edits("image:\n  tag: old # c\n", $"image:\n  tag: {written} # c\n", new ScalarEdit("image.tag", newValue));

    [TestMethod]
    [DataRow("1.10", "'1.10'", DisplayName = "single quotes kept for a number-like value")]
    [DataRow("it's", "'it''s'", DisplayName = "single quote doubled")]
    [DataRow("", "''", DisplayName = "empty single-quoted")]
    [DataRow("a\nb", "\"a\\nb\"", DisplayName = "line break needs double quotes")]
    public void SingleQuotedValueStaysSingleQuotedWhenItCan(string newValue, string written)
        => Edits("image:\n  tag: 'old'\n", $"image:\n  tag: {written}\n", new ScalarEdit("image.tag", newValue));

    [TestMethod]
    [DataRow("1.2.3", "\"1.2.3\"", DisplayName = "double quotes kept for a plain-safe value")]
    [DataRow("\u00e9\u2028", "\"\u00e9\\L\"", DisplayName = "line separator escaped")]
    [DataRow("tab\there", "\"tab\\there\"", DisplayName = "tab escaped")]
    public void DoubleQuotedValueStaysDoubleQuoted(string newValue, string written)
        => Edits("image:\n  tag: \"old\"\n", $"image:\n  tag: {written}\n", new ScalarEdit("image.tag", newValue));
}
