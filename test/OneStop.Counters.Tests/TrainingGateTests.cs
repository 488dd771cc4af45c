using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Counters.Contracts;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>The training gate switched on: a specialist gets dossiers of a field only with a valid certificate for it.</summary>
public sealed class TrainingGateTests(TrainingGateTests.GateOn fx) : IClassFixture<TrainingGateTests.GateOn>
{
    public sealed class GateOn : OneStopFactory
    {
        public GateOn() => With("Counters:TrainingGate:Enabled", "true");
    }

    private const string DeskA = "motcua.camthuong";

    internal static async Task<Guid> ReceivedBirthRegistrationAsync(HttpClient desk)
    {
        var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<OneStopFactory>.BirthRegistration());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        dossier.GetProperty("procedureField").GetString().ShouldBe("Hộ tịch");
        return dossier.GetProperty("id").GetGuid();
    }

    /// <summary>The province holds a class of the civil-status course (field "ho-tich") today and passes the desk officer.</summary>
    private async Task TrainDeskAAsync()
    {
        const string api = "/api/v1/training";
        var province = await fx.SignInAsync("lanhdao.tinh");
        var course = (await province.GetFromJsonAsync<JsonElement>($"{api}/courses")).EnumerateArray()
            .Single(c => c.GetProperty("procedureField").GetString() == "ho-tich").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var created = await province.PostAsJsonAsync($"{api}/classes/", new
        {
            courseId = course, title = "Tập huấn hộ tịch", startsOn = today.AddDays(-1), endsOn = today, venue = "Hội trường UBND tỉnh", organiser = "provincial-office",
        });
        var classId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var enrolled = await province.PostAsJsonAsync($"{api}/classes/{classId}/participants", new { userName = DeskA });
        var participant = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await province.PutAsJsonAsync($"{api}/participants/{participant}/result", new { attended = true, result = "passed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Assignment_waits_for_a_valid_certificate_of_the_procedure_field()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        var desk = await fx.SignInAsync(DeskA);
        var id = await ReceivedBirthRegistrationAsync(desk);

        var refused = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = DeskA });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.SpecialistNotTrained);
        problem.GetProperty("title").GetString()!.ShouldContain("Chuyên viên Phạm Thị Nhận chưa có chứng nhận bồi dưỡng còn hiệu lực về lĩnh vực Hộ tịch");
        var unchanged = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{id}");
        unchanged.GetProperty("status").GetString().ShouldBe(DossierStatuses.Received);
        unchanged.GetProperty("assignedTo").ValueKind.ShouldBe(JsonValueKind.Null);
        // Nobody has this login: refused before the gate is asked (AssignmentEligibilityTests), the dossier unchanged.
        var unknown = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = "khong.co.nguoi.nay" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(CountersErrorCodes.AssigneeNotEligible);

        await TrainDeskAAsync();
        var assigned = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = DeskA });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignedTo").GetString().ShouldBe(DeskA);

        // Two years on the certificate (valid 24 months) has lapsed: the gate closes again.
        var second = await ReceivedBirthRegistrationAsync(desk);
        fx.Clock.SetVietnamTime(2028, 12, 11, 9);
        (await (await fx.SignInAsync(DeskA)).PostAsJsonAsync($"/api/v1/counters/dossiers/{second}/assign", new { assignee = DeskA })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

/// <summary>The gate switched on while the Training module is off: nothing to check against, assignments go through.</summary>
public sealed class TrainingGateWithoutTrainingTests(TrainingGateWithoutTrainingTests.GateOnTrainingOff fx) : IClassFixture<TrainingGateWithoutTrainingTests.GateOnTrainingOff>
{
    public sealed class GateOnTrainingOff : OneStopFactory
    {
        public GateOnTrainingOff()
        {
            With("Counters:TrainingGate:Enabled", "true");
            With("Modules:Training:Enabled", "false");
        }
    }

    [Fact]
    public async Task Assignment_is_not_blocked_when_training_cannot_be_checked()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        var desk = await fx.SignInAsync("motcua.camthuong");
        var id = await TrainingGateTests.ReceivedBirthRegistrationAsync(desk);
        var assigned = await desk.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/assign", new { assignee = "motcua.camthuong" });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
    }
}
