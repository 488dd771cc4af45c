using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Domain;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

public static class FollowsPrimarySuccessorExtensions
{
    /// <summary>Rows of <typeparamref name="TEntity"/> pass to the primary successor of their unit when it is retired.</summary>
    public static IServiceCollection AddFollowsPrimarySuccessor<TContext, TEntity>(this IServiceCollection services, string what)
        where TContext : DbContext
        where TEntity : class, IUnitScoped =>
        services.AddScoped<IUnitSuccessionParticipant>(sp => new FollowsPrimarySuccessor<TContext, TEntity>(sp.GetRequiredService<TContext>(), what));
}
