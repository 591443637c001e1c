using WellTrack.Templating.Parsing;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Which values each action of a chart's templates reads, found on the parse tree.</summary>
[TestClass]
public sealed class TemplateValuesReadsTests
{
    [TestMethod]
    [DataRow("{{ .Values.db.password }}", "db.password")]
    [DataRow("{{ $.Values.db.password | b64enc }}", "db.password")]
    [DataRow("{{ default \"x\" .Values.a }}", "a")]
    [DataRow("{{ index .Values \"a\" }}", "")]
    [DataRow("{{ (.Values.db).user }}", "db.user")]
    [DataRow("{{ .Release.Name }}", null)]
    public void FieldsVariablesAndChainsOnTheRootContext(string template, string? read)
        => CollectionAssert.AreEqual(read is null ? Array.Empty<string>() : new[] { read }, Reads(("t.yaml", template)).Single().ToArray());

    [TestMethod]
    public void WithAndRangeMoveTheDot()
    {
        var actions = Reads(("t.yaml", "{{ with .Values.db }}{{ .user }}{{ toYaml . }}{{ end }}{{ range $k, $v := .Values.env }}{{ $k }}{{ $v.value }}{{ end }}"));

        // with, .user, toYaml ., end, range, $k, $v.value, end
        CollectionAssert.AreEqual(new[] { "db", "db.user", "db", "-", "env", "-", "env.value", "-" }, actions.Select(a => a.Count == 0 ? "-" : string.Join(",", a)).ToArray());
    }

    [TestMethod]
    public void AVariableCarriesItsValuesPath()
    {
        var actions = Reads(("t.yaml", "{{ $db := .Values.db }}{{ $db.password }}"));

        Assert.AreEqual("db.password", actions[1].Single());
    }

    [TestMethod]
    public void HelpersFromOtherTemplatesAreFollowedWithTheDotPassed()
    {
        var reads = TemplateValuesReads.Analyze(new Dictionary<string, string>
        {
            ["_helpers.tpl"] = "{{ define \"pw\" }}{{ .password }}{{ end }}{{ define \"root\" }}{{ .Values.token }}{{ include \"pw\" .Values.db }}{{ end }}",
            ["secret.yaml"] = "{{ include \"root\" . }}\n{{ template \"pw\" .Values.cache }}",
        });

        var actions = reads.ActionsOf("secret.yaml")!;
        CollectionAssert.AreEquivalent(new[] { "token", "db.password" }, actions[0].ValuesPaths.ToArray());
        CollectionAssert.AreEquivalent(new[] { "cache.password" }, actions[1].ValuesPaths.ToArray());
    }

    [TestMethod]
    public void ATemplateWhoseReadsAreNotWantedStillLendsItsHelpers()
    {
        var reads = TemplateValuesReads.Analyze(
            new Dictionary<string, string>
            {
                ["_helpers.tpl"] = "{{ .Values.top }}{{ define \"pw\" }}{{ .Values.password }}{{ end }}",
                ["secret.yaml"] = "{{ include \"pw\" . }}",
            },
            readsWanted: name => name == "secret.yaml");

        Assert.IsTrue(reads.ActionsOf("_helpers.tpl")!.All(a => a.ValuesPaths.Count == 0));
        Assert.HasCount(4, reads.ActionsOf("_helpers.tpl")!);
        Assert.AreEqual("password", reads.ActionsOf("secret.yaml")!.Single().ValuesPaths.Single());
    }

    [TestMethod]
    public void ARecursiveHelperEnds()
    {
        var actions = Reads(("t.yaml", "{{ define \"loop\" }}{{ .Values.a }}{{ include \"loop\" . }}{{ end }}{{ include \"loop\" . }}"));

        Assert.AreEqual("a", actions[^1].Single());
    }

    [TestMethod]
    public void SpansCoverMultiLineActionsAndComments()
    {
        const string text = "a: {{\n  .Values.x }}\n{{/* note */}}\nb: 1\n";
        var actions = TemplateValuesReads.Analyze(new Dictionary<string, string> { ["t.yaml"] = text }).ActionsOf("t.yaml")!;

        Assert.HasCount(2, actions);
        Assert.AreEqual("{{\n  .Values.x }}", text[actions[0].Start..actions[0].End]);
        Assert.AreEqual("x", actions[0].ValuesPaths.Single());
        Assert.IsTrue(actions[1].IsComment);
        Assert.AreEqual("{{/* note */}}", text[actions[1].Start..actions[1].End]);
    }

    [TestMethod]
    [DataRow("a {{- .Values.x -}} b {{- /* c */ -}} d", new[] { "{{- .Values.x -}}", "{{- /* c */ -}}" })]
    [DataRow("{{ printf \"}}\" .Values.x }}{{/* a }} b */}}", new[] { "{{ printf \"}}\" .Values.x }}", "{{/* a }} b */}}" })]
    [DataRow("{{ define \"h\" }}\n{{- .Values.a }}\n{{ end }}x: {{ `{{` }}", new[] { "{{ define \"h\" }}", "{{- .Values.a }}", "{{ end }}", "{{ `{{` }}" })]
    public void TheParseFindsTheActionsWhereLexingAloneFindsThem(string text, string[] expected)
    {
        // The parse records the extents as it lexes; without following values only the lexer runs. Both must agree,
        // trim markers, comments, strings and raw strings holding braces included.
        var templates = new Dictionary<string, string> { ["t.yaml"] = text };
        var parsed = TemplateValuesReads.Analyze(templates).ActionsOf("t.yaml")!;
        var lexed = TemplateValuesReads.Analyze(templates, followValues: false).ActionsOf("t.yaml")!;

        CollectionAssert.AreEqual(expected, parsed.Select(a => text[a.Start..a.End]).ToArray());
        CollectionAssert.AreEqual(parsed.Select(a => (a.Start, a.End, a.IsComment)).ToArray(), lexed.Select(a => (a.Start, a.End, a.IsComment)).ToArray());
    }

    [TestMethod]
    public void AfterALexicalErrorEveryLaterActionIsTakenForAComment()
    {
        const string text = "{{ .Values.a }}\n{{ \"unterminated }}\nx: {{ .b }}\n";
        var actions = TemplateValuesReads.Analyze(new Dictionary<string, string> { ["t.yaml"] = text }, followValues: false).ActionsOf("t.yaml")!;

        Assert.HasCount(2, actions);
        Assert.AreEqual("{{ .Values.a }}", text[actions[0].Start..actions[0].End]);
        Assert.IsTrue(actions[1].IsComment);
        Assert.AreEqual("{{ .b }}\n", text[actions[1].Start..actions[1].End]);
    }

    [TestMethod]
    public void ATemplateThatDoesNotParseHasNoActions()
        => Assert.IsNull(TemplateValuesReads.Analyze(new Dictionary<string, string> { ["t.yaml"] = "{{ if }}" }).ActionsOf("t.yaml"));

    private static List<IReadOnlyList<string>> Reads(params (string Name, string Text)[] templates)
    {
        var reads = TemplateValuesReads.Analyze(templates.ToDictionary(t => t.Name, t => t.Text));
        return reads.ActionsOf(templates[0].Name)!.Select(a => a.ValuesPaths).ToList();
    }
}
