using FluentValidation;
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

internal sealed record CreateCourseRequest(string Code, string Title, string Topic, string? ProcedureField, int ValidityMonths);

internal sealed class CreateCourseRequestValidator : AbstractValidator<CreateCourseRequest>
{
    public CreateCourseRequestValidator()
    {
        RuleFor(r => r.Code).Must(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            .WithErrorCode(TrainingMessages.CourseCodeInvalid);
        RuleFor(r => r.Title).Must(title => !string.IsNullOrWhiteSpace(title) && title.Length <= 256).WithErrorCode(TrainingMessages.CourseTitleRequired);
        RuleFor(r => r.Topic).Must((_, topic, context) =>
        {
            context.MessageFormatter.AppendArgument("Topics", string.Join(", ", CourseTopics.All));
            return CourseTopics.All.Contains(topic);
        }).WithErrorCode(TrainingMessages.TopicInvalid);
        RuleFor(r => r.ValidityMonths).InclusiveBetween(1, 120).WithErrorCode(TrainingMessages.ValidityOutOfRange);
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
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(TrainingErrorCodes.CourseCodeTaken, 409, request.Code));
        }

        var course = new Course(request.Code, request.Title.Trim(), request.Topic, string.IsNullOrWhiteSpace(request.ProcedureField) ? null : request.ProcedureField.Trim(), request.ValidityMonths);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/training/courses/{course.Id}", CourseDto.From(course));
    }
}
