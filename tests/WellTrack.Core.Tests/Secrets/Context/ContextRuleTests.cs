using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>The context rules on single files: entropy per alphabet, weak credentials, commands and headers, connection strings, positions.</summary>
[TestClass]
public sealed class ContextRuleTests
{
    private static readonly ContextFakes Fakes = new(new Random(16));

    private static List<(string Code, int Line, int Column)> Scan(string path, string text)
        => SecretScanner.ScanText(path, text).Select(f => (f.Code, f.Diagnostic.Line, f.Diagnostic.Column)).ToList();

    [TestMethod]
    public void ARandomValueUnderANeutralKeyIsAWarning()
    {
        var finding = SecretScanner.ScanText("config.env", $"APP=api\nSESSION_SALT={Fakes.Base64(40)}\n").Single();
        Assert.AreEqual(("WT5031", 2, 14), (finding.Code, finding.Diagnostic.Line, finding.Diagnostic.Column));
        Assert.AreEqual(DiagnosticSeverity.Warning, finding.Diagnostic.Severity);
        StringAssert.Contains(finding.Diagnostic.Message, "base64, 40 characters");
    }

    [TestMethod]
    public void IdentifiersHashesAndEncodedTextAreNotRandomSecrets()
    {
        var text = $"COMMIT={Fakes.Hex(40)}\nID={Fakes.Uuid()}\nDIGEST=sha256:{Fakes.Hex(64)}\nBANNER={ContextFakes.Base64Of("Hello from the WellTrack team")}\n"
                   + $"MODE=ProxyHttp2ConfigurationV2\nSHORT={Fakes.Password(12)}\nLOWER={Fakes.Lowercase(32)}\n";
        Assert.IsEmpty(Scan("build.env", text));
    }

    [TestMethod]
    public void HexNeedsThirtyTwoCharactersAndAGitShaIsNeverOne()
    {
        Assert.AreEqual("WT5031", Scan("a.env", $"SEED={Fakes.Hex(64)}\n").Single().Code);
        Assert.IsEmpty(Scan("a.env", $"SEED={Fakes.Hex(24)}\n"));
        Assert.IsEmpty(Scan("a.env", $"BUILD={Fakes.Hex(40)}\n"));
    }

    [TestMethod]
    public void WeakAndDefaultCredentialsAreWarningsNotPlaceholders()
    {
        Assert.AreEqual(("WT5033", 2, 19), Scan("values.yaml", "auth:\n  nextauthSecret: muysecreto\n").Single());
        Assert.AreEqual(("WT5033", 1, 11), Scan("values.yaml", "password: admin\n").Single());
        var url = SecretScanner.ScanText("values.yaml", "url: https://admin:password@grafana:3000/\n").Single();
        Assert.AreEqual(("WT5033", DiagnosticSeverity.Warning), (url.Code, url.Diagnostic.Severity));
        Assert.IsEmpty(Scan("values.yaml", "password: changeme\nsecret: REPLACE_ME\ntoken: xxxxxxxx\napiKey: <api-key>\nclientSecret: \"{{ .Values.s }}\"\n"));
    }

    [TestMethod]
    public void PlaceholdersAreReportedWhenPlaceholdersAreNotAllowed()
        => Assert.IsNotEmpty(SecretScanner.ScanText("values.yaml", "database:\n  password: changeme-now\n", allowPlaceholders: false));

    [TestMethod]
    public void CommandsAndHeadersCarryCredentials()
    {
        var pw = Fakes.Password();
        Assert.AreEqual(("WT5032", 1, 16), Scan("a.sh", $"curl -u deploy:{pw} https://x.example.org\n").Single());
        Assert.AreEqual(("WT5032", 1, 23), Scan("a.sh", $"mysql -h db -u root -p{pw} app\n").Single());
        Assert.AreEqual(("WT5032", 1, 12), Scan("a.sh", $"PGPASSWORD={pw} psql -h db\n").Single());
        Assert.AreEqual("WT5032", Scan("a.sh", $"curl -H 'Authorization: Bearer {Fakes.Password(40)}' https://x\n").Single().Code);
        Assert.AreEqual("WT5032", Scan("a.sh", $"curl -H 'Authorization: Basic {ContextFakes.Base64Of("ci:" + pw)}' https://x\n").Single().Code);
        Assert.IsEmpty(Scan("a.sh", "curl -u \"$U:$P\" https://x\nmysql -p\"$MYSQL_PASSWORD\"\nPGPASSWORD=$(cat /run/secrets/pg) psql\napp --password-file /run/p\ndocker run -u 1000:1000 x\n"));
    }

