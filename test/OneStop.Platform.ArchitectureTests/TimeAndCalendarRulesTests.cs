using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using OneStop.Platform.Host;
using Shouldly;
using Xunit;

namespace OneStop.Platform.ArchitectureTests;

/// <summary>
/// ADR 0022: one place cuts days in Vietnam time (<c>VietnamTime</c>, kernel contracts) and one place holds the working
/// calendar (the kernel). Two independent checks, because each misses something the other sees:
/// <list type="bullet">
/// <item>the compiled assemblies of the modules, their contracts and the host must not reference
/// <see cref="TimeZoneInfo"/> or <see cref="DateTimeOffset.ToOffset"/> at all (read from metadata, so no spelling of
/// the offset escapes: a constant, a field, a configuration value all end in one of those two);</item>
/// <item>their sources (C# and Razor, migrations aside) must not spell an offset or a zone by hand — <c>FromHours(7)</c>,
/// <c>AddHours(7)</c>, <c>+07:00</c>, <c>Asia/Ho_Chi_Minh</c>, <c>SE Asia Standard Time</c>, SQL's <c>AT TIME ZONE</c>
/// — which also catches arithmetic that moves an instant by seven hours without ever converting it.</item>
/// </list>
/// The kernel (<c>src/OneStop.Platform</c>, <c>src/OneStop.Platform.Contracts</c>) is exempt: it is where the helper
/// lives. No module may hold calendar code either: no type named after the calendar's words.
/// </summary>
public sealed class TimeAndCalendarRulesTests
{
    private static readonly string Root = FindRoot();

    private static readonly Regex HandMadeVietnamTime = new(
        @"TimeZoneInfo|Asia/Ho_Chi_Minh|SE Asia Standard Time|FromHours\(\s*-?7(\.0)?\s*\)|AddHours\(\s*-?7(\.0)?\s*\)|[+]07:?00|\.ToOffset\(|VietnamTime\.Offset|AT TIME ZONE|new\s+TimeSpan\(\s*-?7\s*,",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly string[] CalendarWords = ["Calendar", "OfficeHours", "DayOff", "DaysOff"];

    /// <summary>Every assembly of the product but the kernel's two: modules, their contracts, the host.</summary>
    private static IEnumerable<Assembly> NonKernelAssemblies() =>
        HostModules.All.SelectMany(m => new[] { m.Assembly, m.ContractsAssembly }).Append(typeof(HostModules).Assembly).Distinct();

    [Fact]
    public void Only_the_kernel_references_time_zones_or_converts_offsets()
    {
        var offenders = new List<string>();
        foreach (var assembly in NonKernelAssemblies())
        {
            using var stream = File.OpenRead(assembly.Location);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.TypeReferences)
            {
                var type = reader.GetTypeReference(handle);
                if (reader.GetString(type.Namespace) == "System" && reader.GetString(type.Name) == nameof(TimeZoneInfo))
                {
                    offenders.Add($"{assembly.GetName().Name}: references System.TimeZoneInfo");
                }
            }

            foreach (var handle in reader.MemberReferences)
            {
                var member = reader.GetMemberReference(handle);
                if (reader.GetString(member.Name) == nameof(DateTimeOffset.ToOffset) && member.Parent.Kind == HandleKind.TypeReference
                    && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)member.Parent).Name) == nameof(DateTimeOffset))
                {
                    offenders.Add($"{assembly.GetName().Name}: calls DateTimeOffset.ToOffset (use VietnamTime)");
                }
            }
        }

        offenders.ShouldBeEmpty("Vietnam time is cut by OneStop.Platform.Domain.VietnamTime only (ADR 0022)");
    }

    [Fact]
    public void Only_the_kernel_spells_the_Vietnam_offset_or_zone_in_its_sources()
    {
        var kernel = new[] { Path.Combine(Root, "src", "OneStop.Platform") + Path.DirectorySeparatorChar, Path.Combine(Root, "src", "OneStop.Platform.Contracts") + Path.DirectorySeparatorChar };
        var sources = new[] { Path.Combine(Root, "src"), Path.Combine(Root, "modules") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !kernel.Any(k => f.StartsWith(k, StringComparison.Ordinal)))
            .Where(f => !Regex.IsMatch(f, @"[\\/](bin|obj|Migrations|node_modules)[\\/]"));
        var offenders = new List<string>();
        foreach (var file in sources)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                // Comments may say "UTC+7"; only code counts.
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("@*", StringComparison.Ordinal))
                {
                    continue;
                }

                if (HandMadeVietnamTime.Match(line) is { Success: true } match)
                {
                    offenders.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: {match.Value}");
                }
            }
        }

        offenders.ShouldBeEmpty("Vietnam time is cut by OneStop.Platform.Domain.VietnamTime only (ADR 0022)");
    }

    [Fact]
    public void No_module_holds_calendar_code()
    {
        var offenders = HostModules.All.SelectMany(m => new[] { m.Assembly, m.ContractsAssembly })
            .SelectMany(a => a.GetTypes())
            // Not code of the calendar: compiler-generated types, Razor's view classes (named after their folder, the page
            // keeps its address) and migrations (named for history: CalendarAndCatalogue, CalendarToPlatform).
            .Where(t => !t.Name.StartsWith('<') && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.BaseType?.Namespace?.StartsWith("Microsoft.AspNetCore.Mvc.Razor", StringComparison.Ordinal) != true)
            .Where(t => !typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).IsAssignableFrom(t))
            .Where(t => CalendarWords.Any(w => t.Name.Contains(w, StringComparison.Ordinal)))
            .Select(t => t.FullName!)
            .ToList();
        offenders.ShouldBeEmpty("the working calendar lives in the kernel (OneStop.Platform.Calendar, ADR 0022); modules use IWorkingCalendar");
    }

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OneStop.Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OneStop.Platform.sln not found above " + here);
    }
}
