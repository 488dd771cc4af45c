using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>Creates the valid rows of a previewed workbook.</summary>
public sealed record ImportConfirmation(string FileId) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(FileId) || FileId.Length != 64 || !FileId.All(char.IsAsciiHexDigit))
        {
            yield return new(nameof(FileId), "Mã tệp xem trước không hợp lệ; hãy tải tệp lên lại.");
        }
    }
}
