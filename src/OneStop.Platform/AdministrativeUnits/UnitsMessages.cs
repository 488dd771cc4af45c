namespace OneStop.Platform.AdministrativeUnits;

/// <summary>Message codes of units, agencies and reorganisations (ADR 0020); texts in Localization/messages.*.json. Arguments in the texts.</summary>
internal static class UnitsMessages
{
    public const string UnitNotFound = "Platform.Units.UnitNotFound";
    public const string AgencyNotFound = "Platform.Units.AgencyNotFound";
    public const string SuccessorAgencyNotFound = "Platform.Units.SuccessorAgencyNotFound";
    /// <summary>"The agency code '{0}' already exists."</summary>
    public const string AgencyCodeTaken = "Platform.Units.AgencyCodeTaken";
    public const string AgencyCodeInvalid = "Platform.Units.AgencyCodeInvalid";
    public const string AgencyNameRequired = "Platform.Units.AgencyNameRequired";
    public const string AgencyKindInvalid = "Platform.Units.AgencyKindInvalid";
    public const string UnitCodeInvalid = "Platform.Units.UnitCodeInvalid";
    public const string UnitNameRequired = "Platform.Units.UnitNameRequired";
    public const string LevelInvalid = "Platform.Units.LevelInvalid";
    public const string ParentRequired = "Platform.Units.ParentRequired";
    public const string EffectiveOnRequired = "Platform.Units.EffectiveOnRequired";
    public const string DeskNameTooLong = "Platform.Units.DeskNameTooLong";
    public const string SuccessorsRequired = "Platform.Units.SuccessorsRequired";
    public const string SuccessorRepeated = "Platform.Units.SuccessorRepeated";
    public const string NoteTooLong = "Platform.Units.NoteTooLong";
    public const string NewNameRequired = "Platform.Units.NewNameRequired";
    public const string AgencyRenameInvalid = "Platform.Units.AgencyRenameInvalid";
    public const string DesignationUnitRequired = "Platform.Units.Designation.UnitRequired";
    public const string DesignationKindInvalid = "Platform.Units.Designation.KindInvalid";
    public const string DesignationFromInvalid = "Platform.Units.Designation.FromInvalid";
    public const string DesignationToBeforeFrom = "Platform.Units.Designation.ToBeforeFrom";
    public const string DesignationLegalBasisRequired = "Platform.Units.Designation.LegalBasisRequired";
    /// <summary>"{0} is not a commune: only communes are designated especially difficult."</summary>
    public const string DesignationCommuneOnly = "Platform.Units.Designation.CommuneOnly";
    /// <summary>"{0} is already designated for part of that time."</summary>
    public const string DesignationOverlaps = "Platform.Units.Designation.Overlaps";
    public const string DesignationNotFound = "Platform.Units.Designation.NotFound";
    public const string ProvinceWideOnly = "Platform.Reorganisation.ProvinceWideOnly";
    public const string MultipartRequired = "Platform.Reorganisation.MultipartRequired";
    /// <summary>"The multipart/form-data content cannot be read: {0}"</summary>
    public const string MultipartUnreadable = "Platform.Reorganisation.MultipartUnreadable";
    public const string FileMissing = "Platform.Reorganisation.FileMissing";
    /// <summary>"The effective date "{0}" is not valid (yyyy-MM-dd or dd/MM/yyyy)."</summary>
    public const string EffectiveOnInvalid = "Platform.Reorganisation.EffectiveOnInvalid";
    public const string ChoicesInvalid = "Platform.Reorganisation.ChoicesInvalid";
    /// <summary>"Line {0}: {1}"</summary>
    public const string ProblemLine = "Platform.Reorganisation.ProblemLine";
    /// <summary>"The file is empty or larger than {0} MB."</summary>
    public const string FileEmptyOrTooLarge = "Platform.Reorganisation.FileEmptyOrTooLarge";
    public const string FileNotUtf8 = "Platform.Reorganisation.FileNotUtf8";
    /// <summary>"The file is not a reorganisation plan (CSV from the template or a JSON mapping): {0}"</summary>
    public const string FileFormatInvalid = "Platform.Reorganisation.FileFormatInvalid";
    /// <summary>"The heading row must have the columns: {0}."</summary>
    public const string CsvHeaderInvalid = "Platform.Reorganisation.CsvHeaderInvalid";
    public const string EffectiveOnMissing = "Platform.Reorganisation.EffectiveOnMissing";
    public const string FileHasNoOperations = "Platform.Reorganisation.FileHasNoOperations";
    /// <summary>"The file has {0} rows, more than the {1} rows of one plan."</summary>
    public const string FileTooManyRows = "Platform.Reorganisation.FileTooManyRows";
    /// <summary>"The operation '{0}' is not valid; use one of: {1}."</summary>
    public const string OperationUnknownInFile = "Platform.Reorganisation.OperationUnknownInFile";
    public const string CodeInvalid = "Platform.Reorganisation.CodeInvalid";
    public const string JsonShapeUnknown = "Platform.Reorganisation.JsonShapeUnknown";
    public const string EffectiveOnOutOfRange = "Platform.Reorganisation.EffectiveOnOutOfRange";
    public const string NoOperations = "Platform.Reorganisation.NoOperations";
    public const string TitleTooLong = "Platform.Reorganisation.TitleTooLong";
    /// <summary>"The unit with code {0} is retired twice in the plan."</summary>
    public const string UnitRetiredTwice = "Platform.Reorganisation.UnitRetiredTwice";
    /// <summary>"The agency with code {0} is retired twice in the plan."</summary>
    public const string AgencyRetiredTwice = "Platform.Reorganisation.AgencyRetiredTwice";
    /// <summary>"The code {0} is created twice in the plan."</summary>
    public const string CreatedTwice = "Platform.Reorganisation.CreatedTwice";
    /// <summary>"The operation '{0}' is not valid."</summary>
    public const string OperationUnknown = "Platform.Reorganisation.OperationUnknown";
    /// <summary>"New unit {0}: the name is required, at most 256 characters."</summary>
    public const string NewUnitNameRequired = "Platform.Reorganisation.NewUnitNameRequired";
    /// <summary>"New unit {0}: the level is missing (province, district, commune)."</summary>
    public const string NewUnitLevelMissing = "Platform.Reorganisation.NewUnitLevelMissing";
    /// <summary>"New unit {0}: the code has at most 16 characters, the kind at most 32, the reception desk's name at most 256."</summary>
    public const string NewUnitFieldsTooLong = "Platform.Reorganisation.NewUnitFieldsTooLong";
    /// <summary>"The code {0} is already used for {1} from {2:dd/MM/yyyy} (another plan)."</summary>
    public const string CodeUsedByOtherPlan = "Platform.Reorganisation.CodeUsedByOtherPlan";
    /// <summary>"The code {0} belongs to {1} on {2:dd/MM/yyyy}; retire that unit in the same plan."</summary>
    public const string CodeHeld = "Platform.Reorganisation.CodeHeld";
    /// <summary>"New unit {0}: the parent unit's code is missing."</summary>
    public const string NewUnitParentMissing = "Platform.Reorganisation.NewUnitParentMissing";
    /// <summary>"The parent unit {0} of {1} does not exist on {2:dd/MM/yyyy} (or is retired by this plan)."</summary>
    public const string ParentNotFound = "Platform.Reorganisation.ParentNotFound";
    /// <summary>"{0} (code {1}) was retired on {2:dd/MM/yyyy}: it cannot be retired again."</summary>
    public const string UnitAlreadyRetired = "Platform.Reorganisation.UnitAlreadyRetired";
    /// <summary>"{0} is retired but its subordinate unit {1} (code {2}) remains: reorganise that unit too."</summary>
    public const string ChildRemains = "Platform.Reorganisation.ChildRemains";
    /// <summary>"{0} (code {1}) is retired without a successor: its dossiers and people would have nowhere to go."</summary>
    public const string NoSuccessor = "Platform.Reorganisation.NoSuccessor";
    /// <summary>"{0} (code {1}) cannot succeed itself."</summary>
    public const string SelfSuccessor = "Platform.Reorganisation.SelfSuccessor";
    /// <summary>"The successor unit {0} of {1} does not exist on {2:dd/MM/yyyy} and is not created by the plan."</summary>
    public const string SuccessorNotFound = "Platform.Reorganisation.SuccessorNotFound";
    /// <summary>"Renaming {0}: the new name is required, at most 256 characters."</summary>
    public const string RenameNameRequired = "Platform.Reorganisation.RenameNameRequired";
    /// <summary>"The effective date {0:dd/MM/yyyy} is before {1} (code {2}) begins ({3:dd/MM/yyyy})."</summary>
    public const string BeforeUnitStarts = "Platform.Reorganisation.BeforeUnitStarts";
    /// <summary>"{0} (code {1}) was retired on {2:dd/MM/yyyy}: it cannot be retired or renamed again."</summary>
    public const string UnitGone = "Platform.Reorganisation.UnitGone";
    /// <summary>"There is no administrative unit with code {0} on {1:dd/MM/yyyy}."</summary>
    public const string NoUnitOnDate = "Platform.Reorganisation.NoUnitOnDate";
    /// <summary>"The agency code {0} has been used before (agency codes are never reused, so old dossier codes stay traceable)."</summary>
    public const string AgencyCodeUsed = "Platform.Reorganisation.AgencyCodeUsed";
    /// <summary>"New agency {0}: the name is required, at most 256 characters."</summary>
    public const string NewAgencyNameRequired = "Platform.Reorganisation.NewAgencyNameRequired";
    /// <summary>"New agency {0}: the kind must be department, vertical, service-center, one-stop-desk, post or office."</summary>
    public const string NewAgencyKindInvalid = "Platform.Reorganisation.NewAgencyKindInvalid";
    /// <summary>"New agency {0}: the administrative unit {1} does not exist on {2:dd/MM/yyyy}."</summary>
    public const string NewAgencyUnitNotFound = "Platform.Reorganisation.NewAgencyUnitNotFound";
    /// <summary>"{0} cannot be merged into itself."</summary>
    public const string AgencySelfMerge = "Platform.Reorganisation.AgencySelfMerge";
    /// <summary>"The receiving agency {0} of {1} is also retired by this plan."</summary>
    public const string SuccessorAgencyRetired = "Platform.Reorganisation.SuccessorAgencyRetired";
    /// <summary>"The receiving agency {0} of {1} does not exist."</summary>
    public const string PlanSuccessorAgencyNotFound = "Platform.Reorganisation.SuccessorAgencyNotFound";
    /// <summary>"{0} (code {1}) was retired on {2:dd/MM/yyyy}."</summary>
    public const string AgencyGone = "Platform.Reorganisation.AgencyGone";
    /// <summary>"There is no agency with code {0} on {1:dd/MM/yyyy}."</summary>
    public const string NoAgencyOnDate = "Platform.Reorganisation.NoAgencyOnDate";
    /// <summary>"Moving {0}: the administrative unit {1} does not exist on {2:dd/MM/yyyy}."</summary>
    public const string MoveUnitNotFound = "Platform.Reorganisation.MoveUnitNotFound";
    public const string EmptyCode = "Platform.Reorganisation.EmptyCode";
    /// <summary>"The plan has a succession cycle: {0}."</summary>
    public const string SuccessionCycle = "Platform.Reorganisation.SuccessionCycle";
    /// <summary>"The successor unit {0} of {1} is also retired by this plan."</summary>
    public const string SuccessorRetired = "Platform.Reorganisation.SuccessorRetired";

