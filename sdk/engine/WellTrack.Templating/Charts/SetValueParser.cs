namespace WellTrack.Templating.Charts;

/// <summary>
/// One <c>--set</c> argument applied to the user values, as Helm v3.16's strvals.ParseInto does it (the reading itself
/// is <see cref="StrvalsReader"/>); its errors read as Helm prints them.
/// </summary>
public static class SetValueParser
{
    public static void Apply(string set, Dictionary<string, object?> data)
    {
        try
        {
            new StrvalsReader(set).ParseInto(data);
        }
        catch (StrvalsException e)
        {
            throw new ChartLoadException($"failed parsing --set data: {e.Message}");
        }
    }
}
