using System.Globalization;
using OneStop.Platform.Localization;

namespace OneStop.Counters.Features;

/// <summary>
/// Message codes of the Counters module that are not API error codes (ADR 0020): validation rules and precise titles
/// for a general error code. Texts in Localization/messages.*.json; arguments are listed where a text takes some.
/// </summary>
internal static class CountersMessages
{
    // Intake (tiếp nhận hồ sơ)
    public const string IntakeProcedureRequired = "Counters.Intake.ProcedureRequired";
    public const string IntakeChannelInvalid = "Counters.Intake.ChannelInvalid";
    public const string IntakeReturnMethodInvalid = "Counters.Intake.ReturnMethodInvalid";
    public const string IntakePaymentMethodInvalid = "Counters.Intake.PaymentMethodInvalid";
    public const string NoteTooLong = "Counters.Dossiers.NoteTooLong";
    public const string IntakeApplicantRequired = "Counters.Intake.ApplicantRequired";
    public const string IntakeCitizenIdInvalid = "Counters.Intake.CitizenIdInvalid";
    public const string IntakeEnterpriseCodeInvalid = "Counters.Intake.EnterpriseCodeInvalid";
    public const string IntakeApplicantKindInvalid = "Counters.Intake.ApplicantKindInvalid";
    public const string IntakeApplicantNameRequired = "Counters.Intake.ApplicantNameRequired";
    public const string IntakePhoneInvalid = "Counters.Intake.PhoneInvalid";
    public const string IntakeEmailInvalid = "Counters.Intake.EmailInvalid";
    public const string IntakeAddressTooLong = "Counters.Intake.AddressTooLong";
    public const string IntakeDateOfBirthInvalid = "Counters.Intake.DateOfBirthInvalid";
    public const string IntakeComponentsInvalid = "Counters.Intake.ComponentsInvalid";
    public const string IntakeUnitRequired = "Counters.Intake.UnitRequired";
    public const string IntakeTicketNotFound = "Counters.Intake.TicketNotFound";
    /// <summary>{0}: the component's document-type code.</summary>
    public const string IntakeReusedDocumentInvalid = "Counters.Intake.ReusedDocumentInvalid";
    /// <summary>{0}: the procedure code asked for.</summary>
    public const string IntakeProcedureNotFound = "Counters.Intake.ProcedureNotFound";
    public const string IntakePostalNotAllowed = "Counters.Intake.PostalNotAllowed";
    public const string IntakeReceivingUnitUnknown = "Counters.Intake.ReceivingUnitUnknown";
    /// <summary>{0}: the retired unit's name; {1}: the date it ended.</summary>
    public const string IntakeUnitRetired = "Counters.Intake.UnitRetired";
    /// <summary>{0}: the receiving unit's name.</summary>
    public const string IntakeNoReceptionDesk = "Counters.Intake.NoReceptionDesk";
    /// <summary>{0}: the procedure code.</summary>
    public const string IntakeLegalTimeUnknown = "Counters.Intake.LegalTimeUnknown";
    /// <summary>{0}: the component's name; {1}: its document-type code.</summary>
    public const string IntakeComponentMissing = "Counters.Intake.ComponentMissing";
    /// <summary>{0}: the document-type code given; {1}: the procedure code.</summary>
    public const string IntakeComponentUnknown = "Counters.Intake.ComponentUnknown";
    public const string IntakeResolvingUnitNotFound = "Counters.Intake.ResolvingUnitNotFound";
    /// <summary>{0}: the procedure code; {1}: the unit's name.</summary>
    public const string IntakeResolvingUnitWrongLevel = "Counters.Intake.ResolvingUnitWrongLevel";
    /// <summary>{0}: the procedure code; {1}: the unit where the applicant should go.</summary>
    public const string IntakeNotLocationIndependent = "Counters.Intake.NotLocationIndependent";
    /// <summary>{0}: the procedure code.</summary>
    public const string IntakeResolvedBelow = "Counters.Intake.ResolvedBelow";
    public const string IntakeVerifyInputRequired = "Counters.Intake.VerifyInputRequired";

