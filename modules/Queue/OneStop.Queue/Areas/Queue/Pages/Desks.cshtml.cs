using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Desks;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Queue.Pages;

/// <summary>Thiết lập điểm phục vụ: desks of the scope, their counters and fields; unit leaders create and change them.</summary>
[Permission(QueuePermissions.Read)]
internal sealed class DesksModel(DeskSetupHandler setup, IPermissionChecker permissions, IServiceProvider services) : PageModel
{
    public IReadOnlyList<DeskDto> Desks { get; private set; } = [];
    public IReadOnlyList<string> CatalogueFields { get; private set; } = [];
    public bool CanManage { get; private set; }
    [TempData] public string? Error { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? HeadStart { get; set; }
    [BindProperty] public int? SlotMinutes { get; set; }
    [BindProperty] public int? SlotCapacity { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Desks = await setup.ListAsync(ct);
        CanManage = await permissions.IsGrantedAsync(User, QueuePermissions.Manage);
        // The catalogue is Counters'; without that module a desk still serves the fields typed in.
        IReadOnlyList<string> fields = services.GetService(typeof(ICountersApi)) is ICountersApi counters ? await counters.ProcedureFieldsAsync(ct) : [];
        CatalogueFields = fields.Append(QueueFields.ResultReturn).Concat(Desks.SelectMany(d => d.Fields)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new CreateDeskRequest(Code ?? "", Name ?? "", HeadStart, SlotMinutes, SlotCapacity, []);
        Validation.ThrowIfInvalid(HttpContext.RequestServices, request);
        await setup.CreateAsync(request, ct);
    });

    public Task<IActionResult> OnPostCounterAsync(Guid deskId, string? counterName, string[]? fields, CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new AddCounterRequest(counterName ?? "", fields ?? []);
        Validation.ThrowIfInvalid(HttpContext.RequestServices, request);
        await setup.AddCounterAsync(deskId, request, ct);
    });

    public Task<IActionResult> OnPostFieldsAsync(Guid counterId, string[]? fields, CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new SetFieldsRequest(fields ?? []);
        Validation.ThrowIfInvalid(HttpContext.RequestServices, request);
        await setup.SetFieldsAsync(counterId, request.Fields, ct);
    });

    private async Task<IActionResult> ManageAsync(Func<Task> action)
    {
        if (!await permissions.IsGrantedAsync(User, QueuePermissions.Manage))
        {
            return Forbid();
        }

        try
        {
            await action();
        }
        catch (PlatformException e)
        {
            Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
        }

        return RedirectToPage();
    }
}
