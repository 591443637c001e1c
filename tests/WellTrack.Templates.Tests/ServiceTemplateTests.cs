using System.Text.Json;

namespace WellTrack.Templates.Tests;

/// <summary>
/// dotnet new welltrack-service with many parameter combinations; each generated solution must build and pass its
/// own tests on the packed WellTrack.Sdk, and its chart must validate (--strict) and scan with no finding.
/// </summary>
[TestClass]
public sealed class ServiceTemplateTests
{
    public TestContext TestContext { get; set; } = null!;

    // name, expected chart (kebab-case), expected host, expected image (registry/namespace/chart), port, options
    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    [DataRow("Payments.Api", "payments-api", "payments-api.welltrack.local", "ghcr.io/hongda-zhu/payments-api", 8080, "")]
    [DataRow("PaymentsApi", "payments-api", "api.payments.example.com", "ghcr.io/hongda-zhu/payments-api", 3002, "--port 3002 --host api.payments.example.com")]
    [DataRow("Billing", "billing", "billing.welltrack.local", "ghcr.io/hongda-zhu/billing", 8080, "--ci none")]
    [DataRow("Ledger.Worker", "ledger-worker", "ledger-worker.welltrack.local", "ghcr.io/hongda-zhu/ledger-worker", 8080, "--no-chart")]
    [DataRow("Notifications.Api", "notifications-api", "notifications-api.welltrack.local", "harbor.example.com/welltrack/notifications-api", 8080, "--registry harbor.example.com/welltrack --gitops-repo https://github.com/example/gitops.git")]
    [DataRow("Audit", "audit", "audit.internal.example", "127.0.0.1:5000/audit", 5005, "--framework net10.0 --port 5005 --ci none --no-chart --registry 127.0.0.1:5000 --host audit.internal.example")]
    [DataRow("WellTrack.Reports", "well-track-reports", "well-track-reports.welltrack.local", "ghcr.io/hongda-zhu/well-track-reports", 8080, "restore")]
    public async Task GeneratedServiceBuildsTestsAndHasACleanChart(string name, string chart, string host, string image, int port, string options)
    {
        var restore = options == "restore";
        string[] arguments = restore ? [] : options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var service = await GeneratedTemplate.CreateAsync("welltrack-service", name, arguments, restore: restore);
        var withChart = !arguments.Contains("--no-chart");
        var withCi = !arguments.Contains("none");

        // What was generated, and under which names.
        service.AssertNoPlaceholderLeft();
        var project = $"src/{name}/{name}.csproj";
        Assert.IsTrue(service.Exists(project), project);
        Assert.IsTrue(service.Exists($"tests/{name}.Tests/{name}.Tests.csproj"));
        Assert.IsTrue(service.Exists($"{name}.slnx"));
        Assert.AreEqual(withChart, service.Exists($"charts/{chart}/Chart.yaml"), "chart presence");
        Assert.AreEqual(withChart, service.Exists("welltrack.yaml"), "validation settings come with the chart");
        Assert.AreEqual(withCi, service.Exists($".github/workflows/{chart}.yml"), "workflow presence");
        Assert.IsFalse(service.Exists(".template.config"));

        var csproj = service.Read(project);
        StringAssert.Contains(csproj, "<Project Sdk=\"WellTrack.Sdk\">");
        var registryHost = image[..image.IndexOf('/')];
        StringAssert.Contains(csproj, $"<ContainerRegistry>{registryHost}</ContainerRegistry>");
        StringAssert.Contains(csproj, $"<ContainerRepository>{image[(registryHost.Length + 1)..]}</ContainerRepository>");
        StringAssert.Contains(csproj, $"<GitOpsChart>{chart}</GitOpsChart>");
        StringAssert.Contains(csproj, $"<ContainerPort Include=\"{port}\" Type=\"tcp\" />");
        var gitopsRepo = arguments.SkipWhile(a => a != "--gitops-repo").Skip(1).FirstOrDefault() ?? "git@github.com:hongda-zhu/PTI-WellTrackGitOps.git";
        StringAssert.Contains(csproj, $"<GitOpsRepository>{gitopsRepo}</GitOpsRepository>");

        using (var global = JsonDocument.Parse(service.Read("global.json")))
        {
            Assert.AreEqual(TemplatePackage.SdkVersion, global.RootElement.GetProperty("msbuild-sdks").GetProperty("WellTrack.Sdk").GetString());
        }

        if (withChart)
        {
            var values = service.Read($"charts/{chart}/values.yaml");
            StringAssert.Contains(values, $"  repository: {image}\n");
            StringAssert.Contains(values, $"  port: {port}\n");
            StringAssert.Contains(values, $"    - host: {host}\n");
            StringAssert.Contains(service.Read($"charts/{chart}/Chart.yaml"), $"name: {chart}\n");
        }

        if (withCi)
        {
            var workflow = service.Read($".github/workflows/{chart}.yml");
            StringAssert.Contains(workflow, "run: dotnet test -c Release");
            StringAssert.Contains(workflow, $"run: dotnet publish src/{name}/{name}.csproj -c Release -p:GitOpsBump=true");
            StringAssert.Contains(workflow, $"docker login {registryHost} ");
            StringAssert.Contains(workflow, "${{ secrets.GITOPS_DEPLOY_KEY }}");
            Assert.IsFalse(workflow.Contains("-----BEGIN", StringComparison.Ordinal), "no key material in the workflow");
        }

        if (restore)
        {
            StringAssert.Contains(service.Result.Output, "Restore succeeded", "the restore post action ran");
        }

        // What a developer runs first, then CI.
        await service.DotnetSucceedsAsync("build", "-nologo");
        var test = await service.DotnetSucceedsAsync("test", "--no-build");
        StringAssert.Contains(test.Output, "succeeded: 4", "the generated endpoint tests ran");

        if (withChart)
        {
            await WelltrackCli.AssertChartIsCleanAsync(service.FullPath($"charts/{chart}"));
        }
    }

    [TestMethod]
    public async Task HelpDocumentsEveryOption()
    {
        var help = await WellTrack.Testing.DotnetCli.RunAsync(TemplatePackage.Scratch, ["new", "welltrack-service", "--help", "--debug:custom-hive", TemplatePackage.Hive]);

        Assert.AreEqual(0, help.ExitCode, help.Output + help.Error);
        foreach (var option in new[] { "--port", "--host", "--registry", "--gitops-repo", "--ci", "--no-chart", "--framework", "--sdk-version", "--feed", "--no-restore" })
        {
            StringAssert.Contains(help.Output, option);
        }

        StringAssert.Contains(help.Output, $"Default: {TemplatePackage.SdkVersion}", "sdk-version defaults to the package's own version");
        StringAssert.Contains(help.Output, "Default: 8080");
        StringAssert.Contains(help.Output, "Default: ghcr.io/hongda-zhu");
    }

    [TestMethod]
    public async Task WithoutOptionsGlobalJsonPinsThePackagesOwnSdkVersion()
    {
        using var service = await GeneratedTemplate.CreateAsync("welltrack-service", "Payments.Api", [], pinTestSdk: false);

        StringAssert.Contains(service.Read("global.json"), $"\"WellTrack.Sdk\": \"{TemplatePackage.SdkVersion}\"");
        Assert.IsFalse(service.Exists("NuGet.config"), "no feed given, no NuGet.config");
    }
}
