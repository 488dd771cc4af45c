using Microsoft.Extensions.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Localization;

/// <summary>Data-annotation messages of page models are message codes (<c>[Required(ErrorMessage = "Platform.Account.LoginRequired")]</c>) resolved from the catalogue.</summary>
internal sealed class MessageLocalizer : IStringLocalizer
{
    public static readonly MessageLocalizer Instance = new();

    public LocalizedString this[string name] => Messages.IsCode(name) ? new(name, Messages.Text(name)) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        Messages.IsCode(name) ? new(name, Messages.Text(name, arguments)) : new(name, string.Format(name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
