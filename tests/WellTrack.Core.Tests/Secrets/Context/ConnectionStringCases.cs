using WellTrack.Core.Tests.Secrets.Breadth;

namespace WellTrack.Core.Tests.Secrets.Context;

/// <summary>Family "connection-strings": a password in a connection string of any scheme, in YAML, JSON, .env and properties.</summary>
internal sealed class ConnectionStringCases : ILabelledCaseSource
{
    private const string Family = "connection-strings";

    private static readonly string[] Schemes =
        ["postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "amqp", "amqps", "redis", "rediss", "mssql", "sqlserver", "jdbc:postgresql", "jdbc:mysql"];

    public IEnumerable<LabelledCase> Cases(Random random)
    {
        var f = new ContextFakes(random);
        foreach (var scheme in Schemes)
        {
            var url = $"{scheme}://{f.User()}:{f.Password()}@{f.Host()}:5432/app";
            yield return Flag("url-" + scheme, "values.yaml", $"database:\n  host: db\n  url: \"{url}\"\n", 3);
            yield return Flag("url-env-" + scheme, ".env", $"LOG_LEVEL=info\nDATABASE_URL={url}\n", 2);
            yield return Alike("url-no-password-" + scheme, "values.yaml", $"database:\n  url: {scheme}://{f.User()}@{f.Host()}:5432/app\n");
            yield return Alike("url-env-reference-" + scheme, "deployment.yaml",
                $"env:\n  - name: DATABASE_URL\n    value: {scheme}://app:$(DB_PASSWORD)@{f.Host()}/app\n");
        }

        for (var variant = 0; variant < 3; variant++)
        {
            var pw = f.Password();
            yield return Flag("jdbc-semicolon", "application.properties", $"spring.datasource.url=jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={pw}\n", 1);
            yield return Flag("jdbc-query", "values.yaml", $"jdbc:\n  url: jdbc:mysql://db:3306/app?user=app&password={pw}&useSSL=true\n", 2);
            yield return Flag("adonet", "appsettings.json", $"{{\n  \"ConnectionStrings\": {{\n    \"Default\": \"Server=db;Database=app;User Id=app;Password={pw};\"\n  }}\n}}\n", 3);
            yield return Flag("adonet-pwd", "appsettings.Production.json", $"{{\"ConnectionStrings\": {{\"Reports\": \"Host=db;Username=app;Pwd={pw}\"}}}}\n", 1);
            yield return Flag("toml-url", "config.toml", $"[database]\nurl = \"postgresql://app:{pw}@db:5432/app\"\n", 2);
            yield return Alike("jdbc-reference", "application.properties", "spring.datasource.url=jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${DB_PASSWORD}\n");
            yield return Alike("adonet-integrated", "appsettings.json", "{\"ConnectionStrings\": {\"Default\": \"Server=db;Database=app;Integrated Security=true;\"}}\n");
            yield return Alike("adonet-template", "configmap.yaml", "data:\n  conn: \"Host=db;Username=app;Password={{ .Values.db.password }}\"\n");
            yield return Alike("redis-no-auth", "values.yaml", $"cache:\n  url: redis://redis-master:6379/{variant}\n");
            yield return Alike("placeholder-password", "values.yaml", "database:\n  url: postgres://app:<password>@db:5432/app\n");
        }
    }

    private static LabelledCase Flag(string format, string file, string text, int line) => new(Family, format, file, text, MustFlag: true, line);

    private static LabelledCase Alike(string format, string file, string text) => new(Family, format, file, text, MustFlag: false);
}
