using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;

namespace OneStop.Counters.Features.Catalogue.ListProcedures;

/// <summary>The filters the staff catalogue and the public one share: level, field, and the keyset cursor by code.</summary>
internal static class ProcedureListFilter
{
    public static IQueryable<Procedure> Narrow(IQueryable<Procedure> query, string? level, string? field, string? afterCode)
    {
        query = level switch
        {
            ResolvingLevels.Commune => query.Where(p => p.AtCommune),
            ResolvingLevels.District => query.Where(p => p.AtDistrict),
            ResolvingLevels.Province => query.Where(p => p.AtProvince),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(field))
        {
            query = query.Where(p => p.Field == field);
        }

        return afterCode is null ? query : query.Where(p => string.Compare(p.Code, afterCode) > 0);
    }
}
