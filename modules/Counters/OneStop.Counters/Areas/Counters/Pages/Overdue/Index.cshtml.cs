using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers.Forms;
using OneStop.Counters.Features.Dossiers.Overdue;
using OneStop.Platform.Documents;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Overdue;

/// <summary>
/// Bảng hồ sơ quá hạn for unit leaders: late and due-soon dossiers in scope, the pending Mẫu 04 drafts to issue or
/// print, and an Excel export.
/// </summary>
[Permission(CountersPermissions.DossiersRead)]
internal sealed class IndexModel(ApologyLetters letters, IPermissionChecker permissions, TimeProvider time, IPeopleDirectory people) : PageModel
{
    public OverdueBoardData Board { get; private set; } = new([], 0, [], 0, []);
    public bool CanIssue { get; private set; }
    /// <summary>Full names of the assignees on the board.</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;
    public DateTimeOffset Now { get; private set; }
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.DossiersProcess))
        {
            return Forbid();
        }

        try
        {
            var issued = await letters.IssueAsync(id, new IssueApologyRequest(), ct);
            Message = issued.DossierCode;
            return RedirectToPage();
        }
        catch (PlatformException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>The whole board as Excel (late and due-soon dossiers), for a meeting or a report.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var board = await letters.BoardAsync(ct);
        (string, double)[] columns = [("Tình trạng", 14), ("Mã hồ sơ", 22), ("Thủ tục", 40), ("Người nộp", 24), ("Trạng thái", 20), ("Hạn giải quyết", 18), ("Quá hạn", 14), ("Đơn vị đang xử lý", 26), ("Chuyên viên", 20), ("Có dự thảo Mẫu 04", 12)];
        var names = await NamesAsync(board, ct);
        var rows = board.Late.Select(d => Row("Quá hạn", d, names)).Concat(board.DueSoon.Select(d => Row("Sắp đến hạn", d, names)));
        using var book = new ExcelWorkbook().Sheet("Hồ sơ quá hạn", columns.Select((c, i) => new ExcelColumn<object?[]>(c.Item1, c.Item2, r => r[i])).ToList(), rows,
            [$"Hồ sơ quá hạn và sắp đến hạn — {FormLayout.Short(time.GetUtcNow())}"]);
        return File(book.ToBytes(), ExcelWorkbook.ContentType, $"Hồ sơ quá hạn {FormLayout.VietnamDate(time.GetUtcNow()):yyyy-MM-dd}.xlsx");
    }

    private static object?[] Row(string kind, OverdueDossier d, PeopleNames names) =>
        [kind, d.Code, d.ProcedureName, d.ApplicantName, d.StatusName, d.DueAt, d.Late > TimeSpan.Zero ? ApologyLetters.Lateness(d.Late) : "", d.CurrentUnitName, names.Name(d.AssignedTo), d.HasPendingLetter ? "Có" : ""];

    private Task<PeopleNames> NamesAsync(OverdueBoardData board, CancellationToken ct) =>
        people.NamesAsync(board.Late.Concat(board.DueSoon).Select(d => d.AssignedTo), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Board = await letters.BoardAsync(ct);
        Names = await NamesAsync(Board, ct);
        CanIssue = await permissions.IsGrantedAsync(User, CountersPermissions.DossiersProcess);
    }
}
