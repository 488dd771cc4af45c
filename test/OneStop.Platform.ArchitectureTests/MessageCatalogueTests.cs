using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Validators;
using OneStop.Platform.Host;
using OneStop.Platform.Localization;

namespace OneStop.Platform.ArchitectureTests;

/// <summary>
/// Messages by code (ADR 0020): every code the server can show a person has a Vietnamese and an English text, and
/// every validation rule names such a code, one theory row per assembly of the module list.
/// </summary>
public sealed partial class MessageCatalogueTests
{
    public static TheoryData<string> Assemblies() => new(OurAssemblies().Select(a => a.GetName().Name!));

    private static IEnumerable<Assembly> OurAssemblies() =>
        HostModules.All.SelectMany(m => new[] { m.Assembly, m.ContractsAssembly })
            .Append(typeof(Messages).Assembly)
            .Append(typeof(OneStop.Platform.Kpis.KpiPeriod).Assembly)
            .Append(typeof(HostModules).Assembly)
            .Distinct();

    private static Assembly Named(string name) => OurAssemblies().Single(a => a.GetName().Name == name);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_error_and_message_code_has_a_Vietnamese_and_an_English_text(string assembly)
    {
        var codes = Named(assembly).GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && (t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal) || t.Name.EndsWith("Messages", StringComparison.Ordinal)) && t != typeof(Messages))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Code: (string)f.GetRawConstantValue()!))
            .Where(c => Messages.IsCode(c.Code))
            .ToList();

        Missing(codes).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_validation_rule_names_a_message_code_with_both_texts(string assembly)
    {
        var problems = new List<string>();
        foreach (var type in Named(assembly).GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)))
        {
            if (type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is null)
            {
                // Rules are pure; a check against stored data belongs to the handler, which answers with an error code.
                problems.Add($"{type.Name}: a validator takes no services");
                continue;
            }

            var validator = (IValidator)Activator.CreateInstance(type, nonPublic: true)!;
            // A child validator (SetValidator) speaks through its own rules, checked where it is declared.
            var components = validator.CreateDescriptor().Rules
                .SelectMany(r => r.Components.Where(c => c.Validator is not IChildValidatorAdaptor).Select(c => (Rule: r.PropertyName ?? "(rule)", c.ErrorCode)));
            foreach (var (rule, code) in components)
            {
                if (code is null || !Messages.IsCode(code))
                {
                    problems.Add($"{type.Name}.{rule}: the rule has no message code (.WithErrorCode(...))");
                }
                else
                {
                    problems.AddRange(Missing([($"{type.Name}.{rule}", code)]));
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_Vietnamese_and_English_message_files_agree(string assembly)
    {
        var files = Messages.Of(Named(assembly));
        var vi = files.GetValueOrDefault("vi") ?? new Dictionary<string, string>();
        var en = files.GetValueOrDefault("en") ?? new Dictionary<string, string>();
        vi.Keys.Except(en.Keys).ShouldBeEmpty("codes with Vietnamese text only");
        en.Keys.Except(vi.Keys).ShouldBeEmpty("codes with English text only");
        vi.Keys.Where(k => !Messages.IsCode(k)).ShouldBeEmpty("keys of messages.*.json are codes (Module.Name)");
        vi.Where(kv => en.TryGetValue(kv.Key, out var english) && !Placeholders(kv.Value).SetEquals(Placeholders(english)))
            .Select(kv => kv.Key).ShouldBeEmpty("the two texts of a code take the same arguments");
        vi.Where(kv => string.IsNullOrWhiteSpace(kv.Value) || string.IsNullOrWhiteSpace(en[kv.Key])).Select(kv => kv.Key).ShouldBeEmpty();
    }

    private static IEnumerable<string> Missing(IEnumerable<(string Where, string Code)> codes) =>
        codes.SelectMany(c => Messages.Cultures
            .Where(culture => Messages.Find(culture, c.Code) is null)
            .Select(culture => $"{c.Where} = {c.Code}: no '{culture}' text in any Localization/messages.{culture}.json"));

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{([A-Za-z0-9]+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
