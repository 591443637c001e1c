namespace WellTrack.Core.Tests.Dependencies;

/// <summary>The test that produces each dependency code (WT34xx), for ValidationCorpusTests.TheCorpusCoversEveryRule.</summary>
[TestClass]
public sealed class DependencyRuleCoverage
{
    public static readonly IReadOnlyDictionary<string, string> Tests = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WT3401"] = nameof(BadInputTests.AnUnconfiguredRepositoryNameIsNamed),
        ["WT3402"] = nameof(BadInputTests.ARepositorySchemeWithNoSourceIsNamed),
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
        ["WT3430"] = nameof(Oci.OciFailureTests.ARegistryThatCannotBeReachedIsUnreachable),
        ["WT3431"] = nameof(Oci.OciFailureTests.ARegistryThatDoesNotAnswerTimesOutButACallerCancellationIsNotATimeout),
        ["WT3432"] = nameof(Oci.OciAuthenticationTests.ARefusalWithoutCredentialsSaysNoneWereFound),
        ["WT3433"] = nameof(Oci.OciAuthenticationTests.ForbiddenWithATokenIsForbidden),
        ["WT3434"] = nameof(Oci.OciFailureTests.AnUnknownRepositoryIsAChartThatIsAbsent),
        ["WT3435"] = nameof(Oci.OciFailureTests.AnUnknownTagOrBlobIsAVersionThatIsAbsent),
        ["WT3436"] = nameof(Oci.OciFailureTests.AManifestThatIsNotAHelmChartIsReportedWithWhatItIs),
        ["WT3437"] = nameof(Oci.OciFailureTests.BytesThatDoNotHashToTheLayerDigestAreRefused),
        ["WT3438"] = nameof(Oci.OciFailureTests.AnArchiveOverTheLimitIsRefusedFromItsDeclaredSizeOrWhileItStreams),
        ["WT3439"] = nameof(Oci.OciFailureTests.ATagListThatIsNotTheApisJsonIsMalformed),
        ["WT3440"] = nameof(Oci.RegistryCredentialTests.AFailingHelperIsReportedWithoutItsOutput),
        ["WT3441"] = nameof(Oci.RegistryCredentialTests.AMissingHelperIsNamedWithTheConfigThatNamesIt),
        ["WT3442"] = nameof(Oci.RegistryCredentialTests.AConfigFileThatCannotBeReadIsNamedButNotQuoted),
        ["WT3443"] = nameof(Oci.OciFailureTests.AServerErrorIsAnUnexpectedStatusNamingWhatWasAsked),
        ["WT3444"] = nameof(Oci.OciFailureTests.ARepositoryThatIsNotAnOciReferenceIsRefused),
    };

    [TestMethod]
    public void EveryNamedTestExists()
    {
        var methods = typeof(DependencyRuleCoverage).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(typeof(DependencyRuleCoverage).Namespace!, StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(TestMethodAttribute), inherit: true).Length > 0)
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.IsEmpty(Tests.Values.Where(name => !methods.Contains(name)).ToList());
    }
}