    // Dossier transitions
    /// <summary>{0}: the transition's label; {1}: the status's label (see <see cref="Transition"/>, <see cref="Status"/>).</summary>
    public const string TransitionNotAllowed = "Counters.Dossiers.TransitionNotAllowed";
    public const string ReasonRequired = "Counters.Dossiers.ReasonRequired";
    public const string AssigneeRequired = "Counters.Dossiers.AssigneeRequired";
    /// <summary>{0}: the login or name given; {1}: the unit holding the dossier.</summary>
    public const string AssigneeUnknown = "Counters.Dossiers.AssigneeUnknown";
    public const string AssigneeInactive = "Counters.Dossiers.AssigneeInactive";
    public const string AssigneeOutsideUnit = "Counters.Dossiers.AssigneeOutsideUnit";
    public const string AssigneeLacksRole = "Counters.Dossiers.AssigneeLacksRole";
    public const string RouteTargetRequired = "Counters.Dossiers.RouteTargetRequired";
    public const string AmountPositive = "Counters.Dossiers.AmountPositive";
    public const string FinancialObligationReasonRequired = "Counters.Dossiers.FinancialObligationReasonRequired";
    public const string ExtendValueOutOfRange = "Counters.Dossiers.ExtendValueOutOfRange";
    public const string ExtendUnitInvalid = "Counters.Dossiers.ExtendUnitInvalid";
    public const string ExtendReasonRequired = "Counters.Dossiers.ExtendReasonRequired";
    public const string ResultSummaryRequired = "Counters.Dossiers.ResultSummaryRequired";
    public const string RouteTargetNotFound = "Counters.Dossiers.RouteTargetNotFound";
    public const string RouteTargetIsCurrent = "Counters.Dossiers.RouteTargetIsCurrent";
    public const string ActionNotPermitted = "Counters.Dossiers.ActionNotPermitted";
    /// <summary>{0}: the transition's label.</summary>
    public const string ActionDone = "Counters.Dossiers.ActionDone";
    public const string RefuseReasonRequired = "Counters.Dossiers.RefuseReasonRequired";
    public const string SupplementContentRequired = "Counters.Dossiers.SupplementContentRequired";
    public const string SupplementComponentsInvalid = "Counters.Dossiers.SupplementComponentsInvalid";
    public const string AmountRequired = "Counters.Dossiers.AmountRequired";
    public const string ExtendValueRequired = "Counters.Dossiers.ExtendValueRequired";
    public const string WithdrawReasonRequired = "Counters.Dossiers.WithdrawReasonRequired";
    public const string StopReasonRequired = "Counters.Dossiers.StopReasonRequired";
    public const string ResultRequired = "Counters.Dossiers.ResultRequired";

    // Catalogue
    /// <summary>{0}: the procedure code.</summary>
    public const string ProcedureCodeNotFound = "Counters.Catalogue.ProcedureCodeNotFound";
    public const string ProcedureNameRequired = "Counters.Catalogue.NameRequired";

