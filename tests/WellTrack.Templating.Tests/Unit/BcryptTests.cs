using System.Text;
using WellTrack.Templating.Crypto;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>bcrypt against OpenBSD's published test vectors (the output of bcrypt and htpasswd is salted at random).</summary>
[TestClass]
public sealed class BcryptTests
{
    [TestMethod]
    [DataRow("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [DataRow("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK")]
    [DataRow("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy")]
    public void MatchesPublishedVectors(string password, string setting, string expected)
    {
        var salt = Bcrypt.Decode(setting[7..29])[..16];
        Assert.AreEqual(expected, Bcrypt.Hash(Encoding.UTF8.GetBytes(password), salt, int.Parse(setting[4..6], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestMethod]
    public void TemplateFunctionsProduceBcryptHashes()
    {
        var rendered = TestCharts.Render("a: {{ bcrypt \"x\" | len }}\nb: {{ htpasswd \"user\" \"pw\" | hasPrefix \"user:$2a$10$\" }}\nc: {{ htpasswd \"a:b\" \"pw\" | quote }}\n");
        Assert.IsTrue(rendered.Succeeded, rendered.Error);
        StringAssert.Contains(rendered.ToHelmOutput(), "a: 60\nb: true\nc: \"invalid username: a:b\"");
    }

    [TestMethod]
    public void ScryptMatchesRfc7914()
    {
        // RFC 7914 section 12, second vector.
        var key = Scrypt.DeriveKey("password"u8.ToArray(), "NaCl"u8.ToArray(), 1024, 8, 16, 64);
        Assert.AreEqual(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
            Convert.ToHexStringLower(key));
    }
}
