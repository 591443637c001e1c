using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace WellTrack.Sdk.Evaluation.Tests;

/// <summary>
/// Registers the installed .NET SDK's MSBuild before any Microsoft.Build type is loaded: those assemblies are not
/// copied beside the tests, so MSBuildLocator's resolver must be in place before the first one is needed. That is
/// earlier than [AssemblyInitialize]: test discovery loads every type of this assembly, and a type implementing
/// ILogger already needs Microsoft.Build.Framework. The test host is this assembly's own entry point, so a module
/// initializer runs before it. Nothing here names a Microsoft.Build type.
/// </summary>
internal static class MSBuildRegistration
{
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