    [TestMethod]
    public void ArgumentListsGiveTheCredentialAsTheNextItem()
    {
        var pw = Fakes.Password();
        var text = $"spec:\n  containers:\n    - name: m\n      args:\n        - --user\n        - app\n        - --password\n        - {pw}\n      command: [\"mysql\", \"-uroot\", \"-p{pw}\"]\n";
        var findings = Scan("job.yaml", text);
        CollectionAssert.AreEquivalent(new[] { ("WT5032", 8, 11), ("WT5032", 9, 39) }, findings);
    }

    [TestMethod]
    public void AProbeHeaderValueAloneIsAHeaderCredential()
    {
        var text = $"httpHeaders:\n  - name: Authorization\n    value: Bearer {Fakes.Password(32)}\n";
        Assert.AreEqual(("WT5032", 3, 19), Scan("deployment.yaml", text).Single());
    }

    [TestMethod]
    [DataRow("jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={0}")]
    [DataRow("jdbc:mysql://db/app?user=app&password={0}&useSSL=true")]
    [DataRow("jdbc:postgresql://app:{0}@db:5432/app")]
    [DataRow("Server=db;Database=app;User Id=app;Password={0};")]
    [DataRow("mongodb+srv://app:{0}@cluster0.example.net/app")]
    [DataRow("rediss://default:{0}@cache:6380/0")]
    [DataRow("amqps://app:{0}@mq:5671/")]
    [DataRow("sqlserver://sa:{0}@db:1433")]
    public void ConnectionStringsOfEverySchemeCarryTheirPassword(string format)
    {
        var pw = Fakes.Password();
        var finding = SecretScanner.ScanText("values.yaml", "db: \"" + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, pw) + "\"\n").Single();
        Assert.AreEqual("WT5027", finding.Code);
        Assert.AreEqual("db: \"".Length + 1 + format.IndexOf("{0}", StringComparison.Ordinal), finding.Diagnostic.Column);
    }

    [TestMethod]
    public void AValueInABlockScalarIsReportedOnItsOwnLine()
    {
        var token = Fakes.Password(24);
        // The same credential in a comment above the block and twice inside it: each finding points at its own line.
        var text = $"# old: curl -u ci:{token} was here\ndata:\n  run.sh: |\n    #!/bin/sh\n    echo start\n    curl -u ci:{token} https://a.example.org\n    curl -u ci:{token} https://b.example.org\n";
        var lines = Scan("configmap.yaml", text).Select(f => f.Line).Order().ToArray();
        CollectionAssert.AreEqual(new[] { 1, 6, 7 }, lines);
    }

    [TestMethod]
    public void EntriesOfAConfigurationFileInABlockScalarAreLocated()
    {
        var text = $"data:\n  application.properties: |\n    # datasource\n    spring.datasource.username=app\n    spring.datasource.password={Fakes.Password()}\n";
        Assert.AreEqual(("WT5004", 5, 32), Scan("configmap.yaml", text).Single());
    }

    [TestMethod]
    public void AWeakSecretFeedingASecretTemplateIsReportedOnItsLine()
    {
        using var temp = new TemporaryDirectory("welltrack-secrets-context-");
        Directory.CreateDirectory(temp.Combine("chart", "templates"));
        File.WriteAllText(temp.Combine("chart", "Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        File.WriteAllText(temp.Combine("chart", "templates", "secret.yaml"),
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web\nstringData:\n{{- range $k, $v := .Values.envSecrets }}\n  {{ $k }}: {{ $v | quote }}\n{{- end }}\n");
        File.WriteAllText(temp.Combine("chart", "values.yaml"), "# NEXTAUTH_SECRET: muysecreto was the old one\nenvSecrets:\n  NEXTAUTH_URL: https://web.example.org\n  NEXTAUTH_SECRET: muysecreto\n");
        var fed = SecretScanner.Scan(temp.Path, new SecretScanOptions { BaselinePath = string.Empty }).Findings.Where(f => f.Code == "WT5003").ToList();
        Assert.AreEqual((4, 20), (fed.Single().Diagnostic.Line, fed.Single().Diagnostic.Column));
    }
}
