using System.Globalization;
using FluentValidation.Resources;

namespace OneStop.Platform.Localization;

/// <summary>
/// FluentValidation asks its language manager for a rule's error code before its default message: our codes resolve
/// to the message catalogue (<see cref="Messages"/>), in the request's UI culture, with the validator's placeholders
/// ({MaxLength}, {From}, …) filled by FluentValidation itself.
/// </summary>
internal sealed class MessageLanguageManager : LanguageManager
{
    public override string GetString(string key, CultureInfo? culture = null)
    {
        if (Messages.IsCode(key))
        {
            culture ??= CultureInfo.CurrentUICulture;
            return Messages.Find(culture.TwoLetterISOLanguageName, key) ?? Messages.Find(Messages.DefaultCulture, key) ?? key;
        }

        return base.GetString(key, culture);
    }
}
