using WellTrack.Core.Yaml;
using WellTrack.Templating.Serialization;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>
/// The core's one scalar typing replaced two: the validator's (Classify) and the secrets scanner's (IsNonString).
/// Each row is a plain scalar on which they disagreed, or which the old Classify got wrong; the expected kind is what
/// go-yaml v2 (hence Helm and Kubernetes) reads, confirmed through the engine's go-yaml loader, whose goldens come
/// from the Helm oracle.
/// </summary>
[TestClass]
public sealed class YamlScalarTypingTests
{
    [TestMethod]
    [DataRow("1.5e3", "Float", DisplayName = "an exponent without a sign after a dot (IsNonString was right)")]
    [DataRow("1e5", "Float", DisplayName = "an exponent without a dot")]
    [DataRow(".", "String", DisplayName = "a lone dot (Classify said float)")]
    [DataRow("-.", "String", DisplayName = "a signed lone dot")]
    [DataRow("0xDEADBEEFDEADBEEFDEADBEEF", "String", DisplayName = "hex beyond 64 bits (IsNonString was right)")]
    [DataRow("0x7fffffffffffffff", "Integer", DisplayName = "hex within 64 bits")]
    [DataRow("99999999999999999999", "Float", DisplayName = "a decimal beyond 64 bits is a float")]
    [DataRow("18446744073709551615", "Integer", DisplayName = "the largest unsigned 64-bit integer")]
    [DataRow("yes", "Boolean", DisplayName = "yes (Classify was right)")]
    [DataRow("Off", "Boolean", DisplayName = "Off")]
    [DataRow("Infinity", "String", DisplayName = "Infinity (IsNonString said number; Classify was right)")]
    [DataRow("NaN", "String", DisplayName = "NaN")]
    [DataRow("1_000", "Integer", DisplayName = "underscores (IsNonString said string)")]
    [DataRow("0b101", "Integer", DisplayName = "binary")]
    [DataRow("-0x1F", "Integer", DisplayName = "signed hex")]
    [DataRow(".inf", "Float", DisplayName = ".inf")]
    [DataRow("-.Inf", "Float", DisplayName = "-.Inf (Classify said string)")]
    [DataRow("~", "Null", DisplayName = "~")]
    [DataRow("1.10", "Float", DisplayName = "a version-like float")]
    [DataRow("1.2.3", "String", DisplayName = "a version")]
    public void TypesPlainScalarsAsGoYamlReadsThem(string text, string expectedKind)
    {
        var expected = Enum.Parse<ScalarKind>(expectedKind);
        Assert.AreEqual(Category(expected), GoYamlCategory(text), "the engine's go-yaml reading");
        var scalar = (YamlSourceScalar)YamlSourceParser.ParseDocuments($"v: {text}\n").Single().Child("v")!;
        Assert.AreEqual(expected, scalar.Kind);
        Assert.AreEqual(expected != ScalarKind.String, scalar.IsNonString);
    }

    [TestMethod]
    [DataRow("'5'", "String")]
    [DataRow("!!str 5", "String")]
    [DataRow("!!int \"5\"", "String")]
    [DataRow("!!int 5", "Integer")]
    [DataRow("! 5", "Integer")]
    public void QuotingAndTagsDecideBeforeTheText(string text, string expectedKind)
    {
        var expected = Enum.Parse<ScalarKind>(expectedKind);
        var scalar = (YamlSourceScalar)YamlSourceParser.ParseDocuments($"v: {text}\n").Single().Child("v")!;
        Assert.AreEqual(expected, scalar.Kind);
    }

    /// <summary>
    /// What the engine's go-yaml reading (Helm's values path: YAML to JSON) makes of the scalar. JSON numbers do not
    /// tell integers from floats, and an infinity or NaN does not convert to JSON at all: only a float can fail so.
    /// </summary>
    private static string GoYamlCategory(string text)
    {
        try
        {
            return ((Dictionary<string, object?>)GoYamlLoader.Load($"v: {text}\n")!)["v"] switch
            {
                null => "null",
                bool => "boolean",
                double => "number",
                string => "string",
                var other => throw new AssertFailedException($"unexpected {other.GetType()}"),
            };
        }
        catch (YamlLoadException e) when (e.Message.Contains("json: unsupported value", StringComparison.Ordinal))
        {
            return "number";
        }
    }

    private static string Category(ScalarKind kind) => kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer or ScalarKind.Float => "number",
        _ => "string",
    };
}
