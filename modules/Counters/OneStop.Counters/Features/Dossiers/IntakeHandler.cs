using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Catalogue.ElectronicForms;
using OneStop.Counters.Features.Catalogue.ProcedureVersions;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Localization;
using OneStop.Platform.Persistence;
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
internal sealed record IntakeRequest(
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
    string? PaymentMethod = null,
    /// <summary>Tờ khai điện tử: the procedure version's e-form filled in (a JSON object), checked against its JSON Schema.</summary>
    JsonObject? FormData = null);

/// <summary>What an intake must carry; checks against the catalogue (components, levels) are the handler's.</summary>
internal sealed partial class IntakeRequestValidator : AbstractValidator<IntakeRequest>
{
    public IntakeRequestValidator()
    {
        RuleFor(r => r.ProcedureCode).Must(code => !string.IsNullOrWhiteSpace(code)).WithErrorCode(CountersMessages.IntakeProcedureRequired);
        RuleFor(r => r.Channel).Must(c => c is null || DossierChannels.All.Contains(c)).WithErrorCode(CountersMessages.IntakeChannelInvalid);
        RuleFor(r => r.ReturnMethod).Must(m => m is null || ReturnMethods.All.Contains(m)).WithErrorCode(CountersMessages.IntakeReturnMethodInvalid);
        RuleFor(r => r.Note).Note();
        RuleFor(r => r.PaymentMethod).PaymentMethod();
        RuleFor(r => r.Applicant).NotNull().WithErrorCode(CountersMessages.IntakeApplicantRequired)
            .SetValidator(new IntakeApplicantValidator()!);
        RuleFor(r => r.Components)
            .Must(cs => (cs ?? []).All(c => c is not null && !string.IsNullOrWhiteSpace(c.DocumentTypeCode) && c.Copies is >= 1 and <= 20))
            .WithErrorCode(CountersMessages.IntakeComponentsInvalid);
    }
}

/// <summary>The applicant: identity by kind (12-digit CCCD or enterprise code), name, contact details.</summary>
internal sealed partial class IntakeApplicantValidator : AbstractValidator<IntakeApplicant>
{
    public IntakeApplicantValidator()
    {
        RuleFor(a => a.Kind).Must(k => k is ApplicantKinds.Citizen or ApplicantKinds.Organisation).WithErrorCode(CountersMessages.IntakeApplicantKindInvalid);
        RuleFor(a => a.Identity).Must(CitizenIdFormat.IsValid).When(a => a.Kind == ApplicantKinds.Citizen)
            .WithErrorCode(CountersMessages.IntakeCitizenIdInvalid);
        RuleFor(a => a.Identity).Must(id => EnterpriseCode().IsMatch(id ?? "")).When(a => a.Kind == ApplicantKinds.Organisation)
            .WithErrorCode(CountersMessages.IntakeEnterpriseCodeInvalid);
        RuleFor(a => a.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 256).WithErrorCode(CountersMessages.IntakeApplicantNameRequired);
        RuleFor(a => a.Phone).Must(p => string.IsNullOrEmpty(p) || Phone().IsMatch(p)).WithErrorCode(CountersMessages.IntakePhoneInvalid);
        RuleFor(a => a.Email).Must(e => string.IsNullOrEmpty(e) || (e.Length <= 256 && e.Contains('@'))).WithErrorCode(CountersMessages.IntakeEmailInvalid);
        RuleFor(a => a.Address).MaximumLength(512).WithErrorCode(CountersMessages.IntakeAddressTooLong);
        RuleFor(a => a.DateOfBirth).Must(dob => dob is not { } d || (d.Year >= 1900 && d <= DateOnly.FromDateTime(DateTime.UtcNow)))
            .WithErrorCode(CountersMessages.IntakeDateOfBirthInvalid);
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex EnterpriseCode();

    [GeneratedRegex(@"^(\+84|0)?\d{9,10}$")]
    private static partial Regex Phone();
}

/// <summary>Rules shared by the intake and the transition requests.</summary>
internal static class DossierRules
{
    public static IRuleBuilderOptions<T, string?> Note<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000).WithErrorCode(CountersMessages.NoteTooLong);

    public static IRuleBuilderOptions<T, string?> PaymentMethod<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(m => m is null || PaymentMethods.All.Contains(m)).WithErrorCode(CountersMessages.IntakePaymentMethodInvalid);
}

