using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneStop.Platform.Localization;

/// <summary>
/// Every message a person sees from the server, by its stable code (ADR 0020): the texts sit in each assembly's embedded
/// <c>Localization/messages.vi.json</c> and <c>messages.en.json</c>, keyed by the code (<c>Counters.DossierNotFound</c>),
/// and are chosen by the request's UI culture. Vietnamese is the fallback; a code without text shows as itself, which the
/// catalogue tests forbid.
/// </summary>
/// <remarks>
/// Static on purpose: exceptions and validators format their message where no service provider is at hand, and the
/// catalogue is immutable embedded data (one per process, like a resource manager).
/// Arguments are positional (<c>{0}</c>) or named after a validator's placeholders (<c>{MaxLength}</c>).
/// </remarks>
public static partial class Messages
{
    public const string DefaultCulture = "vi";
    public static readonly IReadOnlyList<string> Cultures = ["vi", "en"];

    private static readonly ConcurrentDictionary<Assembly, Catalogue> Loaded = new();
    private static volatile Dictionary<string, Dictionary<string, string>>? _merged;

    static Messages() => AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
    {
        if (IsOurs(e.LoadedAssembly))
        {
            _merged = null; // a module loaded late: rebuild on next use
        }
    };

    /// <summary>The text of <paramref name="code"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Text(string code, params object?[] args) => Text(CultureInfo.CurrentUICulture, code, args);

    public static string Text(CultureInfo culture, string code, params object?[] args)
    {
        var template = Find(culture.TwoLetterISOLanguageName, code) ?? Find(DefaultCulture, code) ?? code;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The template of a code in one culture, or null (used by validators and by the catalogue tests).</summary>
    public static string? Find(string culture, string code) =>
        Merged().TryGetValue(culture, out var texts) && texts.TryGetValue(code, out var text) ? text : null;

    /// <summary>The codes an assembly gives text for, per culture (for the catalogue tests).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Of(Assembly assembly) =>
        Loaded.GetOrAdd(assembly, Load).Texts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value);

    /// <summary>Whether a code is one of ours (Module.Name), as opposed to a framework or validator key.</summary>
    public static bool IsCode(string key) => CodeShape().IsMatch(key);

    private static Dictionary<string, Dictionary<string, string>> Merged()
    {
        if (_merged is { } merged)
        {
            return merged;
        }

        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(IsOurs))
        {
            foreach (var (culture, texts) in Loaded.GetOrAdd(assembly, Load).Texts)
            {
                var target = result.TryGetValue(culture, out var existing) ? existing : result[culture] = new(StringComparer.Ordinal);
                foreach (var (code, text) in texts)
                {
                    target[code] = text;
                }
            }
        }

        return _merged = result;
    }

    private static bool IsOurs(Assembly assembly) =>
        !assembly.IsDynamic && assembly.GetName().Name?.StartsWith("OneStop.", StringComparison.Ordinal) == true;

    private static Catalogue Load(Assembly assembly)
    {
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.messages.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var culture = name[..^".json".Length].Split('.').Last();
            using var stream = assembly.GetManifestResourceStream(name)!;
            var target = texts.TryGetValue(culture, out var existing) ? existing : texts[culture] = new(StringComparer.Ordinal);
            foreach (var (code, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                target[code] = text;
            }
        }

        return new Catalogue(texts);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z0-9]*)+$")]
    private static partial Regex CodeShape();

    private sealed record Catalogue(Dictionary<string, Dictionary<string, string>> Texts);
}
