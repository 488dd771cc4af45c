using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneStop.Platform.Web;

namespace OneStop.PlanTasks.Pages;

/// <summary>A refused write shown on the form: field errors beside their fields, the rest above the form.</summary>
internal static class PlanPageErrors
{
    public static void Add(ModelStateDictionary state, PlatformException e, string prefix)
    {
        if (e.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                state.AddModelError($"{prefix}.{field}", string.Join(" ", messages));
            }
        }
        else
        {
            state.AddModelError("", e.Message);
        }
    }
}