    // Location-independent decisions (quyết định công bố danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính)
    public const string DecisionNumberInvalid = "Counters.Decision.NumberInvalid";
    public const string DecisionSignerRequired = "Counters.Decision.SignerRequired";
    public const string DecisionTitleRequired = "Counters.Decision.TitleRequired";
    public const string DecisionSignedOnInvalid = "Counters.Decision.SignedOnInvalid";
    public const string DecisionEffectiveFromInvalid = "Counters.Decision.EffectiveFromInvalid";
    public const string DecisionEffectiveToInvalid = "Counters.Decision.EffectiveToInvalid";
    public const string DecisionProceduresRequired = "Counters.Decision.ProceduresRequired";
    public const string DecisionUnitsRequired = "Counters.Decision.UnitsRequired";
    /// <summary>{0}: the number.</summary>
    public const string DecisionNumberTaken = "Counters.Decision.NumberTaken";
    /// <summary>{0}: up to five unknown codes; {1}: how many.</summary>
    public const string DecisionProceduresUnknown = "Counters.Decision.ProceduresUnknown";
    /// <summary>{0}: the effective date.</summary>
    public const string DecisionUnitInvalid = "Counters.Decision.UnitInvalid";
    public const string DecisionPdfRequired = "Counters.Decision.PdfRequired";
    public const string DecisionSaved = "Counters.Decision.Saved";
    public const string DecisionDeleted = "Counters.Decision.Deleted";
    public const string DecisionPdfSaved = "Counters.Decision.PdfSaved";
    public const string ProcedureFieldTooLong = "Counters.Catalogue.FieldTooLong";
    public const string ProcedureLevelsRequired = "Counters.Catalogue.LevelsRequired";
    public const string ProcedureAgencyTooLong = "Counters.Catalogue.AgencyTooLong";
    public const string ProcedureEffectiveFromInvalid = "Counters.Catalogue.EffectiveFromInvalid";
    public const string ProcedurePublishedOnInvalid = "Counters.Catalogue.PublishedOnInvalid";
    public const string LegalTimeReasonRequired = "Counters.Catalogue.LegalTimeReasonRequired";
    public const string LegalTimesRequired = "Counters.Catalogue.LegalTimesRequired";
    public const string LegalTimeChannelsOnce = "Counters.Catalogue.LegalTimeChannelsOnce";
    public const string LegalTimeValueInvalid = "Counters.Catalogue.LegalTimeValueInvalid";
    public const string StepsCount = "Counters.Catalogue.StepsCount";
    public const string StepNameRequired = "Counters.Catalogue.StepNameRequired";
    public const string StepBudgetPositive = "Counters.Catalogue.StepBudgetPositive";
    public const string StepsNeedLegalTime = "Counters.Catalogue.StepsNeedLegalTime";
    public const string StepKindInvalid = "Counters.Catalogue.StepKindInvalid";
    public const string StepAgencyRequired = "Counters.Catalogue.StepAgencyRequired";
    /// <summary>{0}: the agency code named.</summary>
    public const string StepAgencyUnknown = "Counters.Catalogue.StepAgencyUnknown";
    public const string ProcessDateInPast = "Counters.Catalogue.ProcessDateInPast";
    public const string StepOfAnotherAgency = "Counters.Dossiers.StepOfAnotherAgency";
    public const string DraftRequired = "Counters.Dossiers.DraftRequired";
    /// <summary>{0}: the person's full name; {1}: the unit holding the dossier.</summary>
    public const string AssigneeOtherAgency = "Counters.Dossiers.AssigneeOtherAgency";
    public const string SendBackReasonRequired = "Counters.Dossiers.SendBackReasonRequired";
    public const string HandoverFormRequired = "Counters.Dossiers.HandoverFormRequired";
    /// <summary>{0}: the steps' total in working hours; {1} {2}: the legal time (value, unit label); {3}: that time in working hours.</summary>
    public const string StepBudgetsExceed = "Counters.Catalogue.StepBudgetsExceed";

    // Public lookup, search index, training gate
    public const string PublicDossierNotFound = "Counters.Public.DossierNotFound";
    public const string PublicLookupDigitsInvalid = "Counters.Public.DigitsInvalid";
    public const string PublicLookupThrottled = "Counters.Public.TooManyTries";
    public const string SearchSourceMissing = "Counters.Search.SourceMissing";
    /// <summary>{0}: the assignee's account; {1}: the procedure field.</summary>
    public const string SpecialistUnknown = "Counters.Training.SpecialistUnknown";

