using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

internal sealed record IntakeApplicant(
    string Kind, string Identity, string Name, DateOnly? DateOfBirth = null, string? Address = null, string? Phone = null, string? Email = null,
    /// <summary>True when the desk checked the identity against the national population database.</summary>
    bool Verified = false);

/// <summary>A component handed in, or reused from the applicant's data store (kho dữ liệu điện tử).</summary>
internal sealed record IntakeComponent(string DocumentTypeCode, Guid? ReusedDocumentId = null, bool ReusedFromResult = false, int Copies = 1);

/// <summary>Tiếp nhận hồ sơ: at a desk (DIRECT, received at once), online or by post (NEW, waiting for a desk).</summary>
internal sealed partial record IntakeRequest(
    string ProcedureCode,
    IntakeApplicant Applicant,
    IntakeComponent[]? Components = null,
    string? Channel = null,
    string? ReturnMethod = null,
    /// <summary>The competent unit, when not the receiving unit's own level or chain (location-independent reception).</summary>
    Guid? ResolvingUnitId = null,
    Guid? TicketId = null,
    string? Note = null,
    /// <summary>How the procedure's fees were paid at submission (ONLINE, DESK, POSTAL); at a desk it defaults to DESK when there is a fee.</summary>
    string? PaymentMethod = null) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ProcedureCode))
        {
            yield return new(nameof(ProcedureCode), "Chọn thủ tục hành chính.");
        }

        if (Channel is not null && !DossierChannels.All.Contains(Channel))
        {
            yield return new(nameof(Channel), $"Hình thức nộp phải là một trong: {string.Join(", ", DossierChannels.All)}.");
        }

        if (ReturnMethod is not null && !ReturnMethods.All.Contains(ReturnMethod))
        {
            yield return new(nameof(ReturnMethod), $"Hình thức trả kết quả phải là một trong: {string.Join(", ", ReturnMethods.All)}.");
        }

        if (Note?.Length > 2000)
        {
            yield return new(nameof(Note), "Ghi chú tối đa 2000 ký tự.");
        }

        if (PaymentMethod is not null && !PaymentMethods.All.Contains(PaymentMethod))
        {
            yield return new(nameof(PaymentMethod), $"Hình thức thanh toán phải là một trong: {string.Join(", ", PaymentMethods.All)}.");
        }

        if (Applicant is null)
        {
            yield return new(nameof(Applicant), "Nhập thông tin người nộp hồ sơ.");
            yield break;
        }

        switch (Applicant.Kind)
        {
            case ApplicantKinds.Citizen when !CitizenIdFormat.IsValid(Applicant.Identity):
                yield return new("Applicant.Identity", "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.");
                break;
            case ApplicantKinds.Organisation when !EnterpriseCode().IsMatch(Applicant.Identity ?? ""):
                yield return new("Applicant.Identity", "Mã số doanh nghiệp gồm 10 chữ số (chi nhánh: 10 chữ số, gạch ngang, 3 chữ số).");
                break;
            case ApplicantKinds.Citizen or ApplicantKinds.Organisation:
                break;
            default:
                yield return new("Applicant.Kind", "Người nộp là công dân (CITIZEN) hoặc tổ chức (ORGANISATION).");
                break;
        }

        if (string.IsNullOrWhiteSpace(Applicant.Name) || Applicant.Name.Length > 256)
        {
            yield return new("Applicant.Name", "Họ tên (tên tổ chức) bắt buộc, tối đa 256 ký tự.");
        }

        if (Applicant.Phone is { Length: > 0 } phone && !Phone().IsMatch(phone))
        {
            yield return new("Applicant.Phone", "Số điện thoại gồm 9–11 chữ số, có thể bắt đầu bằng +84.");
        }

        if (Applicant.Email is { Length: > 0 } email && (email.Length > 256 || !email.Contains('@')))
        {
            yield return new("Applicant.Email", "Địa chỉ thư điện tử không hợp lệ.");
        }

        if (Applicant.Address?.Length > 512)
        {
            yield return new("Applicant.Address", "Địa chỉ tối đa 512 ký tự.");
        }

        if (Applicant.DateOfBirth is { } dob && (dob.Year < 1900 || dob > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            yield return new("Applicant.DateOfBirth", "Ngày sinh không hợp lệ.");
        }

        foreach (var c in Components ?? [])
        {
            if (string.IsNullOrWhiteSpace(c.DocumentTypeCode) || c.Copies is < 1 or > 20)
            {
                yield return new(nameof(Components), "Mỗi thành phần cần mã loại giấy tờ và số bản từ 1 đến 20.");
                break;
            }
        }
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex EnterpriseCode();

    [GeneratedRegex(@"^(\+84|0)?\d{9,10}$")]
    private static partial Regex Phone();
}

