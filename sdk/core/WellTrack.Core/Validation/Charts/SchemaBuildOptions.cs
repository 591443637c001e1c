using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// Build options for values.schema.json. JsonSchema.Net compiles every <c>pattern</c> to IL (RegexOptions.Compiled)
/// the first time a schema is evaluated: about 2 ms per pattern, 100 ms for a chart schema with 30 patterns, paid again
/// for every chart. Validation evaluates each schema a handful of times, so it uses interpreted regexes shared across
/// schemas (charts of one repository repeat the same patterns), through copies of the standard dialects whose
/// <c>pattern</c> handler is replaced. Should the library's internals differ (another version), the standard
/// options are used: slower, same results. Where code is not compiled at run time (the native welltrack tool), every
/// regex is interpreted anyway, so the standard options are used as they are.
/// </summary>
internal static class SchemaBuildOptions
{
    private static readonly Lazy<DialectRegistry?> Dialects = new(CreateDialects, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Fresh options per schema: each schema gets its own registry, so two charts may share an $id.</summary>
    public static BuildOptions Create()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        if (Dialects.Value is { } dialects)
        {
            options.DialectRegistry = dialects;
            options.Dialect = Patched(Dialect.Default) ?? Dialect.Default;
        }

        return options;
    }

    private static readonly ConcurrentDictionary<Uri, Dialect> PatchedById = new();

    /// <summary>The copy of <paramref name="dialect"/> with shared interpreted regexes, when there is one.</summary>
    public static Dialect? Patched(Dialect dialect) => dialect.Id is { } id && PatchedById.TryGetValue(id, out var patched) ? patched : null;

    private static DialectRegistry? CreateDialects()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }

        try
        {
            var registry = new DialectRegistry();
            foreach (var dialect in new[] { Dialect.Draft06, Dialect.Draft07, Dialect.Draft201909, Dialect.Draft202012 })
            {
                if (typeof(Dialect).GetField("_keywordData", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(dialect) is not IEnumerable entries)
                {
                    return null;
                }

                var handlers = new List<IKeywordHandler>();
                foreach (var entry in entries)
                {
                    var handler = Handler(entry);
                    if (handler is null)
                    {
                        return null;
                    }

                    handlers.Add(handler is PatternKeyword ? SharedRegexPatternKeyword.Instance : handler);
                }

                if (!handlers.Contains(SharedRegexPatternKeyword.Instance) || dialect.Id is null)
                {
                    return null;
                }

                var copy = new Dialect(handlers.Distinct())
                {
                    Id = dialect.Id,
                    RefIgnoresSiblingKeywords = dialect.RefIgnoresSiblingKeywords,
                    AllowUnknownKeywords = dialect.AllowUnknownKeywords,
                };
                registry.Register(copy);
                PatchedById[dialect.Id] = copy;
            }

            return registry;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or TargetException or MemberAccessException or JsonSchemaException)
        {
            return null;
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Reached only where code is compiled at run time (CreateDialects), never in a trimmed native build; a missing property yields null and the standard options.")]
    private static IKeywordHandler? Handler(object? entry)
    {
        if (entry is IKeywordHandler handler)
        {
            return handler;
        }

        var type = entry?.GetType();
        var value = type?.GetProperty("Handler")?.GetValue(entry) ?? type?.GetProperty("Value")?.GetValue(entry);
        return value is IKeywordHandler direct ? direct : value is null ? null : Handler(value);
    }

    /// <summary><c>pattern</c> with interpreted, process-wide cached regexes (same ECMAScript semantics).</summary>
    private sealed class SharedRegexPatternKeyword : PatternKeyword
    {
        public static new SharedRegexPatternKeyword Instance { get; } = new();

        private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

        public override object? ValidateKeywordValue(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } pattern)
            {
                return base.ValidateKeywordValue(value);
            }

            return Cache.GetOrAdd(pattern, p => new Regex(p, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1)));
        }
    }
}
