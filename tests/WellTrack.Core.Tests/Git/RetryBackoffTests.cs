using WellTrack.Core.Git;

namespace WellTrack.Core.Tests.Git;

[TestClass]
public sealed class RetryBackoffTests
{
    [TestMethod]
    public void WaitsStayBetweenTheBaseAndThreeTimesThePreviousOneAndUnderTheCap()
    {
        var backoff = new RetryBackoff(new Random(3), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
        var previous = backoff.Base;
        for (var i = 0; i < 200; i++)
        {
            var next = backoff.Next();

            Assert.IsGreaterThanOrEqualTo(backoff.Base, next);
            Assert.IsLessThanOrEqualTo(TimeSpan.FromTicks(Math.Min(previous.Ticks * 3, backoff.Cap.Ticks)), next);
            previous = next;
        }
    }

    [TestMethod]
    public void CompetitorsSeenLandingWidenTheWindow()
    {
        // Same random draws: the only difference is what the last round saw.
        var quiet = new RetryBackoff(new Random(11), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));
        var contended = new RetryBackoff(new Random(11), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

        var alone = quiet.Next(competingCommits: 0, roundTrip: TimeSpan.FromMilliseconds(200));
        var amongTen = contended.Next(competingCommits: 10, roundTrip: TimeSpan.FromMilliseconds(200));

        Assert.IsLessThanOrEqualTo(TimeSpan.FromMilliseconds(150), alone, "alone: up to three times the base");
        Assert.IsGreaterThan(alone, amongTen);
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(2), amongTen, "ten competitors of 200 ms: a window of 2 s");
    }

    [TestMethod]
    public void CancelledWaitReturnsAtOnce()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => RetryBackoff.Wait(TimeSpan.FromHours(1), cancellation.Token));
    }
}