    // Search
    public const string SearchTextTooLong = "Counters.Search.TextTooLong";
    public const string SearchSortInvalid = "Counters.Search.SortInvalid";
    public const string SearchStatusInvalid = "Counters.Search.StatusInvalid";
    public const string SearchChannelInvalid = "Counters.Search.ChannelInvalid";
    public const string SearchReceivedRange = "Counters.Search.ReceivedRange";
    public const string SearchDueRange = "Counters.Search.DueRange";
    public const string SearchCursorSortMismatch = "Counters.Search.CursorSortMismatch";

    // Overdue and apology letters (Mẫu 04)
    public const string ApologyReasonInvalid = "Counters.Overdue.ReasonInvalid";
    public const string ApologyStatusInvalid = "Counters.Overdue.StatusInvalid";
    /// <summary>{0}: when it was issued.</summary>
    public const string ApologyAlreadyIssued = "Counters.Overdue.AlreadyIssued";
    public const string ApologyDateInPast = "Counters.Overdue.DateInPast";
    public const string ApologyNoDueDate = "Counters.Overdue.NoDueDate";

    // Online submissions
    public const string RepullSequenceNegative = "Counters.Online.SequenceNegative";
    /// <summary>{0}: the statuses allowed.</summary>
    public const string OnlineStatusInvalid = "Counters.Online.StatusInvalid";
    public const string OnlineRouteTargetInvalid = "Counters.Online.RouteTargetInvalid";
    public const string OnlineOriginalMissing = "Counters.Online.OriginalMissing";
    public const string RepullProvinceOnly = "Counters.Online.RepullProvinceOnly";
    public const string PortalNotConnected = "Counters.Online.PortalNotConnected";

    // Forms, training gate, online filing, catalogue versions: precise titles of general error codes
    /// <summary>{0}: the form asked for; {1}: the forms there are.</summary>
    public const string FormKindUnknown = "Counters.Forms.KindUnknown";
    /// <summary>{0}: the circular of the form set; {1}: the reception date.</summary>
    public const string FormNotInSet = "Counters.Forms.NotInSet";
    public const string FormReceiptNotYet = "Counters.Forms.ReceiptNotYet";
    public const string FormReceiptRefused = "Counters.Forms.ReceiptRefused";
    public const string FormNoSupplementRequest = "Counters.Forms.NoSupplementRequest";
    public const string FormNotRefused = "Counters.Forms.NotRefused";
    public const string FormNoApology = "Counters.Forms.NoApology";
    public const string FormControlSheetNotYet = "Counters.Forms.ControlSheetNotYet";
    public const string FormNotStopped = "Counters.Forms.NotStopped";
    /// <summary>{0}: the specialist's name; {1}: the procedure field.</summary>
    public const string SpecialistNotTrainedFor = "Counters.Training.NotTrainedFor";
    /// <summary>{0}: the portal reference; {1}: the unit that filed it; {2}: the dossier code.</summary>
    public const string OnlineAlreadyFiledAt = "Counters.Online.AlreadyFiledAt";
    /// <summary>{0}: the current version's effective date.</summary>
    public const string LegalTimeVersionAfter = "Counters.Catalogue.LegalTimeVersionAfter";

    /// <summary>A legal-time unit's label, e.g. "ngày làm việc" (Counters.LegalTimeUnit.*).</summary>
    public static Label LegalTimeUnit(string unit) => new("Counters.LegalTimeUnit.", unit);

    /// <summary>A transition's label, in the reader's language when the message is read (Counters.Transition.*).</summary>
    public static Label Transition(string transition) => new("Counters.Transition.", transition);

    /// <summary>A status's label, in the reader's language when the message is read (Counters.Status.*).</summary>
    public static Label Status(string status) => new("Counters.Status.", status);

    /// <summary>
    /// A message argument that is itself a code (SUPPLEMENT_REQUESTED → Counters.Transition.SupplementRequested),
    /// turned into text when the message is formatted, so it follows the reader's culture like the message.
    /// </summary>
    internal sealed record Label(string Prefix, string Value)
    {
        public string Code => Prefix + string.Concat(Value.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

        public override string ToString() => Messages.Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Code)
            ?? Messages.Find(Messages.DefaultCulture, Code) ?? Value;
    }

