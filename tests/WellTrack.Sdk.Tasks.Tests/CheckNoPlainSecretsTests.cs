using System.IO.Compression;
using System.Text;
using WellTrack.Testing;

namespace WellTrack.Sdk.Tasks.Tests;

[TestClass]
public sealed class CheckNoPlainSecretsTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [TestMethod]
    public void FindingsAreCodedErrorsWithPositionAndNoSecret()
    {
        using var temp = new TemporaryDirectory();
        var secret = "GOCSPX-" + Body(28, 1);
        File.WriteAllText(temp.Combine("values.yaml"), $"google:\n  clientSecret: {secret}\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = temp.Path };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("WT5013", error.Code);
        Assert.AreEqual(temp.Combine("values.yaml"), error.File);
        Assert.AreEqual(2, error.LineNumber);
        Assert.AreEqual(17, error.ColumnNumber);
        StringAssert.Contains(error.Message, "GOCS…[redacted]");
        Assert.DoesNotContain(secret, engine.AllText);
        Assert.AreEqual(1, task.ErrorCount);
    }

    [TestMethod]
    public void CleanDirectorySucceedsAndNotesAreMessages()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), $"supabase:\n  anonKey: {Jwt("anon")}\n  existingSecret: db-credentials\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = temp.Path };

        Assert.IsTrue(task.Execute(), engine.AllText);

        Assert.AreEqual(0, engine.Errors.Count);
        Assert.AreEqual("WT5012", engine.Messages.Single(m => m.Code is not null).Code);
    }

    [TestMethod]
    public void BaselineAndReportsAreHonoured()
    {
        using var temp = new TemporaryDirectory();
        var repo = temp.CreateDirectory("repo");
        File.WriteAllText(Path.Combine(repo, "values.yaml"), $"a:\n  password: {Body(20, 2)}\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = repo, SarifOutput = temp.Combine("out", "secrets.sarif"), OutputFile = temp.Combine("out", "secrets.json"), Format = "json" };

        Assert.IsFalse(task.Execute());
        StringAssert.Contains(File.ReadAllText(temp.Combine("out", "secrets.sarif")), "\"version\": \"2.1.0\"");
        StringAssert.Contains(File.ReadAllText(temp.Combine("out", "secrets.json")), "\"code\": \"WT5004\"");

        var fingerprint = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.Combine("out", "secrets.json"))).RootElement.GetProperty("diagnostics")[0].GetProperty("fingerprint").GetString();
        File.WriteAllText(temp.Combine("baseline.json"), $"{{\"version\":1,\"findings\":[{{\"code\":\"WT5004\",\"file\":\"values.yaml\",\"fingerprint\":\"{fingerprint}\"}}]}}");
        var baselined = new CheckNoPlainSecrets { BuildEngine = new RecordingBuildEngine(), Directory = repo, Baseline = temp.Combine("baseline.json") };
        Assert.IsTrue(baselined.Execute());
    }

    [TestMethod]
    public void MissingDirectoryIsACodedError()
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = Path.Combine(Path.GetTempPath(), "welltrack-no-such-dir-" + Guid.NewGuid().ToString("N")) };

        Assert.IsFalse(task.Execute());
        Assert.AreEqual("WT5042", engine.Errors.Single().Code);
    }

    /// <summary>A real MSBuild run with a binary log: the log (every event and task parameter) holds no secret.</summary>
    [TestMethod]
    public async Task BinaryLogOfATaskRunCarriesNoSecret()
    {
        using var temp = new TemporaryDirectory();
        var gitops = temp.CreateDirectory("gitops", "charts", "web");
        var secrets = new[] { FakeCrc32Token.Make("ghp_", new Random(3)), "sk_live_" + Body(24, 4), Jwt("service_role"), "AIza" + Body(35, 5), Body(24, 6) };
        File.WriteAllText(Path.Combine(gitops, "values.yaml"), $"""
            env:
              GITHUB_TOKEN: {secrets[0]}
              STRIPE_KEY: {secrets[1]}
              SUPABASE_SERVICE_ROLE_KEY: {secrets[2]}
              MAPS_KEY: {secrets[3]}
              DB_PASSWORD: {secrets[4]}
            """);
        var assembly = typeof(CheckNoPlainSecrets).Assembly.Location;
        File.WriteAllText(temp.Combine("scan.proj"), $"""
            <Project>
              <UsingTask TaskName="WellTrack.Sdk.Tasks.CheckNoPlainSecrets" AssemblyFile="{assembly}" />
              <Target Name="Scan">
                <CheckNoPlainSecrets Directory="$(MSBuildThisFileDirectory)gitops" SarifOutput="$(MSBuildThisFileDirectory)secrets.sarif">
                  <Output TaskParameter="ErrorCount" PropertyName="SecretErrors" />
                </CheckNoPlainSecrets>
              </Target>
            </Project>
            """);

        var result = await DotnetCli.RunAsync(temp.Path, ["msbuild", "scan.proj", "-nologo", "-v:diag", "-bl:scan.binlog"]);

        Assert.AreNotEqual(0, result.ExitCode, "the build must fail on the findings");
        StringAssert.Contains(result.Output, "error WT5017");
        StringAssert.Contains(result.Output, "error WT5011");
        var binlog = Decompress(temp.Combine("scan.binlog"));
        Assert.IsTrue(Contains(binlog, "WT5020"), "the binary log should hold the findings' codes");
        foreach (var secret in secrets)
        {
            Assert.IsFalse(Contains(binlog, secret), "binary log carries a secret starting " + secret[..4]);
            Assert.DoesNotContain(secret, result.Output + result.Error);
            Assert.DoesNotContain(secret, File.ReadAllText(temp.Combine("secrets.sarif")));
        }
    }

    private static byte[] Decompress(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle)
        => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    private static string Body(int length, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var body = new string(Enumerable.Range(0, length).Select(_ => Alnum[random.Next(Alnum.Length)]).ToArray());
            if (body.Any(char.IsUpper) && body.Any(char.IsLower) && body.Any(char.IsDigit))
            {
                return body;
            }
        }
    }

    private static string Jwt(string role)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"HS256","typ":"JWT"}""")}.{Encode($$"""{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"{{role}}","iat":1700000000}""")}.{Body(43, role.Length)}";
    }
}
