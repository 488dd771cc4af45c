using FluentValidation;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Rules shared by the requests that create, rename and retire units and agencies.</summary>
internal static class UnitRules
{
    /// <summary>A name of a unit or agency: required, at most 256 characters.</summary>
    public static IRuleBuilderOptions<T, string?> UnitName<T>(this IRuleBuilder<T, string?> rule, string code) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(code);

    /// <summary>The date a change takes effect: required, in the years 2000–2100.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> EffectiveOn<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(on => on is { Year: >= 2000 and <= 2100 }).WithErrorCode(UnitsMessages.EffectiveOnRequired);
}
