using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>A new account: who, where, which roles; the one-time password is shown once on the person's page.</summary>
[Permission(PlatformPermissions.UsersManage)]
internal sealed class CreateModel(PeopleAdministration people, PeopleLookups lookups) : PageModel
{
    [BindProperty] public string Login { get; set; } = "";
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public Guid UnitId { get; set; }
    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public DateOnly? ValidFrom { get; set; }

    public IReadOnlyList<PeopleLookups.UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<PeopleLookups.AgencyOption> Agencies { get; private set; } = [];
    public IReadOnlyList<RoleDto> Grantable { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // the request's own rules speak, in Vietnamese, for every field
        var request = new CreatePersonRequest(Login, FullName, Position, Email, Phone, new MembershipRequest(UnitId, AgencyCode, Roles, ValidFrom, null));
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError(error.Field.Replace("Membership.", ""), error.Message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var created = await people.CreateAsync(await people.AdministratorAsync(User, ct), request, ct);
                TempData["OneTimePassword"] = created.OneTimePassword;
                return RedirectToPage("Detail", new { id = created.Person.Id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var admin = await people.AdministratorAsync(User, ct);
        Units = await lookups.UnitsAsync(admin, ct);
        Agencies = await lookups.AgenciesAsync(admin, ct);
        Grantable = await people.GrantableRolesAsync(admin, ct);
    }
}
