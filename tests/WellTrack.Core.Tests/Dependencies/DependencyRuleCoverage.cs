namespace WellTrack.Core.Tests.Dependencies;

/// <summary>The test that produces each dependency code (WT34xx), for ValidationCorpusTests.TheCorpusCoversEveryRule.</summary>
[TestClass]
public sealed class DependencyRuleCoverage
{
    public static readonly IReadOnlyDictionary<string, string> Tests = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WT3401"] = nameof(BadInputTests.AnUnconfiguredRepositoryNameIsNamed),
        ["WT3402"] = nameof(BadInputTests.AnOciRepositoryHasNoSourceUntilOneIsRegistered),
        ["WT3403"] = nameof(BadInputTests.AnUnreachableRepositoryIsNamed),
        ["WT3404"] = nameof(BadInputTests.ASlowRepositoryTimesOut),
        ["WT3405"] = nameof(BadInputTests.AForbiddenRepositoryIsNamed),
        ["WT3406"] = nameof(BadInputTests.AMissingIndexIs404),
        ["WT3407"] = nameof(BadInputTests.AMalformedIndexIsRefused),
        ["WT3408"] = nameof(BadInputTests.AChartTheRepositoryLacksIsNamed),
        ["WT3409"] = nameof(BadInputTests.AnUnsatisfiableConstraintIsNamed),
        ["WT3410"] = nameof(BadInputTests.ADigestMismatchIsRefused),
        ["WT3411"] = nameof(ConstraintSelectionTests.NoSatisfyingVersionIsACodedError),
        ["WT3412"] = nameof(RepositoryResolutionTests.OfflineWithAnEmptyCacheNamesWhatIsMissing),
        ["WT3413"] = nameof(BadInputTests.ACorruptGzipIsRefused),
        ["WT3414"] = nameof(BadInputTests.APathLeavingTheChartIsRefused),
        ["WT3415"] = nameof(BadInputTests.ASymbolicLinkIsRefused),
        ["WT3416"] = nameof(BadInputTests.AnArchiveAboveTheSizeLimitIsRefused),
        ["WT3417"] = nameof(BadInputTests.ADecompressionBombIsRefused),
        ["WT3418"] = nameof(BadInputTests.AnotherChartUnderTheAskedNameIsRefused),
        ["WT3419"] = nameof(BadInputTests.AFileReferenceToNoChartIsNamed),
        ["WT3420"] = nameof(BadInputTests.AStaleChartLockIsAnErrorAndConstraintsAreUsed),
        ["WT3421"] = nameof(BadInputTests.AnUnreadableChartLockIsNamed),
        ["WT3422"] = nameof(BadInputTests.AnUnexpectedStatusIsNamed),
        ["WT3423"] = nameof(BadInputTests.ACredentialsVariableThatIsNotSetIsAWarning),
    };

    [TestMethod]
    public void EveryNamedTestExists()
    {
        var methods = typeof(DependencyRuleCoverage).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DependencyRuleCoverage).Namespace)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(TestMethodAttribute), inherit: true).Length > 0)
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.IsEmpty(Tests.Values.Where(name => !methods.Contains(name)).ToList());
    }
}
