using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>text/template's eq and lt over Go's basic kinds, with its error texts.</summary>
internal static class GoComparison
{
    private enum Kind
    {
        Invalid,
        Bool,
        Int,
        Uint,
        Float,
        String,
        Other,
    }

    private static Kind BasicKind(object? v) => v switch
    {
        null or NoValue => Kind.Invalid,
        bool => Kind.Bool,
        long or int or GoInt64 => Kind.Int,
        GoUnsigned => Kind.Uint,
        double => Kind.Float,
        string => Kind.String,
        _ => Kind.Other,
    };

    public static bool Eq(object? arg1, ReadOnlySpan<object?> rest)
    {
        if (rest.Length == 0)
        {
            throw new TemplateFunctionException("missing argument for comparison");
        }

        var k1 = BasicKind(arg1);
        foreach (var arg in rest)
        {
            var k2 = BasicKind(arg);
            bool truth;
            if (k1 != k2)
            {
                if (SignedUnsignedOrder(arg1, k1, arg, k2) is { } order)
                {
                    truth = order == 0;
                }
                else if (k1 != Kind.Invalid && k2 != Kind.Invalid)
                {
                    throw new TemplateFunctionException("incompatible types for comparison");
                }
                else
                {
                    truth = false;
                }
            }
            else
            {
                switch (k1)
                {
                    case Kind.Bool:
                        truth = (bool)arg1! == (bool)arg!;
                        break;
                    case Kind.Int:
                        GoTypes.IsInteger(arg1, out var i1);
                        GoTypes.IsInteger(arg, out var i2);
                        truth = i1 == i2;
                        break;
                    case Kind.Uint:
                        truth = ((GoUnsigned)arg1!).Value == ((GoUnsigned)arg!).Value;
                        break;
                    case Kind.Float:
                        truth = (double)arg1! == (double)arg!;
                        break;
                    case Kind.String:
                        truth = (string)arg1! == (string)arg!;
                        break;
                    case Kind.Invalid:
                        truth = true;
                        break;
                    default:
                        if (GoTypes.TypeName(arg1) != GoTypes.TypeName(arg))
                        {
                            throw new TemplateFunctionException(
                                GoFormatter.Sprintf("non-comparable types %s: %v, %s: %v", [arg1, GoTypes.TypeName(arg1), GoTypes.TypeName(arg), arg]));
                        }

                        if (arg1 is List<object?> or Dictionary<string, object?> or byte[])
                        {
                            throw new TemplateFunctionException(GoFormatter.Sprintf("non-comparable type %s: %v", [arg, GoTypes.TypeName(arg)]));
                        }

                        truth = ReferenceEquals(arg1, arg) || Equals(arg1, arg);
                        break;
                }
            }

            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Lt(object? arg1, object? arg2)
    {
        var k1 = BasicKind(arg1);
        if (k1 is Kind.Invalid or Kind.Other)
        {
            throw new TemplateFunctionException("invalid type for comparison");
        }

        var k2 = BasicKind(arg2);
        if (k2 is Kind.Invalid or Kind.Other)
        {
            throw new TemplateFunctionException("invalid type for comparison");
        }

        if (k1 != k2)
        {
            return SignedUnsignedOrder(arg1, k1, arg2, k2) is { } order
                ? order < 0
                : throw new TemplateFunctionException("incompatible types for comparison");
        }

        switch (k1)
        {
            case Kind.Uint:
                return ((GoUnsigned)arg1!).Value < ((GoUnsigned)arg2!).Value;
            case Kind.Float:
                return (double)arg1! < (double)arg2!;
            case Kind.Int:
                GoTypes.IsInteger(arg1, out var i1);
                GoTypes.IsInteger(arg2, out var i2);
                return i1 < i2;
            case Kind.String:
                return string.CompareOrdinal((string)arg1!, (string)arg2!) < 0;
            default:
                throw new TemplateFunctionException("invalid type for comparison");
        }
    }

    /// <summary>
    /// Go compares a signed with an unsigned integer by value whatever the sign (a negative int is below every
    /// uint); any other pair of different kinds is not comparable (null).
    /// </summary>
    private static int? SignedUnsignedOrder(object? a, Kind ka, object? b, Kind kb)
    {
        if (ka == Kind.Int && kb == Kind.Uint)
        {
            GoTypes.IsInteger(a, out var i);
            return i < 0 ? -1 : ((ulong)i).CompareTo(((GoUnsigned)b!).Value);
        }

        if (ka == Kind.Uint && kb == Kind.Int)
        {
            GoTypes.IsInteger(b, out var i);
            return i < 0 ? 1 : ((GoUnsigned)a!).Value.CompareTo((ulong)i);
        }

        return null;
    }
}
