namespace WellTrack.Core.Git;

/// <summary>
/// How long to wait before trying again. Decorrelated jitter (each wait random between the base and three times the
/// previous one, capped): racing pipelines spread out instead of colliding again in step. Under contention the window
/// also widens to cover the competitors just seen: when <c>n</c> other commits landed during our last round of
/// <c>t</c>, the next wait is drawn from up to <c>n × t</c>, so the waits grow gently with the number of pipelines
/// instead of with the number of failures.
/// </summary>
public sealed class RetryBackoff
{
    public static readonly TimeSpan DefaultBase = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan DefaultCap = TimeSpan.FromSeconds(5);

    private readonly Random _random;
    private TimeSpan _previous;

    public RetryBackoff(Random? random = null, TimeSpan? baseDelay = null, TimeSpan? cap = null)
    {
        _random = random ?? Random.Shared;
        Base = baseDelay ?? DefaultBase;
        Cap = cap ?? DefaultCap;
        _previous = Base;
    }

    public TimeSpan Base { get; }

    public TimeSpan Cap { get; }

    /// <summary>The next wait; <paramref name="competingCommits"/> landed on the remote during the last round of <paramref name="roundTrip"/>.</summary>
    public TimeSpan Next(int competingCommits = 0, TimeSpan roundTrip = default)
    {
        var contention = roundTrip * Math.Max(0, competingCommits);
        var upper = Max(Max(_previous * 3, contention), Base);
        upper = upper > Cap ? Cap : upper;
        var next = Base + (upper - Base) * _random.NextDouble();
        _previous = next;
        return next;
    }

    /// <summary>Waits, woken early by cancellation (which then throws): a build being stopped must not sit out a backoff.</summary>
    public static void Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(delay);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
