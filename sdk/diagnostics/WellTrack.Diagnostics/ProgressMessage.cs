using System.Globalization;
using System.Resources;

namespace WellTrack.Diagnostics;

/// <summary>
/// A progress or outcome line (what a bump did, what validation counted): user-facing text without a code, so it
/// is no WTnnnn diagnostic, yet its text lives in Resources/ProgressMessages.resx like every other message. Members
/// (<c>ProgressMessage.BumpCommitted</c>) are generated from that file; a name without a text does not compile.
/// </summary>
public sealed partial class ProgressMessage
{
    private static readonly ResourceManager Texts = new("WellTrack.Diagnostics.Resources.ProgressMessages", typeof(ProgressMessage).Assembly);

    private ProgressMessage(string name)
    {
        Name = name;
    }

    /// <summary>The resource name: a PascalCase phrase naming the event (BumpCommitted), never a code.</summary>
    public string Name { get; }

    /// <summary>The format string of this line.</summary>
    public string Template => Texts.GetString(Name, CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"No progress message resource named {Name}.");

    /// <summary>The line with its arguments, formatted invariantly (logs and scripts read them).</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, Template, args);

    public override string ToString() => Name;
}
