namespace WellTrack.Templating.Values;

/// <summary>Go's complex128, which template literals such as <c>1+2i</c> produce; printed as <c>(1+2i)</c>.</summary>
public readonly record struct GoComplex(double Real, double Imaginary)
{
    public override string ToString()
    {
        var imag = GoStrconv.FormatFloat(Imaginary, 'g', -1);
        if (!imag.StartsWith('-') && !imag.StartsWith('+'))
        {
            imag = "+" + imag;
        }

        return "(" + GoStrconv.FormatFloat(Real, 'g', -1) + imag + "i)";
    }
}
