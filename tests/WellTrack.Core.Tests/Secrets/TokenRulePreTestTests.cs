using WellTrack.Core.Secrets.Rules;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets;

/// <summary>
/// A rule's cheap pre-test (<see cref="TokenRule.MayMatch"/>) spares the scan an enumerator on almost every line; it
/// must never hide a match. Checked on every line and every whole file of the labelled corpus.
/// </summary>
[TestClass]
public sealed class TokenRulePreTestTests
{
    [TestMethod]
    public void NoRuleFindsATokenWhereItsPreTestSaysItCannot()
    {
        var rules = typeof(TokenRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TokenRule)) && !t.IsAbstract)
            .Select(t => (TokenRule)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();
        using var temp = new TemporaryDirectory("welltrack-secrets-pretest-");
        var texts = new List<string>();
        var index = 0;
        foreach (var corpusCase in SecretCorpus.Cases)
        {
            var root = temp.Combine((index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            SecretCorpus.Materialize(corpusCase, root, new FakeSecrets(SecretCorpus.Seed(corpusCase)));
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                texts.Add(text);
                texts.AddRange(text.Split('\n'));
            }
        }

        var hidden = new List<string>();
        var matchedRules = new HashSet<Type>();
        foreach (var rule in rules)
        {
            foreach (var text in texts)
            {
                var found = rule.Find(text).Any();
                if (found && !rule.MayMatch(text))
                {
                    hidden.Add($"{rule.GetType().Name}: {text[..Math.Min(text.Length, 60)]}");
                }

                if (found)
                {
                    matchedRules.Add(rule.GetType());
                }
            }
        }

        Assert.HasCount(0, hidden, string.Join("\n", hidden));
        CollectionAssert.AreEquivalent(rules.Select(r => r.GetType()).ToList(), matchedRules.ToList(), "every rule finds a token somewhere in the corpus");
    }
}
