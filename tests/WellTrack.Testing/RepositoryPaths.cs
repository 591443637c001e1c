using System.Reflection;

namespace WellTrack.Testing;

/// <summary>Where this repository is, recorded at build time by test projects that need its scripts and charts.</summary>
public static class RepositoryPaths
{
    public static string Root(Assembly testAssembly)
        => testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
           ?? throw new InvalidOperationException("The test assembly does not record RepositoryRoot.");
}
