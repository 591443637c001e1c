using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sample.Service;

/// <summary>Builds the service: configuration, structured logging, health checks, graceful shutdown, endpoints.</summary>
public static class ServiceApp
{
    public const string ServiceName = "sample-service";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Port: ASPNETCORE_HTTP_PORTS, which the container image and the chart's ConfigMap set from service.port
        // (8080). --urls (tests) or ASPNETCORE_URLS win over it.

        // Structured logging: one JSON object per line on stdout (appsettings.json, Logging:Console), which the
        // cluster's log collector parses; scopes carry the request and trace ids.

        // Graceful shutdown: SIGTERM fails readiness, then in-flight requests get this long to finish. Keep
        // preStopSleepSeconds + ShutdownTimeoutSeconds below the pod's terminationGracePeriodSeconds (5 + 20 < 30).
        builder.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 20)));

        builder.Services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: ["ready"]);

        var app = builder.Build();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteStatusAsync });

        var informationalVersion = typeof(ServiceApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var info = new ServiceInfo(
            Service: app.Configuration["SERVICE_NAME"] ?? ServiceName,
            Version: informationalVersion.Split('+')[0],
            Commit: informationalVersion.Split('+') is [_, var sha, ..] ? sha : "unknown",
            Environment: app.Environment.EnvironmentName);
        app.MapGet("/", () => info);

        app.Lifetime.ApplicationStopping.Register(() => app.Logger.LogInformation("Stopping: readiness now fails, draining in-flight requests"));
        return app;
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"status":"{{report.Status}}"}""");
    }
}

/// <summary>What GET / answers.</summary>
public sealed record ServiceInfo(string Service, string Version, string Commit, string Environment);

/// <summary>Unhealthy from the moment the host starts stopping, so that readiness fails while requests drain.</summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down")
            : HealthCheckResult.Healthy());
}
