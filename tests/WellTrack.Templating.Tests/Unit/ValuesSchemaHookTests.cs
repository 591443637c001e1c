using System.Text;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// The check Helm makes before rendering (chartutil.ValidateAgainstSchema): the chart's values against its
/// values.schema.json, then each enabled subchart's section of them (under its alias, with globals) against the
/// subchart's; the engine calls the validator it is given and stops with Helm's wording when one complains.
/// </summary>
[TestClass]
public sealed class ValuesSchemaHookTests
{
    private const string Schema = "{\"type\": \"object\"}";

    private static Dictionary<string, byte[]> Files() => new(StringComparer.Ordinal)
    {
        ["Chart.yaml"] = Bytes("apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 0.1.0\n    alias: primary\n  - name: cache\n    version: 0.1.0\n    condition: cache.enabled\n"),
        ["values.yaml"] = Bytes("global:\n  region: eu\nprimary:\n  size: 3\ncache:\n  enabled: false\n"),
        ["values.schema.json"] = Bytes(Schema),
        ["templates/t.yaml"] = Bytes("a: 1\n"),
        ["charts/db/Chart.yaml"] = Bytes("apiVersion: v2\nname: db\nversion: 0.1.0\n"),
        ["charts/db/values.yaml"] = Bytes("size: 1\nengine: pg\n"),
        ["charts/db/values.schema.json"] = Bytes(Schema),
        ["charts/cache/Chart.yaml"] = Bytes("apiVersion: v2\nname: cache\nversion: 0.1.0\n"),
        ["charts/cache/values.schema.json"] = Bytes(Schema),
    };

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [TestMethod]
    public void EachEnabledChartIsCheckedOnItsSectionOfTheValues()
    {
        var calls = new List<(string Path, IReadOnlyDictionary<string, object?> Values)>();
        var result = ChartRenderer.RenderFiles("app", Files(), new RenderOptions
        {
            ValuesSchemaValidator = (path, schema, values) =>
            {
                Assert.AreEqual(Schema, schema);
                calls.Add((path, values));
                return [];
            },
        });

        Assert.IsTrue(result.Succeeded, result.Error);
        CollectionAssert.AreEqual(new[] { "app", "app/charts/primary" }, calls.Select(c => c.Path).ToArray(), "the disabled cache is not checked");
        var primary = calls[1].Values;
        Assert.AreEqual(3.0, Convert.ToDouble(primary["size"], System.Globalization.CultureInfo.InvariantCulture), "the parent's value wins");
        Assert.AreEqual("pg", primary["engine"]);
        Assert.AreEqual("eu", ((IReadOnlyDictionary<string, object?>)primary["global"]!)["region"]);
    }

    [TestMethod]
    public void AComplaintStopsTheRenderWithHelmsWording()
    {
        var result = ChartRenderer.RenderFiles("app", Files(), new RenderOptions
        {
            ValuesSchemaValidator = (path, _, _) => path.EndsWith("primary", StringComparison.Ordinal) ? ["size: Invalid type. Expected: string, given: integer"] : [],
        });

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("values don't meet the specifications of the schema(s) in the following chart(s):\nprimary:\n- size: Invalid type. Expected: string, given: integer\n", result.Error);
        var diagnostic = result.Diagnostics.Single();
        Assert.AreEqual("WT4014", diagnostic.Code);
        Assert.AreEqual("app/charts/db/values.schema.json", diagnostic.File);
    }

    [TestMethod]
    public void WithoutAValidatorSchemasAreNotChecked()
    {
        var files = Files();
        files["charts/db/values.schema.json"] = Bytes("{\"type\": \"object\", \"properties\": {\"size\": {\"type\": \"string\"}}}");
        Assert.IsTrue(ChartRenderer.RenderFiles("app", files, new RenderOptions()).Succeeded);
    }
}
