namespace OneStop.Counters.Contracts;

/// <summary>Stable error codes of the Counters module, returned in ProblemDetails "code".</summary>
public static class CountersErrorCodes
{
    public const string Prefix = "Counters.";

    public const string ProcedureNotFound = Prefix + "ProcedureNotFound";

    /// <summary>An internal process refused: a step of an unknown kind, a step at an agency without one or at an unknown agency, a date in the past.</summary>
    public const string ProcessInvalid = Prefix + "ProcessInvalid";
    /// <summary>The open step of the dossier belongs to another agency: only its officers may complete it.</summary>
    public const string NotAtYourAgency = Prefix + "NotAtYourAgency";
    /// <summary>The public look-up needs exactly four digits of the applicant's identity number.</summary>
    public const string PublicLookupDigitsInvalid = Prefix + "Public.DigitsInvalid";
    /// <summary>No dossier with this code and identity tail (which of the two is wrong is not told); its message is for the public.</summary>
    public const string PublicDossierNotFound = Prefix + "Public.DossierNotFound";
    /// <summary>Too many wrong public look-ups for this code or from this address (ADR 0042).</summary>
    public const string PublicLookupThrottled = Prefix + "Public.TooManyTries";

    /// <summary>Step budgets add up to more than the procedure's legal time.</summary>
    public const string StepBudgetsExceedLegalTime = Prefix + "StepBudgetsExceedLegalTime";

    /// <summary>Step budgets cannot be checked: the procedure has no legal time in working time.</summary>
    public const string LegalTimeUnknown = Prefix + "LegalTimeUnknown";

    /// <summary>A new legal-time version must take effect after the latest one.</summary>
    public const string LegalTimeVersionOutOfOrder = Prefix + "LegalTimeVersionOutOfOrder";
    /// <summary>A new procedure version effective before the latest one (ADR 0028).</summary>
    public const string ProcedureVersionOutOfOrder = Prefix + "ProcedureVersionOutOfOrder";
    /// <summary>A component names a document-type code that is not in the code list or is retired by the version's date.</summary>
    public const string ComponentDocumentTypeUnknown = Prefix + "ComponentDocumentTypeUnknown";
    /// <summary>A supplement request names a component (document-type code) that is not one of the dossier's procedure.</summary>
    public const string SupplementComponentUnknown = Prefix + "SupplementComponentUnknown";
    /// <summary>An e-form JSON Schema that does not parse or is outside the supported subset; an e-form filled wrongly at intake.</summary>
    public const string FormSchemaInvalid = Prefix + "FormSchemaInvalid";
    public const string FormDataInvalid = Prefix + "FormDataInvalid";
    /// <summary>A procedure added by hand with a code that is not one, or one the catalogue already has.</summary>
    public const string ProcedureCodeInvalid = Prefix + "ProcedureCodeInvalid";
    public const string ProcedureCodeTaken = Prefix + "ProcedureCodeTaken";
    /// <summary>An intake naming a queue ticket that is not one of the receiving unit's own.</summary>
    public const string TicketNotFound = Prefix + "TicketNotFound";
    /// <summary>An intake naming a data-store document the applicant does not own, that this unit may not reuse, or of another type.</summary>
    public const string ReusedDocumentInvalid = Prefix + "ReusedDocumentInvalid";

    /// <summary>A catalogue file was refused (missing columns, duplicate codes, times that are not numbers): nothing was imported.</summary>
    public const string CatalogueFileInvalid = Prefix + "CatalogueFileInvalid";

    /// <summary>A catalogue import would add a version that takes effect before a procedure's latest version.</summary>
    public const string CatalogueImportOutOfOrder = Prefix + "CatalogueImportOutOfOrder";

    /// <summary>The procedure is abolished (bãi bỏ) on the reception date: it is no longer received.</summary>
    public const string ProcedureAbolished = Prefix + "ProcedureAbolished";

    /// <summary>A location-independent decision (quyết định công bố danh mục TTHC không phụ thuộc địa giới) that does not exist.</summary>
    public const string DecisionNotFound = Prefix + "DecisionNotFound";

