using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Domain;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Courses;

internal sealed record CourseDto(Guid Id, string Code, string Title, string Topic, string? ProcedureField, int ValidityMonths)
{
    public static CourseDto From(Course c) => new(c.Id, c.Code, c.Title, c.Topic, c.ProcedureField, c.ValidityMonths);
}

internal sealed record CreateCourseRequest(string Code, string Title, string Topic, string? ProcedureField, int ValidityMonths) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 32 || !Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return new(nameof(Code), "Mã khóa học bắt buộc, tối đa 32 ký tự, chỉ gồm chữ không dấu, chữ số và dấu gạch ngang.");
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 256)
        {
            yield return new(nameof(Title), "Tên khóa học bắt buộc, tối đa 256 ký tự.");
        }

        if (!CourseTopics.All.Contains(Topic))
        {
            yield return new(nameof(Topic), $"Chuyên đề phải là một trong: {string.Join(", ", CourseTopics.All)}.");
        }

        if (ValidityMonths is < 1 or > 120)
        {
            yield return new(nameof(ValidityMonths), "Thời hạn chứng nhận từ 1 đến 120 tháng.");
        }
    }
}

/// <summary>The course catalogue, seeded with the plan's topics (2021 d: đào tạo, bồi dưỡng nghiệp vụ và kỹ năng).</summary>
internal static class CourseCatalogue
{
    public static readonly CreateCourseRequest[] Seed =
    [
        new("MC-QT", "Quy trình tiếp nhận, giải quyết TTHC theo cơ chế một cửa, một cửa liên thông", CourseTopics.OneStopProcedures, null, 24),
        new("SH-HS", "Số hóa hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính", CourseTopics.Digitisation, null, 24),
        new("KY-SO", "Sử dụng chữ ký số trong giải quyết thủ tục hành chính", CourseTopics.DigitalSignatures, null, 36),
        new("PDG-HT", "Tiếp nhận hồ sơ hộ tịch không phụ thuộc địa giới hành chính", CourseTopics.BoundaryFreeReception, "ho-tich", 24),
        new("BC-CI", "Dịch vụ bưu chính công ích trong giải quyết thủ tục hành chính", CourseTopics.PostalServices, null, 24),
    ];

    public static async Task SeedAsync(TrainingDbContext db, CancellationToken ct)
    {
        var existing = await db.Courses.Select(c => c.Code).ToListAsync(ct);
        foreach (var c in Seed.Where(c => !existing.Contains(c.Code)))
        {
            db.Courses.Add(new Course(c.Code, c.Title, c.Topic, c.ProcedureField, c.ValidityMonths));
        }

        await db.SaveChangesAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/courses", async (TrainingDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Courses.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CourseDto.From).ToList()))
            .RequirePermission(TrainingPermissions.Access).WithSummary("Danh mục khóa học");
        api.MapPost("/courses", Create).RequirePermission(TrainingPermissions.Manage)
            .Validate<CreateCourseRequest>().WithIdempotency().WithSummary("Thêm khóa học");
    }

    private static async Task<Results<Created<CourseDto>, ProblemHttpResult>> Create(TrainingDbContext db, CreateCourseRequest request, CancellationToken ct)
    {
        if (await db.Courses.AnyAsync(c => c.Code == request.Code, ct))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(TrainingErrorCodes.CourseCodeTaken, $"Mã khóa học '{request.Code}' đã tồn tại.", 409));
        }

        var course = new Course(request.Code, request.Title.Trim(), request.Topic, string.IsNullOrWhiteSpace(request.ProcedureField) ? null : request.ProcedureField.Trim(), request.ValidityMonths);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/training/courses/{course.Id}", CourseDto.From(course));
    }
}
