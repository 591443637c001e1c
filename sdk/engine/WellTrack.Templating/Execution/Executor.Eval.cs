using WellTrack.Diagnostics;
using WellTrack.Templating.Parsing;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Execution;

/// <summary>Expression evaluation: pipelines, commands, fields, variables, calls and Go's argument checks.</summary>
internal sealed partial class Executor
{
    /// <summary>Go's missingVal: "no final argument from a previous pipeline stage".</summary>
    private static readonly object Missing = new();

    private object? EvalPipeline(object? dot, PipeNode? pipe)
    {
        if (pipe is null)
        {
            return NoValue.Instance;
        }

        At(pipe);
        var value = Missing;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, value);

            // Go digs a nil interface{} down to the invalid value ("lovely!" in exec.go).
            value ??= NoValue.Instance;
        }

        var valuesPath = _segments is not null && pipe.Decl.Count > 0 ? ValuesPathOf(pipe) : null;
        foreach (var variable in pipe.Decl)
        {
            if (pipe.IsAssign)
            {
                SetVar(variable.Ident[0], value, valuesPath);
            }
            else
            {
                Push(variable.Ident[0], value, valuesPath);
            }
        }

        return value;
    }

    private void NotAFunction(List<Node>? args, object? final)
    {
        if ((args is not null && args.Count > 1) || final != Missing)
        {
            throw Errorf($"can't give argument to non-function {args![0]}");
        }
    }

    private object? EvalCommand(object? dot, CommandNode cmd, object? final)
    {
        var firstWord = cmd.Args[0];
        switch (firstWord)
        {
            case FieldNode field:
                return EvalFieldNode(dot, field, cmd.Args, final);
            case ChainNode chain:
                return EvalChainNode(dot, chain, cmd.Args, final);
            case IdentifierNode ident:
                return EvalFunction(dot, ident, cmd, cmd.Args, final);
            case PipeNode pipe:
                NotAFunction(cmd.Args, final);
                return EvalPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariableNode(dot, variable, cmd.Args, final);
        }

        At(firstWord);
        NotAFunction(cmd.Args, final);
        return firstWord switch
        {
            BoolNode b => b.Value,
            DotNode => dot,
            NilNode => throw Errorf("nil is not a command"),
            NumberNode n => IdealConstant(n),
            StringNode s => s.Text,
            _ => throw Errorf($"can't evaluate command {GoStrconv.Quote(firstWord.ToString())}"),
        };
    }

    private object? IdealConstant(NumberNode constant)
    {
        At(constant);
        var text = constant.Text;
        var isHexInt = text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && text.IndexOfAny(['p', 'P']) < 0;
        var isRuneInt = text.Length > 0 && text[0] == '\'';
        if (constant.IsComplex)
        {
            return constant.Complex;
        }

        if (constant.IsFloat && !isHexInt && !isRuneInt && text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) >= 0)
        {
            return constant.Float64;
        }

        if (constant.IsInt)
        {
            return constant.Int64;
        }

        if (constant.IsUint)
        {
            throw Errorf($"{text} overflows int");
        }

        return NoValue.Instance;
    }

    private object? EvalFieldNode(object? dot, FieldNode field, List<Node>? args, object? final)
    {
        At(field);
        return EvalFieldChain(dot, dot, field, field.Ident, args, final);
    }

    private object? EvalChainNode(object? dot, ChainNode chain, List<Node>? args, object? final)
    {
        At(chain);
        if (chain.Node is NilNode)
        {
            throw Errorf($"indirection through explicit nil in {chain}");
        }

        var pipe = EvalArg(dot, GoParam.Any, chain.Node, untyped: true);
        return EvalFieldChain(dot, pipe, chain, chain.Field, args, final);
    }

    private object? EvalVariableNode(object? dot, VariableNode variable, List<Node>? args, object? final)
    {
        At(variable);
        var value = VarValue(variable.Ident[0]);
        if (variable.Ident.Length == 1)
        {
            NotAFunction(args, final);
            return value;
        }

        return EvalFieldChain(dot, value, variable, new ArraySegment<string>(variable.Ident, 1, variable.Ident.Length - 1), args, final);
    }

    private object? EvalFieldChain(object? dot, object? receiver, Node n, IReadOnlyList<string> ident, List<Node>? args, object? final)
    {
        // Values read out of a map or slice have Go's static type interface{}, which error messages name.
        var staticInterface = receiver is not null && ReferenceEquals(receiver, _interfaceTypedDot) && ReferenceEquals(receiver, dot);
        for (var i = 0; i < ident.Count - 1; i++)
        {
            var container = receiver;
            receiver = EvalField(dot, ident[i], n, null, Missing, receiver, staticInterface);
            staticInterface = container is Dictionary<string, object?> or List<object?>;
        }

        return EvalField(dot, ident[^1], n, args, final, receiver, staticInterface);
    }

    private object? EvalFunction(object? dot, IdentifierNode ident, Node cmd, List<Node>? args, object? final)
    {
        At(ident);
        if (!_context.Templates.Functions.TryGetValue(ident.Ident, out var function))
        {
            throw Errorf($"{GoStrconv.Quote(ident.Ident)} is not a defined function");
        }

        return EvalCall(dot, function, cmd, ident.Ident, args, final);
    }

    private object? EvalField(object? dot, string fieldName, Node n, List<Node>? args, object? final, object? receiver, bool staticInterface)
    {
        if (receiver is NoValue)
        {
            return NoValue.Instance;
        }

        if (receiver is null)
        {
            throw Errorf($"nil pointer evaluating interface {{}}.{fieldName}");
        }

        var hasArgs = (args is not null && args.Count > 1) || final != Missing;
        var typeName = staticInterface ? "interface {}" : GoTypes.TypeName(receiver);
        switch (receiver)
        {
            case Dictionary<string, object?> map:
                if (hasArgs)
                {
                    throw Errorf($"{fieldName} is not a method but has arguments");
                }

                return map.TryGetValue(fieldName, out var v) ? v : (map as TypedMap)?.ZeroValue;
            case GoObject obj:
                if (obj.GetMethod(fieldName) is { } method)
                {
                    return EvalCall(dot, method, n, fieldName, args, final);
                }

                if (obj.TryGetField(fieldName, out var field))
                {
                    if (hasArgs)
                    {
                        throw Errorf(obj.IsMap ? $"{fieldName} is not a method but has arguments" : $"{fieldName} has arguments but cannot be invoked as function");
                    }

                    return field;
                }

                break;
            case TypedList { Methods: { } methods } when methods.TryGetValue(fieldName, out var listMethod):
                return EvalCall(dot, listMethod, n, fieldName, args, final);
        }

        throw Errorf($"can't evaluate field {fieldName} in type {typeName}");
    }

    private object? EvalCall(object? dot, GoFunction fun, Node n, string name, List<Node>? nodeArgs, object? final)
    {
        // nodeArgs[0] is the function or field itself; the arguments follow (Go's args[1:]).
        var argCount = nodeArgs is null ? 0 : nodeArgs.Count - 1;
        var parameters = fun.Parameters;
        var numIn = argCount + (final != Missing ? 1 : 0);
        var numFixed = argCount;
        if (fun.IsVariadic)
        {
            numFixed = parameters.Length - 1;
            if (numIn < numFixed)
            {
                throw Errorf($"wrong number of args for {name}: want at least {parameters.Length - 1} got {argCount}");
            }
        }
        else if (numIn != parameters.Length)
        {
            throw Errorf($"wrong number of args for {name}: want {parameters.Length} got {numIn}");
        }

        if (fun.IsShortCircuit)
        {
            // Go's and/or: evaluate arguments left to right, stop at the first that decides the result.
            var isOr = name == "or";
            object? v = null;
            for (var k = 1; k <= argCount; k++)
            {
                v = EvalArg(dot, GoParam.Value, nodeArgs![k]);
                if (GoTypes.IsTrue(v) == isOr)
                {
                    return v;
                }
            }

            if (final != Missing)
            {
                v = ValidateType(final, GoParam.Value);
            }

            return v;
        }

        var argv = new object?[numIn];
        var i = 0;
        for (; i < numFixed && i < argCount; i++)
        {
            argv[i] = EvalArg(dot, parameters[i], nodeArgs![i + 1]);
        }

        if (fun.IsVariadic)
        {
            var argType = parameters[^1];
            for (; i < argCount; i++)
            {
                argv[i] = EvalArg(dot, argType, nodeArgs![i + 1]);
            }
        }

        if (final != Missing)
        {
            var t = parameters[^1];
            if (fun.IsVariadic && numIn - 1 < numFixed)
            {
                t = parameters[numIn - 1];
            }

            argv[i] = ValidateType(final, t);
        }

        try
        {
            if (_segments is not null && fun.WrapsNestedErrors)
            {
                // include and tpl take their data last: `include "name" .Values.image` runs with dot at image.
                _context.NestedDataValuesPath = argCount == 2 && final == Missing ? FieldPath(nodeArgs![2]) : null;
            }

            return fun.Invoke(_context.FunctionContext, argv);
        }
        catch (TemplateFunctionException e)
        {
            At(n);
            throw Errorf($"error calling {name}: {e.Message}");
        }
        catch (TemplateExecutionException e) when (e.Code is null && fun.WrapsNestedErrors)
        {
            At(n);
            throw Errorf($"error calling {name}: {e.Message}");
        }
        catch (Exception e) when (e is not TemplateExecutionException and not OutOfMemoryException and not InsufficientExecutionStackException)
        {
            // Go's safeCall turns a panicking function into an error; here an unexpected exception does the same,
            // so a bug in one function is a coded render error at its call, never a crash of the host.
            At(n);
            throw Errorf($"error calling {name}: {e.Message}", DiagnosticCodes.WT4013);
        }
    }

    private static string ParamTypeName(GoParam p) => p switch
    {
        GoParam.String => "string",
        GoParam.Int => "int",
        GoParam.Int64 => "int64",
        GoParam.Float64 => "float64",
        GoParam.Bool => "bool",
        GoParam.List => "[]interface {}",
        GoParam.Map => "map[string]interface {}",
        GoParam.StringList => "[]string",
        GoParam.Value => "reflect.Value",
        GoParam.Time => "time.Time",
        GoParam.Uint32 => "uint32",
        _ => "interface {}",
    };

    private static bool CanBeNil(GoParam p) => p is GoParam.Any or GoParam.Value or GoParam.List or GoParam.Map or GoParam.StringList;

    /// <summary>Go's validateType: checks a computed value against a parameter type.</summary>
    private object? ValidateType(object? value, GoParam type, bool untyped = false)
    {
        if (value is NoValue)
        {
            if (untyped || type == GoParam.Value)
            {
                return NoValue.Instance;
            }

            if (CanBeNil(type))
            {
                return null;
            }

            throw Errorf($"invalid value; expected {ParamTypeName(type)}");
        }

        var ok = type switch
        {
            GoParam.Any or GoParam.Value => true,
            GoParam.String => value is string,
            GoParam.Int => value is long,
            GoParam.Int64 => value is GoInt64,
            GoParam.Float64 => value is double,
            GoParam.Bool => value is bool,
            GoParam.List => value is List<object?>,
            GoParam.Map => value is Dictionary<string, object?>,
            GoParam.StringList => value is List<object?> l && l.TrueForAll(x => x is string),
            GoParam.Time => value is Time.GoTime,
            GoParam.Uint32 => value is uint,
            _ => false,
        };
        if (!ok)
        {
            throw Errorf($"wrong type for value; expected {ParamTypeName(type)}; got {GoTypes.TypeName(value)}");
        }

        return value;
    }

    private object? EvalArg(object? dot, GoParam type, Node n, bool untyped = false)
    {
        At(n);
        switch (n)
        {
            case DotNode:
                return ValidateType(dot, type, untyped);
            case NilNode:
                if (untyped || CanBeNil(type))
                {
                    return type == GoParam.Value ? NoValue.Instance : null;
                }

                throw Errorf($"cannot assign nil to {ParamTypeName(type)}");
            case FieldNode field:
                return ValidateType(EvalFieldNode(dot, field, [n], Missing), type, untyped);
            case VariableNode variable:
                return ValidateType(EvalVariableNode(dot, variable, null, Missing), type, untyped);
            case PipeNode pipe:
                return ValidateType(EvalPipeline(dot, pipe), type, untyped);
            case IdentifierNode ident:
                return ValidateType(EvalFunction(dot, ident, ident, null, Missing), type, untyped);
            case ChainNode chain:
                return ValidateType(EvalChainNode(dot, chain, null, Missing), type, untyped);
        }

        if (untyped)
        {
            return EvalEmptyInterface(dot, n);
        }

        switch (type)
        {
            case GoParam.Bool:
                return n is BoolNode b ? b.Value : throw Errorf($"expected bool; found {n}");
            case GoParam.Float64:
                return n is NumberNode { IsFloat: true } f ? f.Float64 : throw Errorf($"expected float; found {n}");
            case GoParam.Int:
                return n is NumberNode { IsInt: true } i ? i.Int64 : throw Errorf($"expected integer; found {n}");
            case GoParam.Int64:
                return n is NumberNode { IsInt: true } i64 ? new GoInt64(i64.Int64) : throw Errorf($"expected integer; found {n}");
            case GoParam.Any or GoParam.Value:
                return EvalEmptyInterface(dot, n);
            case GoParam.String:
                return n is StringNode s ? s.Text : throw Errorf($"expected string; found {n}");
            case GoParam.Uint32:
                return n is NumberNode { IsUint: true } u && u.Uint64 <= uint.MaxValue ? (object)(uint)u.Uint64 : throw Errorf($"expected unsigned integer; found {n}");
        }

        throw Errorf($"can't handle {n} for arg of type {ParamTypeName(type)}");
    }

    private object? EvalEmptyInterface(object? dot, Node n)
    {
        At(n);
        return n switch
        {
            BoolNode b => b.Value,
            DotNode => dot,
            FieldNode f => EvalFieldNode(dot, f, null, Missing),
            IdentifierNode i => EvalFunction(dot, i, i, null, Missing),
            NilNode => throw Errorf("evalEmptyInterface: nil (can't happen)"),
            NumberNode num => IdealConstant(num),
            StringNode s => s.Text,
            VariableNode v => EvalVariableNode(dot, v, null, Missing),
            PipeNode p => EvalPipeline(dot, p),
            _ => throw Errorf($"can't handle assignment of {n} to empty interface argument"),
        };
    }
}
