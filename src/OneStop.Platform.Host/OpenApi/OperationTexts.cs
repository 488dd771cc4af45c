using System.Reflection;
using System.Text.Json;
using OneStop.Platform.Modules;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>The Vietnamese and English text of one operation.</summary>
internal sealed record OperationText(string Vi, string En);

/// <summary>
/// The texts of the API's operations, keyed by operation id: each assembly that maps endpoints keeps its own in an
/// embedded <c>OpenApi/operations.json</c> (<c>{ "counters.dossiers.get": { "vi": "…", "en": "…" } }</c>), so a module
/// describes its endpoints beside them without touching the endpoint files. ApiContractTests fails on an operation
/// without text.
/// </summary>
internal sealed class OperationTexts
{
    public const string ResourceSuffix = ".OpenApi.operations.json";

    private readonly Dictionary<string, OperationText> _texts = new(StringComparer.Ordinal);

    public OperationTexts(ModuleRegistry registry)
    {
        IEnumerable<Assembly> assemblies = [typeof(ModuleBase).Assembly, typeof(OperationTexts).Assembly, .. registry.Modules.Select(m => m.Assembly)];
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (id, text) in JsonSerializer.Deserialize<Dictionary<string, OperationText>>(stream, JsonSerializerOptions.Web) ?? [])
                {
                    _texts[id] = text;
                }
            }
        }
    }

    public OperationText? Find(string operationId) =>
        _texts.TryGetValue(operationId, out var text) && !string.IsNullOrWhiteSpace(text.Vi) && !string.IsNullOrWhiteSpace(text.En) ? text : null;
}
