using Microsoft.AspNetCore.Identity;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// <c>dotnet OneStop.Platform.Host.dll create-admin --login … --name … [--unit CODE] [--position …]</c>: the first system
/// administrator of a production installation, where no demo account exists. The password is read from standard input
/// (one line) when it is redirected, else asked for twice without echo; it must pass the password policy. The admin
/// enrols an authenticator at the first sign-in (required for system admins outside Development).
/// </summary>
internal static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var login = Option("--login")?.Trim().ToLowerInvariant();
        var fullName = Option("--name")?.Trim();
        if (string.IsNullOrEmpty(login) || string.IsNullOrEmpty(fullName))
        {
            await output.WriteLineAsync("Cách dùng: create-admin --login <tên đăng nhập> --name \"<Họ và tên>\" [--unit <mã đơn vị>] [--position \"<chức danh>\"]");
            return 2;
        }

        await OneStopHost.InitializeAsync(services, CancellationToken.None);
        using var scope = services.CreateScope();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentScope>();
        using var _ = current.Change(UnitScope.Unrestricted, null, "create-admin");
        var units = scope.ServiceProvider.GetRequiredService<IAdministrativeUnitDirectory>();
        var unit = Option("--unit") is { } code ? await units.FindByCodeAsync(code) : await units.ProvinceAsync();
        if (unit is null)
        {
            await output.WriteLineAsync("Không tìm thấy đơn vị hành chính" + (Option("--unit") is { } c ? $" mã {c}." : "."));
            return 1;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.FindByNameAsync(login) is not null)
        {
            await output.WriteLineAsync($"Tên đăng nhập \"{login}\" đã có; không tạo gì.");
            return 1;
        }

        var password = ReadPassword(input, output);
        if (password is null)
        {
            await output.WriteLineAsync("Hai lần nhập mật khẩu không khớp, hoặc không có mật khẩu; không tạo gì.");
            return 1;
        }

        var user = new PlatformUser { UserName = login, FullName = fullName, Position = Option("--position"), LockoutEnabled = true };
        user.RefreshSearchText();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync("Không tạo được tài khoản: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.UnitMemberships.Add(new UnitMembership
        {
            UserId = user.Id, UnitId = unit.Id, UnitPath = unit.Path, IsDefault = true, Roles = [Roles.SystemAdmin],
            ValidFrom = OneStop.Platform.Domain.VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()),
        });
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Đã tạo quản trị hệ thống \"{login}\" ({fullName}) cho {unit.Name}.");
        return 0;
    }

    private static string? ReadPassword(TextReader input, TextWriter output)
    {
        if (Console.IsInputRedirected || input != Console.In)
        {
            var line = input.ReadLine();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = Prompt(output, "Mật khẩu: ");
        var second = Prompt(output, "Nhập lại mật khẩu: ");
        return first.Length > 0 && first == second ? first : null;
    }

    private static string Prompt(TextWriter output, string label)
    {
        output.Write(label);
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return new string(chars.ToArray());
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
