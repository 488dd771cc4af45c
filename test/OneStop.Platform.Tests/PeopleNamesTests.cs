using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.People;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>The batch look-up documents use to print people: full name and title by login, unknown logins as they are.</summary>
public sealed class PeopleNamesTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Names_by_login_keep_a_system_actor_or_api_client_as_it_is()
    {
        var names = await factory.AsSystemAsync(sp => sp.GetRequiredService<IPeopleDirectory>()
            .NamesAsync(["motcua.camthuong", "MOTCUA.CAMTHUONG", "lanhdao.camthuong", "system", "portal-client", null, " "]));

        names.Name("motcua.camthuong").ShouldBe("Phạm Thị Nhận");
        names.Name("Motcua.Camthuong").ShouldBe("Phạm Thị Nhận"); // logins compare as Identity does, ignoring case
        names.Position("motcua.camthuong").ShouldBe("Công chức Tư pháp - Hộ tịch phường Cẩm Thượng");
        names.Name("lanhdao.camthuong").ShouldBe("Đỗ Văn Phường");
        names.Name("system").ShouldBe("system");
        names.Name("portal-client").ShouldBe("portal-client");
        names.Position("portal-client").ShouldBeNull();
        names.Name(null).ShouldBeNull();
        names.Find("nobody").ShouldBeNull();
    }

    [Fact]
    public async Task No_login_no_query()
    {
        var names = await factory.AsSystemAsync(sp => sp.GetRequiredService<IPeopleDirectory>().NamesAsync([null, ""]));
        names.ShouldBeSameAs(PeopleNames.None);
    }
}
