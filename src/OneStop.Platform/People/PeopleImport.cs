using System.IO.Compression;
using System.Xml;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>
/// Staff from an Excel workbook (one sheet, a header row, a person per row): the preview checks every row and reports
/// its errors in Vietnamese; confirming creates the valid rows in one transaction (all or nothing) with one-time
/// passwords. The file is kept in the blob store between the two steps, so what is created is what was previewed.
/// </summary>
internal sealed class PeopleImport(
    PeopleAdministration administration,
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IAdministrativeUnitDirectory units,
    UploadGuard guard,
    IBlobStore blobs)
{
    public const int MaxRows = 2000;
    private static readonly UploadRules Rules = new(10 * 1024 * 1024, [FileTypes.Xlsx], PlatformErrorCodes.ImportInvalidFile);

    /// <summary>Column headings, folded; the template and the error messages use the first spelling.</summary>
    private static readonly (string Field, string[] Headings)[] Columns =
    [
        ("Login", ["ten dang nhap", "login"]),
        ("FullName", ["ho va ten", "ho ten", "full name"]),
        ("Position", ["chuc danh", "chuc vu", "title"]),
        ("Email", ["thu dien tu", "email"]),
        ("Phone", ["dien thoai", "so dien thoai", "phone"]),
        ("UnitCode", ["ma don vi", "unit code"]),
        ("AgencyCode", ["ma co quan", "agency code"]),
        ("Roles", ["vai tro", "roles"]),
    ];

    public static readonly string[] TemplateHeadings =
        ["Tên đăng nhập", "Họ và tên", "Chức danh", "Thư điện tử", "Điện thoại", "Mã đơn vị", "Mã cơ quan", "Vai trò"];

    public async Task<ImportPreview> PreviewAsync(PeopleAdministration.Administrator admin, string? fileName, Stream content, CancellationToken ct)
    {
        var upload = await guard.AcceptAsync(fileName, content, Rules, ct);
        return await ReadAsync(admin, upload.Blob.Key, ct);
    }

    public async Task<IReadOnlyList<ImportedPerson>> ConfirmAsync(PeopleAdministration.Administrator admin, string fileId, CancellationToken ct)
    {
        var preview = await ReadAsync(admin, fileId.ToLowerInvariant(), ct);
        var created = new List<ImportedPerson>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in preview.Rows.Where(r => r.IsValid))
        {
            var unit = (await units.FindByCodeAsync(row.UnitCode, ct: ct))!;
            var membership = await administration.CheckGrantAsync(admin, new MembershipRequest(unit.Id, row.AgencyCode, row.Roles, null, null), ct);
            var password = PersonRules.GenerateOneTimePassword();
            var user = new PlatformUser
            {
                UserName = row.Login, FullName = row.FullName, Position = row.Position, Email = row.Email, EmailConfirmed = row.Email is not null,
                PhoneNumber = PersonRules.NormalizePhone(row.Phone), LockoutEnabled = true, MustChangePassword = true,
            };
            user.RefreshSearchText();
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                // Rolled back with the transaction: nothing of this import stays.
                throw new PlatformException(PlatformErrorCodes.ValidationFailed,
                    $"Dòng {row.Row}: {string.Join(" ", result.Errors.Select(e => e.Description))} Không người nào được tạo.", 400);
            }

            membership.UserId = user.Id;
            membership.IsDefault = true;
            db.UnitMemberships.Add(membership);
            await db.SaveChangesAsync(ct);
            created.Add(new ImportedPerson(row.Row, user.Id, row.Login, row.FullName, password));
        }

        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>An empty workbook with the headings and one example row, for admins to fill in.</summary>
    public static byte[] Template()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Danh sách cán bộ");
        for (var i = 0; i < TemplateHeadings.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = TemplateHeadings[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }

        string[] example = ["nguyenvana.camthuong", "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch", "nguyenvana@example.gov.vn", "0912345678", "10507", "", "DeskOfficer"];
        for (var i = 0; i < example.Length; i++)
        {
            sheet.Cell(2, i + 1).Value = example[i];
        }

        sheet.Columns().AdjustToContents();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private async Task<ImportPreview> ReadAsync(PeopleAdministration.Administrator admin, string key, CancellationToken ct)
    {
        if (!BlobKeys.IsValid(key) || await blobs.OpenAsync(key, ct) is not { } stream)
        {
            throw new PlatformException(PlatformErrorCodes.ImportInvalidFile, "Không tìm thấy tệp đã xem trước; hãy tải tệp lên lại.", 400);
        }

        using var buffer = new MemoryStream();
        await using (stream)
        {
            await stream.CopyToAsync(buffer, ct);
        }

        CheckRowCount(buffer);
        List<string[]> cells;
        try
        {
            buffer.Position = 0;
            using var workbook = new XLWorkbook(buffer);
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null)
            {
                throw Invalid("Sổ tính không có dữ liệu: dòng đầu là tiêu đề cột, mỗi dòng sau là một người.");
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            cells = used.Rows().Select(r => Enumerable.Range(1, lastColumn).Select(c => r.Cell(c).GetFormattedString().Trim()).ToArray()).ToList();
        }
        catch (Exception e) when (e is not PlatformException)
        {
            throw Invalid("Không đọc được sổ tính Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.");
        }

        var header = cells[0].Select(VietnameseText.Fold).ToArray();
        var index = Columns.ToDictionary(c => c.Field, c => Array.FindIndex(header, h => c.Headings.Contains(h)));
        var missing = Columns.Where(c => c.Field is "Login" or "FullName" or "UnitCode" or "Roles" && index[c.Field] < 0).ToList();
        if (missing.Count > 0)
        {
            throw Invalid("Thiếu cột: " + string.Join(", ", missing.Select(m => TemplateHeadings[Array.IndexOf(Columns, m)])) + ". Hãy dùng tệp mẫu.");
        }

        var roles = await db.Roles.AsNoTracking().ToListAsync(ct);
        var rows = new List<ImportRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 1; r < cells.Count; r++)
        {
            string? Cell(string field) => index[field] >= 0 && index[field] < cells[r].Length && cells[r][index[field]].Length > 0 ? cells[r][index[field]] : null;
            if (cells[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var login = PersonRules.NormalizeLogin(Cell("Login"));
            var phone = Cell("Phone");
            if (phone is { Length: 9 or 10 } && phone.All(char.IsAsciiDigit) && phone[0] != '0')
            {
                // Excel keeps a number typed as 0912345678 as 912345678: the leading zero comes back.
                phone = "0" + phone;
            }

            var errors = PersonRules.Validate(login, Cell("FullName"), Cell("Position"), Cell("Email"), phone).Select(e => e.Message).ToList();
            if (login.Length > 0 && !seen.Add(login))
            {
                errors.Add($"Tên đăng nhập \"{login}\" lặp lại trong tệp.");
            }
            else if (login.Length > 0 && await users.FindByNameAsync(login) is not null)
            {
                errors.Add($"Tên đăng nhập \"{login}\" đã được sử dụng.");
            }

            var unitCode = Cell("UnitCode") ?? "";
            var unit = unitCode.Length == 0 ? null : await units.FindByCodeAsync(unitCode, ct: ct);
            if (unit is null || !(admin.IsSystemAdmin || unit.Path.StartsWith(admin.UnitPath, StringComparison.Ordinal)))
            {
                errors.Add(unitCode.Length == 0 ? "Thiếu mã đơn vị." : $"Mã đơn vị \"{unitCode}\" không có hoặc ngoài phạm vi bạn quản lý.");
            }

            var agency = Cell("AgencyCode");
            if (agency is not null && unit is not null && !await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.UnitId == unit.Id && a.Code == agency && !a.IsDeleted, ct))
            {
                errors.Add($"Đơn vị {unit.Name} không có cơ quan mã \"{agency}\".");
            }

            var roleNames = new List<string>();
            foreach (var word in (Cell("Roles") ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = roles.FirstOrDefault(x => string.Equals(x.Name, word, StringComparison.OrdinalIgnoreCase) || VietnameseText.Fold(x.DisplayNameVi) == VietnameseText.Fold(word));
                if (role is null)
                {
                    errors.Add($"Không có vai trò \"{word}\".");
                }
                else if (!admin.IsSystemAdmin && role.Rank >= admin.Rank)
                {
                    errors.Add($"Bạn không được cấp vai trò \"{role.DisplayNameVi}\".");
                }
                else
                {
                    roleNames.Add(role.Name!);
                }
            }

            if (roleNames.Count == 0 && !errors.Any(e => e.StartsWith("Không có vai trò", StringComparison.Ordinal)))
            {
                errors.Add("Thiếu vai trò.");
            }

            rows.Add(new ImportRow(r + 1, login, Cell("FullName") ?? "", Cell("Position"), Cell("Email"), phone, unitCode, unit?.Name, agency, roleNames, errors));
        }

        if (rows.Count == 0)
        {
            throw Invalid("Sổ tính không có dòng dữ liệu nào dưới dòng tiêu đề.");
        }

        return new ImportPreview(key, rows, rows.Count(r => r.IsValid), rows.Count(r => !r.IsValid));
    }

    /// <summary>Counts the rows of the first sheet by streaming its XML, before any workbook library loads it whole.</summary>
    private static void CheckRowCount(MemoryStream buffer)
    {
        try
        {
            buffer.Position = 0;
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).MinBy(e => e.FullName)
                ?? throw Invalid("Sổ tính không có trang tính nào.");
            using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var rows = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row" && ++rows > MaxRows + 1)
                {
                    throw new PlatformException(PlatformErrorCodes.ImportTooLarge,
                        $"Sổ tính có quá nhiều dòng: mỗi lần nhập tối đa {MaxRows:N0} người. Hãy chia tệp thành nhiều phần.", 400);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            throw Invalid("Không đọc được sổ tính Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.");
        }
    }

    private static PlatformException Invalid(string message) => new(PlatformErrorCodes.ImportInvalidFile, message, 400);
}
