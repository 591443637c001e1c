namespace WellTrack.Templating.Functions;

/// <summary>Collects functions by name; later registrations replace earlier ones, as Go's Funcs does.</summary>
public sealed class FunctionTableBuilder
{
    private readonly Dictionary<string, GoFunction> _functions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, GoFunction> Build() => new Dictionary<string, GoFunction>(_functions, StringComparer.Ordinal);

    public FunctionTableBuilder Add(GoFunction function)
    {
        _functions[function.Name] = function;
        return this;
    }

    public void Remove(string name) => _functions.Remove(name);

    /// <summary>A function with fixed parameters.</summary>
    public FunctionTableBuilder Add(string name, GoParam[] parameters, Func<object?[], object?> body)
        => Add(new GoFunction(name, parameters, variadic: false, (_, args) => body(args)));

    /// <summary>A function whose last parameter is variadic; the body receives all arguments flat.</summary>
    public FunctionTableBuilder AddVariadic(string name, GoParam[] parameters, Func<object?[], object?> body)
        => Add(new GoFunction(name, parameters, variadic: true, (_, args) => body(args)));

    public FunctionTableBuilder Add(string name, GoParam[] parameters, Func<FunctionContext, object?[], object?> body, bool variadic = false)
        => Add(new GoFunction(name, parameters, variadic, body));
}

/// <summary>Short names for parameter lists, so registrations read like Go signatures.</summary>
internal static class P
{
    public static readonly GoParam[] None = [];
    public static readonly GoParam[] Any = [GoParam.Any];
    public static readonly GoParam[] Any2 = [GoParam.Any, GoParam.Any];
    public static readonly GoParam[] Str = [GoParam.String];
    public static readonly GoParam[] Str2 = [GoParam.String, GoParam.String];
    public static readonly GoParam[] Str3 = [GoParam.String, GoParam.String, GoParam.String];
    public static readonly GoParam[] IntStr = [GoParam.Int, GoParam.String];
    public static readonly GoParam[] Int = [GoParam.Int];
    public static readonly GoParam[] Map = [GoParam.Map];
    public static readonly GoParam[] Value = [GoParam.Value];
}
