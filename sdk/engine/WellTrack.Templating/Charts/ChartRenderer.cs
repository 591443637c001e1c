using WellTrack.Diagnostics;

namespace WellTrack.Templating.Charts;

/// <summary>
/// The entry point: renders a chart directory as `helm template` does. For repeated renders of the same chart,
/// keep a <see cref="PreparedChart"/> (templates parsed once) instead.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Stack of the thread one-shot renders run on: room for Helm's 1000 nested includes.</summary>
    private const int RenderThreadStackBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="render"/> on a thread with a large stack, with a stack limit to match, so that deep but
    /// legal nesting renders as under Helm and runaway recursion ends in Helm's error, never a process crash.
    /// </summary>
    public static RenderResult OnLargeStack(Func<RenderOptions, RenderResult> render, RenderOptions options)
    {
        var large = options with { Limits = options.Limits with { MaxStackBytes = RenderThreadStackBytes - (16 * 1024 * 1024) } };
        RenderResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = render(large);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            RenderThreadStackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result!;
    }

    public static RenderResult Render(string chartDirectory, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        PreparedChart prepared;
        try
        {
            var chart = LoadedChart.Load(chartDirectory);
            prepared = PreparedChart.Prepare(options.ResolveDependencies is { } resolve ? resolve(chart) : chart);
        }
        catch (ChartLoadException e)
        {
            return new RenderResult([], e.Message, [Diagnostic.Error(DiagnosticCodes.WT4004, new SourceLocation(e.File is null ? chartDirectory : Path.Combine(chartDirectory, e.File), e.Line, e.Column), e.Message)]);
        }

        return OnLargeStack(prepared.Render, options);
    }

    /// <summary>Renders a chart held in memory: relative path to file contents, as a chart directory would hold.</summary>
    public static RenderResult RenderFiles(string chartName, IReadOnlyDictionary<string, byte[]> files, RenderOptions? options = null)
    {
        PreparedChart prepared;
        try
        {
            prepared = PreparedChart.Prepare(LoadedChart.FromFiles(chartName, files));
        }
        catch (ChartLoadException e)
        {
            return new RenderResult([], e.Message, [Diagnostic.Error(DiagnosticCodes.WT4004, new SourceLocation(e.File ?? chartName, e.Line, e.Column), e.Message)]);
        }

        return OnLargeStack(prepared.Render, options ?? new RenderOptions());
    }
}
