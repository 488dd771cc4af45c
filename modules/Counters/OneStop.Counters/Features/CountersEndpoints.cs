using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Features.DueDate;
using OneStop.Counters.Features.Catalogue.EditProcedure;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Features.Catalogue.ImportCatalogue;
using OneStop.Counters.Features.Catalogue.LegalTimeVersions;
using OneStop.Counters.Features.Catalogue.ListProcedures;
using OneStop.Counters.Features.Catalogue.LocationIndependence;
using OneStop.Counters.Features.Catalogue.StepBudgets;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Features.Search;

namespace OneStop.Counters.Features;

/// <summary>All REST endpoints of the module under <c>/api/v1/counters</c>.</summary>
internal static class CountersEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Lịch làm việc");
        // Days off and office hours are the kernel's, mapped by the host under the same group (ADR 0022).
        DueDateEndpoint.Map(calendar);

        var catalogue = api.MapGroup("/catalogue").WithTags("Danh mục thủ tục hành chính");
        ListProceduresEndpoint.Map(catalogue);
        GetProcedureEndpoint.Map(catalogue);
        EditProcedureEndpoint.Map(catalogue);
        AddLegalTimeVersionEndpoint.Map(catalogue);
        Catalogue.ProcedureVersions.NewProcedureVersionEndpoint.Map(catalogue);
        Catalogue.ProcedureVersions.AddProcedureEndpoint.Map(catalogue);
        SaveStepBudgetsEndpoint.Map(catalogue);
        CatalogueImportEndpoints.Map(catalogue);
        DecisionEndpoints.Map(catalogue, api);
        Catalogue.DocumentTypes.DocumentTypeEndpoints.Map(catalogue);

        DossierEndpoints.Map(api);
        Dossiers.WorkQueues.WorkQueueEndpoints.Map(api);
        PublicLookup.Map(api);
        Dossiers.Forms.DossierFormEndpoints.Map(api);
        Dossiers.Overdue.OverdueEndpoints.Map(api);
        Dossiers.Online.OnlineSubmissionEndpoints.Map(api);
        DossierSearchEndpoints.Map(api);
    }
}