/// <summary>Creates dossiers: numbering, competent unit, components checked against the procedure, legal time, due date.</summary>
internal sealed class IntakeHandler(CountersDbContext db, DossierWorkflow workflow, ICurrentScope scope, IAdministrativeUnitDirectory units)
{
    public async Task<Dossier> IntakeAsync(IntakeRequest request, CancellationToken ct)
    {
        if (scope.Unit.UnitId == Guid.Empty)
        {
            throw new PlatformException(PlatformErrorCodes.UnitRequired, "Chọn đơn vị đang làm việc trước khi tiếp nhận hồ sơ.", 403);
        }

        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Components).Include(p => p.LegalTimes).Include(p => p.Fees).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == request.ProcedureCode.Trim(), ct)
            ?? throw new PlatformException(CountersErrorCodes.ProcedureNotFound, $"Không có thủ tục mã \"{request.ProcedureCode}\" trong danh mục.", 400);
        var channel = request.Channel ?? DossierChannels.Direct;
        if (channel == DossierChannels.Postal && !procedure.PostalAllowed)
        {
            throw new PlatformException(CountersErrorCodes.ChannelNotAllowed, "Thủ tục này không tiếp nhận qua bưu chính công ích.", 400);
        }

        var receiving = await units.FindAsync(scope.Unit.UnitId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.UnitRequired, "Không xác định được đơn vị tiếp nhận.", 403);
        if (receiving.ValidTo is { } gone && OneStop.Platform.Domain.VietnamTime.DayOf(workflow.Now) >= gone)
        {
            // A person left in a retired unit (e.g. one that was split) sees its archive but receives nothing new there.
            throw new PlatformException(CountersErrorCodes.UnitRetired,
                $"{receiving.Name} đã thôi hiệu lực từ ngày {gone:dd/MM/yyyy} (sắp xếp đơn vị hành chính): hồ sơ mới được tiếp nhận tại đơn vị kế thừa.", 409);
        }

        var resolving = await ResolvingUnitAsync(procedure, receiving, request.ResolvingUnitId, ct);
        var desk = await units.ReceptionDeskAsync(receiving.Id, ct: ct)
            ?? throw new PlatformException(CountersErrorCodes.NoReceptionDesk, $"{receiving.Name} chưa có Bộ phận Một cửa để cấp mã hồ sơ.", 422);

        var now = workflow.Now;
        var dossier = new Dossier
        {
            ProcedureId = procedure.Id, ProcedureCode = procedure.Code, ProcedureName = procedure.Name, ProcedureField = procedure.Field,
            Channel = channel, Status = DossierStatuses.New,
            ApplicantKind = request.Applicant.Kind, ApplicantIdentity = request.Applicant.Identity.Trim(), ApplicantName = request.Applicant.Name.Trim(),
            ApplicantDateOfBirth = request.Applicant.DateOfBirth, ApplicantAddress = request.Applicant.Address?.Trim(),
            ApplicantPhone = request.Applicant.Phone, ApplicantEmail = request.Applicant.Email, ApplicantVerified = request.Applicant.Verified,
            UnitId = receiving.Id, ReceivingUnitId = receiving.Id, UnitPath = receiving.Path, ReceivingUnitName = receiving.Name, ReceivingAgencyCode = desk.Code,
            ResolvingUnitId = resolving.Id, SharedUnitPath = resolving.Path, ResolvingUnitName = resolving.Name,
            CurrentUnitId = receiving.Id, CurrentUnitName = receiving.Name,
            SubmittedAt = now, RequestedReturnMethod = request.ReturnMethod ?? (channel == DossierChannels.Postal ? ReturnMethods.Postal : ReturnMethods.Desk),
            TicketId = request.TicketId, Note = request.Note,
        };
        // Fees of the channel as the catalogue publishes them; at the desk the applicant pays there unless told otherwise.
        dossier.FeeVnd = procedure.Fees.Where(f => f.Channel == channel).Sum(f => f.AmountVnd);
        dossier.PaymentMethod = dossier.FeeVnd > 0 ? request.PaymentMethod ?? (channel == DossierChannels.Direct ? PaymentMethods.Desk : null) : null;
        dossier.Components = CheckComponents(procedure, request.Components ?? [], dossier.Id);
        dossier.History.Add(new DossierHistoryEntry
        {
            DossierId = dossier.Id, At = now, Transition = DossierTransitions.Submitted, ToStatus = DossierStatuses.New, Actor = workflow.Actor,
        });
        ApplyLegalTime(dossier, procedure, VietnamTime.ToLocal(now));

        await workflow.PrepareClockAsync(dossier.UnitId, ct);
        // Inside an inbox handler the relay's transaction is already open: the code and the dossier commit with it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        dossier.Code = await NextCodeAsync(desk.Code, DateOnly.FromDateTime(VietnamTime.ToLocal(now)), ct);
        db.Dossiers.Add(dossier);
        if (channel == DossierChannels.Direct)
        {
            // At the desk the applicant is in front of the officer: submitted and received in one step.
            await workflow.ReceiveAsync(dossier, ct);
        }
        else
        {
            await workflow.SaveAsync(dossier, DossierTransitions.Submitted, null, null, ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return dossier;
    }

    /// <summary>Copies the legal time of the channel valid on the reception date (a later change doesn't move the dossier).</summary>
    public static void ApplyLegalTime(Dossier dossier, Procedure procedure, DateTime receivedLocal)
    {
        var times = procedure.LegalTimesOn(DateOnly.FromDateTime(receivedLocal));
        var time = times.FirstOrDefault(t => t.Channel == dossier.Channel) ?? times.FirstOrDefault(t => t.Channel == DossierChannels.Direct) ?? times.FirstOrDefault();
        if (time is null || time.Value <= 0)
        {
            throw new PlatformException(CountersErrorCodes.LegalTimeUnknown,
                $"Thủ tục {procedure.Code} chưa có thời hạn giải quyết trong danh mục; đề nghị quản trị cập nhật danh mục trước khi tiếp nhận.", 422);
        }

        dossier.LegalTimeVersion = time.Version;
        dossier.LegalTimeValue = time.Value;
        dossier.LegalTimeUnit = time.Unit;
    }

    private static List<DossierComponent> CheckComponents(Procedure procedure, IntakeComponent[] given, Guid dossierId)
    {
        var byCode = given.GroupBy(c => c.DocumentTypeCode.Trim()).ToDictionary(g => g.Key, g => g.First());
        if (procedure.Components.Count == 0)
        {
            // The national catalogue has no component list for most procedures: accept what the desk records.
            return byCode.Values.Select((c, i) => new DossierComponent
            {
                DossierId = dossierId, Order = i + 1, Name = c.DocumentTypeCode, DocumentTypeCode = c.DocumentTypeCode, Copies = c.Copies,
                Source = SourceOf(c), ReusedDocumentId = c.ReusedDocumentId,
            }).ToList();
        }

        var known = procedure.Components.Select(c => c.DocumentTypeCode).ToHashSet();
        var unknown = byCode.Keys.Where(k => !known.Contains(k)).ToList();
        var missing = procedure.Components.Where(c => c.Required && !byCode.ContainsKey(c.DocumentTypeCode)).OrderBy(c => c.Order).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var errors = new Dictionary<string, string[]>();
            if (missing.Count > 0)
            {
                errors["Components"] = missing.Select(m => $"Thiếu thành phần bắt buộc: {m.Name} ({m.DocumentTypeCode}).").ToArray();
            }

            if (unknown.Count > 0)
            {
                errors["Components.Unknown"] = unknown.Select(u => $"Mã giấy tờ \"{u}\" không thuộc thành phần hồ sơ của thủ tục {procedure.Code}.").ToArray();
            }

            throw new PlatformException(CountersErrorCodes.ComponentsIncomplete, "Thành phần hồ sơ chưa đầy đủ hoặc không đúng với thủ tục.", 400) { Errors = errors };
        }

        return procedure.Components.Where(c => byCode.ContainsKey(c.DocumentTypeCode)).OrderBy(c => c.Order).Select(c =>
        {
            var g = byCode[c.DocumentTypeCode];
            return new DossierComponent
            {
                DossierId = dossierId, Order = c.Order, Name = c.Name, DocumentTypeCode = c.DocumentTypeCode, Required = c.Required,
                Copies = g.Copies, Source = SourceOf(g), ReusedDocumentId = g.ReusedDocumentId,
            };
        }).ToList();
    }

    private static string SourceOf(IntakeComponent c) =>
        c.ReusedDocumentId is null ? ComponentSources.Submitted : c.ReusedFromResult ? ComponentSources.ReusedResult : ComponentSources.ReusedComponent;

    /// <summary>
    /// Cơ quan có thẩm quyền: the receiving unit when the procedure is resolved at its level; the ancestor at the
    /// procedure's level when it is resolved higher up (liên thông lên cấp trên); otherwise the unit named in the
    /// request — outside the receiving unit's own branch only for location-independent procedures.
    /// </summary>
    private async Task<AdministrativeUnitInfo> ResolvingUnitAsync(Procedure procedure, AdministrativeUnitInfo receiving, Guid? requested, CancellationToken ct)
    {
        var levels = procedure.Levels.ToList();
        if (requested is { } id && id != receiving.Id)
        {
            var unit = await units.FindAsync(id, ct)
                ?? throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid, "Không tìm thấy đơn vị có thẩm quyền giải quyết.", 400);
            if (!levels.Contains(unit.Level))
            {
                throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid, $"Thủ tục {procedure.Code} không do cấp của {unit.Name} giải quyết.", 400);
            }

            var sameBranch = unit.Path.StartsWith(receiving.Path, StringComparison.Ordinal) || receiving.Path.StartsWith(unit.Path, StringComparison.Ordinal);
            if (!sameBranch && !procedure.LocationIndependent)
            {
                throw new PlatformException(CountersErrorCodes.NotLocationIndependent,
                    $"Thủ tục {procedure.Code} chưa được tiếp nhận không phụ thuộc địa giới hành chính; hướng dẫn người dân nộp tại {unit.Name}.", 400);
            }

            return unit;
        }

        if (levels.Contains(receiving.Level))
        {
            return receiving;
        }

        // Walk up: commune desk → district → province.
        var current = receiving;
        while (current.ParentId is { } parentId)
        {
            current = await units.FindAsync(parentId, ct) ?? throw new InvalidOperationException("Cây đơn vị hành chính bị thiếu.");
            if (levels.Contains(current.Level))
            {
                return current;
            }
        }

        throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid,
            $"Thủ tục {procedure.Code} do cấp dưới giải quyết: chọn đơn vị có thẩm quyền.", 400);
    }

    /// <summary>{AgencyCode}-{yyMMdd}-{NNNN}: the running number per agency per day, taken inside the intake transaction.</summary>
    private async Task<string> NextCodeAsync(string agencyCode, DateOnly day, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DossierCodeCounter))!;
        var table = db.Database.IsNpgsql() ? $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var sql = $$"""
            INSERT INTO {{table}} ("AgencyCode", "Day", "Last") VALUES ({0}, {1}, 1)
            ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "Last" = {{table}}."Last" + 1
            RETURNING "Last" AS "Value"
            """;
        var number = (await db.Database.SqlQueryRaw<int>(sql, agencyCode, day).ToListAsync(ct)).Single();
        return $"{agencyCode}-{day:yyMMdd}-{number:D4}";
    }
}
