using OneStop.Platform.Web;

namespace OneStop.Platform.Calendar;

/// <summary>Thêm ngày nghỉ / ngày làm bù.</summary>
internal sealed record AddDayOffRequest(DateOnly Date, string Kind, string Name, string? Source) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (!DayOffKinds.All.Contains(Kind))
        {
            yield return new(nameof(Kind), $"Loại ngày phải là một trong: {string.Join(", ", DayOffKinds.All)}.");
        }
        else if (Kind == DayOffKinds.MakeupWorkday && Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            yield return new(nameof(Date), "Ngày làm bù phải là Thứ Bảy hoặc Chủ nhật (ngày thường vốn đã là ngày làm việc).");
        }

        if (Date.Year is < 2000 or > 2100)
        {
            yield return new(nameof(Date), "Ngày không hợp lệ.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 256)
        {
            yield return new(nameof(Name), "Tên ngày nghỉ bắt buộc, tối đa 256 ký tự.");
        }

        if (Source is { Length: > 2000 })
        {
            yield return new(nameof(Source), "Nguồn tối đa 2000 ký tự.");
        }
    }
}
