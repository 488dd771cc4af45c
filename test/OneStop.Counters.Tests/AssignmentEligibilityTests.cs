using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Counters.Contracts;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// Giao xử lý names a person chosen from the unit's eligible people, never free text (issue 17): an unknown login, a
/// person of another unit and a person without a role that processes dossiers are refused with a stable code and a
/// Vietnamese message, and the dossier is left as it was; the list the page and the API offer holds only the eligible.
/// </summary>
public sealed class AssignmentEligibilityTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string DeskA = "motcua.camthuong";        // Cẩm Thượng (10507), desk officer
    private const string LeaderA = "lanhdao.camthuong";     // Cẩm Thượng, leader
    private const string UnitAdminA = "quantri.camthuong";  // Cẩm Thượng, unit admin: no role that processes dossiers
    private const string DeskB = "motcua.binhhan";          // Bình Hàn (10510): another ward

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.AssigneeNotEligible);
        return problem;
    }

    [Fact]
    public async Task Only_people_of_the_unit_holding_the_dossier_who_process_dossiers_can_be_given_it()
    {
        var desk = await fx.SignInAsync(DeskA);
        var id = await TrainingGateTests.ReceivedBirthRegistrationAsync(desk);
        var api = $"/api/v1/counters/dossiers/{id}";

        var offered = (await desk.GetFromJsonAsync<JsonElement>($"{api}/assignees")).EnumerateArray().Select(p => p.GetProperty("login").GetString()).ToList();
        offered.ShouldContain(DeskA);
        offered.ShouldContain(LeaderA);
        offered.ShouldNotContain(UnitAdminA);
        offered.ShouldNotContain(DeskB);
        (await desk.GetStringAsync($"/Counters/Dossiers/Detail?id={id}")).ShouldContain($"<option value=\"{LeaderA}\">");

        (await RefusedAsync(await desk.PostAsJsonAsync($"{api}/assign", new { assignee = "khong.co.nguoi.nay" })))
            .GetProperty("title").GetString()!.ShouldContain("Không có tài khoản \"khong.co.nguoi.nay\"");
        (await RefusedAsync(await desk.PostAsJsonAsync($"{api}/assign", new { assignee = DeskB })))
            .GetProperty("title").GetString()!.ShouldContain("Vũ Văn Bình không thuộc");
        (await RefusedAsync(await desk.PostAsJsonAsync($"{api}/assign", new { assignee = UnitAdminA })))
            .GetProperty("title").GetString()!.ShouldContain("không có vai trò xử lý hồ sơ");
        // In English too, by the same code.
        using var english = new HttpRequestMessage(HttpMethod.Post, $"{api}/assign") { Content = JsonContent.Create(new { assignee = DeskB }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        (await RefusedAsync(await desk.SendAsync(english))).GetProperty("title").GetString()!.ShouldContain("is not a member of");

        var unchanged = await desk.GetFromJsonAsync<JsonElement>(api);
        unchanged.GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);
        unchanged.GetProperty("assignedTo").ValueKind.ShouldBe(JsonValueKind.Null);

        // The login as typed by hand in another case still finds the person; the dossier records the account's own spelling.
        var assigned = await desk.PostAsJsonAsync($"{api}/assign", new { assignee = " LanhDao.CamThuong " });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignedTo").GetString().ShouldBe(LeaderA);
    }
}
