using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>One person: details, units and roles held (with periods), account actions and the audited history.</summary>
[Permission(PlatformPermissions.UsersManage)]
internal sealed class DetailModel(PeopleAdministration people, PeopleLookups lookups, IPeopleDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public Guid UnitId { get; set; }
    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public DateOnly? ValidFrom { get; set; }
    [BindProperty] public DateOnly? ValidTo { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public PersonDto? Person { get; private set; }
    public IReadOnlyList<PersonHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<PeopleLookups.UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<PeopleLookups.AgencyOption> Agencies { get; private set; } = [];
    public IReadOnlyList<RoleDto> AllRoles { get; private set; } = [];
    public IReadOnlyList<RoleDto> Grantable { get; private set; } = [];
    [TempData] public string? OneTimePassword { get; set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct, fillForm: true) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        var request = new UpdatePersonRequest(FullName, Position, Email, Phone);
        return ActAsync(Validation.Failures(HttpContext.RequestServices, request), (p, a) => p.UpdateAsync(a, Id, request, ct), "People.Saved", ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) =>
        ConfirmedAsync((p, a) => p.SetActiveAsync(a, Id, false, ct), "People.Deactivated", ct);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) =>
        ActAsync([], (p, a) => p.SetActiveAsync(a, Id, true, ct), "People.Reactivated", ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        ActAsync([], (p, a) => p.UnlockAsync(a, Id, ct), "People.Unlocked", ct);

    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        ConfirmedAsync(async (p, a) =>
        {
            OneTimePassword = (await p.ResetPasswordAsync(a, Id, ct)).Password;
            return null!;
        }, "People.ResetDone", ct);

    public Task<IActionResult> OnPostAddMembershipAsync(CancellationToken ct)
    {
        var request = new MembershipRequest(UnitId, AgencyCode, Roles, ValidFrom, ValidTo);
        return ActAsync(Validation.Failures(HttpContext.RequestServices, request), (p, a) => p.AddMembershipAsync(a, Id, request, ct), "People.MembershipAdded", ct);
    }

    /// <summary>Changes the roles held in one membership, keeping its unit, agency and period.</summary>
    public async Task<IActionResult> OnPostUpdateRolesAsync(Guid membershipId, CancellationToken ct)
    {
        var admin = await people.AdministratorAsync(User, ct);
        PersonDto person;
        try
        {
            person = await people.GetAsync(admin, Id, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return NotFound();
        }

        if (person.Memberships.FirstOrDefault(m => m.Id == membershipId) is not { } m)
        {
            return NotFound();
        }

        var request = new MembershipRequest(m.UnitId, m.AgencyCode, Roles, m.ValidFrom, m.ValidTo);
        return await ActAsync(Validation.Failures(HttpContext.RequestServices, request), (p, a) => p.UpdateMembershipAsync(a, Id, membershipId, request, ct), "People.RolesChanged", ct);
    }

    public Task<IActionResult> OnPostEndMembershipAsync(Guid membershipId, CancellationToken ct) =>
        ConfirmedAsync((p, a) => p.EndMembershipAsync(a, Id, membershipId, ct), "People.MembershipEnded", ct);

    public string RoleName(string code, bool english) =>
        RoleDto.DisplayNameOf(AllRoles, code, english);

    private Task<IActionResult> ConfirmedAsync(Func<PeopleAdministration, PeopleAdministration.Administrator, Task<PersonDto>> action, string done, CancellationToken ct) =>
        ActAsync(Confirmed ? [] : [new ValidationError("Confirmed", Messages.Text(PlatformMessages.ConfirmFirst))], action, done, ct);

    private async Task<IActionResult> ActAsync(
        IEnumerable<ValidationError> errors, Func<PeopleAdministration, PeopleAdministration.Administrator, Task<PersonDto>> action, string done, CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (ModelState.IsValid)
        {
            try
            {
                await action(people, await people.AdministratorAsync(User, ct));
                Done = done;
                return RedirectToPage(new { id = Id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        return await LoadAsync(ct, fillForm: false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool fillForm)
    {
        var admin = await people.AdministratorAsync(User, ct);
        try
        {
            Person = await people.GetAsync(admin, Id, ct);
            History = await people.HistoryAsync(admin, Id, ct);
            // Who made each change, by name (the trail keeps the login).
            var names = await directory.ByLoginsAsync(History.Select(h => h.Actor), ct);
            History = History.Select(h => names.TryGetValue(h.Actor, out var n) ? h with { Actor = n.FullName } : h).ToList();
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return false;
        }

        if (fillForm)
        {
            (FullName, Position, Email, Phone) = (Person.FullName, Person.Position, Person.Email, Person.Phone);
        }

        Units = await lookups.UnitsAsync(admin, ct);
        Agencies = await lookups.AgenciesAsync(admin, ct);
        AllRoles = await people.RolesAsync(ct);
        Grantable = await people.GrantableRolesAsync(admin, ct);
        return true;
    }
}
