using System.Text;
using WellTrack.Core.IO;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.IO;

[TestClass]
public sealed class AtomicFileTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("welltrack-atomic-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public void CreatesANewFile()
    {
        var path = Path.Combine(_directory, "values.yaml");
        AtomicFile.WriteAllBytes(path, Bytes("image:\n  tag: a\n"));
        CollectionAssert.AreEqual(Bytes("image:\n  tag: a\n"), File.ReadAllBytes(path));
        AssertOnlyFiles("values.yaml");
    }

    [TestMethod]
    [DataRow(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, DisplayName = "0640")]
    [DataRow(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
             | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, DisplayName = "0755")]
    public void ReplacesContentAndKeepsTheFileMode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Unix file modes do not exist on Windows.");
            return;
        }

        var path = Path.Combine(_directory, "values.yaml");
        File.WriteAllBytes(path, Bytes("old content that is longer than the new one\n"));
        File.SetUnixFileMode(path, mode);

        AtomicFile.WriteAllBytes(path, Bytes("new\n"));

        CollectionAssert.AreEqual(Bytes("new\n"), File.ReadAllBytes(path));
        Assert.AreEqual(mode, File.GetUnixFileMode(path));
        AssertOnlyFiles("values.yaml");
    }

    [TestMethod]
    public void WritesThroughASymbolicLinkAndKeepsTheLink()
    {
        var target = Path.Combine(_directory, "real.yaml");
        File.WriteAllBytes(target, Bytes("old\n"));
        var link = Path.Combine(_directory, "values.yaml");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllBytes(link, Bytes("new\n"));

        Assert.IsNotNull(new FileInfo(link).LinkTarget);
        CollectionAssert.AreEqual(Bytes("new\n"), File.ReadAllBytes(target));
        AssertOnlyFiles("real.yaml", "values.yaml");
    }

    [TestMethod]
    public void FailureLeavesNoTemporaryFileAndIsCoded()
    {
        // A directory where the file should be: the temporary file is written, the final rename fails.
        var path = Path.Combine(_directory, "values.yaml");
        Directory.CreateDirectory(path);

        var error = Assert.ThrowsExactly<DiagnosticException>(() => AtomicFile.WriteAllBytes(path, Bytes("new\n"))).Diagnostic;

        Assert.AreEqual(("WT1030", path), (error.Code, error.File));
        StringAssert.StartsWith(error.Message, $"Could not write '{path}': ");
        AssertOnlyFiles("values.yaml");
        Assert.IsTrue(Directory.Exists(path));
    }

    [TestMethod]
    public void MissingDirectoryIsCoded()
    {
        var path = Path.Combine(_directory, "missing", "values.yaml");
        Assert.AreEqual("WT1030", Assert.ThrowsExactly<DiagnosticException>(() => AtomicFile.WriteAllBytes(path, Bytes("x"))).Diagnostic.Code);
        AssertOnlyFiles();
    }

    private void AssertOnlyFiles(params string[] names)
        => CollectionAssert.AreEquivalent(names, Directory.EnumerateFileSystemEntries(_directory).Select(Path.GetFileName).ToArray());

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
