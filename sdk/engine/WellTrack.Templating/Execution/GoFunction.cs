using System.Diagnostics.CodeAnalysis;

namespace WellTrack.Templating;

/// <summary>The Go parameter types template functions declare; they decide text/template's argument checks.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members are Go's type names (string, int, int64, float64, uint32), which is what they mean.")]
public enum GoParam
{
    /// <summary><c>interface{}</c>: anything, nil for "no value".</summary>
    Any,

    /// <summary><c>reflect.Value</c> (builtins such as <c>eq</c>, <c>index</c>): receives no-value as is.</summary>
    Value,
    String,
    Int,
    Int64,
    Float64,
    Bool,

    /// <summary><c>[]interface{}</c>.</summary>
    List,

    /// <summary><c>map[string]interface{}</c>.</summary>
    Map,

    /// <summary><c>[]string</c>.</summary>
    StringList,

    /// <summary><c>time.Time</c> (Sprig's date functions).</summary>
    Time,

    /// <summary><c>uint32</c> (derivePassword's counter): only an unsigned literal converts to it.</summary>
    Uint32,
}

/// <summary>
/// A function callable from templates, with its Go signature so the executor can check and convert arguments
/// exactly as text/template does. Errors are reported by throwing <see cref="TemplateFunctionException"/>.
/// </summary>
public sealed class GoFunction
{
    public GoFunction(string name, GoParam[] parameters, bool variadic, Func<FunctionContext, object?[], object?> invoke)
    {
        Name = name;
        Parameters = parameters;
        IsVariadic = variadic;
        Invoke = invoke;
    }

    public string Name { get; }

    public GoParam[] Parameters { get; }

    /// <summary>When true the last parameter is a <c>...T</c> slice.</summary>
    public bool IsVariadic { get; }

    public Func<FunctionContext, object?[], object?> Invoke { get; }

    /// <summary>Go's and/or, which the executor evaluates lazily.</summary>
    public bool IsShortCircuit { get; init; }

    /// <summary>For include and tpl: an execution error inside becomes "error calling NAME: ..." as in Go.</summary>
    public bool WrapsNestedErrors { get; init; }
}

/// <summary>An error returned by a template function (Go's second result); the executor wraps it as
/// <c>error calling NAME: MESSAGE</c>.</summary>
public sealed class TemplateFunctionException : Exception
{
    public TemplateFunctionException(string message)
        : base(message)
    {
    }
}

/// <summary>What a function may know about the call in progress: the executor (for include and tpl).</summary>
public sealed class FunctionContext
{
    internal FunctionContext(Execution.RenderSession execution)
    {
        Execution = execution;
    }

    internal Execution.RenderSession Execution { get; }
}