    // The preview's description of each change (what an admin reads before applying).
    /// <summary>{0}: the parent unit.</summary>
    public const string PreviewCreatedUnder = "Platform.Reorganisation.Preview.CreatedUnder";
    public const string PreviewTopLevel = "Platform.Reorganisation.Preview.TopLevel";
    /// <summary>{0}: the new name.</summary>
    public const string PreviewRenamedTo = "Platform.Reorganisation.Preview.RenamedTo";
    /// <summary>{0}: the successors.</summary>
    public const string PreviewSplitAmong = "Platform.Reorganisation.Preview.SplitAmong";
    /// <summary>{0}: the successor's name.</summary>
    public const string PreviewPrimarySuccessor = "Platform.Reorganisation.Preview.PrimarySuccessor";
    /// <summary>{0}: the successor.</summary>
    public const string PreviewMergedInto = "Platform.Reorganisation.Preview.MergedInto";
    /// <summary>{0}: the unit that is split.</summary>
    public const string PreviewReassign = "Platform.Reorganisation.Preview.Reassign";
    /// <summary>{0}: the unit.</summary>
    public const string PreviewAgencyCreatedAt = "Platform.Reorganisation.Preview.AgencyCreatedAt";
    /// <summary>{0}: the unit.</summary>
    public const string PreviewAgencyMovedTo = "Platform.Reorganisation.Preview.AgencyMovedTo";
    /// <summary>{0}: the receiving agency.</summary>
    public const string PreviewAgencyMergedInto = "Platform.Reorganisation.Preview.AgencyMergedInto";
    public const string PreviewAgencyDissolved = "Platform.Reorganisation.Preview.AgencyDissolved";
}
