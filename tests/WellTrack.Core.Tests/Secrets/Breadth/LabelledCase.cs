namespace WellTrack.Core.Tests.Secrets.Breadth;

/// <summary>
/// One case of the breadth corpus: a file named <see cref="FileName"/> holding <see cref="Text"/>. A must-flag case
/// is found when the scan reports an error or a warning in that file (on <see cref="Line"/> when it is given); a
/// look-alike is right when the scan reports neither there. <see cref="Family"/> groups cases for the per-family
/// precision and recall; <see cref="Format"/> names the token format or context rule the case exercises.
/// </summary>
internal sealed record LabelledCase(string Family, string Format, string FileName, string Text, bool MustFlag, int? Line = null);

/// <summary>
/// A set of cases generated at run time (fake tokens of the documented shapes, never real ones). Every source in
/// this assembly is found by reflection, so a new source needs no registration.
/// </summary>
internal interface ILabelledCaseSource
{
    /// <summary>Cases made with <paramref name="random"/>, so a run is reproducible.</summary>
    IEnumerable<LabelledCase> Cases(Random random);
}
