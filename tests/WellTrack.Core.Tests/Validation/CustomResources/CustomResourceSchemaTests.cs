using WellTrack.Core.Validation;

namespace WellTrack.Core.Tests.Validation.CustomResources;

/// <summary>
/// Objects of a kind a CustomResourceDefinition in the repository defines are checked against that definition's
/// openAPIV3Schema, keyword by keyword, at the position of the offending node; and nothing the API server accepts is
/// reported.
/// </summary>
[TestClass]
public sealed class CustomResourceSchemaTests
{
    private static readonly string[] SchemaCodes = ["WT3103", "WT3106", "WT3109", "WT3110", "WT3111", "WT3112"];

    public static IEnumerable<object[]> Violations()
    {
        yield return ["unknown field", "WT3109", Mutate("  colour: green", "  »colur: green"), "Did you mean 'colour'?"];
        yield return ["string where an integer is expected", "WT3110", Mutate("  size: 3", "  size: »\"3\""), "spec.size"];
        yield return ["required field missing", "WT3111", Mutate("  size: 3\n  colour: green", "  »colour: green"), "spec.size"];
        yield return ["nullable required field missing", "WT3111", Mutate("  owner: null\n", string.Empty).Replace("  size: 3", "  »size: 3", StringComparison.Ordinal), "spec.owner"];
        yield return ["value outside the enum", "WT3112", Mutate("  colour: green", "  colour: »purple"), "red, green, blue"];
        yield return ["int-or-string given a list", "WT3110", Mutate("  port: http", "  port: »[80]"), "spec.port"];
        yield return ["listed field under preserve-unknown-fields", "WT3110", Mutate("    level: 2", "    level: »high"), "spec.settings.level"];
        yield return ["null item of a non-nullable list", "WT3110", Mutate("  tags: [small, shiny]", "  tags: [small, »null]"), "spec.tags[1]"];
        yield return ["additionalProperties schema", "WT3110", Mutate("    team: gears", "    team: »7"), "spec.labels.team"];
        yield return ["additionalProperties beside properties", "WT3110", Mutate("    gears: 4", "    gears: »many"), "spec.limits.gears"];
        yield return ["additionalProperties: false", "WT3109", Mutate("    mode: fast", "    mode: fast\n    »turbo: true"), "spec.strict.turbo"];
        yield return ["unlisted field of an embedded resource", "WT3109", Mutate("      replicas: 1", "      replicas: 1\n    »bogus: 1"), "spec.template.bogus"];
        yield return ["embedded resource's metadata is ObjectMeta", "WT3110", Mutate("        part: template", "        part: »[template]"), "spec.template.metadata.labels.part"];
    }

    [TestMethod]
    [DynamicData(nameof(Violations))]
    public void AViolationIsReportedAtItsNode(string name, string code, string spec, string inMessage)
    {
        var marker = ValidationTestSupport.Marker(WidgetFixtures.Widget(spec))!.Value;
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", marker.Text, new Dictionary<string, string> { ["crds/widgets.yaml"] = WidgetFixtures.Definition });

        var findings = SchemaFindings(repository.Validate());

        Assert.HasCount(1, findings, $"{name}: {string.Join("\n", findings)}");
        var finding = findings[0];
        Assert.AreEqual(code, finding.Diagnostic.Code, name);
        Assert.AreEqual("charts/gears/" + CustomResourceRepository.Template, finding.Diagnostic.File, name);
        Assert.AreEqual((marker.Line, marker.Column), (finding.Diagnostic.Line, finding.Diagnostic.Column), $"{name}: {finding.Diagnostic}");
        Assert.Contains(inMessage, finding.Diagnostic.Message, name);
        Assert.AreEqual("Widget/sprocket", finding.ObjectReference, name);
    }

    public static IEnumerable<object[]> AcceptedSpecs()
    {
        yield return ["the valid Widget", WidgetFixtures.ValidSpec];
        yield return ["int-or-string given an integer", Mutate("  port: http", "  port: 8080")];
        yield return ["null in a non-nullable field of an object (pruned)", Mutate("  colour: green", "  colour: null")];
        yield return ["a whole object under preserve-unknown-fields", Mutate("    level: 2", "    level: 2\n    nested:\n      deeper: [{ any: thing }]")];
        yield return ["enum of a valid value", Mutate("  colour: green", "  colour: blue")];
    }

    [TestMethod]
    [DynamicData(nameof(AcceptedSpecs))]
    public void WhatTheApiServerAcceptsIsNotReported(string name, string spec)
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", WidgetFixtures.Widget(spec), new Dictionary<string, string> { ["crds/widgets.yaml"] = WidgetFixtures.Definition });

