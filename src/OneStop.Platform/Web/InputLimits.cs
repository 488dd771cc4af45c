using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Web;

/// <summary>
/// What the API accepts at all, whatever the endpoint (ADR 0034): dates between <see cref="MinDate"/> and
/// <see cref="MaxDate"/>, strings of at most <see cref="MaxStringLength"/> characters without the NUL character, lists of
/// at most <see cref="MaxItems"/> items and none of them null, enum values that exist. Checked on every argument an
/// endpoint binds (route, query, header values and the body, walked through our own request types) before the endpoint's
/// own filters and validators run, so a handler never sees such input; refused with a 400 ProblemDetails
/// (code Platform.ValidationFailed) naming each field. A field with other bounds says so with <see cref="DateBoundsAttribute"/>.
/// </summary>
public static class InputLimits
{
    public static readonly DateOnly MinDate = new(1900, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);
    public const int MaxStringLength = 100_000;
    public const int MaxItems = 10_000;
    private const int MaxDepth = 8;
    private const int MaxErrors = 20;

    /// <summary>Adds the check to every endpoint of <paramref name="builder"/> (a route group: the whole API).</summary>
    public static TBuilder RefuseMalformedInput<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var parameters = factory.MethodInfo.GetParameters()
                .Select(p => (Name: p.Name ?? "", Check: !IsService(p, services), IsBody: IsBody(p, services), Bounds: p.GetCustomAttribute<DateBoundsAttribute>()))
                .ToArray();
            return async ctx =>
            {
                var errors = new Dictionary<string, List<string>>();
                for (var i = 0; i < ctx.Arguments.Count && i < parameters.Length; i++)
                {
                    if (parameters[i].Check)
                    {
                        Walk(ctx.Arguments[i], parameters[i].IsBody ? "" : parameters[i].Name, parameters[i].Bounds, 0, errors, services);
                    }
                }

                if (errors.Count == 0)
                {
                    return await next(ctx);
                }

                // The body's own validator still speaks for its fields (its message is the more precise one); the
                // kernel's errors stand for the fields it says nothing about.
                var merged = new Dictionary<string, string[]>();
                for (var i = 0; i < ctx.Arguments.Count && i < parameters.Length; i++)
                {
                    if (parameters[i].IsBody && ctx.Arguments[i] is { } body)
                    {
                        foreach (var (field, messages) in ValidatorErrors(ctx.HttpContext.RequestServices, body))
                        {
                            merged[field] = messages;
                        }
                    }
                }

                foreach (var (field, messages) in errors.Where(e => !merged.ContainsKey(e.Key)))
                {
                    merged[field] = [.. messages];
                }

                return ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.DataInvalid), 400, errors: merged);
            };
        });

    /// <summary>The body's validator's errors per field; none when it has no validator or cannot run on this body.</summary>
    private static List<(string Field, string[] Messages)> ValidatorErrors(IServiceProvider services, object body)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(body.GetType())) is not IValidator validator)
        {
            return [];
        }

        try
        {
            return validator.Validate(new ValidationContext<object>(body)).Errors
                .GroupBy(e => e.PropertyName).Select(g => (g.Key, g.Select(e => e.ErrorMessage).ToArray())).ToList();
        }
        catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return []; // a rule that did not expect what the kernel refuses (a null item): the kernel's errors stand alone
        }
    }

    /// <summary>The reasons a date is refused, or null when it is within its bounds.</summary>
    public static string? DateProblem(DateOnly date, DateBoundsAttribute? bounds = null)
    {
        var (min, max) = bounds is null ? (MinDate, MaxDate) : (bounds.Min, bounds.Max);
        return date < min || date > max ? Messages.Text(PlatformMessages.DateOutOfRange, min.ToString("dd/MM/yyyy"), max.ToString("dd/MM/yyyy")) : null;
    }

    private static bool IsService(ParameterInfo p, IServiceProviderIsService? services) =>
        p.GetCustomAttribute<FromServicesAttribute>() is not null
        || p.ParameterType == typeof(HttpContext) || p.ParameterType == typeof(CancellationToken)
        || typeof(DbContext).IsAssignableFrom(p.ParameterType)
        || (services?.IsService(p.ParameterType) ?? false);

    private static bool IsBody(ParameterInfo p, IServiceProviderIsService? services) =>
        p.GetCustomAttribute<FromBodyAttribute>() is not null
        || (p.GetCustomAttribute<AsParametersAttribute>() is null && IsOurs(p.ParameterType) && !(services?.IsService(p.ParameterType) ?? false));

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("OneStop", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsInterface && !typeof(DbContext).IsAssignableFrom(type);

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, DateBoundsAttribute? Bounds)[]> PropertiesOf = new();

    private static void Walk(object? value, string path, DateBoundsAttribute? bounds, int depth, Dictionary<string, List<string>> errors, IServiceProviderIsService? services)
    {
        if (value is null || depth > MaxDepth || errors.Count >= MaxErrors)
        {
            return;
        }

        switch (value)
        {
            case string s:
                if (s.Contains('\0'))
                {
                    Add(errors, path, Messages.Text(PlatformMessages.NulCharacter));
                }
                else if (s.Length > MaxStringLength)
                {
                    Add(errors, path, Messages.Text(PlatformMessages.TextTooLong, MaxStringLength));
                }

                return;
            case DateOnly d:
                Add(errors, path, DateProblem(d, bounds));
                return;
            case DateTime t:
                Add(errors, path, DateProblem(DateOnly.FromDateTime(t), bounds));
                return;
            case DateTimeOffset o:
                Add(errors, path, DateProblem(DateOnly.FromDateTime(o.UtcDateTime), bounds));
                return;
            case Enum e:
                if (!Enum.IsDefined(e.GetType(), e) && e.GetType().GetCustomAttribute<FlagsAttribute>() is null)
                {
                    Add(errors, path, Messages.Text(PlatformMessages.ValueInvalid, e));
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk(entry.Key, path, null, depth + 1, errors, services);
                    Walk(entry.Value, $"{path}[{entry.Key}]", bounds, depth + 1, errors, services);
                }

                return;
            case IEnumerable items when value.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true || IsOurs(value.GetType()):
                var i = 0;
                foreach (var item in items)
                {
                    if (i == MaxItems)
                    {
                        Add(errors, path, Messages.Text(PlatformMessages.TooManyItems, MaxItems));
                        return;
                    }

                    if (item is null)
                    {
                        Add(errors, $"{path}[{i}]", Messages.Text(PlatformMessages.NullItem));
                    }
                    else
                    {
                        Walk(item, $"{path}[{i}]", bounds, depth + 1, errors, services);
                    }

                    i++;
                }

                return;
        }

        var type = value.GetType();
        if (!IsOurs(type) || type.IsValueType && type.IsPrimitive || (services?.IsService(type) ?? false))
        {
            return;
        }

        foreach (var (property, propertyBounds) in PropertiesOf.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<FromServicesAttribute>() is null)
                     .Select(p => (p, p.GetCustomAttribute<DateBoundsAttribute>())).ToArray()))
        {
            object? inner;
            try
            {
                inner = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            Walk(inner, path.Length == 0 ? property.Name : $"{path}.{property.Name}", propertyBounds, depth + 1, errors, services);
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string path, string? message)
    {
        if (message is null)
        {
            return;
        }

        var key = path.Length == 0 ? "body" : path;
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }
}
