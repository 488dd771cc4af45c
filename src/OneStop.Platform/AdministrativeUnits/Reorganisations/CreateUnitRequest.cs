using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Thành lập đơn vị hành chính: a new unit under a parent valid on the date, with its reception desk.</summary>
public sealed record CreateUnitRequest(string? Code, string? Name, string? Level, Guid? ParentId, DateOnly? EffectiveOn, string? DeskName) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 16 || !Code.All(char.IsAsciiDigit))
        {
            yield return new(nameof(Code), "Mã đơn vị bắt buộc, gồm chữ số, tối đa 16 ký tự (mã theo danh mục của cơ quan thống kê).");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 256)
        {
            yield return new(nameof(Name), "Tên đơn vị bắt buộc, tối đa 256 ký tự (ví dụ: Phường Thành Đông).");
        }

        if (Level is not (UnitLevels.Province or UnitLevels.District or UnitLevels.Commune))
        {
            yield return new(nameof(Level), "Cấp đơn vị phải là tỉnh, huyện hoặc xã.");
        }

        if (Level != UnitLevels.Province && ParentId is null)
        {
            yield return new(nameof(ParentId), "Chọn đơn vị cấp trên.");
        }

        if (EffectiveOn is null || EffectiveOn.Value.Year is < 2000 or > 2100)
        {
            yield return new(nameof(EffectiveOn), "Ngày có hiệu lực bắt buộc, trong khoảng năm 2000–2100.");
        }

        if (DeskName is { Length: > 256 })
        {
            yield return new(nameof(DeskName), "Tên bộ phận tiếp nhận tối đa 256 ký tự.");
        }
    }
}
