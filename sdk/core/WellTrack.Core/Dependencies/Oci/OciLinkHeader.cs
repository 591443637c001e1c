using System.Text.RegularExpressions;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// The distribution API's pagination: a page of a tag list that is not the last carries
/// <c>Link: &lt;/v2/NAME/tags/list?n=100&amp;last=x&gt;; rel="next"</c> (RFC 8288), relative to the request.
/// </summary>
internal static partial class OciLinkHeader
{
    public static Uri? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values) || response.RequestMessage?.RequestUri is not { } requestUri)
        {
            return null;
        }

        foreach (Match link in LinkValue().Matches(string.Join(",", values)))
        {
            var relations = link.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (relations.Contains("next", StringComparer.OrdinalIgnoreCase) && Uri.TryCreate(requestUri, link.Groups["target"].Value, out var next))
            {
                return next;
            }
        }

        return null;
    }

    // <target>; ...; rel="a b" or rel=a, parameters in any order.
    [GeneratedRegex(@"<(?<target>[^>]*)>(?:\s*;\s*(?:rel\s*=\s*(?:""(?<rel>[^""]*)""|(?<rel>[^\s;,]+))|[^;,]*))*", RegexOptions.CultureInvariant)]
    private static partial Regex LinkValue();
}
