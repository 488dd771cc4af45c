using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace OneStop.Platform.Localization;

/// <summary>
/// JSON files per culture per assembly (embedded <c>Localization/vi.json</c>, <c>Localization/en.json</c>, and any
/// <c>…/Localization/{culture}.json</c> of a feature folder, merged).
/// Vietnamese is the default; a key missing in English falls back to Vietnamese, then to the key itself.
/// </summary>
internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Assembly, JsonStringLocalizer> _cache = new();

    public IStringLocalizer Create(Type resourceSource) => _cache.GetOrAdd(resourceSource.Assembly, a => new JsonStringLocalizer(Load(a)));

    public IStringLocalizer Create(string baseName, string location) => Create(Assembly.Load(new AssemblyName(location)).GetTypes()[0]);

    internal static Dictionary<string, Dictionary<string, string>> Load(Assembly assembly)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var culture = name[..^".json".Length].Split('.').Last();
            using var stream = assembly.GetManifestResourceStream(name)!;
            // Several files per culture merge: a feature may keep its texts beside it (Features/X/Localization/vi.json).
            var texts = result.TryGetValue(culture, out var existing) ? existing : result[culture] = new Dictionary<string, string>();
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                texts[key] = value;
            }
        }

        return result;
    }
}

internal sealed class JsonStringLocalizer(Dictionary<string, Dictionary<string, string>> texts) : IStringLocalizer
{
    public const string DefaultCulture = "vi";

    public LocalizedString this[string name] => Find(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Find(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Texts(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Find(string name)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (Texts(culture).TryGetValue(name, out var value) || Texts(DefaultCulture).TryGetValue(name, out value))
        {
            return new LocalizedString(name, value);
        }

        return new LocalizedString(name, name, resourceNotFound: true);
    }

    private Dictionary<string, string> Texts(string culture) => texts.TryGetValue(culture, out var t) ? t : [];
}
