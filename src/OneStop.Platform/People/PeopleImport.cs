using System.IO.Compression;
using System.Xml;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using FluentValidation;
using OneStop.Platform.Identity;
using OneStop.Platform.Localization;
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
    private static readonly ImportedFieldsValidator RowRules = new();

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
                throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, row.Row, string.Join(" ", result.Errors.Select(e => e.Description)))
                {
                    MessageCode = PeopleMessages.ImportRowRefused,
                };
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

        // Fixed widths: ClosedXML 0.95 measures text with System.Drawing (GDI+), which Linux does not have (see ExcelColumn).
        for (var i = 0; i < TemplateHeadings.Length; i++)
        {
            sheet.Column(i + 1).Width = Math.Max(16, Math.Max(TemplateHeadings[i].Length, example[i].Length) + 4);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private async Task<ImportPreview> ReadAsync(PeopleAdministration.Administrator admin, string key, CancellationToken ct)
    {
        if (!BlobKeys.IsValid(key) || await blobs.OpenAsync(key, ct) is not { } stream)
        {
            throw Invalid(PeopleMessages.ImportPreviewGone);
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
                throw Invalid(PeopleMessages.ImportNoData);
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            cells = used.Rows().Select(r => Enumerable.Range(1, lastColumn).Select(c => r.Cell(c).GetFormattedString().Trim()).ToArray()).ToList();
        }
        catch (Exception e) when (e is not PlatformException)
        {
            throw Invalid(PeopleMessages.ImportUnreadable);
        }

        var header = cells[0].Select(VietnameseText.Fold).ToArray();
        var index = Columns.ToDictionary(c => c.Field, c => Array.FindIndex(header, h => c.Headings.Contains(h)));
        var missing = Columns.Where(c => c.Field is "Login" or "FullName" or "UnitCode" or "Roles" && index[c.Field] < 0).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(PeopleMessages.ImportColumnsMissing, string.Join(", ", missing.Select(m => TemplateHeadings[Array.IndexOf(Columns, m)])));
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

            var errors = RowRules.Validate(new ImportedFields(login, Cell("FullName"), Cell("Position"), Cell("Email"), phone)).Errors.Select(e => e.ErrorMessage).ToList();
            if (login.Length > 0 && !seen.Add(login))
            {
                errors.Add(Messages.Text(PeopleMessages.ImportLoginRepeated, login));
            }
            else if (login.Length > 0 && await users.FindByNameAsync(login) is not null)
            {
                errors.Add(Messages.Text(PlatformErrorCodes.DuplicateLogin, login));
            }

            var unitCode = Cell("UnitCode") ?? "";
            var unit = unitCode.Length == 0 ? null : await units.FindByCodeAsync(unitCode, ct: ct);
            if (unit is null || !(admin.IsSystemAdmin || unit.Path.StartsWith(admin.UnitPath, StringComparison.Ordinal)))
            {
                errors.Add(unitCode.Length == 0 ? Messages.Text(PeopleMessages.ImportUnitMissing) : Messages.Text(PeopleMessages.ImportUnitUnknown, unitCode));
            }

            var agency = Cell("AgencyCode");
            if (agency is not null && unit is not null && !await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.UnitId == unit.Id && a.Code == agency && !a.IsDeleted, ct))
            {
                errors.Add(Messages.Text(PlatformErrorCodes.UnknownAgency, unit.Name, agency));
            }

            var roleNames = new List<string>();
            var unknownRole = false;
            foreach (var word in (Cell("Roles") ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = roles.FirstOrDefault(x => string.Equals(x.Name, word, StringComparison.OrdinalIgnoreCase) || VietnameseText.Fold(x.DisplayNameVi) == VietnameseText.Fold(word));
                if (role is null)
                {
                    errors.Add(Messages.Text(PlatformErrorCodes.UnknownRole, word));
                    unknownRole = true;
                }
                else if (!admin.IsSystemAdmin && role.Rank >= admin.Rank)
                {
                    errors.Add(Messages.Text(PeopleMessages.RoleAboveGranter, role.DisplayNameVi));
                }
                else
                {
                    roleNames.Add(role.Name!);
                }
            }

            if (roleNames.Count == 0 && !unknownRole)
            {
                errors.Add(Messages.Text(PeopleMessages.ImportRolesMissing));
            }

            rows.Add(new ImportRow(r + 1, login, Cell("FullName") ?? "", Cell("Position"), Cell("Email"), phone, unitCode, unit?.Name, agency, roleNames, errors));
        }

        if (rows.Count == 0)
        {
            throw Invalid(PeopleMessages.ImportNoRows);
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
                ?? throw Invalid(PeopleMessages.ImportNoSheet);
            using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var rows = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row" && ++rows > MaxRows + 1)
                {
                    throw new PlatformException(PlatformErrorCodes.ImportTooLarge, 400, MaxRows) { MessageCode = PeopleMessages.ImportTooManyRows };
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            throw Invalid(PeopleMessages.ImportUnreadable);
        }
    }

    private static PlatformException Invalid(string messageCode, params object?[] arguments) =>
        new(PlatformErrorCodes.ImportInvalidFile, 400, arguments) { MessageCode = messageCode };
}
