using WellTrack.Core.Validation;

namespace WellTrack.Core.Tests.Validation;

/// <summary>Gateway API objects written for the demo chart's release (Service "demo", port 80 named http), in the
/// shape the API accepts, for the cross-object rules WT3213-WT3215.</summary>
internal static class GatewayApiFixtures
{
    /// <summary>An HTTPRoute attached to a shared Gateway, one rule to <paramref name="service"/>:<paramref name="port"/>
    /// (an empty port leaves the field out).</summary>
    public static string Route(string service, string port, string kind = "HTTPRoute", string apiVersion = "gateway.networking.k8s.io/v1") => $"""
        apiVersion: {apiVersion}
        kind: {kind}
        metadata:
          name: demo
        spec:
          parentRefs:
            - name: shared-gateway
              namespace: gateway-system
              sectionName: https
          hostnames:
            - demo.example.com
          rules:
            - backendRefs:
                - name: {service}
        {(port.Length == 0 ? string.Empty : $"          port: {port}\n")}
        """;

    /// <summary>A Gateway with one HTTPS listener terminating TLS with <paramref name="secret"/>; a null hostname leaves
    /// the field out; <paramref name="annotations"/> is a flow mapping.</summary>
    public static string Gateway(string annotations, string? hostname, string secret, string kind = "Gateway") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: {kind}
        metadata:
          name: demo
          annotations: {annotations}
        spec:
        {(kind == "Gateway" ? "  gatewayClassName: shared\n" : "  parentRef:\n    name: shared-gateway\n    namespace: gateway-system\n")}  listeners:
            - name: https
        {(hostname is null ? string.Empty : $"      hostname: {hostname}\n")}      port: 443
              protocol: HTTPS
              tls:
                mode: Terminate
                certificateRefs:
                  - kind: Secret
                    name: {secret}

        """;
}
