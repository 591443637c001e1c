using WellTrack.Core.Secrets.Formats;

namespace WellTrack.Core.Tests.Secrets.Context;

[TestClass]
public sealed class FormatParserTests
{
    private static List<ConfigEntry> Parse(ConfigFormat format, string text) => ConfigFormats.Entries(format, text).ToList();

    private static string At(string text, ConfigEntry entry) => text.Substring(entry.ValueOffset, entry.Value.Length);

    [TestMethod]
    public void EnvReadsExportQuotesAndComments()
    {
        const string text = "# comment\nexport A=\"quoted value\"\nB='single'  # note\nC=bare value # trailing\nD=\n";
        var entries = Parse(ConfigFormat.Env, text);
        CollectionAssert.AreEqual(new[] { "A", "B", "C", "D" }, entries.Select(e => e.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "quoted value", "single", "bare value", string.Empty }, entries.Select(e => e.Value).ToArray());
        Assert.AreEqual("quoted value", At(text, entries[0]), "the offset is inside the quotes");
    }

    [TestMethod]
    public void ShellEndsAnUnquotedValueAtWhiteSpace()
    {
        const string text = "#!/bin/sh\nlocal token=abc123 other\nPGPASSWORD=s3cret psql -h db\ndeclare -r NAME=\"x y\"\necho A=B\n";
        var entries = Parse(ConfigFormat.Shell, text);
        CollectionAssert.AreEqual(new[] { "token", "PGPASSWORD", "NAME" }, entries.Select(e => e.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "abc123", "s3cret", "x y" }, entries.Select(e => e.Value).ToArray());
    }

    [TestMethod]
    public void IniKeepsSectionsAndNamesPathKeysByTheirLastPart()
    {
        const string text = "; comment\n[database]\nuser = app\npassword = p4ss ; trailing\n[client]\n//registry.npmjs.org/:_authToken=abc\nkey: value\n";
        var entries = Parse(ConfigFormat.Ini, text);
        CollectionAssert.AreEqual(new[] { "database.user", "database.password", "client._authToken", "client.key" }, entries.Select(e => e.Path).ToArray());
        Assert.AreEqual("p4ss", entries[1].Value);
        Assert.AreEqual("_authToken", entries[2].Key);
    }

    [TestMethod]
    public void PropertiesReadsSeparatorsEscapesAndContinuations()
    {
        const string text = "! comment\na.b=one\nc.d: two\ne.f three\ng=\\u0041BC\nlong=first \\\n   second\nafter=x\n";
        var entries = Parse(ConfigFormat.Properties, text);
        CollectionAssert.AreEqual(new[] { "a.b", "c.d", "e.f", "g", "long", "after" }, entries.Select(e => e.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "one", "two", "three", "ABC", "first", "x" }, entries.Select(e => e.Value).ToArray());
    }

    [TestMethod]
    public void TomlReadsTablesStringsAndInlineTables()
    {
        const string text = "title = \"x\"\n[database]\n\"user\" = 'app'\npassword = \"p\\\"q\"\nport = 5432\nsrv = { host = \"db\", password = \"inline\" }\n[[hooks]]\nnote = \"\"\"\nmany\n\"\"\"\nafter = \"y\"\n";
        var entries = Parse(ConfigFormat.Toml, text);
        CollectionAssert.AreEqual(
            new[] { "title", "database.user", "database.password", "database.srv.host", "database.srv.password", "hooks.after" },
            entries.Select(e => e.Path).ToArray());
        Assert.AreEqual("p\"q", entries[2].Value);
        Assert.AreEqual("inline", At(text, entries[4]));
    }

    [TestMethod]
    public void NetrcReadsEveryPassword()
    {
        const string text = "machine a.example.org login u1 password p1\nmachine b.example.org\n  login u2\n  password p2\n";
        var entries = Parse(ConfigFormat.Netrc, text);
        CollectionAssert.AreEqual(new[] { "p1", "p2" }, entries.Select(e => e.Value).ToArray());
        Assert.AreEqual("machine b.example.org.password", entries[1].Path);
        Assert.AreEqual("p2", At(text, entries[1]));
    }

    [TestMethod]
    [DataRow("config/.env", "Env")]
    [DataRow("app.env", "Env")]
    [DataRow(".env.local", "Env")]
    [DataRow("my.cnf", "Ini")]
    [DataRow(".npmrc", "Ini")]
    [DataRow("application.properties", "Properties")]
    [DataRow("pyproject.toml", "Toml")]
    [DataRow("run.sh", "Shell")]
    [DataRow(".netrc", "Netrc")]
    [DataRow("values.yaml", "None")]
    [DataRow("notes.txt", "None")]
    public void FormatsAreKnownByName(string path, string expected) => Assert.AreEqual(Enum.Parse<ConfigFormat>(expected), ConfigFormats.Detect(path, string.Empty));

    [TestMethod]
    public void FilesWithoutExtensionAreKnownByContent()
    {
        Assert.AreEqual(ConfigFormat.Shell, ConfigFormats.Detect("entrypoint", "#!/bin/sh\necho hi\n"));
        Assert.AreEqual(ConfigFormat.Env, ConfigFormats.Detect("secrets", "A=1\nB=2\n# c\nC=3\n"));
        Assert.AreEqual(ConfigFormat.None, ConfigFormats.Detect("LICENSE", "Permission is hereby granted, free of charge,\nto any person\n"));
    }
}
