using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OneStop.Platform.Identity;

namespace OneStop.Platform.Host;

/// <summary>
/// Tells a newcomer who ran <c>dotnet run</c> that the host is ready, where to open it, and how to sign in: the first
/// start restores, builds and seeds for minutes with little to see, so the end of it says so plainly.
/// </summary>
internal sealed class ReadyBanner(IHostApplicationLifetime lifetime, IServer server, IConfiguration configuration, Demo.DemoDataStatus demo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"OneStop.Platform sẵn sàng / ready: {string.Join(", ", addresses)}");
            Console.WriteLine(configuration.GetValue("Seed:DemoUsers", false)
                ? $"Tài khoản thử / demo accounts: README.md, mục \"Run\" (ví dụ admin, lanhdao.tinh, motcua.camthuong; mật khẩu {PlatformSeeder.DemoPassword})."
                : "Chưa có tài khoản nào? / No account yet? dotnet OneStop.Platform.Host.dll create-admin --login … --name … (README.md, \"Configuration for production\").");
            if (demo.Pending)
            {
                Console.WriteLine($"Dữ liệu mẫu / demo data: đang tạo {demo.Requested} hồ sơ của 18 tháng qua, khoảng 1–2 phút (tiến độ trong nhật ký) / generating {demo.Requested} dossiers of the last 18 months in the background, progress in the log ({Demo.DemoDataSeeder.Setting}=false to switch off).");
            }
            else if (demo.AlreadyPresent)
            {
                Console.WriteLine("Dữ liệu mẫu / demo data: đã có từ lần chạy trước / already there from an earlier start.");
            }

            Console.WriteLine();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
