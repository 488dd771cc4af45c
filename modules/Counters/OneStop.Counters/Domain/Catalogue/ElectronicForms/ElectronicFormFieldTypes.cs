namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>
/// The kinds of e-form field and the JSON Schema each stands for:
/// <list type="bullet">
/// <item><c>text</c>: <c>{"type":"string"}</c> with no <c>maxLength</c> or one of at most <see cref="LongTextFrom"/> (500) characters;</item>
/// <item><c>longtext</c> (a text area): <c>{"type":"string","maxLength":n}</c> with n &gt; 500;</item>
/// <item><c>date</c>: <c>{"type":"string","format":"date"}</c> (yyyy-MM-dd);</item>
/// <item><c>email</c>: <c>{"type":"string","format":"email"}</c>;</item>
/// <item><c>choice</c>: <c>{"type":"string","enum":[…]}</c>;</item>
/// <item><c>integer</c>, <c>number</c>, <c>boolean</c>: the JSON Schema type of the same name.</item>
/// </list>
/// </summary>
internal static class ElectronicFormFieldTypes
{
    public const string Text = "text", LongText = "longtext", Date = "date", Email = "email", Integer = "integer", Number = "number", Boolean = "boolean", Choice = "choice";

    public static readonly string[] All = [Text, LongText, Date, Email, Integer, Number, Boolean, Choice];

    /// <summary>A string field whose maxLength is above this is a long text (a text area).</summary>
    public const int LongTextFrom = 500;

    /// <summary>The maxLength the editor gives a new text field and a new long-text field.</summary>
    public const int TextMaxLength = 500, LongTextMaxLength = 4000, EmailMaxLength = 254;
}
