using System.Globalization;

namespace WellTrack.Core.Tests.Secrets.Breadth;

/// <summary>Gathers the cases of every <see cref="ILabelledCaseSource"/>, each source with its own seed.</summary>
internal static class BreadthCorpus
{
    public static IReadOnlyList<LabelledCase> Cases { get; } = Gather();

    private static List<LabelledCase> Gather()
    {
        var sources = typeof(BreadthCorpus).Assembly.GetTypes()
            .Where(t => typeof(ILabelledCaseSource).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        var cases = new List<LabelledCase>();
        foreach (var type in sources)
        {
            var source = (ILabelledCaseSource)Activator.CreateInstance(type, nonPublic: true)!;
            cases.AddRange(source.Cases(new Random(StableSeed(type.FullName!))));
        }

        return cases;
    }

    /// <summary>string.GetHashCode is randomised per process; the corpus must not be.</summary>
    private static int StableSeed(string name)
    {
        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>Where case <paramref name="index"/> is written under the scanned directory.</summary>
    public static string RelativePath(int index, LabelledCase labelled)
        => string.Create(CultureInfo.InvariantCulture, $"c{index:D4}/{labelled.FileName}");
}
