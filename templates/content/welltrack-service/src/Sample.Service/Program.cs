// Sample.Service: an ASP.NET Core minimal API shaped for its Helm chart (charts/sample-service).
//   GET /healthz  liveness: the process is up (no checks run)   -> 200 {"status":"Healthy"}
//   GET /readyz   readiness: every check tagged "ready"         -> 200, or 503 once shutdown has begun
//   GET /         service name, version and commit
// The app is built in ServiceApp, so that the tests start exactly what production starts.
using Sample.Service;

var app = ServiceApp.Build(args);
app.Run();
