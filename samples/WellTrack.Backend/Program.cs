// WellTrack backend sample: an ASP.NET Core minimal API shaped for the welltrack-backend chart.
//   /healthz  liveness: the process is up (no checks run)      -> 200 {"status":"Healthy"}
//   /readyz   readiness: every check tagged "ready"            -> 200, or 503 once shutdown has begun
//   /api/info service name, version and commit
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

// Port: PORT, else ASPNETCORE_HTTP_PORTS (the chart sets both from service.port; .NET container images default
// the latter to 8080), else 3001 from appsettings.json.
var port = builder.Configuration["PORT"] ?? builder.Configuration["ASPNETCORE_HTTP_PORTS"] ?? builder.Configuration["WellTrack:Port"];
builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, port);

// Graceful shutdown: SIGTERM fails readiness, then in-flight requests get this long to finish. Keep
// preStopSleepSeconds + ShutdownTimeoutSeconds below the pod's terminationGracePeriodSeconds (5 + 20 < 30).
builder.Services.Configure<HostOptions>(options =>
    options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 20)));

// Source-generated JSON, so the service also works trimmed or AOT-compiled.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

builder.Services.AddHealthChecks()
    .AddCheck<ShutdownHealthCheck>("shutdown", tags: ["ready"]);

var app = builder.Build();

app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatus });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteStatus });

var assembly = Assembly.GetEntryAssembly()!;
var informationalVersion = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
var info = new ServiceInfo(
    Service: app.Configuration["SERVICE_NAME"] ?? "welltrack-backend",
    Version: app.Configuration["APP_VERSION"] ?? informationalVersion.Split('+')[0],
    Commit: app.Configuration["GIT_COMMIT"] ?? (informationalVersion.Split('+') is [_, var sha, ..] ? sha : "unknown"),
    Environment: app.Environment.EnvironmentName);

app.MapGet("/api/info", () => info);

app.Run();

static Task WriteStatus(HttpContext context, HealthReport report)
{
    context.Response.ContentType = "application/json";
    return context.Response.WriteAsync($$"""{"status":"{{report.Status}}"}""");
}

internal sealed record ServiceInfo(string Service, string Version, string Commit, string Environment);

[JsonSerializable(typeof(ServiceInfo))]
internal sealed partial class AppJsonContext : JsonSerializerContext;

/// <summary>Unhealthy from the moment the host starts stopping, so that readiness fails while requests drain.</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down")
            : HealthCheckResult.Healthy());
}