    // Due-date computation (tính hạn giải quyết)
    public const string DueDateReceivedAtInvalid = "Counters.DueDate.ReceivedAtInvalid";
    public const string DueDateLegalTimeInvalid = "Counters.DueDate.LegalTimeInvalid";
    public const string DueDateLegalTimeUnitInvalid = "Counters.DueDate.LegalTimeUnitInvalid";
    public const string DueDateChannelInvalid = "Counters.DueDate.ChannelInvalid";
    public const string DueDateStopsInvalid = "Counters.DueDate.StopsInvalid";
    public const string DueDateExtensionsInvalid = "Counters.DueDate.ExtensionsInvalid";
    /// <summary>{0}: the calculator's reason.</summary>
    public const string DueDateInputInvalid = "Counters.DueDate.InputInvalid";
    /// <summary>{0}: what the portal connector said (already in the reader's language).</summary>
    public const string PortalAnswered = "Counters.Online.PortalAnswered";
    public const string DueDateUnitNotFound = "Counters.DueDate.UnitNotFound";
    public const string DueDateProcedureNotFound = "Counters.DueDate.ProcedureNotFound";
    /// <summary>{0}: the procedure code; {1}: the channel's name.</summary>
    public const string DueDateNoLegalTime = "Counters.DueDate.NoLegalTime";
    /// <summary>{0}: the longest period in days.</summary>
    public const string RegisterPeriodInvalid = "Counters.Register.PeriodInvalid";
    /// <summary>{0}: the current due date.</summary>
    public const string ApologyNotNeeded = "Counters.Apology.NotNeeded";

    // Catalogue import (nhập danh mục TTHC)
    /// <summary>{0}: the missing column names.</summary>
    public const string CatalogueImportColumnsMissing = "Counters.CatalogueImport.ColumnsMissing";
    /// <summary>{0}: the line.</summary>
    public const string CatalogueImportCodeInvalid = "Counters.CatalogueImport.CodeInvalid";
    /// <summary>{0}: the code; {1}: the first line; {2}: the repeated line.</summary>
    public const string CatalogueImportCodeDuplicate = "Counters.CatalogueImport.CodeDuplicate";
    /// <summary>{0}: the line; {1}: the code.</summary>
    public const string CatalogueImportNameMissing = "Counters.CatalogueImport.NameMissing";
    /// <summary>{0}: the line; {1}: the code; {2}: the value.</summary>
    public const string CatalogueImportTimeNotNumber = "Counters.CatalogueImport.TimeNotNumber";
    public const string CatalogueImportEmpty = "Counters.CatalogueImport.Empty";
    public const string CatalogueImportNoRows = "Counters.CatalogueImport.NoRows";
    /// <summary>{0}: the number of problems.</summary>
    public const string CatalogueImportRefused = "Counters.CatalogueImport.Refused";
    public const string CatalogueImportFileMissing = "Counters.CatalogueImport.FileMissing";
    /// <summary>{0}: the largest size in MB.</summary>
    public const string CatalogueImportFileTooLarge = "Counters.CatalogueImport.FileTooLarge";
    public const string CatalogueImportFileGone = "Counters.CatalogueImport.FileGone";
    public const string CatalogueImportEffectiveFromRequired = "Counters.CatalogueImport.EffectiveFromRequired";
    /// <summary>{0}: the procedure code; {1}: its latest version's effective date.</summary>
    public const string CatalogueImportOutOfOrder = "Counters.CatalogueImport.OutOfOrder";
    /// <summary>{0}: the procedure code; {1}: the date it was abolished from.</summary>
    public const string IntakeProcedureAbolished = "Counters.Intake.ProcedureAbolished";
}
