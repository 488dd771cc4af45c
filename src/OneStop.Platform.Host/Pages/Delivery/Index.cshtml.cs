using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Messaging;
using OneStop.Platform.Permissions;

namespace OneStop.Platform.Host.Pages.Delivery;

/// <summary>
/// Hàng đợi lỗi: what every queue of the relay gave up on (events the modules' handlers kept refusing, messages external
/// systems kept refusing), newest first, 50 a page, each with its last error and a retry.
/// </summary>
[Permission(PlatformPermissions.DeliveryManage)]
public sealed class IndexModel(IEnumerable<IDeliveryLeg> legs) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid? Before { get; set; }
    public IReadOnlyList<DeadLetter> Letters { get; private set; } = [];
    public bool HasMore { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var letters = new List<DeadLetter>();
        foreach (var leg in legs)
        {
            letters.AddRange(await leg.DeadLettersAsync(Before, PageSize + 1, ct));
        }

        var ordered = letters.OrderByDescending(l => l.Id).ToList();
        HasMore = ordered.Count > PageSize;
        Letters = ordered.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnPostRetryAsync(string leg, Guid id, CancellationToken ct)
    {
        var queue = legs.FirstOrDefault(l => l.Name == leg);
        Done = queue is not null && await queue.RetryAsync(id, ct) ? "retried" : "missing";
        return RedirectToPage();
    }
}