        var report = repository.Validate();

        Assert.IsEmpty(SchemaFindings(report), $"{name}: {string.Join("\n", report.Findings)}");
        Assert.IsEmpty(report.Findings.Where(f => f.Diagnostic.File?.EndsWith("crds/widgets.yaml", StringComparison.Ordinal) == true).ToList(),
            "the definition itself is valid: " + string.Join("\n", report.Findings));
    }

    [TestMethod]
    public void AVersionTheDefinitionListsAsNotServedIsRejected()
    {
        var marker = ValidationTestSupport.Marker(WidgetFixtures.Widget(apiVersion: "»widgets.example.com/v1beta1"))!.Value;
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", marker.Text, new Dictionary<string, string> { ["crds/widgets.yaml"] = WidgetFixtures.Definition });

        var findings = SchemaFindings(repository.Validate());

        Assert.HasCount(1, findings, string.Join("\n", findings));
        Assert.AreEqual("WT3103", findings[0].Diagnostic.Code);
        Assert.IsTrue(findings[0].Diagnostic.IsError);
        Assert.AreEqual((marker.Line, marker.Column), (findings[0].Diagnostic.Line, findings[0].Diagnostic.Column));
        Assert.Contains("v1beta1 with served: false", findings[0].Diagnostic.Message);
        Assert.Contains("charts/gears/crds/widgets.yaml", findings[0].Diagnostic.Message);
        Assert.Contains("served as widgets.example.com/v1", findings[0].Diagnostic.Message);
    }

    [TestMethod]
    public void AVersionTheDefinitionDoesNotListIsRejected()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", WidgetFixtures.Widget(apiVersion: "widgets.example.com/v2"), new Dictionary<string, string> { ["crds/widgets.yaml"] = WidgetFixtures.Definition });

        var findings = SchemaFindings(repository.Validate());

        Assert.HasCount(1, findings, string.Join("\n", findings));
        Assert.AreEqual("WT3103", findings[0].Diagnostic.Code);
        Assert.Contains("has no version v2", findings[0].Diagnostic.Message);
    }

    [TestMethod]
    public void WithoutItsDefinitionAWidgetIsOnlyNotChecked()
    {
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", WidgetFixtures.Widget(Mutate("  size: 3", "  size: \"3\"")));

        var findings = SchemaFindings(repository.Validate());

        Assert.AreEqual("WT3106", string.Join(",", findings.Select(f => f.Diagnostic.Code)), string.Join("\n", findings));
    }

    /// <summary>The cluster serves what the repository's definition says, not what the shipped table knows.</summary>
    [TestMethod]
    public void ARepositoryDefinitionTakesPrecedenceOverTheShippedTable()
    {
        const string definition = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: certificates.cert-manager.io
            spec:
              group: cert-manager.io
              scope: Namespaced
              names: { kind: Certificate, plural: certificates }
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            widgetMode: { type: string }

            """;
        const string certificates = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: only-in-the-repository
            spec:
              widgetMode: fast
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: only-in-the-table
            spec:
              secretName: web-tls

            """;
        using var repository = new CustomResourceRepository();
        repository.Chart("gears", certificates, new Dictionary<string, string> { ["crds/certificates.yaml"] = definition });
        using var withoutDefinition = new CustomResourceRepository();
        withoutDefinition.Chart("gears", certificates);

        var findings = SchemaFindings(repository.Validate());
        var tableFindings = SchemaFindings(withoutDefinition.Validate());

        Assert.AreEqual("Certificate/only-in-the-table WT3109", string.Join("\n", findings.Select(f => $"{f.ObjectReference} {f.Diagnostic.Code}")));
        Assert.Contains("spec.secretName", findings[0].Diagnostic.Message);
        Assert.IsTrue(tableFindings.Any(f => f.ObjectReference == "Certificate/only-in-the-repository" && f.Diagnostic.Code == "WT3109"),
            "the shipped table does not know widgetMode: " + string.Join("\n", tableFindings));
    }

    private static string Mutate(string from, string to)
    {
        Assert.Contains(from, WidgetFixtures.ValidSpec, "the fixture changed");
        return WidgetFixtures.ValidSpec.Replace(from, to, StringComparison.Ordinal);
    }

    internal static List<ValidationFinding> SchemaFindings(ValidationReport report)
        => report.Findings.Where(f => SchemaCodes.Contains(f.Diagnostic.Code)).ToList();
}
