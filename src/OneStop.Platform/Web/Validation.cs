using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OneStop.Platform.Web;

/// <summary>A request that checks itself; messages are Vietnamese and keyed by field name.</summary>
public interface IValidatableRequest
{
    IEnumerable<ValidationError> Validate();
}

public sealed record ValidationError(string Field, string Message);

public static class ValidationEndpointExtensions
{
    /// <summary>Rejects a request whose body fails <see cref="IValidatableRequest.Validate"/> with a 400 ProblemDetails (code Platform.ValidationFailed).</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) where TRequest : IValidatableRequest =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var request = ctx.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, "Thiếu nội dung yêu cầu.", 400);
            }

            var errors = request.Validate()
                .GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return errors.Count > 0
                ? ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, "Dữ liệu không hợp lệ.", 400, errors: errors)
                : await next(ctx);
        }).ProducesValidationProblem();
}
