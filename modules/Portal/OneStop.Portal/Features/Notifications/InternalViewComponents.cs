using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace OneStop.Portal.Features.Notifications;

/// <summary>
/// MVC finds public view components only; inside a module everything but the module class is internal (architecture
/// rule), so the Portal's own view components are added to the feature here.
/// </summary>
internal sealed class InternalViewComponents : IApplicationFeatureProvider<ViewComponentFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ViewComponentFeature feature)
    {
        foreach (var type in typeof(InternalViewComponents).Assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsPublic: false } && typeof(ViewComponent).IsAssignableFrom(type)
                && type.Name.EndsWith("ViewComponent", StringComparison.Ordinal) && !feature.ViewComponents.Contains(type.GetTypeInfo()))
            {
                feature.ViewComponents.Add(type.GetTypeInfo());
            }
        }
    }
}
