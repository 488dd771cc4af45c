using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>The messages a form shows beside one field ("" for the form as a whole), or null when it has none.</summary>
internal static class FormErrors
{
    public static string? Of(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
