using System.Text;

namespace WellTrack.Templating.Serialization;

/// <summary>yaml.v2's key order (sorter.go) for string keys: digit runs compare as numbers, letters before others.</summary>
internal static class YamlKeyOrder
{
    public static int Compare(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        return Less(a, b) ? -1 : Less(b, a) ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        var ar = a.EnumerateRunes().Select(r => r.Value).ToArray();
        var br = b.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i])
            {
                continue;
            }

            var al = Rune.IsLetter(new Rune(ar[i]));
            var bl = Rune.IsLetter(new Rune(br[i]));
            if (al && bl)
            {
                return ar[i] < br[i];
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0, bn = 0;
            if (ar[i] == '0' || br[i] == '0')
            {
                for (var j = i - 1; j >= 0 && Rune.IsDigit(new Rune(ar[j])); j--)
                {
                    if (ar[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            int ai, bi;
            for (ai = i; ai < ar.Length && Rune.IsDigit(new Rune(ar[ai])); ai++)
            {
                an = (an * 10) + (ar[ai] - '0');
            }

            for (bi = i; bi < br.Length && Rune.IsDigit(new Rune(br[bi])); bi++)
            {
                bn = (bn * 10) + (br[bi] - '0');
            }

            if (an != bn)
            {
                return an < bn;
            }

            if (ai != bi)
            {
                return ai < bi;
            }

            return ar[i] < br[i];
        }

        return ar.Length < br.Length;
    }
}
