using System.Text;

namespace WellTrack.Templating.Execution;

/// <summary>
/// State shared by every template executed during one render: limits and their counters, the include counts Helm
/// uses for its recursion limit, and render-wide services (clock, random) that functions read.
/// </summary>
internal sealed class RenderSession
{
    public RenderSession(TemplateSet templates, RenderLimits limits, RenderEnvironment environment)
    {
        Templates = templates;
        Limits = limits;
        Environment = environment;
        FunctionContext = new FunctionContext(this);
    }

    /// <summary>What functions receive; one per render, as it only points back at this session.</summary>
    public FunctionContext FunctionContext { get; }

    /// <summary>The templates <c>include</c> and <c>template</c> see; <c>tpl</c> swaps in a clone while it runs.</summary>
    public TemplateSet Templates { get; set; }

    public RenderLimits Limits { get; }

    public RenderEnvironment Environment { get; }

    /// <summary>Nesting of include calls per template name (Helm's includedNames).</summary>
    public Dictionary<string, int> IncludedNames { get; } = new(StringComparer.Ordinal);

    public long OutputChars { get; set; }

    public long RangeIterations { get; set; }

    public int Depth { get; set; }

    /// <summary>Approximate stack address where the render started; nesting checks measure from here.</summary>
    public nint StackBase { get; } = StackAddress();

    /// <summary>The address of a local of the caller's frame; safe code, used only for distance arithmetic.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static nint StackAddress()
    {
        byte local = 0;
        return System.Runtime.CompilerServices.Unsafe.ByteOffset(ref System.Runtime.CompilerServices.Unsafe.NullRef<byte>(), ref local);
    }

    /// <summary>True while the stack used since the render started stays within the limit.</summary>
    public bool HasStackRoom() => StackBase - StackAddress() < Limits.MaxStackBytes && System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack();

    /// <summary>When recording, the template set the render started with (<c>tpl</c> output is not mapped).</summary>
    private TemplateSet? _recordedTemplates;

    /// <summary>True when executors record where each piece of output came from.</summary>
    public bool Recording => _recordedTemplates is not null;

    /// <summary>
    /// Results of nested executions (include) with their origins, most recent last; an action that prints one maps
    /// the text to where it was produced. Each execution drops what its own actions left behind.
    /// </summary>
    public List<(string Text, List<OutputSegment> Segments)> Captured { get; } = [];

    /// <summary>
    /// The values path of the data that the include or tpl about to be called passes as dot (recording only): set
    /// by the calling executor, taken by the nested execution.
    /// </summary>
    internal string? NestedDataValuesPath { get; set; }

    /// <summary>Turns on recording of output origins for every execution in this session.</summary>
    public void StartRecording() => _recordedTemplates = Templates;

    public void DropCaptured(int mark)
    {
        if (Captured.Count > mark)
        {
            Captured.RemoveRange(mark, Captured.Count - mark);
        }
    }

    /// <summary>Executes template <paramref name="name"/> with <paramref name="data"/> as dot and $.</summary>
    public string ExecuteTemplate(string name, object? data, string? parentName = null) => ExecuteTemplate(name, data, parentName, tree: null);

    /// <param name="tree">The template object's own tree when it is not the set's definition of the name (tpl).</param>
    internal string ExecuteTemplate(string name, object? data, string? parentName, Parsing.ParsedTree? tree)
    {
        if (Recording)
        {
            var mark = Captured.Count;
            var dataValuesPath = NestedDataValuesPath;
            NestedDataValuesPath = null;
            var (text, segments) = ExecuteRecorded(name, data, parentName, dataValuesPath, tree);
            DropCaptured(mark);
            if (ReferenceEquals(Templates, _recordedTemplates))
            {
                Captured.Add((text, segments));
            }

            return text;
        }

        tree ??= Lookup(name, parentName);
        var sb = new StringBuilder();
        new Executor(this, name, sb).Execute(tree, data);
        return sb.ToString();
    }

    /// <summary>Executes template <paramref name="name"/> recording where each piece of its output came from.</summary>
    /// <param name="dataValuesPath">Where <paramref name="data"/> sits in .Values, when it does.</param>
    public (string Text, List<OutputSegment> Segments) ExecuteRecorded(string name, object? data, string? parentName = null, string? dataValuesPath = null)
        => ExecuteRecorded(name, data, parentName, dataValuesPath, tree: null);

    internal (string Text, List<OutputSegment> Segments) ExecuteRecorded(string name, object? data, string? parentName, string? dataValuesPath, Parsing.ParsedTree? tree)
    {
        tree ??= Lookup(name, parentName);
        var sb = new StringBuilder();
        var segments = new List<OutputSegment>();
        new Executor(this, name, sb, segments).Execute(tree, data, dataValuesPath);
        return (sb.ToString(), segments);
    }

    private Parsing.ParsedTree Lookup(string name, string? parentName) => Templates.Lookup(name)
        ?? throw new TemplateExecutionException(
            $"template: no template {Values.GoStrconv.Quote(name)} associated with template {Values.GoStrconv.Quote(parentName ?? name)}");
}

/// <summary>Render-wide services that functions may use: the clock and the random source.</summary>
public sealed class RenderEnvironment
{
    public static readonly RenderEnvironment Live = new(() => DateTimeOffset.Now, Random.Shared);

    public RenderEnvironment(Func<DateTimeOffset> clock, Random random)
    {
        Clock = clock;
        Random = random;
    }

    public Func<DateTimeOffset> Clock { get; }

    public Random Random { get; }

    /// <summary>A fixed clock and seeded random source, so time and random functions render the same every time.</summary>
    public static RenderEnvironment Deterministic(DateTimeOffset now, int seed) => new(() => now, new Random(seed));
}