    /// <summary>A location-independent decision that cannot be recorded: unknown procedures or units, a number already taken, no signed PDF.</summary>
    public const string DecisionInvalid = Prefix + "DecisionInvalid";

    // Dossiers (hồ sơ)
    public const string DossierNotFound = Prefix + "DossierNotFound";

    /// <summary>The dossier's current state does not allow the requested transition.</summary>
    public const string DossierTransitionNotAllowed = Prefix + "DossierTransitionNotAllowed";

    /// <summary>
    /// Giao xử lý to someone who may not process the dossier: an unknown login, a deactivated account, a person without a
    /// membership of the unit holding it, or without a role that processes dossiers. The message says which.
    /// </summary>
    public const string AssigneeNotEligible = Prefix + "AssigneeNotEligible";

    /// <summary>Training gate (Counters:TrainingGate:Enabled): the specialist holds no valid certificate for the dossier's procedure field.</summary>
    public const string SpecialistNotTrained = Prefix + "SpecialistNotTrained";

    /// <summary>A required component (thành phần hồ sơ) is missing, or a component is not one of the procedure's.</summary>
    public const string ComponentsIncomplete = Prefix + "ComponentsIncomplete";

    /// <summary>The procedure is not resolved at any level reachable from the receiving unit, or the unit chosen is wrong.</summary>
    public const string ResolvingUnitInvalid = Prefix + "ResolvingUnitInvalid";

    /// <summary>Another unit's dossier for a procedure that is not flagged location-independent.</summary>
    public const string NotLocationIndependent = Prefix + "NotLocationIndependent";

    /// <summary>The channel is not offered for this procedure (e.g. postal not allowed) or not allowed for the caller.</summary>
    public const string ChannelNotAllowed = Prefix + "ChannelNotAllowed";

    /// <summary>The receiving unit has no one-stop desk (Bộ phận Một cửa) to number the dossier.</summary>
    public const string NoReceptionDesk = Prefix + "NoReceptionDesk";

    /// <summary>The acting unit was retired by a reorganisation: new dossiers go to its successor.</summary>
    public const string UnitRetired = Prefix + "UnitRetired";

    public const string RoutingTargetInvalid = Prefix + "RoutingTargetInvalid";

    /// <summary>No online submission under review with that id in scope.</summary>
    public const string OnlineSubmissionNotFound = Prefix + "OnlineSubmissionNotFound";

    /// <summary>The online submission is already a dossier at another unit (routing it elsewhere would file it twice).</summary>
    public const string OnlineSubmissionAlreadyFiled = Prefix + "OnlineSubmissionAlreadyFiled";

    /// <summary>The national portal did not answer a re-pull of its submission feed.</summary>
    public const string PortalUnavailable = Prefix + "PortalUnavailable";

    public const string FormNotAvailable = Prefix + "FormNotAvailable";

    public const string ApologyLetterNotFound = Prefix + "ApologyLetterNotFound";

    /// <summary>No document-type code (mã loại giấy tờ) with that code in the list.</summary>
    public const string DocumentTypeNotFound = Prefix + "DocumentTypeNotFound";

    /// <summary>The code is already in the list (codes compare without case).</summary>
    public const string DocumentTypeCodeTaken = Prefix + "DocumentTypeCodeTaken";

    /// <summary>The code is already retired (ngừng sử dụng).</summary>
    public const string DocumentTypeRetired = Prefix + "DocumentTypeRetired";

    /// <summary>The unit chosen for an online submission does not receive this procedure (ADR 0049).</summary>
    public const string SubmissionUnitNotReceiving = Prefix + "Submission.UnitNotReceiving";

    /// <summary>The procedure is not received online, or not at all today.</summary>
    public const string SubmissionNotOnline = Prefix + "Submission.NotOnline";

    /// <summary>The procedure charges a fee online and it was not paid in full before submitting.</summary>
    public const string SubmissionFeeUnpaid = Prefix + "Submission.FeeUnpaid";
}
