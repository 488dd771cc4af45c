using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Documents;
using OneStop.Platform.People;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Forms;

internal sealed record RenderedForm(byte[] Content, string FileName, string ContentType = "application/pdf");

/// <summary>
/// Biểu mẫu của một hồ sơ (Mẫu 01–05/06): picks the rule set by the dossier's reception date, checks that the form
/// makes sense for the dossier's state, and renders it on A5 with the kernel's PDF helper (Noto fonts).
/// </summary>
internal sealed class DossierForms(CountersDbContext db, DossierWorkflow workflow, IPeopleDirectory people, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    /// <summary>When a form exists for a dossier: the state or record it documents must be there (else 409).</summary>
    private static readonly Dictionary<string, (Func<Dossier, bool> Available, string WhyNotCode)> Availability = new()
    {
        // A refused dossier gets the refusal (Mẫu 03), never a receipt promising a result on a day.
        [FormKinds.Receipt] = (d => d.ReceivedAt is not null && d.Status != DossierStatuses.Refused, CountersMessages.FormReceiptNotYet),
        [FormKinds.SupplementRequest] = (d => d.ClockStops.Any(s => s.Cause == DossierTransitions.SupplementRequested), CountersMessages.FormNoSupplementRequest),
        [FormKinds.Refusal] = (d => d.Status == DossierStatuses.Refused, CountersMessages.FormNotRefused),
        [FormKinds.Apology] = (_ => true, CountersMessages.FormNoApology), // checked against the letters below
        [FormKinds.ControlSheet] = (d => d.ReceivedAt is not null, CountersMessages.FormControlSheetNotYet),
        [FormKinds.StopNotice] = (d => d.Status == DossierStatuses.Stopped, CountersMessages.FormNotStopped),
    };

    /// <summary>The set by the date the dossier was received (submitted, if not yet received).</summary>
    public static LegalFormSet SetFor(Dossier d) => LegalFormSets.InForceOn(FormLayout.VietnamDate(d.ReceivedAt ?? d.SubmittedAt));

    /// <summary>The forms this dossier can print now, for the dossier page's print menu.</summary>
    public async Task<IReadOnlyList<LegalForm>> AvailableAsync(Guid dossierId, CancellationToken ct)
    {
        var d = await workflow.LoadAsync(dossierId, ct);
        var hasLetter = await db.ApologyLetters.AnyAsync(a => a.DossierId == d.Id, ct);
        return SetFor(d).Forms.Where(f => !f.Register && Availability[f.Kind].Available(d) && (f.Kind != FormKinds.Apology || hasLetter)).ToList();
    }

    public async Task<RenderedForm> RenderAsync(Guid dossierId, string kind, Guid? letterId, CancellationToken ct)
    {
        if (!Availability.TryGetValue(kind, out var rule))
        {
            throw new PlatformException(CountersErrorCodes.FormNotAvailable, 404, kind, string.Join(", ", FormKinds.PerDossier)) { MessageCode = CountersMessages.FormKindUnknown };
        }

        var d = await workflow.LoadAsync(dossierId, ct);
        var set = SetFor(d);
        var form = set.Find(kind)
            ?? throw new PlatformException(CountersErrorCodes.FormNotAvailable, 404, set.Circular, FormLayout.VietnamDate(d.ReceivedAt ?? d.SubmittedAt))
            {
                MessageCode = CountersMessages.FormNotInSet,
            };
        if (!rule.Available(d))
        {
            throw NotAvailable(kind == FormKinds.Receipt && d.Status == DossierStatuses.Refused ? CountersMessages.FormReceiptRefused : rule.WhyNotCode, 409);
        }

        ApologyLetter? letter = null;
        if (kind == FormKinds.Apology)
        {
            letter = await db.ApologyLetters.AsNoTracking()
                .Where(a => a.DossierId == d.Id && (letterId == null || a.Id == letterId))
                .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct)
                ?? throw NotAvailable(rule.WhyNotCode, 409);
        }

        // Every officer the form may name, in one look-up.
        var names = await people.NamesAsync([.. DossierPeople.Logins(d), letter?.IssuedBy], ct);
        var issuer = await IssuerAsync(d, ct);
        using var pdf = FormLayout.A5($"{form.FileName} - {d.Code}", "UBND " + issuer.UnitName);
        switch (kind)
        {
            case FormKinds.Receipt:
                Receipt(pdf, issuer, set, form, d, names);
                break;
            case FormKinds.SupplementRequest:
                Supplement(pdf, issuer, set, form, d, names);
                break;
            case FormKinds.Refusal:
                Refusal(pdf, issuer, set, form, d, names);
                break;
            case FormKinds.Apology:
                Apology(pdf, issuer, set, form, d, letter!, names);
                break;
            case FormKinds.ControlSheet:
                ControlSheet(pdf, issuer, set, form, d, names, workflow.Now);
                break;
            case FormKinds.StopNotice:
                StopNotice(pdf, issuer, set, form, d, names);
                break;
        }

        return new(pdf.ToArray(), $"Mẫu {form.Number} - {form.FileName} - {d.Code}.pdf");
    }

    /// <summary>
    /// Who issues a form printed now: the unit holding the dossier on the day of printing and its desk of that day. A
    /// dossier received at Phường Cẩm Thượng in June 2025 and printed in August is issued by Phường Thành Đông's Trung
    /// tâm Phục vụ hành chính công; the text still says where it was received.
    /// </summary>
    private async Task<FormIssuer> IssuerAsync(Dossier d, CancellationToken ct)
    {
        var today = FormLayout.VietnamDate(clock.GetUtcNow());
        var unit = await units.CurrentAsync(d.UnitId, today, ct) ?? await units.FindAsync(d.UnitId, ct);
        if (unit is null)
        {
            return new(d.ReceivingUnitName, FormIssuer.OneStopDesk);
        }

        var desk = await units.ReceptionDeskAsync(unit.Id, today, ct);
        return new(unit.Name, desk?.Kind == AgencyKinds.ServiceCenter ? FormIssuer.ServiceCentre : FormIssuer.OneStopDesk);
    }

    internal static PlatformException NotAvailable(string messageCode, int status) =>
        new(CountersErrorCodes.FormNotAvailable, status) { MessageCode = messageCode };

    private static void Applicant(PdfWriter pdf, Dossier d)
    {
        FormLayout.Line(pdf, (d.ApplicantKind == ApplicantKinds.Organisation ? "Tổ chức: " : "Ông/Bà: ") + d.ApplicantName, bold: true);
        FormLayout.Line(pdf, (d.ApplicantKind == ApplicantKinds.Organisation ? "Mã số doanh nghiệp: " : "Số định danh cá nhân: ") + d.ApplicantIdentity);
        if (!string.IsNullOrWhiteSpace(d.ApplicantAddress))
        {
            FormLayout.Line(pdf, "Địa chỉ: " + d.ApplicantAddress);
        }

        if (!string.IsNullOrWhiteSpace(d.ApplicantPhone) || !string.IsNullOrWhiteSpace(d.ApplicantEmail))
        {
            FormLayout.Line(pdf, $"Số điện thoại: {d.ApplicantPhone ?? "—"}    Email: {d.ApplicantEmail ?? "—"}");
        }

        FormLayout.Line(pdf, $"Nội dung yêu cầu giải quyết: {d.ProcedureName} (mã TTHC {d.ProcedureCode}).");
    }

    private static DateTimeOffset TransitionAt(Dossier d, string transition) =>
        d.History.Where(h => h.Transition == transition).OrderByDescending(h => h.At).Select(h => (DateTimeOffset?)h.At).FirstOrDefault()
        ?? d.ModifiedAt ?? d.CreatedAt;

    /// <summary>Mẫu 01.</summary>
    private static void Receipt(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, PeopleNames names)
    {
        FormLayout.Head(pdf, set, form, issuer, d.Code, d.ReceivedAt!.Value);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, $"Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} tiếp nhận hồ sơ của:");
        Applicant(pdf, d);
        FormLayout.Line(pdf, "1. Thành phần hồ sơ nộp gồm:");
        double[] w = [0.08, 0.72, 0.20];
        pdf.Row([("TT", w[0]), ("Tên giấy tờ", w[1]), ("Số lượng", w[2])], size: 8.5, bold: true);
        var components = d.Components.OrderBy(c => c.Order).ToList();
        foreach (var c in components)
        {
            var source = c.Source == ComponentSources.Submitted ? "" : " (tái sử dụng dữ liệu đã có)";
            pdf.Row([(c.Order.ToString(), w[0]), (c.Name + source, w[1]), ($"{c.Copies:00} bản", w[2])], size: 8.5);
        }

        if (components.Count == 0)
        {
            pdf.Row([("", w[0]), ("Không có thành phần bắt buộc.", w[1]), ("", w[2])], size: 8.5);
        }

        pdf.Space(3);
        FormLayout.Line(pdf, "2. Số lượng hồ sơ: 01 bộ.");
        FormLayout.Line(pdf, $"3. Thời gian giải quyết hồ sơ theo quy định là: {new LegalTime(d.LegalTimeValue, d.LegalTimeUnit)}.");
        FormLayout.Line(pdf, $"4. Thời gian nhận hồ sơ: {FormLayout.Moment(d.ReceivedAt)}.");
        FormLayout.Line(pdf, $"5. Thời gian trả kết quả giải quyết hồ sơ (ngày hẹn trả): {FormLayout.Moment(d.DueAt)}.", bold: true);
        FormLayout.Line(pdf, $"6. Đăng ký nhận kết quả: {DossierText.ReturnMethodVi(d.RequestedReturnMethod)}. Hình thức nộp: {DossierText.ChannelVi(d.Channel)}.");
        FormLayout.Line(pdf, $"Vào Sổ theo dõi hồ sơ, Quyển số: {d.ReceivedAt!.Value.Year}, Số thứ tự: {d.Code[^4..]}.", italic: true);
        FormLayout.Signatures(pdf, new SignatureBlock("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.ApplicantName), FormLayout.Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", names, DossierPeople.Receiver(d)));
    }

    /// <summary>Mẫu 02: the clock stops until the applicant completes the dossier.</summary>
    private static void Supplement(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, PeopleNames names)
    {
        var stop = d.ClockStops.Where(s => s.Cause == DossierTransitions.SupplementRequested).OrderByDescending(s => s.From).First();
        FormLayout.Head(pdf, set, form, issuer, d.Code, stop.From);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, $"Ngày {FormLayout.VietnamDate(d.ReceivedAt ?? d.SubmittedAt):dd/MM/yyyy}, Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} tiếp nhận hồ sơ của:");
        Applicant(pdf, d);
        FormLayout.Line(pdf, "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", bold: true);
        FormLayout.Line(pdf, stop.Reason);
        FormLayout.Line(pdf, $"Thời gian giải quyết hồ sơ tạm dừng từ {FormLayout.Moment(stop.From)} đến khi nhận đủ hồ sơ bổ sung; ngày hẹn trả kết quả ({FormLayout.Moment(d.DueAt)}) sẽ được tính lại tương ứng.");
        FormLayout.Line(pdf, $"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} để được hướng dẫn.", italic: true);
        FormLayout.Signatures(pdf, FormLayout.Signer("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", names,
            d.History.Where(h => h.Transition == DossierTransitions.SupplementRequested).OrderByDescending(h => h.At).Select(h => h.Actor).FirstOrDefault()));
    }

    /// <summary>Mẫu 03.</summary>
    private static void Refusal(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, PeopleNames names)
    {
        var at = TransitionAt(d, DossierTransitions.Refused);
        FormLayout.Head(pdf, set, form, issuer, d.Code, at);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, $"Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} tiếp nhận hồ sơ của:");
        Applicant(pdf, d);
        FormLayout.Line(pdf, $"Qua xem xét, Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
        FormLayout.Line(pdf, "Lý do: " + d.ClosingReason, bold: true);
        FormLayout.Line(pdf, "Xin thông báo cho Ông/Bà được biết và thực hiện./.", italic: true);
        FormLayout.Signatures(pdf, FormLayout.Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", names,
            d.History.Where(h => h.Transition == DossierTransitions.Refused).Select(h => h.Actor).LastOrDefault()));
    }

    /// <summary>Mẫu 04 from a letter drafted by the overdue job (and issued by an officer).</summary>
    private static void Apology(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, ApologyLetter letter, PeopleNames names)
    {
        FormLayout.Head(pdf, set, form, issuer, d.Code, letter.IssuedAt ?? letter.CreatedAt);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, "Kính gửi: " + d.ApplicantName, bold: true);
        FormLayout.Line(pdf, $"Ngày {FormLayout.VietnamDate(d.ReceivedAt ?? d.SubmittedAt):dd/MM/yyyy}, Bộ phận Tiếp nhận và Trả kết quả {d.ReceivingUnitName} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ {d.Code}.");
        FormLayout.Line(pdf, $"Nội dung yêu cầu giải quyết: {d.ProcedureName}.");
        FormLayout.Line(pdf, $"Ngày hẹn trả kết quả giải quyết hồ sơ: {FormLayout.Moment(letter.OriginalDueAt)}.");
        FormLayout.Line(pdf, $"Tuy nhiên đến nay, {d.CurrentUnitName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.");
        FormLayout.Line(pdf, "Lý do: " + letter.Reason, bold: true);
        FormLayout.Line(pdf, "Sự chậm trễ này đã gây phiền hà cho Ông/Bà.");
        FormLayout.Line(pdf, $"{form.Wording}: {FormLayout.Moment(letter.ProposedDueAt)}.", bold: true);
        FormLayout.Line(pdf, "Mong nhận được sự cảm thông của Ông/Bà./.", italic: true);
        FormLayout.Signatures(pdf, FormLayout.Signer("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)", names, letter.IssuedBy));
    }

    /// <summary>Phiếu kiểm soát: every hand-over (bàn giao) with its times, from the dossier's hand-over records.</summary>
    private static void ControlSheet(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, PeopleNames names, DateTimeOffset now)
    {
        FormLayout.Head(pdf, set, form, issuer, d.Code, d.ReceivedAt!.Value);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, $"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: {d.Code})", italic: true);
        FormLayout.Line(pdf, $"Người nộp: {d.ApplicantName}. Thủ tục: {d.ProcedureName}.");
        FormLayout.Line(pdf, $"Cơ quan (bộ phận) giải quyết hồ sơ: {d.ResolvingUnitName}.");
        var partners = d.Handovers.Where(h => h.Kind == HandoverKinds.Routing).Select(h => h.ToName).Where(n => n != d.ResolvingUnitName).Distinct().ToList();
        FormLayout.Line(pdf, $"Cơ quan phối hợp giải quyết hồ sơ: {(partners.Count == 0 ? "—" : string.Join(", ", partners))}.");
        FormLayout.Line(pdf, $"Ngày hẹn trả kết quả: {FormLayout.Moment(d.DueAt)}.", bold: true);
        pdf.Space(3);
        HandoverLines(pdf, d, names);
        if (d.Steps.Count > 0)
        {
            // The form's own table is the hand-overs; the internal process's steps follow with their budgets and lateness.
            pdf.Space(3);
            FormLayout.Line(pdf, "CÁC BƯỚC THEO QUY TRÌNH NỘI BỘ", bold: true);
            StepLines(pdf, d, names, now);
        }

        FormLayout.Signatures(pdf, FormLayout.Signer("NGƯỜI LẬP PHIẾU", "(Ký và ghi rõ họ tên)", names, DossierPeople.Receiver(d)));
    }

    /// <summary>
    /// The lines of the internal process as taken (ADR 0036): each step with who performed it, its budget, when it
    /// started, was due and was done, and whether it ran late; then the lateness by agency.
    /// </summary>
    private static void StepLines(PdfWriter pdf, Dossier d, PeopleNames names, DateTimeOffset now)
    {
        double[] w = [0.30, 0.12, 0.28, 0.14, 0.16];
        pdf.Row([("BƯỚC, NGƯỜI / CƠ QUAN THỰC HIỆN", w[0]), ("THỜI GIAN QUY ĐỊNH", w[1]), ("BẮT ĐẦU / HẠN / HOÀN THÀNH", w[2]), ("KẾT QUẢ (đúng hạn / quá hạn)", w[3]), ("GHI CHÚ", w[4])], size: 7.5, bold: true);
        foreach (var s in d.Steps.OrderBy(s => s.Order))
        {
            var by = s.CompletedBy is { } login ? $"\nNgười thực hiện: {names.Name(login)}" : "";
            pdf.Row(
            [
                ($"{s.Order}. {s.Name}\n{s.Performer}{by}", w[0]),
                ($"{s.BudgetHours:0.##} giờ làm việc", w[1]),
                ($"Bắt đầu: {FormLayout.Short(s.StartedAt)}\nHạn: {(s.DueAt is null ? "—" : FormLayout.Short(s.DueAt))}\nHoàn thành: {(s.CompletedAt is null ? "đang xử lý" : FormLayout.Short(s.CompletedAt))}", w[2]),
                (s.DueAt is null ? (s.CompletedAt is null ? "" : "Đúng hạn") : s.IsLateAt(now) ? "Quá hạn " + Hours((s.CompletedAt ?? now) - s.DueAt.Value) : s.CompletedAt is null ? "" : "Đúng hạn", w[3]),
                ((s.Electronic ? "Điện tử" : "Bản giấy") + (string.IsNullOrWhiteSpace(s.Note) ? "" : "; " + s.Note), w[4]),
            ], size: 7.5);
        }

        var late = d.Steps.Where(s => s.IsLateAt(now)).GroupBy(s => s.Performer)
            .Select(g => $"{g.Key}: {g.Count()} bước, {Hours(g.Aggregate(TimeSpan.Zero, (t, s) => t + ((s.CompletedAt ?? now) - s.DueAt!.Value)))}").ToList();
        FormLayout.Line(pdf, "Chậm trễ theo cơ quan, bộ phận: " + (late.Count == 0 ? "không có." : string.Join("; ", late) + "."), bold: late.Count > 0);
    }

    private static string Hours(TimeSpan t) => t.TotalHours >= 1 ? $"{Math.Floor(t.TotalHours):0} giờ {t.Minutes:0} phút" : $"{Math.Max(1, (int)t.TotalMinutes)} phút";

    /// <summary>Every hand-over (bàn giao) with its times, the form's own table.</summary>
    private static void HandoverLines(PdfWriter pdf, Dossier d, PeopleNames names)
    {
        double[] w = [0.36, 0.26, 0.18, 0.20];
        pdf.Row([("TÊN CƠ QUAN, NGƯỜI GIAO / NHẬN", w[0]), ("THỜI GIAN GIAO, NHẬN HỒ SƠ", w[1]), ("KẾT QUẢ (trước hạn / đúng hạn / quá hạn)", w[2]), ("GHI CHÚ", w[3])], size: 7.5, bold: true);
        foreach (var h in d.Handovers.OrderBy(h => h.Order))
        {
            pdf.Row(
            [
                ($"{h.Order}. Giao: {DossierPeople.From(h.Kind, h.FromName, names)}\nNgười giao: {names.Name(h.SentBy)}\nNhận: {DossierPeople.To(h.Kind, h.ToName, names)}", w[0]),
                ($"Giao: {FormLayout.Short(h.SentAt)}\nNhận: {(h.ReceivedAt is null ? "đang xử lý" : FormLayout.Short(h.ReceivedAt))}", w[1]),
                (Timeliness(h.ReceivedAt, d.DueAt), w[2]),
                ((h.Electronic ? "Liên thông điện tử" : "Bản giấy") + (string.IsNullOrWhiteSpace(h.Note) ? "" : "; " + h.Note), w[3]),
            ], size: 7.5);
        }
    }

    /// <summary>Thông báo dừng giải quyết hồ sơ (Mẫu 05 of Circular 03/2025).</summary>
    private static void StopNotice(PdfWriter pdf, FormIssuer issuer, LegalFormSet set, LegalForm form, Dossier d, PeopleNames names)
    {
        var at = TransitionAt(d, DossierTransitions.Stopped);
        FormLayout.Head(pdf, set, form, issuer, d.Code, at);
        FormLayout.Title(pdf, form, d.Code);
        FormLayout.Line(pdf, "Kính gửi: " + d.ApplicantName, bold: true);
        Applicant(pdf, d);
        FormLayout.Line(pdf, $"Hồ sơ tiếp nhận lúc {FormLayout.Moment(d.ReceivedAt)}, ngày hẹn trả kết quả {FormLayout.Moment(d.DueAt)}.");
        FormLayout.Line(pdf, $"{d.CurrentUnitName} thông báo dừng giải quyết hồ sơ nêu trên kể từ {FormLayout.Moment(at)}.");
        FormLayout.Line(pdf, "Lý do: " + d.ClosingReason, bold: true);
        FormLayout.Line(pdf, "Xin thông báo để Ông/Bà được biết./.", italic: true);
        FormLayout.Signatures(pdf, FormLayout.Signer("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)", names,
            d.History.Where(h => h.Transition == DossierTransitions.Stopped).Select(h => h.Actor).LastOrDefault()));
    }

    /// <summary>A step that ended before the due date is on time (a working day or more ahead: early); after it, late.</summary>
    internal static string Timeliness(DateTimeOffset? done, DateTimeOffset? due) => (done, due) switch
    {
        (null, _) => "",
        (_, null) => "",
        ({ } x, { } y) when x > y => "Quá hạn",
        ({ } x, { } y) when y - x >= TimeSpan.FromDays(1) => "Trước hạn",
        _ => "Đúng hạn",
    };
}
