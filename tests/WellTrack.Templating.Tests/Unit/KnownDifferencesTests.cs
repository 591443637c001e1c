using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// Where the engine still differs from Helm v3.16 (listed in the engine's README): each test pins today's behaviour
/// and names what Go does, so a change on either side is noticed and the README is updated with it.
/// </summary>
[TestClass]
public sealed class KnownDifferencesTests
{
    private static string FromYaml(string document) => TestCharts.RenderText("fromYaml `" + document + "` | toJson");

    [TestMethod]
    public void BlockScalarTextNotIndentedIsWordedDifferently()
    {
        // go-yaml: "yaml: line 3: could not find expected ':'".
        Assert.AreEqual("{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected key\"}", FromYaml("a: |\ntext\n"));
    }

    [TestMethod]
    public void CommentRightAfterADoubleQuotedScalarIsRejected()
    {
        // go-yaml reads {"a":"x"}: libyaml takes '#' as a comment without a space before it here.
        Assert.AreEqual("{\"Error\":\"error converting YAML to JSON: yaml: found invalid comment after double-quoted scalar\"}", FromYaml("a: \"x\"#c\n"));
    }

    [TestMethod]
    public void EmptyKeyIsAccepted()
    {
        // go-yaml: "yaml: did not find expected key".
        Assert.AreEqual("{\"null\":\"x\"}", FromYaml(": x\n"));
    }

    [TestMethod]
    public void ExplicitIndentationWithALongerFirstBlankLineIsRejected()
    {
        // go-yaml keeps the extra spaces as content: {"a":"  \nx\n"}.
        Assert.AreEqual("{\"Error\":\"error converting YAML to JSON: yaml: line 1: found extra spaces in first line\"}", FromYaml("a: |2\n    \n  x\n"));
    }

    [TestMethod]
    public void TabInABlockScalarsLeadingLineIsWordedDifferently()
    {
        // go-yaml: "yaml: line 2: found a tab character where an indentation space is expected".
        Assert.AreEqual("{\"Error\":\"error converting YAML to JSON: yaml: line 2: found character that cannot start any token\"}", FromYaml("a: |\n\t\n  x\n"));
    }

    [TestMethod]
    public void UnboundedTplRecursionIsReportedWhereGoCrashes()
    {
        // Go overflows its goroutine stack and the process dies (exit 2); the engine stops at its nesting limit.
        var result = TestCharts.Render("{{ tpl .Values.loop . }}\n", null, ("values.yaml", "loop: \"{{ tpl .Values.loop . }}\"\n"));

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("WT4012", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void ValuesSchemaIsNotEnforcedWhileRendering()
    {
        // The engine has no JSON Schema implementation: without a RenderOptions.ValuesSchemaValidator it renders where
        // Helm fails with "values don't meet the specifications of the schema(s)". `welltrack template` and
        // validation give it the core's (ValuesSchemaHookTests, TemplateCommandTests).
        var result = TestCharts.Render("count: {{ .Values.count }}\n", null,
            ("values.yaml", "count: text\n"),
            ("values.schema.json", "{\"type\": \"object\", \"properties\": {\"count\": {\"type\": \"integer\"}}}"));

        Assert.IsTrue(result.Succeeded, result.Error);
        StringAssert.Contains(result.ToHelmOutput(), "count: text");
    }

    [TestMethod]
    public void CuttingAMultiByteCharacterYieldsAReplacementCharacter()
    {
        // Go keeps the raw byte 0xC3; strings here are Unicode text.
        Assert.AreEqual("\uFFFD", TestCharts.RenderText("trunc 1 \"é\""));
    }
}
