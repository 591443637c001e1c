using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Sample.Service;

namespace Sample.Service.Tests;

/// <summary>
/// Starts the service exactly as Program.cs does (ServiceApp.Build) on 127.0.0.1 and a port the OS picks, and calls
/// it over HTTP, as the kubelet's probes and the ingress controller do.
/// </summary>
[TestClass]
public sealed class EndpointTests
{
    private static WebApplication? s_app;
    private static HttpClient? s_client;

    private static HttpClient Client => s_client ?? throw new InvalidOperationException("The service did not start.");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_app = ServiceApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"]);
        await s_app.StartAsync(context.CancellationToken);
        // Kestrel reports the port it bound in place of 0.
        s_client = new HttpClient { BaseAddress = new Uri(s_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(10) };
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        s_client?.Dispose();
        if (s_app is not null)
        {
            await s_app.StopAsync();
            await s_app.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task LivenessAnswersHealthy()
    {
        using var response = await Client.GetAsync("/healthz");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task ReadinessAnswersHealthyWhileRunning()
    {
        using var response = await Client.GetAsync("/readyz");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task RootNamesTheService()
    {
        var info = await Client.GetFromJsonAsync<ServiceInfo>("/");

        Assert.IsNotNull(info);
        Assert.AreEqual(ServiceApp.ServiceName, info.Service);
        Assert.AreEqual("Testing", info.Environment);
    }

    [TestMethod]
    public async Task ReadinessFailsOnceShutdownHasBegun()
    {
        var lifetime = new StoppingLifetime();
        var check = new ShutdownHealthCheck(lifetime);

        Assert.AreEqual(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        lifetime.Stop();
        Assert.AreEqual(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Stop() => _stopping.Cancel();
    }
}