/// <summary>Creates dossiers: numbering, competent unit, components checked against the procedure, legal time, due date.</summary>
internal sealed class IntakeHandler(
    CountersDbContext db, DossierWorkflow workflow, ICurrentScope scope, IAdministrativeUnitDirectory units,
    Catalogue.LocationIndependence.LocationIndependence locationIndependence, IntakeProcedures procedures, IServiceProvider services)
{
    public async Task<Dossier> IntakeAsync(IntakeRequest request, CancellationToken ct)
    {
        if (scope.Unit.UnitId == Guid.Empty)
        {
            throw new PlatformException(PlatformErrorCodes.UnitRequired, 403) { MessageCode = CountersMessages.IntakeUnitRequired };
        }

        // One instant for the whole intake: the reception day decides abolition, the version, the decisions in force and the code.
        var now = workflow.Now;
        var today = OneStop.Platform.Domain.VietnamTime.DayOf(now);
        // Steps too: reception plans the internal process from this same read (PrepareReceptionAsync does not read it again).
        // Kept per instance while the catalogue is unchanged (ADR 0060): shared, read-only.
        var procedure = await procedures.FindAsync(request.ProcedureCode.Trim(), ct)
            ?? throw new PlatformException(CountersErrorCodes.ProcedureNotFound, 400, request.ProcedureCode) { MessageCode = CountersMessages.IntakeProcedureNotFound };
        if (!procedure.IsReceivableOn(today))
        {
            // Bãi bỏ: no new dossier; those already received keep their version.
            throw new PlatformException(CountersErrorCodes.ProcedureAbolished, 409, procedure.Code, procedure.AbolishedFrom) { MessageCode = CountersMessages.IntakeProcedureAbolished };
        }

        var channel = request.Channel ?? DossierChannels.Direct;
        if (channel == DossierChannels.Postal && !procedure.PostalAllowed)
        {
            throw new PlatformException(CountersErrorCodes.ChannelNotAllowed, 400) { MessageCode = CountersMessages.IntakePostalNotAllowed };
        }

        var receiving = await units.FindAsync(scope.Unit.UnitId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.UnitRequired, 403) { MessageCode = CountersMessages.IntakeReceivingUnitUnknown };
        if (receiving.ValidTo is { } gone && today >= gone)
        {
            // A person left in a retired unit (e.g. one that was split) sees its archive but receives nothing new there.
            throw new PlatformException(CountersErrorCodes.UnitRetired, 409, receiving.Name, gone) { MessageCode = CountersMessages.IntakeUnitRetired };
        }

        var resolving = await ResolvingUnitAsync(procedure, receiving, request.ResolvingUnitId, today, ct);
        await CheckNamedIdsAsync(request, receiving.Id, today, ct);
        var desk = await units.ReceptionDeskAsync(receiving.Id, ct: ct)
            ?? throw new PlatformException(CountersErrorCodes.NoReceptionDesk, 422, receiving.Name) { MessageCode = CountersMessages.IntakeNoReceptionDesk };

        var dossier = new Dossier
        {
            ProcedureId = procedure.Id, ProcedureCode = procedure.Code, ProcedureName = procedure.Name, ProcedureField = procedure.Field,
            Channel = channel,
            ApplicantKind = request.Applicant.Kind, ApplicantIdentity = request.Applicant.Identity.Trim(), ApplicantName = request.Applicant.Name.Trim(),
            ApplicantDateOfBirth = request.Applicant.DateOfBirth, ApplicantAddress = request.Applicant.Address?.Trim(),
            ApplicantPhone = request.Applicant.Phone, ApplicantEmail = request.Applicant.Email, ApplicantVerified = request.Applicant.Verified,
            UnitId = receiving.Id, ReceivingUnitId = receiving.Id, UnitPath = receiving.Path, ReceivingUnitName = receiving.Name, ReceivingAgencyCode = desk.Code,
            ResolvingUnitId = resolving.Id, SharedUnitPath = resolving.Path, ResolvingUnitName = resolving.Name,
            CurrentUnitId = receiving.Id, CurrentUnitName = receiving.Name,
            SubmittedAt = now, RequestedReturnMethod = request.ReturnMethod ?? (channel == DossierChannels.Postal ? ReturnMethods.Postal : ReturnMethods.Desk),
            TicketId = request.TicketId, Note = request.Note,
        };
        // The version valid on the reception day decides the components, the fees and the e-form (ADR 0028).
        // Fees of the channel as the catalogue publishes them; at the desk the applicant pays there unless told otherwise.
        dossier.FeeVnd = procedure.FeesOn(today).Where(f => f.Channel == channel).Sum(f => f.AmountVnd);
        dossier.PaymentMethod = dossier.FeeVnd > 0 ? request.PaymentMethod ?? (channel == DossierChannels.Direct ? PaymentMethods.Desk : null) : null;
        dossier.Components = CheckComponents(procedure.Code, procedure.ComponentsOn(today), request.Components ?? [], dossier.Id);
        dossier.FormData = CheckForm(procedure.VersionOn(today)?.FormSchema, request.FormData);
        dossier.Submit(now, workflow.Actor);
        if (channel == DossierChannels.Postal || dossier.RequestedReturnMethod == ReturnMethods.Postal)
        {
            // Bưu chính công ích: the post office serving the unit carries it, and its agents see it (scope by agency).
            foreach (var post in (await units.AgenciesServingAsync(receiving.Id, today, ct)).Where(a => a.Kind == AgencyKinds.Post))
            {
                dossier.CarriedBy(post.Code);
            }
        }
        ApplyLegalTime(dossier, procedure, VietnamTime.ToLocal(now));

        await workflow.PrepareClockAsync(dossier.UnitId, ct);
        // Everything read before the transaction: the code's row lock (one per agency and day) is then held only for
        // the register's number, the writes and the commit — the rows every intake of that desk waits for.
        var reception = channel == DossierChannels.Direct ? await workflow.PrepareReceptionAsync(dossier, procedure, ct) : null;
        // Inside an inbox handler the relay's transaction is already open: the code and the dossier commit with it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Our own transaction rolls back whole on any failure: EF's savepoint around the save (two more round trips while
        // the code's row is locked) would protect nothing.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && transaction is null;
        try
        {
            await WriteAsync(dossier, reception, desk.Code, receiving.Id, today, ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return dossier;
    }

    /// <summary>The numbers and the writes, inside the intake's transaction.</summary>
    private async Task WriteAsync(Dossier dossier, Reception? reception, string deskCode, Guid receivingUnitId, DateOnly today, CancellationToken ct)
    {
        if (reception is not null)
        {
            // At the desk the applicant is in front of the officer: submitted and received in one step. The code and the
            // register's line in one round trip: both rows stay locked until the commit.
            var (number, line) = await RunningNumbers.NextPairAsync<DossierCodeCounter, DossierRegisterCounter>(
                db, [deskCode, today], [receivingUnitId, today.Year], ct);
            dossier.Code = CodeOf(deskCode, today, number);
            db.Dossiers.Add(dossier);
            await workflow.ReceiveAsync(dossier, reception with { RegisterLine = line }, ct);
        }
        else
        {
            dossier.Code = CodeOf(deskCode, today, await RunningNumbers.NextAsync<DossierCodeCounter>(db, [deskCode, today], ct));
            db.Dossiers.Add(dossier);
            await workflow.SaveAsync(dossier, DossierTransitions.Submitted, null, null, ct);
        }
    }

    /// <summary>
    /// Every id the request names is resolved inside the receiving unit's reach or refused (issue 19): the queue ticket
    /// must be one of this unit's own queue; a reused document must be in the applicant's data store and reusable by
    /// this unit (consent), of the component's document type.
    /// </summary>
    private async Task CheckNamedIdsAsync(IntakeRequest request, Guid receivingUnitId, DateOnly today, CancellationToken ct)
    {
        if (request.TicketId is { } ticketId
            && (services.GetService<OneStop.Queue.Contracts.IQueueApi>() is not { } queue || !await queue.IsTicketOfUnitAsync(ticketId, receivingUnitId, ct)))
        {
            throw new PlatformException(CountersErrorCodes.TicketNotFound, 400) { MessageCode = CountersMessages.IntakeTicketNotFound };
        }

        var reused = (request.Components ?? []).Where(c => c?.ReusedDocumentId is not null).ToList();
        if (reused.Count == 0)
        {
            return;
        }

        var store = services.GetService<OneStop.Digitization.Contracts.IDigitizationApi>();
        foreach (var component in reused)
        {
            var document = store is null ? null : await store.FindReusableDocumentAsync(request.Applicant.Identity.Trim(), component.ReusedDocumentId!.Value, today, ct);
            if (document is null || document.DocumentTypeCode != component.DocumentTypeCode.Trim())
            {
                throw new PlatformException(CountersErrorCodes.ReusedDocumentInvalid, 400, component.DocumentTypeCode)
                {
                    MessageCode = CountersMessages.IntakeReusedDocumentInvalid,
                };
            }
        }
    }

    /// <summary>Copies the legal time of the channel valid on the reception date (a later change doesn't move the dossier).</summary>
    public static void ApplyLegalTime(Dossier dossier, Procedure procedure, DateTime receivedLocal)
    {
        var times = procedure.LegalTimesOn(DateOnly.FromDateTime(receivedLocal));
        var time = times.FirstOrDefault(t => t.Channel == dossier.Channel) ?? times.FirstOrDefault(t => t.Channel == DossierChannels.Direct) ?? times.FirstOrDefault();
        if (time is null || time.Value <= 0)
        {
            throw new PlatformException(CountersErrorCodes.LegalTimeUnknown, 422, procedure.Code) { MessageCode = CountersMessages.IntakeLegalTimeUnknown };
        }

        dossier.LegalTimeVersion = time.Version;
        dossier.ProcedureVersion = procedure.VersionOn(DateOnly.FromDateTime(receivedLocal))?.Number ?? time.Version;
        dossier.LegalTimeValue = time.Value;
        dossier.LegalTimeUnit = time.Unit;
    }

    /// <summary>
    /// The e-form filled in, checked on the server against the version's schema (what the page or the portal checked
    /// may have been bypassed); stored as JSON. Null when the version has no e-form.
    /// </summary>
    public static string? CheckForm(string? schema, JsonObject? data)
    {
        if (!ElectronicForm.TryParse(schema, out var form, out _) || form.IsNone)
        {
            return null;
        }

        var errors = form.Validate(data);
        if (errors.Count > 0)
        {
            throw new PlatformException(CountersErrorCodes.FormDataInvalid, 400, errors.Count)
            {
                MessageCode = ProcedureVersionMessages.FormDataRefused,
                Errors = errors.ToDictionary(e => "Form." + e.Key, e => e.Value),
            };
        }

        return (data ?? []).ToJsonString();
    }

    private static List<DossierComponent> CheckComponents(string procedureCode, IReadOnlyList<ProcedureComponent> listed, IntakeComponent[] given, Guid dossierId)
    {
        var byCode = given.GroupBy(c => c.DocumentTypeCode.Trim()).ToDictionary(g => g.Key, g => g.First());
        if (listed.Count == 0)
        {
            // The national catalogue has no component list for most procedures: accept what the desk records.
            return byCode.Values.Select((c, i) => new DossierComponent
            {
                DossierId = dossierId, Order = i + 1, Name = c.DocumentTypeCode, DocumentTypeCode = c.DocumentTypeCode, Copies = c.Copies,
                Source = SourceOf(c), ReusedDocumentId = c.ReusedDocumentId,
            }).ToList();
        }

        var known = listed.Select(c => c.DocumentTypeCode).ToHashSet();
        var unknown = byCode.Keys.Where(k => !known.Contains(k)).ToList();
        var missing = listed.Where(c => c.Required && !byCode.ContainsKey(c.DocumentTypeCode)).OrderBy(c => c.Order).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var errors = new Dictionary<string, string[]>();
            if (missing.Count > 0)
            {
                errors["Components"] = missing.Select(m => Messages.Text(CountersMessages.IntakeComponentMissing, m.Name, m.DocumentTypeCode)).ToArray();
            }

            if (unknown.Count > 0)
            {
                errors["Components.Unknown"] = unknown.Select(u => Messages.Text(CountersMessages.IntakeComponentUnknown, u, procedureCode)).ToArray();
            }

            throw new PlatformException(CountersErrorCodes.ComponentsIncomplete, 400) { Errors = errors };
        }

        return listed.Where(c => byCode.ContainsKey(c.DocumentTypeCode)).OrderBy(c => c.Order).Select(c =>
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
    /// request — outside the receiving unit's own branch only for procedures a location-independent decision lists.
    /// </summary>
    private async Task<AdministrativeUnitInfo> ResolvingUnitAsync(Procedure procedure, AdministrativeUnitInfo receiving, Guid? requested, DateOnly today, CancellationToken ct)
    {
        var levels = procedure.Levels.ToList();
        if (requested is { } id && id != receiving.Id)
        {
            var unit = await units.FindAsync(id, ct)
                ?? throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid, 400) { MessageCode = CountersMessages.IntakeResolvingUnitNotFound };
            if (!levels.Contains(unit.Level))
            {
                throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid, 400, procedure.Code, unit.Name) { MessageCode = CountersMessages.IntakeResolvingUnitWrongLevel };
            }

            var sameBranch = unit.Path.StartsWith(receiving.Path, StringComparison.Ordinal) || receiving.Path.StartsWith(unit.Path, StringComparison.Ordinal);
            // Outside its own branch a desk receives only what a decision in force today lists for it (ADR 0027).
            if (!sameBranch && !await locationIndependence.AppliesAsync(procedure.Code, receiving, today, ct))
            {
                throw new PlatformException(CountersErrorCodes.NotLocationIndependent, 400, procedure.Code, unit.Name) { MessageCode = CountersMessages.IntakeNotLocationIndependent };
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
            current = await units.FindAsync(parentId, ct) ?? throw new InvalidOperationException("The administrative unit tree has a gap.");
            if (levels.Contains(current.Level))
            {
                return current;
            }
        }

        throw new PlatformException(CountersErrorCodes.ResolvingUnitInvalid, 400, procedure.Code) { MessageCode = CountersMessages.IntakeResolvedBelow };
    }

    /// <summary>{AgencyCode}-{yyMMdd}-{NNNN}: the running number per agency per day, taken inside the intake transaction.</summary>
    private static string CodeOf(string agencyCode, DateOnly day, int number) => $"{agencyCode}-{day:yyMMdd}-{number:D4}";
}
