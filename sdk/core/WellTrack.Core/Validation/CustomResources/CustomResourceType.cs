using WellTrack.Core.Validation.Objects;

namespace WellTrack.Core.Validation.CustomResources;

/// <summary>One version of a custom resource as its CustomResourceDefinition lists it.</summary>
/// <param name="Schema">Built from the version's <c>schema.openAPIV3Schema</c> when an object first needs it.</param>
internal sealed record CustomResourceVersion(string Name, bool Served, Lazy<SchemaType> Schema);

/// <summary>
/// A kind that a CustomResourceDefinition found in the repository defines: its group, its versions (served or not,
/// each with its schema) and where the definition was read, for messages.
/// </summary>
internal sealed class CustomResourceType
{
    public CustomResourceType(string definitionName, string group, string kind, IReadOnlyList<CustomResourceVersion> versions, string definedIn)
    {
        DefinitionName = definitionName;
        Group = group;
        Kind = kind;
        Versions = versions;
        DefinedIn = definedIn;
    }

    /// <summary>The CustomResourceDefinition's metadata.name (<c>widgets.widgets.example.com</c>).</summary>
    public string DefinitionName { get; }

    public string Group { get; }

    public string Kind { get; }

    public IReadOnlyList<CustomResourceVersion> Versions { get; }

    /// <summary>The file the definition was read from (repository-relative in messages).</summary>
    public string DefinedIn { get; }

    public CustomResourceVersion? Version(string name)
        => Versions.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));

    /// <summary>"group/version" of each served version.</summary>
    public IEnumerable<string> ServedApiVersions
        => Versions.Where(v => v.Served).Select(v => $"{Group}/{v.Name}");
}
