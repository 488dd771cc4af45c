using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Queue;
using OneStop.Counters.Features.Queue.Desks;
using OneStop.Counters.Features.Queue.Tickets;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Queue;

/// <summary>Thiết lập điểm phục vụ: desks of the scope, their counters and fields; unit leaders create and change them.</summary>
[Permission(CountersPermissions.QueueRead)]
internal sealed class DesksModel(CountersDbContext db, DeskSetupHandler setup, IPermissionChecker permissions) : PageModel
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
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.QueueManage);
        var fields = await db.Procedures.AsNoTracking().Select(p => p.Field).Where(f => f != "").Distinct().ToListAsync(ct);
        CatalogueFields = fields.Append(QueueFields.ResultReturn).Concat(Desks.SelectMany(d => d.Fields)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new CreateDeskRequest(Code ?? "", Name ?? "", HeadStart, SlotMinutes, SlotCapacity, []);
        QueueQueries.ThrowIfInvalid(request);
        await setup.CreateAsync(request, ct);
    });

    public Task<IActionResult> OnPostCounterAsync(Guid deskId, string? counterName, string[]? fields, CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new AddCounterRequest(counterName ?? "", fields ?? []);
        QueueQueries.ThrowIfInvalid(request);
        await setup.AddCounterAsync(deskId, request, ct);
    });

    public Task<IActionResult> OnPostFieldsAsync(Guid counterId, string[]? fields, CancellationToken ct) => ManageAsync(async () =>
    {
        var request = new SetFieldsRequest(fields ?? []);
        QueueQueries.ThrowIfInvalid(request);
        await setup.SetFieldsAsync(counterId, request.Fields, ct);
    });

    private async Task<IActionResult> ManageAsync(Func<Task> action)
    {
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.QueueManage))
        {
            return Forbid();
        }

        try
        {
            await action();
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return RedirectToPage();
    }
}
