using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Messaging;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>
/// Tenant isolation for every API endpoint and page that exists: a commune user cannot read or change a sibling
/// commune's data, a district user sees only its communes, the province sees all. A new endpoint or page fails
/// <see cref="Every_endpoint_and_page_is_in_the_matrix"/> until a case for it is added here.
/// </summary>
public sealed class TenantIsolationMatrixTests(TenantIsolationMatrixTests.Fixture fx) : IClassFixture<TenantIsolationMatrixTests.Fixture>
{
    // Cẩm Thượng (10507) and Bình Hàn (10510) are sibling wards of Thành phố Hải Dương (288); Chí Linh (290) is another district.
    private const string PlanWrites = "province-wide plan text, PlanTasks.Plan.Manage and the whole province only; see PlanEditingTests.Plans_are_written_only_for_the_whole_province_and_a_units_task_page_shows_its_own_assignments_only";
    private const string CatalogueImport = "province-wide reference data, Counters.Catalogue.Manage only; see CatalogueImportTests.The_import_page_previews_and_applies_a_file_for_a_catalogue_manager_only";
    private const string Decisions = "province-wide law (location-independent decisions), no unit data, written with Counters.Catalogue.Manage only; see LocationIndependentDecisionTests.A_bad_decision_is_refused_whole_with_a_clear_message_in_the_readers_language (a desk gets 403)";
    private const string DocumentTypes = "province-wide code list (document types), no unit data, written with Counters.Catalogue.Manage only; see DocumentTypeTests.A_desk_officer_reads_the_list_but_cannot_change_it (a desk gets 403)";
    private const string CertifiedCopies = "the commune's certification register; see CertifiedCopyTests.Another_communes_user_neither_sees_nor_writes_the_register";
    private const string ResultsRegister = "the competent unit's register of results issued (ADR 0030); see Digitization ResultsAndNotAskedKpiTests.Results_digitised_is_the_stock_valid_at_the_periods_end_with_back_file_results_counted_and_expired_ones_out_of_both (a sibling ward sees none)";
    private const string CommuneA = "motcua.camthuong";
    private const string CommuneB = "motcua.binhhan";
    private const string DistrictLeader = "lanhdao.tphd";
    private const string ProvinceLeader = "lanhdao.tinh";

    /// <summary>Each API route (method + pattern) with the facts that show its isolation.</summary>
    private static readonly Dictionary<string, string> ApiMatrix = new()
    {
        ["GET /api/v1/platform/units/"] = nameof(Unit_lists_follow_the_hierarchy),
        ["GET /api/v1/platform/units/summary"] = nameof(Unit_summaries_count_only_the_scope),
        ["GET /api/v1/platform/units/{id:guid}"] = nameof(A_sibling_unit_cannot_be_read_even_by_id),
        ["GET /api/v1/platform/units/designations"] = "scoped rows (designations of units in the caller's subtree); see UnitDesignationTests." + nameof(UnitDesignationTests.Designations_are_read_in_scope_and_written_only_by_a_units_manager),
        ["POST /api/v1/platform/units/designations"] = "Platform.Units.Manage only; the unit looked up in scope; see UnitDesignationTests." + nameof(UnitDesignationTests.Designations_are_read_in_scope_and_written_only_by_a_units_manager),
        ["POST /api/v1/platform/units/designations/{id:guid}/end"] = "Platform.Units.Manage only; the designation looked up in scope; see UnitDesignationTests",
        ["GET /api/v1/platform/agencies/"] = nameof(Agency_lists_follow_the_hierarchy),
        ["GET /api/v1/platform/agencies/{id:guid}"] = nameof(A_sibling_agency_cannot_be_read_or_changed),
        ["PUT /api/v1/platform/agencies/{id:guid}"] = nameof(A_sibling_agency_cannot_be_read_or_changed),
        ["POST /api/v1/platform/agencies/"] = nameof(Creating_for_a_sibling_unit_is_refused_and_own_unit_is_stamped),
        ["GET /api/v1/platform/audit/verify"] = nameof(Audit_verification_is_refused_to_commune_staff),
        ["GET /api/v1/platform/users/"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/platform/users/{id:guid}"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["PUT /api/v1/platform/users/{id:guid}"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/deactivate"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/reactivate"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/reset-password"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/unlock"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/memberships"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["PUT /api/v1/platform/users/{id:guid}/memberships/{membershipId:guid}"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/{id:guid}/memberships/{membershipId:guid}/end"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/platform/users/{id:guid}/history"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/platform/users/import/template"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/import/preview"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/users/import"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/platform/roles/"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/platform/roles/permissions"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["POST /api/v1/platform/roles/"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["PUT /api/v1/platform/roles/{name}/permissions"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["GET /api/v1/me"] = nameof(Me_reports_the_acting_unit),
        ["GET /api/v1/platform/reorganisations/"] = nameof(Units_are_reorganised_only_province_wide),
        ["POST /api/v1/platform/reorganisations/preview"] = nameof(Units_are_reorganised_only_province_wide),
        ["POST /api/v1/platform/reorganisations/"] = nameof(Units_are_reorganised_only_province_wide),
        ["POST /api/v1/platform/units/"] = nameof(Units_are_reorganised_only_province_wide),
        ["PUT /api/v1/platform/units/{id:guid}/name"] = nameof(Units_are_reorganised_only_province_wide),
        ["POST /api/v1/platform/units/{id:guid}/retire"] = nameof(Units_are_reorganised_only_province_wide),
        ["POST /api/v1/platform/agencies/{id:guid}/retire"] = nameof(Units_are_reorganised_only_province_wide),
        // National registers: no unit data of ours; who may look up is a permission (Integration.Lookup).
        ["POST /api/v1/integration/citizens/verify"] = "national register, no unit data",
        ["GET /api/v1/integration/enterprises/{code}"] = "national register, no unit data",
        ["GET /api/v1/integration/land-parcels/{certificateNumber}"] = "national register, no unit data",
        ["GET /api/v1/integration/citizens/{citizenId}/portal-documents"] = "the citizen's national data store, no unit data; each fetch logged with the acting unit",
        ["POST /api/v1/integration/command-centre/report"] = "province-wide report, system admin only; see CommandCentreAndKpiTests",
        // Province-wide technical state, for provincial admins and leaders only (permission Integration.Access).
        ["GET /api/v1/integration/connections"] = "province-wide status, provincial roles only",
        ["PUT /api/v1/integration/sandbox/{system}"] = "simulator settings, system admin only",
        // The exchange log is for provincial admins and inspectors (Integration.Exchanges.Read); desk staff get 403.
        ["GET /api/v1/integration/exchanges"] = "province-wide log, provincial roles only",
        ["GET /api/v1/integration/exchanges/export"] = "province-wide log, provincial roles only",
        ["GET /api/v1/integration/outgoing"] = "province-wide queue, provincial roles only",
        ["POST /api/v1/integration/payments/callback"] = "the payment platform's signed callback (HMAC-SHA256), no caller scope: the order is found by its reference and written in its own unit; see OnlinePaymentTests (Integration)",
        ["GET /api/v1/integration/payments/mismatches"] = "province-wide reconciliation results (no dossier, no person), Integration.Exchanges.Read (system admin, inspector) only; see OnlinePaymentTests (Integration)",
        ["POST /api/v1/integration/outgoing/{id:guid}/retry"] = "system admin only",
        // Webhook subscriptions are unit-scoped rows (query filter); events reach only subscriptions of their unit or above
        // (WebhookTests.Events_of_other_units_do_not_reach_a_communes_subscription_and_desk_staff_cannot_subscribe).
        ["GET /api/v1/integration/webhooks/"] = "scoped rows; see WebhookTests",
        ["POST /api/v1/integration/webhooks/"] = "stamped with the acting unit; see WebhookTests",
        ["POST /api/v1/integration/webhooks/{id:guid}/enable"] = "scoped rows; see WebhookTests",
        ["DELETE /api/v1/integration/webhooks/{id:guid}"] = "scoped rows; see WebhookTests",
        // API clients are unit-scoped rows; a client's token carries its unit (ApiClientTests: a commune's client sees that commune only).
        ["GET /api/v1/integration/clients/"] = "scoped rows; see ApiClientTests",
        ["POST /api/v1/integration/clients/"] = "unit must be in scope; see ApiClientTests",
        ["POST /api/v1/integration/clients/{clientId}/rotate-secret"] = "scoped rows; see ApiClientTests",
        // Printed forms and the register read dossiers through the scoped query filter (receiving or resolving unit).
        ["GET /api/v1/counters/dossiers/{id:guid}/forms/{form}"] = nameof(Dossier_forms_and_the_register_stay_within_the_units_that_see_the_dossier),
        ["GET /api/v1/counters/dossiers/register"] = nameof(Dossier_forms_and_the_register_stay_within_the_units_that_see_the_dossier),
        ["GET /api/v1/counters/dossiers/register/export"] = nameof(Dossier_forms_and_the_register_stay_within_the_units_that_see_the_dossier),
        // Mẫu 04 letters are unit-scoped rows of the receiving unit; made by the overdue job, so the case moves the test
        // clock and runs the scanner (DossierFormTests.A_late_dossier_gets_exactly_one_apology_draft_and_issuing_it_extends_the_dossier).
        ["GET /api/v1/counters/apology-letters/"] = "scoped rows; see DossierFormTests (sibling commune sees no letter)",
        ["POST /api/v1/counters/apology-letters/{id:guid}/issue"] = "scoped rows; see DossierFormTests (sibling commune gets 404)",
        // The review queue of online submissions belongs to the province (OneStop.Integration.Tests.OnlineSubmissionReviewTests).
        ["GET /api/v1/counters/online-submissions/"] = "province-scoped rows; see OnlineSubmissionReviewTests (a commune's administrator sees none)",
        ["GET /api/v1/counters/online-submissions/units"] = "units valid today within the caller's scope; see OnlineSubmissionReviewTests",
        ["GET /api/v1/counters/online-submissions/{id:guid}"] = "province-scoped rows; see OnlineSubmissionReviewTests",
        ["POST /api/v1/counters/online-submissions/{id:guid}/route"] = "province-scoped rows, target within scope; see OnlineSubmissionReviewTests (commune administrator gets 404)",
        ["POST /api/v1/counters/online-submissions/repull"] = "province scope required; see OnlineSubmissionReviewTests (commune administrator gets 403)",
        ["GET /api/v1/plantasks/plan"] = "the published plan text, no unit data",
        ["GET /api/v1/plantasks/tasks/{id:guid}"] = "the published plan text, no unit data",
        ["GET /api/v1/plantasks/assignments/"] = nameof(Plan_task_assignments_follow_the_hierarchy),
        ["GET /api/v1/plantasks/assignments/{id:guid}"] = nameof(Plan_task_assignments_follow_the_hierarchy),
        ["POST /api/v1/plantasks/assignments/"] = nameof(Plan_task_assignments_follow_the_hierarchy),
        ["GET /api/v1/plantasks/assignments/{id:guid}/reports"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["POST /api/v1/plantasks/assignments/{id:guid}/reports"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["GET /api/v1/plantasks/reports/pending"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["POST /api/v1/plantasks/reports/{id:guid}/accept"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["POST /api/v1/plantasks/reports/{id:guid}/return"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["GET /api/v1/plantasks/evidence/{id:guid}"] = nameof(Progress_reports_and_evidence_stay_with_the_unit_and_its_parents),
        ["GET /api/v1/plantasks/inspections/teams"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["POST /api/v1/plantasks/inspections/teams"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["GET /api/v1/plantasks/inspections/visits"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["POST /api/v1/plantasks/inspections/visits"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["POST /api/v1/plantasks/inspections/visits/{id:guid}/findings"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["GET /api/v1/plantasks/resources/projects"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["POST /api/v1/plantasks/resources/projects"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["GET /api/v1/plantasks/resources/allocations"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["POST /api/v1/plantasks/resources/allocations"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["GET /api/v1/plantasks/resources/export"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["GET /api/v1/plantasks/control-report"] = nameof(Plan_control_reports_cover_the_unit_and_below_only),
        ["GET /api/v1/plantasks/plans/"] = "the published plans' records, no unit data",
        ["GET /api/v1/plantasks/plans/agencies"] = "the province's agencies to choose from, no unit data",
        ["GET /api/v1/plantasks/plans/{id:guid}"] = "the published plan text, no unit data",
        ["POST /api/v1/plantasks/plans/"] = PlanWrites,
        ["PUT /api/v1/plantasks/plans/{id:guid}"] = PlanWrites,
        ["DELETE /api/v1/plantasks/plans/{id:guid}"] = PlanWrites,
        ["POST /api/v1/plantasks/plans/{id:guid}/groups"] = PlanWrites,
        ["PUT /api/v1/plantasks/plan-groups/{id:guid}"] = PlanWrites,
        ["POST /api/v1/plantasks/plan-groups/{id:guid}/move"] = PlanWrites,
        ["DELETE /api/v1/plantasks/plan-groups/{id:guid}"] = PlanWrites,
        ["POST /api/v1/plantasks/plan-groups/{id:guid}/tasks"] = PlanWrites,
        ["PUT /api/v1/plantasks/plan-tasks/{id:guid}"] = PlanWrites,
        ["POST /api/v1/plantasks/plan-tasks/{id:guid}/move"] = PlanWrites,
        ["DELETE /api/v1/plantasks/plan-tasks/{id:guid}"] = PlanWrites,
        ["GET /api/v1/training/courses"] = "the province's course catalogue, no unit data",
        ["POST /api/v1/training/courses"] = "the province's course catalogue, no unit data",
        ["GET /api/v1/training/classes/"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["GET /api/v1/training/classes/{id:guid}"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["POST /api/v1/training/classes/"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["POST /api/v1/training/classes/{id:guid}/participants"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["GET /api/v1/training/participants/trained"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["PUT /api/v1/training/participants/{id:guid}/result"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["GET /api/v1/training/participants/{id:guid}/certificate"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["GET /api/v1/training/plans"] = nameof(Training_plans_and_kpis_stay_within_the_unit),
        ["PUT /api/v1/training/plans"] = nameof(Training_plans_and_kpis_stay_within_the_unit),
        ["GET /api/v1/training/kpi"] = nameof(Training_plans_and_kpis_stay_within_the_unit),
        ["GET /api/v1/training/plans/export"] = nameof(Training_plans_and_kpis_stay_within_the_unit),
        ["GET /api/v1/training/staff"] = nameof(Desk_staff_and_their_training_follow_the_hierarchy),
        ["GET /api/v1/training/staff/export"] = nameof(Desk_staff_and_their_training_follow_the_hierarchy),
        ["GET /api/v1/counters/calendar/office-hours/{unitId:guid}"] = nameof(Office_hours_of_a_sibling_commune_cannot_be_read_or_changed),
        ["PUT /api/v1/counters/calendar/office-hours/{unitId:guid}"] = nameof(Office_hours_of_a_sibling_commune_cannot_be_read_or_changed),
        ["POST /api/v1/counters/calendar/due-date"] = nameof(Due_dates_are_computed_only_for_units_in_scope),
        ["GET /api/v1/counters/calendar/days-off"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/calendar/days-off"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["DELETE /api/v1/counters/calendar/days-off/{id:guid}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["GET /api/v1/counters/catalogue/procedures"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["GET /api/v1/counters/catalogue/procedures/{code}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["PUT /api/v1/counters/catalogue/procedures/{code}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/catalogue/procedures/{code}/legal-times"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/catalogue/procedures/{code}/versions"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/catalogue/procedures"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["PUT /api/v1/counters/catalogue/procedures/{code}/steps"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/catalogue/import/preview"] = CatalogueImport,
        ["POST /api/v1/counters/catalogue/import/apply"] = CatalogueImport,
        ["GET /api/v1/counters/catalogue/location-independent-decisions/"] = Decisions,
        ["GET /api/v1/counters/catalogue/location-independent-decisions/{id:guid}"] = Decisions,
        ["POST /api/v1/counters/catalogue/location-independent-decisions/"] = Decisions,
        ["PUT /api/v1/counters/catalogue/location-independent-decisions/{id:guid}"] = Decisions,
        ["DELETE /api/v1/counters/catalogue/location-independent-decisions/{id:guid}"] = Decisions,
        ["PUT /api/v1/counters/catalogue/location-independent-decisions/{id:guid}/signed-pdf"] = Decisions,
        ["GET /api/v1/counters/catalogue/document-types/"] = DocumentTypes,
        ["POST /api/v1/counters/catalogue/document-types/"] = DocumentTypes,
        ["PUT /api/v1/counters/catalogue/document-types/{code}"] = DocumentTypes,
        ["POST /api/v1/counters/catalogue/document-types/{code}/retire"] = DocumentTypes,
        ["POST /api/v1/counters/catalogue/document-types/{code}/restore"] = DocumentTypes,
        ["GET /api/v1/counters/public/location-independent-decisions"] = "public by design: the province's published decisions (law), no unit data",
        ["GET /api/v1/counters/public/location-independent-decisions/{id:guid}/signed-pdf"] = "public by design: the signed decision (law), no unit data",
        // Evaluation: complaints and snapshots are unit-scoped rows; KPI reads take a unit that must be in scope.
        ["GET /api/v1/evaluation/complaints/"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["POST /api/v1/evaluation/complaints/"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["POST /api/v1/evaluation/complaints/{id:guid}/resolve"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/kpis/"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/kpis/{code}/units"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/kpis/{code}/details"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/index766"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/reports"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["GET /api/v1/evaluation/kpis/definitions"] = "KPI definitions and targets (plan and Decision 766), no unit data",
        ["GET /api/v1/evaluation/kpis/targets/"] = "KPI targets: province-wide reference data, no unit rows (ADR 0023)",
        ["POST /api/v1/evaluation/kpis/targets/"] = "Evaluation.Targets.Manage only (provincial leader, admin); a named unit is resolved in the caller's scope; see KpiTargetTests",
        ["DELETE /api/v1/evaluation/kpis/targets/{id:guid}"] = "Evaluation.Targets.Manage only; see KpiTargetTests",
        ["POST /api/v1/evaluation/kpis/targets/copy"] = "Evaluation.Targets.Manage only; see KpiTargetTests",
        ["POST /api/v1/evaluation/kpis/recompute"] = "queues the province-wide recompute; provincial leader and admin only (Evaluation.Manage)",
        // Ratings are unit-scoped rows (SatisfactionTests: a sibling ward's desk neither sees nor rates another's dossier).
        ["GET /api/v1/evaluation/ratings/"] = "scoped rows; see SatisfactionTests",
        ["POST /api/v1/evaluation/ratings/"] = "dossier looked up in scope only; see SatisfactionTests",
        ["GET /api/v1/evaluation/ratings/{id:guid}"] = "scoped rows; see SatisfactionTests",
        ["GET /api/v1/evaluation/ratings/verify"] = "chain check (hashes, no content), Evaluation.Manage only",
        ["POST /api/v1/digitization/documents"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/documents"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/documents/{id:guid}"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/documents/{id:guid}/content"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["POST /api/v1/digitization/documents/{id:guid}/sign"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/documents/{id:guid}/signature"] = nameof(Digitised_documents_follow_the_hierarchy),
        // Public verification by the code printed in the QR: shows only the signature facts of that one document.
        ["POST /api/v1/digitization/verify/{code}"] = "public, one document by its unguessable code; " + nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/scan-queue"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["GET /api/v1/digitization/scan-queue/{id:guid}"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["GET /api/v1/digitization/desks"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["PUT /api/v1/digitization/desks/{agencyId:guid}"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["POST /api/v1/digitization/dossiers/{id:guid}/archive"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["GET /api/v1/digitization/archive"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["GET /api/v1/digitization/kpi"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        // The data store is the citizen's: other units' documents only with the citizen's consent to the reading unit (ConsentPerUnitTests), reads logged per unit.
        ["GET /api/v1/digitization/applicants/{identity}/documents"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["GET /api/v1/digitization/applicants/{identity}/reusable"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["POST /api/v1/digitization/applicants/{identity}/consents"] = "consent rows stamped with the acting unit, one unit's grant never overrides another's refusal (ADR 0035); see Digitization ConsentPerUnitTests",
        ["GET /api/v1/digitization/applicants/{identity}/consents"] = "scoped rows; see Digitization DossierFlowTests",
        ["GET /api/v1/digitization/applicants/{identity}/access-log"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["POST /api/v1/digitization/certified-copies"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies/{id:guid}"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies/officers"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies/fee"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies/register.xlsx"] = CertifiedCopies,
        ["GET /api/v1/digitization/certified-copies/register.pdf"] = CertifiedCopies,
        ["GET /api/v1/digitization/results"] = ResultsRegister,
        // Dossiers: owned by the receiving unit, shared with the competent unit (ISharedWithUnit).
        ["POST /api/v1/counters/dossiers/"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/dossiers/"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/dossiers/inbox"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/dossiers/{id:guid}"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/dossiers/by-code/{code}"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/dossiers/{id:guid}/assignees"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/receive"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/refuse"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/assign"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/route"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/propose"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["GET /api/v1/counters/work"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/complete-agency-step"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/approve"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/send-back"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/request-supplement"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/supplement"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/request-financial-obligation"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        // Dossier search: the scope is a filter inside the search engine's query (receiving and resolving unit paths).
        ["GET /api/v1/counters/dossiers/search/"] = nameof(Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code),
        ["GET /api/v1/counters/dossiers/search/index"] = "province-wide index state, system admin only; " + nameof(Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code),
        ["POST /api/v1/counters/dossiers/search/reindex"] = "system admin only; " + nameof(Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code),
        ["POST /api/v1/counters/dossiers/{id:guid}/financial-obligation-met"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/extend"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/withdraw"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/stop"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/resolve"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["POST /api/v1/counters/dossiers/{id:guid}/return"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        // Public status by exact code, for the applicant holding the receipt: no identity data, name masked.
        ["GET /api/v1/counters/public/dossiers/{code}"] = "public by design: needs the code and the identity's last four digits, status only, masked name, throttled (ADR 0042); " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        ["GET /api/v1/queue/desks"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/desks"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/desks/{id:guid}/counters"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["PUT /api/v1/queue/counters/{id:guid}/fields"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/desks/{id:guid}/tickets"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/counters/{id:guid}"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/counters/{id:guid}/commands"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/desks/{id:guid}/board"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/desks/{id:guid}/board/events"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/tickets/{id:guid}"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/tickets/{id:guid}/dossiers"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/desks/{id:guid}/slots"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/desks/{id:guid}/appointments"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/queue/desks/{id:guid}/check-in"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/stats"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/live"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["GET /api/v1/queue/kpi/waiting-time"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["ANY /api/v1/counters/queue/{**rest}"] = "redirect (308) to the same path under /api/v1/queue, no data (ADR 0021)",
    };

    /// <summary>Pages and why each is isolated: it shows scoped data checked below, or no unit data at all.</summary>
    private static readonly Dictionary<string, string> PageMatrix = new()
    {
        ["/Index"] = nameof(Home_and_units_pages_show_only_the_scope),
        ["/Units/Index"] = nameof(Home_and_units_pages_show_only_the_scope),
        ["/Units/Reorganise"] = nameof(Units_are_reorganised_only_province_wide),
        ["/People/Index"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["/People/Create"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["/People/Detail"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["/People/Import"] = nameof(People_administration_stays_within_the_admins_subtree),
        ["/Delivery/Index"] = nameof(Dead_letters_of_every_queue_are_for_system_admins_only),
        ["/Roles/Index"] = "roles and permissions are the same for every unit (no unit data)",
        ["/Account/Login"] = "no unit data",
        ["/Account/Logout"] = "no unit data",
        ["/Account/AccessDenied"] = "no unit data",
        ["/Account/Culture"] = "no unit data",
        ["/Account/ChangePassword"] = "no unit data: one's own password",
        ["/Account/EnableAuthenticator"] = "no unit data: one's own authenticator",
        ["/Account/TwoFactor"] = "no unit data: the second step of one's own sign-in",
        ["/Account/SwitchUnit"] = nameof(Switching_to_a_unit_one_is_not_a_member_of_is_forbidden),
        ["/Error"] = "no unit data",
        ["PlanTasks:/Index"] = nameof(Plan_task_pages_show_only_the_scope),
        ["PlanTasks:/Assignment"] = nameof(Plan_task_pages_show_only_the_scope),
        ["PlanTasks:/Plan"] = "the published plan text, no unit data",
        ["PlanTasks:/Inspections"] = nameof(Inspection_visits_are_seen_by_the_inspected_unit_only),
        ["PlanTasks:/ControlReport"] = nameof(Plan_control_reports_cover_the_unit_and_below_only),
        ["PlanTasks:/Resources"] = nameof(Plan_resources_belong_to_the_unit_that_proposed_them),
        ["PlanTasks:/Plans"] = "the published plans' records, no unit data; writes as " + PlanWrites,
        ["PlanTasks:/PlanTask"] = "plan text and the assignments in scope; see PlanEditingTests.Plans_are_written_only_for_the_whole_province_and_a_units_task_page_shows_its_own_assignments_only",
        ["Counters:/Index"] = "module home, links only, no unit data",
        ["Counters:/Online/Index"] = "province-scoped review queue through the same handler as the API; see OnlineSubmissionReviewTests",
        ["/Calendar/Index"] = nameof(The_calendar_page_shows_the_acting_units_own_hours),
        ["Counters:/Calendar/DueDate"] = nameof(Due_dates_are_computed_only_for_units_in_scope),
        ["Counters:/Catalogue/Index"] = "province-wide reference data (catalogue), no unit data; " + nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["Counters:/Catalogue/Detail"] = "province-wide reference data (catalogue), no unit data",
        ["Counters:/Catalogue/Edit"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["Counters:/Catalogue/Import"] = CatalogueImport,
        ["Counters:/Catalogue/Decisions"] = Decisions,
        ["Counters:/Catalogue/Decision"] = Decisions,
        ["Counters:/Catalogue/DocumentTypes"] = DocumentTypes,
        ["Counters:/Public/LocationIndependent"] = "public by design: the procedures the published decisions list, no unit data",
        ["Digitization:/Index"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["Digitization:/Digitize"] = nameof(Scan_queue_desks_archive_and_kpis_stay_within_the_unit),
        ["Digitization:/Document"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["Digitization:/DataStore"] = nameof(Digitised_documents_follow_the_hierarchy),
        ["Digitization:/Verify"] = "public page of one signed document by its code; " + nameof(Digitised_documents_follow_the_hierarchy),
        ["Digitization:/CertifiedCopies"] = CertifiedCopies,
        ["Digitization:/Certify"] = CertifiedCopies,
        ["Digitization:/Results"] = ResultsRegister,
        ["Counters:/Work/Index"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["Counters:/Catalogue/Process"] = "the national catalogue's internal processes, shared; edited only with Counters.Catalogue.Manage (system admins)",
        ["Counters:/Overdue/Index"] = "scoped dossiers and letters; see DossierFormTests (sibling commune's board does not show the dossier)",
        ["Counters:/Dossiers/Index"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["Counters:/Dossiers/Detail"] = nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["Counters:/Dossiers/Intake"] = "creates in the acting unit only (stamped); " + nameof(Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page),
        ["Counters:/Public/Lookup"] = "old address, redirects to the portal's look-up with the code only (ADR 0042); " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        // The citizen portal (ADR 0042): anonymous by design, province-wide public data only.
        ["Portal:/Index"] = "public catalogue (province-wide reference data), no unit data; " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        ["Portal:/Procedure"] = "one procedure of the public catalogue, no unit data; " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        ["Portal:/Statistics"] = "published KPI figures of today's units (no dossier, no person); " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        ["Portal:/Admin/Templates"] = "province-wide notification texts, no unit data; Portal.NotificationTemplates.Manage (system admin) only; see NotificationTests",
        ["Portal:/Lookup"] = "one dossier's status only with its code and the identity's last four digits, masked name, throttled; " + nameof(Public_portal_pages_show_only_public_data_to_anyone),
        ["Portal:/Notifications"] = "the citizen signed in through VNeID (own cookie scheme) reads and writes only the notification choices keyed by the identity in their cookie (never a form field), no unit data; staff cookies do not open it; see NotificationTests.A_citizen_turns_sms_off_on_their_page_and_the_next_dossier_is_not_told_by_sms_and_no_one_else_can_change_it",
        ["Portal:/Submission"] = "the citizen signed in through VNeID (own cookie scheme) opens, saves, pays and submits only drafts owned by the identity in their cookie (another citizen's draft is a 404 for every handler), no unit data read; the dossier is filed at a unit the procedure allows; staff cookies do not open it; see Portal.OnlineSubmissionTests",
        ["Portal:/MyDossiers"] = "the citizen signed in through VNeID (own cookie scheme) sees only dossiers whose applicant identity is theirs, whichever unit; staff cookies do not open it; " + nameof(A_citizen_sees_only_dossiers_with_their_own_identity_number_and_no_staff_page)
            + "; its Form handler renders a form issued to the applicant only for a dossier whose applicant identity is the cookie's, else 404: Counters ApplicantFormTests.The_citizen_downloads_their_receipt_with_its_code_and_nobody_else_gets_it"
            + "; its Supplement, Withdraw and Rate handlers act only on a dossier whose applicant identity is the cookie's, in that dossier's unit, else 404 and nothing changes (ADR 0050): Counters ApplicantDossierActionTests, Evaluation CitizenFeedbackTests"
            + "; its Result handler (a POST, ADR 0050 addendum) hands out the signed result and returns the dossier only for the cookie's own dossier, else 404 and nothing changes: Digitization CitizenResultTests",
        ["Portal:/MyComplaints"] = "the citizen signed in through VNeID lists only the complaints they sent (keyed by the identity in their cookie) and complains only about their own dossiers (anyone else's is 404, ADR 0050); see Evaluation CitizenFeedbackTests.The_citizen_complains_about_their_dossier_and_in_general_and_reads_the_answer_and_nobody_else_sees_them",
        ["Counters:/Search/Index"] = nameof(Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code),
        ["Counters:/Search/Admin"] = "index state, system admin only; " + nameof(Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code),
        ["Queue:/Index"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["Queue:/Desks"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["Queue:/Console"] = nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        // Public (no login) by design: found by the desk's code, they act for that desk's unit only and show its numbers.
        ["Queue:/Kiosk"] = "public kiosk of one desk, acts for the desk's unit; " + nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["Queue:/Board"] = "public board of one desk (ticket numbers and counters only); " + nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["Queue:/Book"] = "public booking at one desk (free slots only)",
        ["Integration:/Index"] = "connection status board, provincial roles only",
        ["Integration:/Exchanges"] = "province-wide log, provincial roles only",
        ["Integration:/PaymentMismatches"] = "province-wide payment reconciliation results (no dossier, no person), Integration.Exchanges.Read only; see PaymentMismatchesPageTests",
        ["Evaluation:/Index"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["Evaluation:/Kpi"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["Evaluation:/Complaints"] = nameof(Evaluation_complaints_and_kpis_follow_the_hierarchy),
        ["Evaluation:/Targets"] = "province-wide targets (reference data); writes need Evaluation.Targets.Manage; units offered from the caller's scope (ADR 0023)",
        ["Evaluation:/Kiosk"] = "anonymous kiosk: finds one dossier only by its code plus the applicant's identity tail (or ticket id); see SatisfactionTests",
        ["Evaluation:/PaperRatings"] = "desk officer types in paper forms: lists and opens only the dossiers and ratings of the caller's scope (scoped queries, the API's handler); a sibling ward's dossier is not found — see RatingChannelTests",
        ["Training:/Index"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["Training:/Class"] = nameof(Training_classes_and_participants_follow_the_hierarchy),
        ["Training:/Plans"] = nameof(Training_plans_and_kpis_stay_within_the_unit),
        ["Training:/Staff"] = nameof(Desk_staff_and_their_training_follow_the_hierarchy),
    };

    public sealed class Fixture : OneStopFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // Desk officers and unit leaders may manage agencies here, so write isolation is exercised for them too.
            await AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                db.RolePermissions.Add(new RolePermission { Role = Roles.DeskOfficer, Permission = PlatformPermissions.UnitsManage });
                db.RolePermissions.Add(new RolePermission { Role = Roles.UnitLeader, Permission = PlatformPermissions.UnitsManage });
                db.RolePermissions.Add(new RolePermission { Role = Roles.DeskOfficer, Permission = "Counters.Queue.Manage" });
                await db.SaveChangesAsync();
                sp.GetRequiredService<PermissionChecker>().Invalidate();
                return 0;
            });
        }

        public Task<T> Db<T>(Func<PlatformDbContext, Task<T>> query) =>
            AsSystemAsync(sp => query(sp.GetRequiredService<PlatformDbContext>()));

        public Task<Guid> UnitId(string code) => Db(db => db.AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

        public Task<Guid> DeskOf(string code) => Db(db => db.Agencies.Where(a => a.Code == "MC" + code).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public void Every_endpoint_and_page_is_in_the_matrix()
    {
        var endpoints = fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var apiRoutes = endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().ToList();
        apiRoutes.Where(r => !ApiMatrix.ContainsKey(r)).ShouldBeEmpty("API endpoints without an isolation case");

        var pages = endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
            .Select(p => p.AreaName is null ? p.ViewEnginePath : $"{p.AreaName}:{p.ViewEnginePath}")
            .Distinct().ToList();
        pages.Where(p => !PageMatrix.ContainsKey(p)).ShouldBeEmpty("pages without an isolation case");
    }

    [Fact]
    public async Task Unit_lists_follow_the_hierarchy()
    {
        var districtUnits = await fx.Db(db => db.AdministrativeUnits.CountAsync(u => u.Path.StartsWith("/30/288/")));

        (await UnitCodes(CommuneA)).ShouldBe(["10507"]);
        (await UnitCodes(CommuneB)).ShouldBe(["10510"]);
        var district = await UnitCodes(DistrictLeader);
        district.Count.ShouldBe(districtUnits);
        district.ShouldContain("10507");
        district.ShouldNotContain("290");
        district.ShouldNotContain("30");
        (await UnitCodes(ProvinceLeader)).Count.ShouldBe(248);
    }

    [Fact]
    public async Task Unit_summaries_count_only_the_scope()
    {
        var commune = await Summary(CommuneA);
        commune.GetProperty("communes").GetInt32().ShouldBe(1);
        commune.GetProperty("districts").GetInt32().ShouldBe(0);

        var district = await Summary(DistrictLeader);
        district.GetProperty("districts").GetInt32().ShouldBe(1);
        district.GetProperty("communes").GetInt32().ShouldBe(await fx.Db(db => db.AdministrativeUnits.CountAsync(u => u.Path.StartsWith("/30/288/") && u.Level == "commune")));

        var province = await Summary(ProvinceLeader);
        province.GetProperty("districts").GetInt32().ShouldBe(12);
        province.GetProperty("communes").GetInt32().ShouldBe(235);
    }

    [Fact]
    public async Task A_sibling_unit_cannot_be_read_even_by_id()
    {
        var b = await fx.UnitId("10510");
        var otherDistrictCommune = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());

        (await Get(CommuneA, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneB, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(DistrictLeader, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(DistrictLeader, $"/api/v1/platform/units/{otherDistrictCommune}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(ProvinceLeader, $"/api/v1/platform/units/{otherDistrictCommune}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Agency_lists_follow_the_hierarchy()
    {
        // Other tests add agencies to these units; what matters is that nothing from outside the scope shows.
        var commune = await AgencyCodes(CommuneA);
        commune.ShouldContain("MC10507");
        commune.ShouldNotContain("MC10510");
        commune.ShouldNotContain("MC288");
        var district = await AgencyCodes(DistrictLeader);
        district.ShouldContain("MC288");
        district.ShouldContain("MC10510");
        district.ShouldNotContain("MC290");
        district.ShouldNotContain("STP");
        (await AgencyCodes(ProvinceLeader)).ShouldContain("STP");
    }

    [Fact]
    public async Task A_sibling_agency_cannot_be_read_or_changed()
    {
        var deskB = await fx.DeskOf("10510");
        var before = await fx.Db(db => db.Agencies.Where(a => a.Id == deskB).Select(a => a.Name).SingleAsync());

        (await Get(CommuneA, $"/api/v1/platform/agencies/{deskB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var a = await fx.SignInAsync(CommuneA);
        (await a.PutAsJsonAsync($"/api/v1/platform/agencies/{deskB}", new { name = "Đổi tên trái phép" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fx.Db(db => db.Agencies.Where(x => x.Id == deskB).Select(x => x.Name).SingleAsync())).ShouldBe(before);

        // The district may rename a desk of its own commune, not one of another district.
        var district = await fx.SignInAsync(DistrictLeader);
        (await district.PutAsJsonAsync($"/api/v1/platform/agencies/{deskB}", new { name = before })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherDistrictDesk = await fx.DeskOf("290");
        (await district.PutAsJsonAsync($"/api/v1/platform/agencies/{otherDistrictDesk}", new { name = "Không được" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_for_a_sibling_unit_is_refused_and_own_unit_is_stamped()
    {
        var b = await fx.UnitId("10510");
        var a = await fx.SignInAsync(CommuneA);

        var refused = await a.PostAsJsonAsync("/api/v1/platform/agencies/", new { code = "TEST-SIB", name = "Thử", kind = "office", unitId = b });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fx.Db(db => db.Agencies.AnyAsync(x => x.Code == "TEST-SIB"))).ShouldBeFalse();

        var created = await a.PostAsJsonAsync("/api/v1/platform/agencies/", new { code = "TEST-OWN", name = "Tổ một cửa lưu động", kind = "office" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
        (await AgencyCodes(CommuneB)).ShouldNotContain("TEST-OWN");
    }

    [Fact]
    public async Task People_administration_stays_within_the_admins_subtree()
    {
        // quantri.camthuong administers Cẩm Thượng only; the privilege rules themselves are in PeopleAdministrationTests.
        var admin = await fx.SignInAsync("quantri.camthuong");
        var sibling = await fx.Db(db => db.Users.Where(u => u.UserName == CommuneB).Select(u => u.Id).SingleAsync());
        var own = await fx.Db(db => db.Users.Where(u => u.UserName == CommuneA).Select(u => u.Id).SingleAsync());
        var list = await admin.GetStringAsync("/api/v1/platform/users?pageSize=200");
        list.ShouldContain(CommuneA);
        list.ShouldNotContain(CommuneB);
        foreach (var url in new[] { $"/api/v1/platform/users/{sibling}", $"/api/v1/platform/users/{sibling}/history" })
        {
            (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        foreach (var url in new[] { "deactivate", "reactivate", "reset-password", "unlock" })
        {
            (await admin.PostAsync($"/api/v1/platform/users/{sibling}/{url}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var page = await admin.GetStringAsync("/People");
        page.ShouldContain("Phạm Thị Nhận");
        page.ShouldNotContain("Vũ Văn Bình");
        (await admin.GetAsync($"/People/Detail/{sibling}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/People/Detail/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var create = await admin.GetStringAsync("/People/Create");
        create.ShouldContain("Phường Cẩm Thượng");
        create.ShouldNotContain("Phường Bình Hàn");
        (await admin.GetAsync("/People/Import")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(CommuneA)).GetAsync("/api/v1/platform/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Audit_verification_is_refused_to_commune_staff()
    {
        (await Get(CommuneA, "/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get("thanhtra.tinh", "/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_reports_the_acting_unit()
    {
        var me = await (await Get(CommuneB, "/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("unitPath").GetString().ShouldBe("/30/288/10510/");
    }

    [Fact]
    public async Task Home_and_units_pages_show_only_the_scope()
    {
        var a = await fx.SignInAsync(CommuneA);
        var units = await a.GetStringAsync("/Units");
        units.ShouldContain("Phường Cẩm Thượng");
        units.ShouldNotContain("Phường Bình Hàn");

        var district = await fx.SignInAsync(DistrictLeader);
        var districtUnits = await district.GetStringAsync("/Units?level=commune");
        districtUnits.ShouldContain("Phường Bình Hàn");
        districtUnits.ShouldNotContain("Phường Cộng Hoà"); // a ward of Chí Linh (290)
    }

    /// <summary>
    /// A merger moves data between communes, so only a province-wide administrator changes the tree: a ward's or a
    /// district's people refused even holding Platform.Units.Manage (granted to them in this fixture), nothing changed.
    /// What a successor then sees is in ReorganisationContinuityTests (Counters).
    /// </summary>
    [Fact]
    public async Task Units_are_reorganised_only_province_wide()
    {
        var camThuong = await fx.UnitId("10507");
        var binhHan = await fx.UnitId("10510");
        var city = await fx.UnitId("288");
        foreach (var user in new[] { CommuneA, DistrictLeader })
        {
            var client = await fx.SignInAsync(user);
            var refused = new[]
            {
                await client.PostAsJsonAsync($"/api/v1/platform/units/{camThuong}/retire", new { successorIds = new[] { binhHan }, effectiveOn = "2026-01-01" }),
                await client.PostAsJsonAsync("/api/v1/platform/units/", new { code = "19999", name = "Phường Mới", level = "commune", parentId = city, effectiveOn = "2026-01-01" }),
                await client.PutAsJsonAsync($"/api/v1/platform/units/{camThuong}/name", new { name = "Phường Đổi Tên", effectiveOn = "2026-01-01" }),
                await client.PostAsJsonAsync($"/api/v1/platform/agencies/{await fx.DeskOf("10507")}/retire", new { effectiveOn = "2026-01-01" }),
                await client.PostAsync("/api/v1/platform/reorganisations/preview", ChangeSet("retire-unit,10507,,,,,10510,,")),
                await client.PostAsync("/api/v1/platform/reorganisations/", ChangeSet("retire-unit,10507,,,,,10510,,")),
            };
            foreach (var response in refused)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
            }

            (await client.GetAsync("/api/v1/platform/reorganisations/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var page = await (await Get(CommuneA, "/Units/Reorganise")).Content.ReadAsStringAsync();
        page.ShouldContain("Phường Cẩm Thượng (10507)");
        page.ShouldNotContain("Phường Bình Hàn (10510)");
        (await fx.Db(db => db.AdministrativeUnits.IgnoreQueryFilters().CountAsync(u => u.ValidTo != null))).ShouldBe(0);
        (await fx.Db(db => db.Reorganisations.CountAsync())).ShouldBe(0);
    }

    /// <summary>The relay's dead letters span every unit's events and messages: system admins only (province-wide by role).</summary>
    [Fact]
    public async Task Dead_letters_of_every_queue_are_for_system_admins_only()
    {
        foreach (var user in new[] { CommuneA, DistrictLeader, ProvinceLeader })
        {
            var response = await Get(user, "/Delivery");
            response.Headers.Location.ShouldNotBeNull(user);
            response.Headers.Location.ToString().ShouldContain("/Account/AccessDenied", customMessage: user);
        }

        (await Get("admin", "/Delivery")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static MultipartFormDataContent ChangeSet(string line)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent("operation,code,name,level,kind,parent_code,successor_codes,desk_name,note\n" + line + "\n"), "file", "phuong-an.csv");
        content.Add(new StringContent("2026-01-01"), "effectiveOn");
        return content;
    }

    [Fact]
    public async Task Switching_to_a_unit_one_is_not_a_member_of_is_forbidden()
    {
        var a = await fx.SignInAsync(CommuneA);
        var b = await fx.UnitId("10510");
        var response = await OneStopFactory.PostFormAsync(a, "/", "/Account/SwitchUnit", new() { ["unitId"] = b.ToString(), ["returnUrl"] = "/" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
        (await Summary(CommuneA)).GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
    }

    private const string PlanApi = "/api/v1/plantasks";

    /// <summary>The district assigns a plan task to its ward Cẩm Thượng; the sibling ward sees nothing of it.</summary>
    private async Task<Guid> AssignToCommuneA(string taskCode)
    {
        var district = await fx.SignInAsync(DistrictLeader);
        var plan = await district.GetFromJsonAsync<JsonElement>($"{PlanApi}/plan");
        var task = plan.GetProperty("phases").EnumerateArray().SelectMany(p => p.GetProperty("groups").EnumerateArray())
            .SelectMany(g => g.GetProperty("tasks").EnumerateArray()).Single(t => t.GetProperty("code").GetString() == taskCode).GetProperty("id").GetGuid();
        var created = await district.PostAsJsonAsync($"{PlanApi}/assignments/", new { taskId = task, unitId = await fx.UnitId("10507") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<List<string>> AssignmentUnitPaths(string user)
    {
        var page = await (await fx.SignInAsync(user)).GetFromJsonAsync<JsonElement>($"{PlanApi}/assignments/?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitPath").GetString()!).ToList();
    }

    [Fact]
    public async Task Plan_task_assignments_follow_the_hierarchy()
    {
        var id = await AssignToCommuneA("2022.a.1");

        (await AssignmentUnitPaths(CommuneA)).ShouldAllBe(p => p == "/30/288/10507/");
        (await AssignmentUnitPaths(CommuneA)).ShouldNotBeEmpty();
        (await AssignmentUnitPaths(CommuneB)).ShouldBeEmpty();
        (await AssignmentUnitPaths(DistrictLeader)).ShouldAllBe(p => p.StartsWith("/30/288/"));
        (await Get(CommuneB, $"{PlanApi}/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneA, $"{PlanApi}/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(ProvinceLeader, $"{PlanApi}/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Assigning outside one's scope: a ward to its sibling, a district to another district's commune.
        var plan = await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{PlanApi}/plan");
        var task = plan.GetProperty("phases")[0].GetProperty("groups")[0].GetProperty("tasks")[1].GetProperty("id").GetGuid();
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");
        (await leaderA.PostAsJsonAsync($"{PlanApi}/assignments/", new { taskId = task, unitId = await fx.UnitId("10510") })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherDistrictCommune = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());
        (await (await fx.SignInAsync(DistrictLeader)).PostAsJsonAsync($"{PlanApi}/assignments/", new { taskId = task, unitId = otherDistrictCommune })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Progress_reports_and_evidence_stay_with_the_unit_and_its_parents()
    {
        var id = await AssignToCommuneA("2022.a.2");
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");

        // Evidence goes through the task page (a Razor form with its antiforgery token).
        var html = await leaderA.GetStringAsync($"/PlanTasks/Assignment/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(OneStop.Platform.TestKit.OneStopFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("periodic"), "Input.Kind" },
            { new StringContent("in-progress"), "Input.Status" },
            { new StringContent("30"), "Input.Percent" },
            { new StringContent("Đã triển khai quy trình số hóa tại Bộ phận Một cửa phường."), "Input.Narrative" },
            { new ByteArrayContent(new OneStop.Platform.Documents.PdfWriter("Biên bản", "test").NewPage().Text("Biên bản").ToArray()), "Files", "bien-ban.pdf" },
        };
        (await leaderA.PostAsync($"/PlanTasks/Assignment/{id}?handler=Report", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reports = await leaderA.GetFromJsonAsync<JsonElement>($"{PlanApi}/assignments/{id}/reports");
        var report = reports[0].GetProperty("id").GetGuid();
        var evidence = reports[0].GetProperty("evidence")[0].GetProperty("id").GetGuid();

        (await Get(CommuneB, $"{PlanApi}/assignments/{id}/reports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneB, $"{PlanApi}/evidence/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(DistrictLeader, $"{PlanApi}/evidence/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, $"{PlanApi}/evidence/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Reporting on someone else's task, or reviewing below the province, is refused.
        var otherLeader = await fx.SignInAsync(DistrictLeader);
        (await otherLeader.PostAsJsonAsync($"{PlanApi}/assignments/{id}/reports", new { kind = "ad-hoc", status = "completed", percent = 100, narrative = "thay" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get(DistrictLeader, $"{PlanApi}/reports/pending")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leaderA.PostAsJsonAsync($"{PlanApi}/reports/{report}/accept", new { comment = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leaderA.PostAsJsonAsync($"{PlanApi}/reports/{report}/return", new { comment = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var province = await fx.SignInAsync(ProvinceLeader);
        (await province.GetFromJsonAsync<JsonElement>($"{PlanApi}/reports/pending")).GetProperty("items").EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetGuid() == report);
        (await province.PostAsJsonAsync($"{PlanApi}/reports/{report}/accept", new { comment = "Đạt." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await province.PostAsJsonAsync($"{PlanApi}/reports/{report}/return", new { comment = "muộn" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await Get(CommuneA, $"{PlanApi}/assignments/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("in-progress");
    }

    [Fact]
    public async Task Inspection_visits_are_seen_by_the_inspected_unit_only()
    {
        var inspector = await fx.SignInAsync("thanhtra.tinh");
        var team = await inspector.PostAsJsonAsync($"{PlanApi}/inspections/teams", new { name = "Đoàn kiểm tra số 1", decisionNo = "125/QĐ-UBND", members = new[] { "Ngô Văn Tra", "Nguyễn Thị Kiểm" } });
        team.StatusCode.ShouldBe(HttpStatusCode.Created);
        var teamId = (await team.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await inspector.GetFromJsonAsync<JsonElement>($"{PlanApi}/inspections/teams")).GetArrayLength().ShouldBeGreaterThan(0);
        (await Get(CommuneA, $"{PlanApi}/inspections/teams")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var visit = await inspector.PostAsJsonAsync($"{PlanApi}/inspections/visits", new { teamId, unitId = await fx.UnitId("10507"), visitOn = "2022-09-15", summary = "Kiểm tra Bộ phận Một cửa" });
        visit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await inspector.PostAsJsonAsync($"{PlanApi}/inspections/visits/{visitId}/findings", new { text = "Chưa niêm yết đầy đủ thủ tục hành chính." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var seenByA = await (await fx.SignInAsync(CommuneA)).GetFromJsonAsync<JsonElement>($"{PlanApi}/inspections/visits");
        seenByA.GetProperty("items").EnumerateArray().ShouldContain(v => v.GetProperty("id").GetGuid() == visitId);
        var seenByB = await (await fx.SignInAsync(CommuneB)).GetFromJsonAsync<JsonElement>($"{PlanApi}/inspections/visits");
        seenByB.GetProperty("items").EnumerateArray().ShouldNotContain(v => v.GetProperty("id").GetGuid() == visitId);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/PlanTasks/Inspections")).ShouldNotContain("Chưa niêm yết đầy đủ");
        (await (await fx.SignInAsync(CommuneA)).GetStringAsync("/PlanTasks/Inspections")).ShouldContain("Chưa niêm yết đầy đủ");
    }

    [Fact]
    public async Task Plan_resources_belong_to_the_unit_that_proposed_them()
    {
        var province = await fx.SignInAsync(ProvinceLeader);
        var plan = await province.GetFromJsonAsync<JsonElement>($"{PlanApi}/plan");
        var task = plan.GetProperty("phases")[0].GetProperty("groups")[4].GetProperty("tasks")[0].GetProperty("id").GetGuid();
        var project = await province.PostAsJsonAsync($"{PlanApi}/resources/projects", new { name = "Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh", planTaskId = task, proposedAmount = 15_000_000_000m, fromYear = 2021, toYear = 2025 });
        project.StatusCode.ShouldBe(HttpStatusCode.Created);
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await province.PostAsJsonAsync($"{PlanApi}/resources/allocations", new { planTaskId = task, projectId, year = 2022, amount = 3_000_000_000m, source = "Ngân sách tỉnh" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await province.GetFromJsonAsync<JsonElement>($"{PlanApi}/resources/projects")).EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == projectId);
        (await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{PlanApi}/resources/projects")).GetArrayLength().ShouldBe(0);
        (await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{PlanApi}/resources/allocations")).GetArrayLength().ShouldBe(0);
        (await (await fx.SignInAsync(DistrictLeader)).PostAsJsonAsync($"{PlanApi}/resources/projects", new { name = "x", proposedAmount = 1m, fromYear = 2022, toYear = 2023 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The page and the workbook: the province's project shows for the province only.
        (await province.GetStringAsync("/PlanTasks/Resources")).ShouldContain("Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh");
        var districtPage = await (await fx.SignInAsync(DistrictLeader)).GetStringAsync("/PlanTasks/Resources");
        districtPage.ShouldNotContain("Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh");
        districtPage.ShouldContain("data-testid=\"projects-empty\"");
        districtPage.ShouldNotContain("data-testid=\"project-form\"");
        var export = await (await fx.SignInAsync(DistrictLeader)).GetByteArrayAsync($"{PlanApi}/resources/export");
        using (var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export)))
        {
            book.Worksheet("Dự án đầu tư").RowsUsed().Select(r => r.Cell(2).GetString()).ShouldNotContain("Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh");
        }

        using (var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await province.GetByteArrayAsync($"{PlanApi}/resources/export"))))
        {
            book.Worksheet("Dự án đầu tư").RowsUsed().Select(r => r.Cell(2).GetString()).ShouldContain("Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh");
        }
    }

    [Fact]
    public async Task Plan_control_reports_cover_the_unit_and_below_only()
    {
        await AssignToCommuneA("2021.d.8");
        var communeA = await fx.UnitId("10507");
        var communeB = await fx.UnitId("10510");
        var otherDistrict = await fx.UnitId("290");

        // Each unit reads its own report and those below it; a sibling, another district or the parent is refused.
        (await Get(CommuneA, $"{PlanApi}/control-report?period=2025&format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, $"{PlanApi}/control-report?unitId={communeB}&period=2025")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneA, $"{PlanApi}/control-report?unitId={await fx.UnitId("288")}&period=2025")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(DistrictLeader, $"{PlanApi}/control-report?unitId={otherDistrict}&period=2025")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(DistrictLeader, $"{PlanApi}/control-report?unitId={communeA}&period=2025")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneB, $"/PlanTasks/ControlReport?unit={communeA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        async Task<List<string>> Units(string user, Guid? unit = null)
        {
            var bytes = await (await fx.SignInAsync(user)).GetByteArrayAsync($"{PlanApi}/control-report?period=2025&format=xlsx{(unit is null ? "" : "&unitId=" + unit)}");
            using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
            return book.Worksheet("Nhiệm vụ").RowsUsed().Skip(1).Select(r => r.Cell(4).GetString()).Distinct().ToList();
        }

        (await Units(CommuneA)).ShouldBe(["Phường Cẩm Thượng"]);
        (await Units(CommuneB)).ShouldBeEmpty();
        (await Units(DistrictLeader)).ShouldAllBe(u => u == "Thành phố Hải Dương" || u == "Phường Cẩm Thượng");
        (await Units(ProvinceLeader, communeA)).ShouldBe(["Phường Cẩm Thượng"]);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/PlanTasks/ControlReport?period=2025")).ShouldNotContain("Phường Cẩm Thượng</td>");
    }

    [Fact]
    public async Task Plan_task_pages_show_only_the_scope()
    {
        var id = await AssignToCommuneA("2023-2025.b.1");
        (await (await fx.SignInAsync(CommuneB)).GetAsync($"/PlanTasks/Assignment/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneA)).GetAsync($"/PlanTasks/Assignment/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/PlanTasks?task=2023-2025.b.1")).ShouldContain("data-testid=\"assignments-empty\"");
        var district = await (await fx.SignInAsync(DistrictLeader)).GetStringAsync("/PlanTasks?task=2023-2025.b.1");
        district.ShouldContain("Phường Cẩm Thượng");
        district.ShouldNotContain("Thành phố Chí Linh");
    }

    [Fact]
    public async Task Evaluation_complaints_and_kpis_follow_the_hierarchy()
    {
        const string api = "/api/v1/evaluation";
        var created = await (await fx.SignInAsync(CommuneA)).PostAsJsonAsync($"{api}/complaints/", new
        {
            channel = "DESK", subject = "Ma trận cách ly PAKN", content = "Nội dung", applicantName = "Lê Văn Cường",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var complaint = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = complaint.GetProperty("id").GetGuid();
        complaint.GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");

        async Task<bool> Sees(string user) => (await (await fx.SignInAsync(user)).GetFromJsonAsync<JsonElement>($"{api}/complaints/"))
            .GetProperty("items").EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == id);
        (await Sees(CommuneA)).ShouldBeTrue();
        (await Sees(CommuneB)).ShouldBeFalse();
        (await Sees(DistrictLeader)).ShouldBeTrue();
        (await Sees(ProvinceLeader)).ShouldBeTrue();
        (await (await fx.SignInAsync(CommuneB)).PostAsJsonAsync($"{api}/complaints/{id}/resolve", new { outcome = "EXPLAINED", answer = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/Evaluation/Complaints")).ShouldNotContain("Ma trận cách ly PAKN");
        (await (await fx.SignInAsync(CommuneA)).GetStringAsync("/Evaluation/Complaints")).ShouldContain("Ma trận cách ly PAKN");

        // KPI reads name a unit: it must be the caller's or below it.
        var province = await fx.UnitId("30");
        var otherDistrict = await fx.UnitId("290");
        var district = await fx.SignInAsync(DistrictLeader);
        foreach (var url in new[]
                 {
                     $"{api}/kpis/?unitId={province}", $"{api}/kpis/?unitId={otherDistrict}", $"{api}/index766?unitId={otherDistrict}",
                     $"{api}/kpis/plan.satisfaction/units?unitId={otherDistrict}", $"{api}/kpis/plan.satisfaction/details?unitId={otherDistrict}",
                     $"{api}/reports?unitId={otherDistrict}&period=2025",
                 })
        {
            var response = await district.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Evaluation.UnitNotFound");
        }

        (await district.GetAsync($"{api}/index766")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await district.GetAsync($"/Evaluation?unit={otherDistrict}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/Evaluation/Kpi?code=plan.satisfaction&unit={otherDistrict}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync("/Evaluation")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(ProvinceLeader)).GetAsync($"{api}/kpis/?unitId={otherDistrict}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Desk staff have no cockpit or KPI reading.
        (await (await fx.SignInAsync(CommuneA)).GetAsync($"{api}/kpis/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private const string TrainingApi = "/api/v1/training";

    [Fact]
    public async Task Training_classes_and_participants_follow_the_hierarchy()
    {
        var province = await fx.SignInAsync(ProvinceLeader);
        var course = (await province.GetFromJsonAsync<JsonElement>($"{TrainingApi}/courses"))[0].GetProperty("id").GetGuid();
        var created = await province.PostAsJsonAsync($"{TrainingApi}/classes/", new { courseId = course, title = "Lớp ma trận cách ly", startsOn = "2025-03-01", endsOn = "2025-03-02", venue = "Hội trường UBND tỉnh", organiser = "provincial-office" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var classId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var enrolled = await province.PostAsJsonAsync($"{TrainingApi}/classes/{classId}/participants", new { userName = CommuneA });
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Created);
        var participant = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await province.PutAsJsonAsync($"{TrainingApi}/participants/{participant}/result", new { attended = true, result = "passed" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The participant belongs to Cẩm Thượng: the ward and its district see it, the sibling ward does not.
        var trainedA = await (await fx.SignInAsync(CommuneA)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/participants/trained");
        trainedA.GetProperty("items").EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == participant);
        var trainedB = await (await fx.SignInAsync(CommuneB)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/participants/trained");
        trainedB.GetProperty("items").EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetGuid() == participant);
        var trainedDistrict = await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/participants/trained");
        trainedDistrict.GetProperty("items").EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == participant);
        (await Get(CommuneA, $"{TrainingApi}/participants/{participant}/certificate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneB, $"{TrainingApi}/participants/{participant}/certificate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/Training")).ShouldNotContain("Phạm Thị Nhận");

        // The class belongs to the organising province: below it, neither the API nor the page shows it.
        (await Get(CommuneA, $"{TrainingApi}/classes/{classId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(DistrictLeader, $"{TrainingApi}/classes/{classId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneA, $"/Training/Class/{classId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneA)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/classes/")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("id").GetGuid() == classId);
        (await Get(ProvinceLeader, $"/Training/Class/{classId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(CommuneA)).PutAsJsonAsync($"{TrainingApi}/participants/{participant}/result", new { attended = false }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Training_plans_and_kpis_stay_within_the_unit()
    {
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");
        var course = (await leaderA.GetFromJsonAsync<JsonElement>($"{TrainingApi}/courses"))[0].GetProperty("id").GetGuid();
        (await leaderA.PutAsJsonAsync($"{TrainingApi}/plans", new { year = 2024, courseId = course, plannedParticipants = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await leaderA.GetFromJsonAsync<JsonElement>($"{TrainingApi}/plans?year=2024")).EnumerateArray().ShouldContain(p => p.GetProperty("unitPath").GetString() == "/30/288/10507/");
        (await (await fx.SignInAsync(CommuneB)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/plans?year=2024")).GetArrayLength().ShouldBe(0);
        (await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/plans?year=2024")).EnumerateArray()
            .ShouldContain(p => p.GetProperty("unitPath").GetString() == "/30/288/10507/");
        (await (await fx.SignInAsync(CommuneB)).PutAsJsonAsync($"{TrainingApi}/plans", new { year = 2024, courseId = course, plannedParticipants = 3 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var kpiB = await (await fx.SignInAsync(CommuneB)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/kpi?year=2025");
        kpiB.GetProperty("unitPath").GetString().ShouldBe("/30/288/10510/");
        kpiB.GetProperty("deskStaff").GetInt32().ShouldBe(1);
        kpiB.GetProperty("classesHeld").GetInt32().ShouldBe(0);

        // The plans page and workbook show the ward's line to the ward and its district, never to the sibling ward.
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/Training/Plans?year=2024")).ShouldContain("data-testid=\"plans-empty\"");
        (await (await fx.SignInAsync(DistrictLeader)).GetStringAsync("/Training/Plans?year=2024")).ShouldContain("data-unit=\"Phường Cẩm Thượng\"");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await (await fx.SignInAsync(CommuneB)).GetByteArrayAsync($"{TrainingApi}/plans/export?year=2024")));
        book.Worksheets.First().RowsUsed().Select(r => r.Cell(2).GetString()).ShouldNotContain("Phường Cẩm Thượng");
    }

    [Fact]
    public async Task Desk_staff_and_their_training_follow_the_hierarchy()
    {
        async Task<List<string>> Staff(string user, string query = "")
        {
            var page = await (await fx.SignInAsync(user)).GetFromJsonAsync<JsonElement>($"{TrainingApi}/staff?pageSize=200{query}");
            return page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("userName").GetString()!).ToList();
        }

        (await Staff(CommuneA)).ShouldBe([CommuneA]);
        (await Staff(CommuneB)).ShouldBe([CommuneB]);
        (await Staff(CommuneA, $"&unitId={await fx.UnitId("10510")}")).ShouldBeEmpty();
        (await Staff(DistrictLeader)).ShouldBe(["chuyenvien.tphd", CommuneA, CommuneB], ignoreOrder: true);
        (await Staff(ProvinceLeader)).ShouldContain("buudien.tinh");

        (await Get(CommuneB, $"/Training/Staff?unit={await fx.UnitId("10507")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneB)).GetStringAsync("/Training/Staff")).ShouldNotContain(CommuneA);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await (await fx.SignInAsync(CommuneB)).GetByteArrayAsync($"{TrainingApi}/staff/export")));
        // The export names people (full name in column 3), never logins: only Bình Hàn's desk officer is in it.
        book.Worksheets.First().RowsUsed().Skip(2).Select(r => r.Cell(3).GetString()).ShouldBe(["Vũ Văn Bình"]);
    }

    /// <summary>
    /// Scope by agency (issue 17, ADR 0036): a provincial department's officer works inside the province's path but sees
    /// only the dossiers with a step at the department; the postal agent only those the post carries.
    /// </summary>
    [Fact]
    public async Task A_department_officer_and_the_postal_agent_see_only_the_dossiers_with_a_step_at_their_agency()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 10);
        try
        {
            var desk = await fx.SignInAsync(CommuneA);
            async Task<(Guid Id, string Code)> IntakeAsync(string channel, string identity)
            {
                var created = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", new
                {
                    procedureCode = "1.001193", channel,
                    applicant = new { kind = "CITIZEN", identity, name = "Trần Thị Bưu" },
                    components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
                });
                var d = await created.Content.ReadFromJsonAsync<JsonElement>();
                created.StatusCode.ShouldBe(HttpStatusCode.Created, d.ToString());
                return (d.GetProperty("id").GetGuid(), d.GetProperty("code").GetString()!);
            }

            var direct = await IntakeAsync("DIRECT", "030090005551");
            var postal = await IntakeAsync("POSTAL", "030090005552");

            // Sở Thông tin và Truyền thông (province, agency STTTT): neither dossier has a step there.
            var department = await fx.SignInAsync("chuyenvien.stttt");
            foreach (var (id, code) in new[] { direct, postal })
            {
                (await department.GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
                (await department.GetAsync($"/api/v1/counters/dossiers/by-code/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
                (await department.GetAsync($"/Counters/Dossiers/Detail?id={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
                (await department.GetStringAsync("/api/v1/counters/dossiers?pageSize=200")).ShouldNotContain(code);
            }

            // The provincial post office (BDT) carries the postal dossier, not the one handed in at the desk.
            var post = await fx.SignInAsync("buudien.tinh");
            (await post.GetAsync($"/api/v1/counters/dossiers/{postal.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await post.GetStringAsync("/api/v1/counters/dossiers?pageSize=200")).ShouldContain(postal.Code);
            (await post.GetAsync($"/api/v1/counters/dossiers/{direct.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await post.GetStringAsync("/api/v1/counters/dossiers?pageSize=200")).ShouldNotContain(direct.Code);
            // Nor may it act on it: the write resolves the id inside the agency's scope first.
            (await post.PostAsJsonAsync($"/api/v1/counters/dossiers/{direct.Id}/withdraw", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            // The commune's own desk still sees both, and the province's leader (no agency) too.
            (await desk.GetAsync($"/api/v1/counters/dossiers/{direct.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await (await fx.SignInAsync(ProvinceLeader)).GetAsync($"/api/v1/counters/dossiers/{postal.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task Dossiers_of_a_sibling_commune_are_invisible_through_every_route_and_page()
    {
        // A fixed working day inside the shipped calendar (2021–2026), whatever day the suite runs.
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            await DossierIsolation();
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    /// <summary>
    /// "Hồ sơ của tôi" (ADR 0046): a citizen signed in through the VNeID simulator sees the dossiers filed with their
    /// identity number at any unit, and never another citizen's; an organisation sees those filed with its enterprise
    /// code, not its representative's own. The citizen's cookie opens no staff page or API, and a staff member's cookie
    /// does not open the citizen's page.
    /// </summary>
    [Fact]
    public async Task A_citizen_sees_only_dossiers_with_their_own_identity_number_and_no_staff_page()
    {
        async Task<string> FileAsync(string desk, string kind, string identity, string name)
        {
            var client = await fx.SignInAsync(desk);
            var created = await client.PostAsJsonAsync("/api/v1/counters/dossiers", new
            {
                procedureCode = "1.001193",
                applicant = new { kind, identity, name },
                components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
            });
            var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
            created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
            return dossier.GetProperty("code").GetString()!;
        }

        // Citizen A filed at two sibling wards; citizen B at one; an organisation represented by A at one.
        var aAtCamThuong = await FileAsync(CommuneA, "CITIZEN", "030090005551", "Đỗ Thị Mai");
        var aAtBinhHan = await FileAsync(CommuneB, "CITIZEN", "030090005551", "Đỗ Thị Mai");
        var b = await FileAsync(CommuneA, "CITIZEN", "030090005552", "Vũ Văn Nam");
        var company = await FileAsync(CommuneA, "ORGANISATION", "0800555001", "Công ty TNHH Đỗ Mai");

        var citizenA = await CitizenSignIn.SignInAsync(fx, "030090005551", "Đỗ Thị Mai");
        var pageA = await citizenA.GetStringAsync("/Portal/MyDossiers");
        pageA.ShouldContain(aAtCamThuong);
        pageA.ShouldContain(aAtBinhHan);
        pageA.ShouldNotContain(b);
        pageA.ShouldNotContain(company);
        pageA.ShouldNotContain("030090005551"); // the page masks the number it lists by

        var citizenB = await CitizenSignIn.SignInAsync(fx, "030090005552", "Vũ Văn Nam");
        var pageB = await citizenB.GetStringAsync("/Portal/MyDossiers");
        pageB.ShouldContain(b);
        pageB.ShouldNotContain(aAtCamThuong);
        pageB.ShouldNotContain(aAtBinhHan);

        var organisation = await CitizenSignIn.SignInAsync(fx, "030090005551", "Đỗ Thị Mai", enterpriseCode: "0800555001");
        var pageOrganisation = await organisation.GetStringAsync("/Portal/MyDossiers");
        pageOrganisation.ShouldContain(company);
        pageOrganisation.ShouldNotContain(aAtCamThuong);

        // A citizen with nothing filed gets the empty state that says what to do.
        var nobody = await CitizenSignIn.SignInAsync(fx, "030090005553", "Hoàng Thị Lan");
        var empty = await nobody.GetStringAsync("/Portal/MyDossiers");
        empty.ShouldContain("data-empty-state");
        empty.ShouldNotContain(aAtCamThuong);

        // The citizen's cookie opens no staff page and no API; it is no staff session.
        var staffPage = await citizenA.GetAsync("/Counters/Work");
        staffPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staffPage.Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await citizenA.GetAsync("/api/v1/counters/dossiers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await citizenA.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A staff member's cookie does not open the citizen's page: it asks for VNeID.
        var desk = await fx.SignInAsync(CommuneA);
        var asStaff = await desk.GetAsync("/Portal/MyDossiers");
        asStaff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asStaff.Headers.Location!.ToString().ShouldStartWith("http://localhost/citizen/signin");

        // Signing out ends the citizen's cookie.
        var signedOut = await OneStopFactory.PostFormAsync(citizenA, "/Portal/MyDossiers", "/Portal/MyDossiers?handler=SignOut", []);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizenA.GetAsync("/Portal/MyDossiers")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// The portal's pages answer anyone without sign-in and show only public data: the catalogue, published figures, and a
    /// dossier's status only to whoever has its code and the applicant's identity tail — never its applicant's identity,
    /// phone or full name, and nothing at all with the code alone (ADR 0042).
    /// </summary>
    [Fact]
    public async Task Public_portal_pages_show_only_public_data_to_anyone()
    {
        var deskA = await fx.SignInAsync(CommuneA);
        var created = await deskA.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090007788", name = "Trần Thị Bình", phone = "0912000111" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        var code = dossier.GetProperty("code").GetString()!;

        var anonymous = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        foreach (var page in new[] { "/Portal", "/Portal?q=dang+ky+khai+sinh", "/Portal/Procedure/1.001193", "/Portal/Statistics", "/Portal/Lookup", $"/Portal/Lookup?code={code}" })
        {
            var response = await anonymous.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "030090007788", "0912000111", "Trần Thị Bình", "Đã tiếp nhận" })
            {
                html.ShouldNotContain(secret, customMessage: page);
            }
        }

        // The old look-up address carries the code over, nothing else.
        var old = await anonymous.GetAsync($"/Counters/Public/Lookup?code={code}");
        old.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        old.Headers.Location!.ToString().ShouldBe($"/Portal/Lookup?code={code}");

        // With the code alone, or the wrong digits, nothing about the dossier; with the right ones, its status and a masked name.
        async Task<string> Lookup(string digits) => await (await OneStopFactory.PostFormAsync(anonymous, "/Portal/Lookup", "/Portal/Lookup",
            new Dictionary<string, string> { ["Code"] = code, ["Digits"] = digits })).Content.ReadAsStringAsync();
        var wrong = await Lookup("1111");
        wrong.ShouldNotContain("Đã tiếp nhận");
        wrong.ShouldNotContain("T*** T** Bình");
        var right = await Lookup("7788");
        right.ShouldContain("Đã tiếp nhận");
        right.ShouldContain("T*** T** Bình");
        right.ShouldNotContain("030090007788");
        right.ShouldNotContain("Trần Thị Bình");
        right.ShouldNotContain("0912000111");
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task DossierIsolation()
    {
        var deskA = await fx.SignInAsync(CommuneA);
        var created = await deskA.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var dossier = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, dossier.ToString());
        var id = dossier.GetProperty("id").GetGuid();
        var code = dossier.GetProperty("code").GetString()!;
        code.ShouldStartWith("MC10507-");

        var b = await fx.SignInAsync(CommuneB);
        (await b.GetAsync($"/api/v1/counters/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetAsync($"/api/v1/counters/dossiers/by-code/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetAsync($"/api/v1/counters/dossiers/{id}/assignees")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetStringAsync("/api/v1/counters/dossiers?pageSize=200")).ShouldNotContain(code);
        (await b.GetStringAsync("/api/v1/counters/dossiers/inbox")).ShouldNotContain(code);
        (await b.GetStringAsync("/api/v1/counters/work")).ShouldNotContain(code);
        (await b.GetStringAsync("/Counters/Work")).ShouldNotContain(code);
        (await b.GetAsync($"/Counters/Dossiers/Detail?id={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The search box echoes the query; the results table shows codes in <code>.
        (await b.GetStringAsync($"/Counters/Dossiers?q={code}")).ShouldNotContain($"<code>{code}</code>");
        foreach (var action in new[] { "receive", "refuse", "assign", "route", "request-supplement", "supplement", "request-financial-obligation",
                     "financial-obligation-met", "extend", "withdraw", "stop", "resolve", "return", "propose", "complete-agency-step", "approve", "send-back" })
        {
            var response = await b.PostAsJsonAsync($"/api/v1/counters/dossiers/{id}/{action}",
                new { reason = "x", assignee = CommuneB, toUnitId = await fx.UnitId("10510"), amountVnd = 1000, value = 1, unit = "WORKING_DAY", resultSummary = "x", method = "DESK", electronic = true, draftResult = "x" });
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], action);
        }

        // Intake is stamped with the acting unit: B's dossier gets B's desk code and B's path.
        var own = await (await b.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        own.GetProperty("code").GetString()!.ShouldStartWith("MC10510-");
        (await deskA.GetAsync($"/api/v1/counters/dossiers/{own.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The district sees both of its wards' dossiers, on the API and the pages.
        var district = await fx.SignInAsync(DistrictLeader);
        (await district.GetAsync($"/Counters/Dossiers/Detail?id={id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await district.GetStringAsync($"/Counters/Dossiers?q={code}")).ShouldContain($"<code>{code}</code>");
        (await deskA.GetStringAsync($"/Counters/Dossiers/Detail?id={id}")).ShouldContain(code);
    }

    [Fact]
    public async Task Queue_desks_tickets_and_waiting_times_stay_within_the_unit()
    {
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");
        var created = await leaderA.PostAsJsonAsync("/api/v1/queue/desks", new
        {
            code = "QISO10507", name = "Bộ phận Một cửa Cẩm Thượng (thử)",
            counters = new[] { new { name = "Quầy 1", fields = new[] { "Hộ tịch" } }, new { name = "Quầy 2", fields = new[] { "Đất đai" } } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var desk = await created.Content.ReadFromJsonAsync<JsonElement>();
        var deskId = desk.GetProperty("id").GetGuid();
        var counter = desk.GetProperty("counters")[0].GetProperty("id").GetGuid();
        var a = await fx.SignInAsync(CommuneA);
        var ticket = await (await a.PostAsJsonAsync($"/api/v1/queue/desks/{deskId}/tickets", new { field = "Hộ tịch" })).Content.ReadFromJsonAsync<JsonElement>();
        var ticketId = ticket.GetProperty("id").GetGuid();
        (await a.PostAsJsonAsync($"/api/v1/queue/counters/{counter}/commands", new { action = "sign-in" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.PostAsJsonAsync($"/api/v1/queue/counters/{counter}/commands", new { action = "call-next" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.PostAsJsonAsync($"/api/v1/queue/counters/{counter}/commands", new { action = "end" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");

        // The sibling ward sees nothing of A's desk and can change nothing there.
        var b = await fx.SignInAsync(CommuneB);
        (await b.GetFromJsonAsync<JsonElement>("/api/v1/queue/desks")).EnumerateArray().ShouldNotContain(d => d.GetProperty("id").GetGuid() == deskId);
        foreach (var url in new[] { $"desks/{deskId}/board", $"desks/{deskId}/board/events", $"counters/{counter}", $"tickets/{ticketId}", $"desks/{deskId}/slots" })
        {
            (await b.GetAsync("/api/v1/queue/" + url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await b.PostAsJsonAsync($"/api/v1/queue/desks/{deskId}/tickets", new { field = "Hộ tịch" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsJsonAsync($"/api/v1/queue/counters/{counter}/commands", new { action = "sign-in" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsJsonAsync($"/api/v1/queue/tickets/{ticketId}/dossiers", new { dossierCode = "X-1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsJsonAsync($"/api/v1/queue/desks/{deskId}/appointments", new { field = "Hộ tịch", slotStart = DateTimeOffset.UtcNow.AddDays(1), citizenName = "X" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsJsonAsync($"/api/v1/queue/desks/{deskId}/check-in", new { code = "ABCDEF" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nor can its desk attach a dossier to A's ticket by naming it at intake (issue 19); A's own desk can.
        var procedure = new { procedureCode = "1.001193", applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } }, ticketId };
        var foreignTicket = await b.PostAsJsonAsync("/api/v1/counters/dossiers", procedure);
        foreignTicket.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await foreignTicket.Content.ReadAsStringAsync());
        (await foreignTicket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Counters.TicketNotFound");
        (await b.PostAsJsonAsync("/api/v1/counters/dossiers", new { procedure.procedureCode, procedure.applicant, procedure.components, ticketId = Guid.NewGuid() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A data-store document id that is not the applicant's (here: none at all) is refused, not recorded as reused.
        var foreignDocument = await b.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedure.procedureCode, procedure.applicant,
            components = new object[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD", reusedDocumentId = Guid.NewGuid() } },
        });
        foreignDocument.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await foreignDocument.Content.ReadAsStringAsync());
        (await foreignDocument.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Counters.ReusedDocumentInvalid");
        var own = await a.PostAsJsonAsync("/api/v1/counters/dossiers", procedure);
        own.StatusCode.ShouldBe(HttpStatusCode.Created, await own.Content.ReadAsStringAsync());
        var district = await fx.SignInAsync(DistrictLeader);
        (await b.GetFromJsonAsync<JsonElement>($"/api/v1/queue/stats?from={today}&to={today}")).EnumerateArray().ShouldNotContain(r => r.GetProperty("key").GetString() == deskId.ToString());
        (await b.GetFromJsonAsync<JsonElement>("/api/v1/queue/live")).EnumerateArray().ShouldNotContain(r => r.GetProperty("deskId").GetGuid() == deskId);
        var aUnit = await fx.UnitId("10507");
        (await b.GetFromJsonAsync<JsonElement>($"/api/v1/queue/kpi/waiting-time?from={today}&to={today}")).EnumerateArray().ShouldNotContain(r => r.GetProperty("unitId").GetGuid() == aUnit);
        var html = await (await b.GetAsync("/Queue/Console")).Content.ReadAsStringAsync();
        html.ShouldNotContain("Cẩm Thượng (thử)");
        (await (await b.GetAsync("/Queue/Desks")).Content.ReadAsStringAsync()).ShouldNotContain("QISO10507");
        (await (await b.GetAsync("/Queue")).Content.ReadAsStringAsync()).ShouldNotContain("Cẩm Thượng (thử)");

        // The district sees its ward's desk, visits and waiting times.
        (await district.GetFromJsonAsync<JsonElement>("/api/v1/queue/desks")).EnumerateArray().ShouldContain(d => d.GetProperty("id").GetGuid() == deskId);
        (await district.GetAsync($"/api/v1/queue/tickets/{ticketId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await district.GetFromJsonAsync<JsonElement>($"/api/v1/queue/kpi/waiting-time?from={today}&to={today}")).EnumerateArray().ShouldContain(r => r.GetProperty("unitId").GetGuid() == aUnit);
        (await (await district.GetAsync("/Queue")).Content.ReadAsStringAsync()).ShouldContain("Cẩm Thượng (thử)");
        (await district.GetAsync($"/api/v1/queue/desks/{deskId}/board")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Desk officers may set up desks in this fixture, so the write isolation shows (not only the permission).
        (await b.PutAsJsonAsync($"/api/v1/queue/counters/{counter}/fields", new { fields = new[] { "Đất đai" } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsJsonAsync($"/api/v1/queue/desks/{deskId}/counters", new { name = "Quầy lạ", fields = new[] { "Đất đai" } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.PostAsJsonAsync($"/api/v1/queue/counters/{counter}/commands", new { action = "sign-out" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Office_hours_of_a_sibling_commune_cannot_be_read_or_changed()
    {
        var a = await fx.UnitId("10507");
        var b = await fx.UnitId("10510");
        var otherDistrictCommune = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());
        var hours = new { morningStart = "07:30", morningEnd = "12:00", afternoonStart = "13:00", afternoonEnd = "16:30" };

        (await Get(CommuneA, $"/api/v1/counters/calendar/office-hours/{a}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, $"/api/v1/counters/calendar/office-hours/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The leader of ward A changes A's hours, not B's; B keeps the default and cannot see A's override.
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");
        (await leaderA.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{b}", hours)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await leaderA.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{a}", hours)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByB = await (await Get(CommuneB, $"/api/v1/counters/calendar/office-hours/{b}")).Content.ReadFromJsonAsync<JsonElement>();
        seenByB.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        (await Get(CommuneB, $"/api/v1/counters/calendar/office-hours/{a}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The district reads and sets its communes' hours, not those of another district.
        var district = await fx.SignInAsync(DistrictLeader);
        var seenByDistrict = await (await district.GetAsync($"/api/v1/counters/calendar/office-hours/{a}")).Content.ReadFromJsonAsync<JsonElement>();
        seenByDistrict.GetProperty("morningStart").GetString().ShouldBe("07:30");
        (await district.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{otherDistrictCommune}", hours)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{a}", new { morningStart = "07:00", morningEnd = "11:30", afternoonStart = "13:30", afternoonEnd = "17:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Dossier_forms_and_the_register_stay_within_the_units_that_see_the_dossier()
    {
        // A working Monday inside the shipped calendar (2021–2026), whatever day the suite runs.
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            await FormsAndRegisterAsync();
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private async Task FormsAndRegisterAsync()
    {
        var deskA = await fx.SignInAsync(CommuneA);
        var intake = await deskA.PostAsJsonAsync("/api/v1/counters/dossiers", new
        {
            procedureCode = "1.001193",
            applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
        });
        var created = await intake.Content.ReadFromJsonAsync<JsonElement>();
        intake.StatusCode.ShouldBe(HttpStatusCode.Created, created.ToString());
        var id = created.GetProperty("id").GetGuid();
        var code = created.GetProperty("code").GetString()!;
        var day = DateTimeOffset.Parse(created.GetProperty("receivedAt").GetString()!).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");
        var register = $"/api/v1/counters/dossiers/register?from={day}&to={day}";

        (await deskA.GetAsync($"/api/v1/counters/dossiers/{id}/forms/receipt")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneB, $"/api/v1/counters/dossiers/{id}/forms/receipt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneB, $"/api/v1/counters/dossiers/{id}/forms/control-sheet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(DistrictLeader, $"/api/v1/counters/dossiers/{id}/forms/receipt")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The register and its Excel export list the dossier for A and its parents only.
        (await Get(CommuneA, register)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var excelA = await Get(CommuneA, register.Replace("/register?", "/register/export?"));
        var excelB = await Get(CommuneB, register.Replace("/register?", "/register/export?"));
        var excelDistrict = await Get(DistrictLeader, register.Replace("/register?", "/register/export?"));
        (await SheetText(excelA)).ShouldContain(code);
        (await SheetText(excelB)).ShouldNotContain(code);
        (await SheetText(excelDistrict)).ShouldContain(code);
    }

    /// <summary>The shared strings of an .xlsx (where ClosedXML writes text cells), without an Excel library here.</summary>
    private static async Task<string> SheetText(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return "";
        }

        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Due_dates_are_computed_only_for_units_in_scope()
    {
        var b = await fx.UnitId("10510");
        var a = await fx.SignInAsync(CommuneA);
        var request = new { unitId = b, receivedAt = "2024-03-04T09:00", legalTimeValue = 1, legalTimeUnit = "WORKING_DAY" };
        (await a.PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneB)).PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(DistrictLeader)).PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The page always computes for the acting unit.
        var page = await OneStopFactory.PostFormAsync(a, "/Counters/Calendar/DueDate", "/Counters/Calendar/DueDate",
            new() { ["ReceivedAt"] = "2024-03-04T09:00", ["Value"] = "1", ["Unit"] = "WORKING_DAY" });
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Phường Cẩm Thượng");
        html.ShouldNotContain("Phường Bình Hàn");
    }

    [Fact]
    public async Task The_calendar_page_shows_the_acting_units_own_hours()
    {
        var a = await fx.SignInAsync(CommuneA);
        var html = await a.GetStringAsync("/Counters/Calendar?year=2024");
        html.ShouldContain("Tết Nguyên đán Giáp Thìn");
        html.ShouldContain("data-testid=\"office-hours\"");
    }

    [Fact]
    public async Task The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins()
    {
        // Reference data: every unit sees the same rows.
        var daysA = await (await Get(CommuneA, "/api/v1/counters/calendar/days-off?year=2025")).Content.ReadAsStringAsync();
        var daysB = await (await Get(CommuneB, "/api/v1/counters/calendar/days-off?year=2025")).Content.ReadAsStringAsync();
        daysA.ShouldBe(daysB);
        var catalogueA = await (await Get(CommuneA, "/api/v1/counters/catalogue/procedures?level=commune")).Content.ReadAsStringAsync();
        catalogueA.ShouldBe(await (await Get(CommuneB, "/api/v1/counters/catalogue/procedures?level=commune")).Content.ReadAsStringAsync());
        (await Get(CommuneA, "/api/v1/counters/catalogue/procedures/1.001193")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, "/Counters/Catalogue")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // No unit — not even the district or the province leader — changes them.
        foreach (var user in new[] { CommuneA, DistrictLeader, ProvinceLeader })
        {
            var client = await fx.SignInAsync(user);
            (await client.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-12-30", kind = "holiday", name = "Không được" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/v1/counters/calendar/days-off/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193", new { name = "X", levels = new[] { "commune" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193/legal-times", new { effectiveFrom = "2030-01-01", reason = "X", times = new[] { new { channel = "DIRECT", value = 1, unit = "WORKING_DAY" } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193/steps", new { steps = new[] { new { name = "X", budgetHours = 1 } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/counters/catalogue/procedures?code=9.999999", new { effectiveFrom = "2030-01-01", reason = "X", name = "X", levels = new[] { "commune" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193/versions", new { effectiveFrom = "2030-01-01", reason = "X", name = "X", levels = new[] { "commune" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync("/Counters/Catalogue/Edit?code=1.001193")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    /// <summary>
    /// Dossiers of Cẩm Thượng and Bình Hàn reach the search index through the outbox; each ward finds only its own,
    /// even by the other's exact dossier code or CCCD, in the API and on the results page; the district finds both.
    /// </summary>
    [Fact]
    public async Task Dossier_search_never_returns_a_siblings_dossier_even_by_exact_code()
    {
        var a = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Code == "10507").Select(u => new { u.Id, u.Path }).SingleAsync());
        var b = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Code == "10510").Select(u => new { u.Id, u.Path }).SingleAsync());
        OneStop.Counters.Contracts.DossierSnapshot Dossier(Guid unitId, string path, string code, string cccd) =>
            new(Guid.CreateVersion7(), code, "1.001193", "Đăng ký khai sinh", "Hộ tịch", "DIRECT", "RECEIVED", "CITIZEN", cccd, "Lương Thế Vinh", null,
                unitId, path, unitId, path, unitId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(3), null, null, null, false, [], null, 1);
        var mine = Dossier(a.Id, a.Path, "ISO.10507-0001", "030066000001");
        var theirs = Dossier(b.Id, b.Path, "ISO.10510-0001", "030066000002");
        await fx.Db(async db =>
        {
            foreach (var d in new[] { mine, theirs })
            {
                db.Publish(new OneStop.Counters.Contracts.DossierChanged(d, "RECEIVED", "NEW", null, "test") { UnitPath = d.ReceivingUnitPath });
            }

            return await db.SaveChangesAsync();
        });
        while (await fx.Services.GetRequiredService<OneStop.Platform.Messaging.OutboxRelay>().RelayOnceAsync() > 0)
        {
        }

        async Task<List<string>> Found(string user, string q)
        {
            var page = await (await Get(user, "/api/v1/counters/dossiers/search?q=" + Uri.EscapeDataString(q))).Content.ReadFromJsonAsync<JsonElement>();
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        }

        (await Found(CommuneA, "luong the vinh")).ShouldBe([mine.Code]);
        (await Found(CommuneA, theirs.Code)).ShouldBeEmpty();
        (await Found(CommuneA, "030066000002")).ShouldBeEmpty();
        (await Found(CommuneB, "luong the vinh")).ShouldBe([theirs.Code]);
        (await Found(DistrictLeader, "luong the vinh")).ShouldBe([mine.Code, theirs.Code], ignoreOrder: true);
        var page = await (await Get(CommuneA, "/Counters/Search?q=" + theirs.Code)).Content.ReadAsStringAsync();
        page.ShouldNotContain(theirs.Code + "</code>");
        page.ShouldContain("data-testid=\"empty\"");
        (await Get(CommuneA, "/api/v1/counters/dossiers/search/index")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get(DistrictLeader, "/Counters/Search/Admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Get("admin", "/Counters/Search/Admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> Get(string user, string url) => await (await fx.SignInAsync(user)).GetAsync(url);

    private async Task<JsonElement> Summary(string user) =>
        await (await Get(user, "/api/v1/platform/units/summary")).Content.ReadFromJsonAsync<JsonElement>();

    private async Task<List<string>> UnitCodes(string user) => await Codes(user, "/api/v1/platform/units/");

    private async Task<List<string>> AgencyCodes(string user) => await Codes(user, "/api/v1/platform/agencies/");

    private async Task<List<string>> Codes(string user, string url)
    {
        var client = await fx.SignInAsync(user);
        var codes = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{url}?pageSize=200{(cursor is null ? "" : "&cursor=" + cursor)}");
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return codes;
    }

    private const string DigitizationApi = "/api/v1/digitization";

    private static async Task<JsonElement> UploadForCommuneA(HttpClient client, string identity, string text)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new OneStop.Platform.Documents.PdfWriter(text, "test").NewPage().Text(text).ToArray();
        form.Add(new ByteArrayContent(pdf), "file", "ban-sao.pdf");
        foreach (var (key, value) in new Dictionary<string, string> { ["kind"] = "COMPONENT", ["name"] = text, ["documentTypeCode"] = "GKS", ["applicantIdentity"] = identity, ["applicantName"] = "Nguyễn Văn An" })
        {
            form.Add(new StringContent(value), key);
        }

        using var response = await client.PostAsync($"{DigitizationApi}/documents", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Digitised_documents_follow_the_hierarchy()
    {
        const string citizen = "030090004321";
        var communeA = await fx.SignInAsync(CommuneA);
        var document = await UploadForCommuneA(communeA, citizen, "Giấy khai sinh ma trận");
        var id = document.GetProperty("id").GetGuid();
        document.GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");

        var communeB = await fx.SignInAsync(CommuneB);
        (await communeB.GetAsync($"{DigitizationApi}/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetAsync($"{DigitizationApi}/documents/{id}/content")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetAsync($"{DigitizationApi}/documents/{id}/signature")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetAsync($"/Digitization/Document/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/documents?applicant={citizen}")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/documents")).GetArrayLength().ShouldBe(0);
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/reusable?types=GKS")).GetArrayLength().ShouldBe(0);
        (await communeB.GetStringAsync($"/Digitization/DataStore?identity={citizen}")).ShouldNotContain("Giấy khai sinh ma trận");
        // Each commune's look-ups are logged in that commune: A sees its own entries, never B's; their district sees both.
        (await communeA.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/documents")).GetArrayLength().ShouldBe(1);
        var logOfA = (await communeA.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/access-log")).EnumerateArray().ToList();
        logOfA.ShouldNotBeEmpty();
        logOfA.ShouldAllBe(e => e.GetProperty("unitPath").GetString() == "/30/288/10507/");
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/access-log")).EnumerateArray()
            .ShouldAllBe(e => e.GetProperty("unitPath").GetString() == "/30/288/10510/");

        var district = await fx.SignInAsync(DistrictLeader);
        (await district.GetAsync($"{DigitizationApi}/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await district.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/applicants/{citizen}/access-log")).EnumerateArray()
            .Select(e => e.GetProperty("unitPath").GetString()).Distinct().Count().ShouldBe(2);
        (await (await fx.SignInAsync(ProvinceLeader)).GetAsync($"{DigitizationApi}/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Signing: commune B cannot sign A's document; A's leader can, and the public page shows that one document only.
        (await communeB.PostAsync($"{DigitizationApi}/documents/{id}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var signed = await (await (await fx.SignInAsync("lanhdao.camthuong")).PostAsync($"{DigitizationApi}/documents/{id}/sign", null)).Content.ReadFromJsonAsync<JsonElement>();
        var code = signed.GetProperty("verificationCode").GetString();
        var anonymous = fx.CreateClient();
        var page = await anonymous.GetStringAsync($"/Digitization/Verify/{code}");
        page.ShouldContain("Phường Cẩm Thượng");
        page.ShouldNotContain(citizen);
    }

    [Fact]
    public async Task Scan_queue_desks_archive_and_kpis_stay_within_the_unit()
    {
        var communeB = await fx.SignInAsync(CommuneB);
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/desks")).EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["MC10510"]);
        var deskA = await fx.DeskOf("10507");
        (await (await fx.SignInAsync("lanhdao.tphd")).GetFromJsonAsync<JsonElement>($"{DigitizationApi}/desks")).EnumerateArray()
            .ShouldContain(d => d.GetProperty("agencyId").GetGuid() == deskA);
        // Desk officers cannot switch desks; a leader of commune A cannot switch B's desk.
        (await communeB.PutAsJsonAsync($"{DigitizationApi}/desks/{deskA}", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var deskB = await fx.DeskOf("10510");
        (await (await fx.SignInAsync("lanhdao.camthuong")).PutAsJsonAsync($"{DigitizationApi}/desks/{deskB}", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync("lanhdao.camthuong")).PutAsJsonAsync($"{DigitizationApi}/desks/{deskA}", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // KPI rows: a commune leader sees its own unit only; the district sees its wards.
        var own = await (await fx.SignInAsync("lanhdao.camthuong")).GetFromJsonAsync<JsonElement>($"{DigitizationApi}/kpi");
        own.EnumerateArray().ShouldAllBe(r => r.GetProperty("unitPath").GetString() == "/30/288/10507/");
        own.EnumerateArray().Single().GetProperty("desksDigitizing").GetInt32().ShouldBe(1);
        var district = await (await fx.SignInAsync(DistrictLeader)).GetFromJsonAsync<JsonElement>($"{DigitizationApi}/kpi");
        district.EnumerateArray().ShouldAllBe(r => r.GetProperty("unitPath").GetString()!.StartsWith("/30/288/"));
        district.GetArrayLength().ShouldBeGreaterThan(1);

        // Queue items, archives and another unit's dossier: nothing of A reaches B.
        (await communeB.GetAsync($"{DigitizationApi}/scan-queue/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetFromJsonAsync<JsonElement>($"{DigitizationApi}/archive")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(a => a.GetProperty("unitPath").GetString() == "/30/288/10510/");
        (await (await fx.SignInAsync(DistrictLeader)).PostAsJsonAsync($"{DigitizationApi}/dossiers/{Guid.NewGuid()}/archive", new { }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await communeB.GetStringAsync("/Digitization")).ShouldNotContain("Bộ phận Một cửa Phường Cẩm Thượng");
        (await communeB.GetAsync($"/Digitization/Digitize?item={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    // ---- Writes (issue 19 item 3): every POST/PUT/PATCH/DELETE names a sibling unit's ids and is refused, nothing written ----

    /// <summary>The other unit's ids a write probe names: A is Cẩm Thượng (10507), B is Bình Hàn (10510).</summary>
    private sealed record Siblings(
        Guid UnitA, Guid UnitB, Guid DeskAgencyA, Guid DeskAgencyB, Guid PersonB, Guid MembershipB, Guid DesignationB, Guid DossierA, string DossierCodeA,
        Guid DocumentA, Guid QueueDeskA, Guid CounterA, Guid TicketA, Guid ComplaintA, Guid AssignmentA, Guid ReportA, Guid ClassA, Guid ParticipantA,
        string ProcedureCode);

    /// <summary>
    /// One cross-unit attempt: <see cref="Actor"/> (a user of one ward) sends the route with the other ward's ids; it must
    /// be refused with 403 or 404 (or <see cref="Expect"/>) and write nothing (no audit record anywhere).
    /// </summary>
    private sealed record WriteProbe(string Actor, Func<Siblings, string> Url, Func<Siblings, object?>? Body = null, HttpStatusCode[]? Expect = null,
        Func<Siblings, HttpContent>? Content = null);

    private static readonly Guid Unknown = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private const string LeaderA = "lanhdao.camthuong";
    private const string AdminA = "quantri.camthuong";

    private static readonly object Intake = new
    {
        procedureCode = "1.001193",
        applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
        components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
    };

    private static WriteProbe OnDossierA(string action) => new(CommuneB, s => $"/api/v1/counters/dossiers/{s.DossierA}/{action}",
        s => new { reason = "x", assignee = CommuneB, toUnitId = s.UnitB, amountVnd = 1000, value = 1, unit = "WORKING_DAY", resultSummary = "x", method = "DESK", electronic = true, draftResult = "x" });

    private static WriteProbe Refused(string actor, string url, object? body = null) => new(actor, _ => url, _ => body);

    /// <summary>Every write route with its cross-unit probe; <see cref="Every_write_route_has_a_cross_unit_probe"/> fails for a route without one.</summary>
    private static readonly Dictionary<string, WriteProbe> WriteMatrix = new()
    {
        // Platform: ward A's people (granted Platform.Units.Manage here) name ward B's unit, desk, person, membership, designation.
        ["POST /api/v1/platform/units/designations"] = new(CommuneA, _ => "/api/v1/platform/units/designations",
            s => new { unitId = s.UnitB, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-01-01", legalBasis = "QĐ 861/QĐ-TTg" }),
        ["POST /api/v1/platform/units/designations/{id:guid}/end"] = new(CommuneA, s => $"/api/v1/platform/units/designations/{s.DesignationB}/end", _ => new { from = "2026-06-01" }),
        ["PUT /api/v1/platform/agencies/{id:guid}"] = new(CommuneA, s => $"/api/v1/platform/agencies/{s.DeskAgencyB}", _ => new { name = "Đổi tên trái phép" }),
        ["POST /api/v1/platform/agencies/"] = new(CommuneA, _ => "/api/v1/platform/agencies/", s => new { code = "TEST-WSIB", name = "Thử", kind = "office", unitId = s.UnitB }),
        ["POST /api/v1/platform/agencies/{id:guid}/retire"] = new(CommuneA, s => $"/api/v1/platform/agencies/{s.DeskAgencyB}/retire", _ => new { effectiveOn = "2026-01-01" }),
        ["POST /api/v1/platform/users/"] = new(AdminA, _ => "/api/v1/platform/users/",
            s => new { login = "nguoi.la", fullName = "Người Lạ", membership = new { unitId = s.UnitB, roles = new[] { Roles.DeskOfficer } } },
            [HttpStatusCode.BadRequest]), // Platform.Users.UnknownUnit: the unit is looked up in the administrator's scope
        ["PUT /api/v1/platform/users/{id:guid}"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}", _ => new { fullName = "Đổi tên", position = "x" }),
        ["POST /api/v1/platform/users/{id:guid}/deactivate"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/deactivate"),
        ["POST /api/v1/platform/users/{id:guid}/reactivate"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/reactivate"),
        ["POST /api/v1/platform/users/{id:guid}/reset-password"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/reset-password"),
        ["POST /api/v1/platform/users/{id:guid}/unlock"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/unlock"),
        ["POST /api/v1/platform/users/{id:guid}/memberships"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/memberships", s => new { unitId = s.UnitA, roles = new[] { Roles.DeskOfficer } }),
        ["PUT /api/v1/platform/users/{id:guid}/memberships/{membershipId:guid}"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/memberships/{s.MembershipB}",
            s => new { unitId = s.UnitB, roles = new[] { Roles.UnitLeader } }),
        ["POST /api/v1/platform/users/{id:guid}/memberships/{membershipId:guid}/end"] = new(AdminA, s => $"/api/v1/platform/users/{s.PersonB}/memberships/{s.MembershipB}/end", _ => new { }),
        ["POST /api/v1/platform/users/import/preview"] = new(CommuneA, _ => "/api/v1/platform/users/import/preview", Content: PeopleFile),
        ["POST /api/v1/platform/users/import"] = Refused(CommuneA, "/api/v1/platform/users/import", new { fileId = "ma-tran" }),
        ["POST /api/v1/platform/roles/"] = Refused(AdminA, "/api/v1/platform/roles/", new { name = "VaiTroLa", permissions = new[] { "Counters.Dossiers.Read" } }),
        ["PUT /api/v1/platform/roles/{name}/permissions"] = Refused(AdminA, $"/api/v1/platform/roles/{Roles.DeskOfficer}/permissions", new { permissions = new[] { "Platform.Units.Manage" } }),
        ["POST /api/v1/platform/reorganisations/preview"] = new(CommuneA, _ => "/api/v1/platform/reorganisations/preview", Content: _ => ChangeSet("retire-unit,10510,,,,,10507,,")),
        ["POST /api/v1/platform/reorganisations/"] = new(CommuneA, _ => "/api/v1/platform/reorganisations/", Content: _ => ChangeSet("retire-unit,10510,,,,,10507,,")),
        ["POST /api/v1/platform/units/"] = new(CommuneA, _ => "/api/v1/platform/units/", s => new { code = "19998", name = "Phường Lạ", level = "commune", parentId = s.UnitB, effectiveOn = "2026-01-01" }),
        ["PUT /api/v1/platform/units/{id:guid}/name"] = new(CommuneA, s => $"/api/v1/platform/units/{s.UnitB}/name", _ => new { name = "Phường Đổi Tên", effectiveOn = "2026-01-01" }),
        ["POST /api/v1/platform/units/{id:guid}/retire"] = new(CommuneA, s => $"/api/v1/platform/units/{s.UnitB}/retire", s => new { successorIds = new[] { s.UnitA }, effectiveOn = "2026-01-01" }),
        // Integration: province-wide or permission-bound; desk staff of a ward are refused whatever they name.
        ["POST /api/v1/integration/citizens/verify"] = Refused(CommuneB, "/api/v1/integration/citizens/verify", new { citizenId = "030090001234", fullName = "Nguyễn Văn An", dateOfBirth = "1990-01-01" }) with
            { Expect = [HttpStatusCode.OK, HttpStatusCode.Forbidden] }, // national register look-up: no unit data written but the acting unit's exchange log
        ["POST /api/v1/integration/command-centre/report"] = Refused(CommuneB, "/api/v1/integration/command-centre/report"),
        ["PUT /api/v1/integration/sandbox/{system}"] = Refused(CommuneB, "/api/v1/integration/sandbox/population", new { mode = "down" }),
        ["POST /api/v1/integration/outgoing/{id:guid}/retry"] = Refused(CommuneB, $"/api/v1/integration/outgoing/{Unknown}/retry"),
        ["POST /api/v1/integration/webhooks/"] = Refused(CommuneB, "/api/v1/integration/webhooks/", new { name = "x", url = "https://example.org/hook", events = new[] { "dossier.changed" } }),
        ["POST /api/v1/integration/webhooks/{id:guid}/enable"] = Refused(CommuneB, $"/api/v1/integration/webhooks/{Unknown}/enable"),
        ["DELETE /api/v1/integration/webhooks/{id:guid}"] = Refused(CommuneB, $"/api/v1/integration/webhooks/{Unknown}"),
        ["POST /api/v1/integration/clients/"] = new(CommuneB, _ => "/api/v1/integration/clients/", s => new { clientId = "la", displayName = "Lạ", unitId = s.UnitA, scopes = new[] { "api" } }),
        ["POST /api/v1/integration/clients/{clientId}/rotate-secret"] = Refused(CommuneB, "/api/v1/integration/clients/ma-tran/rotate-secret"),
        // Counters: ward B names ward A's dossier (every transition), A's ticket at intake, A's unit for hours and due dates.
        ["POST /api/v1/counters/dossiers/"] = new(CommuneB, _ => "/api/v1/counters/dossiers/", s => new
        {
            procedureCode = "1.001193", applicant = new { kind = "CITIZEN", identity = "030090001234", name = "Nguyễn Văn An" },
            components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } }, ticketId = s.TicketA,
        }, [HttpStatusCode.BadRequest]), // Counters.TicketNotFound (the ticket is named in the body)
        ["POST /api/v1/counters/dossiers/{id:guid}/receive"] = OnDossierA("receive"),
        ["POST /api/v1/counters/dossiers/{id:guid}/refuse"] = OnDossierA("refuse"),
        ["POST /api/v1/counters/dossiers/{id:guid}/assign"] = OnDossierA("assign"),
        ["POST /api/v1/counters/dossiers/{id:guid}/route"] = OnDossierA("route"),
        ["POST /api/v1/counters/dossiers/{id:guid}/propose"] = OnDossierA("propose"),
        ["POST /api/v1/counters/dossiers/{id:guid}/complete-agency-step"] = OnDossierA("complete-agency-step"),
        ["POST /api/v1/counters/dossiers/{id:guid}/approve"] = OnDossierA("approve"),
        ["POST /api/v1/counters/dossiers/{id:guid}/send-back"] = OnDossierA("send-back"),
        ["POST /api/v1/counters/dossiers/{id:guid}/request-supplement"] = OnDossierA("request-supplement"),
        ["POST /api/v1/counters/dossiers/{id:guid}/supplement"] = OnDossierA("supplement"),
        ["POST /api/v1/counters/dossiers/{id:guid}/request-financial-obligation"] = OnDossierA("request-financial-obligation"),
        ["POST /api/v1/counters/dossiers/{id:guid}/financial-obligation-met"] = OnDossierA("financial-obligation-met"),
        ["POST /api/v1/counters/dossiers/{id:guid}/extend"] = OnDossierA("extend"),
        ["POST /api/v1/counters/dossiers/{id:guid}/withdraw"] = OnDossierA("withdraw"),
        ["POST /api/v1/counters/dossiers/{id:guid}/stop"] = OnDossierA("stop"),
        ["POST /api/v1/counters/dossiers/{id:guid}/resolve"] = OnDossierA("resolve"),
        ["POST /api/v1/counters/dossiers/{id:guid}/return"] = OnDossierA("return"),
        ["POST /api/v1/counters/dossiers/search/reindex"] = Refused(CommuneB, "/api/v1/counters/dossiers/search/reindex"),
        ["POST /api/v1/counters/apology-letters/{id:guid}/issue"] = Refused(CommuneB, $"/api/v1/counters/apology-letters/{Unknown}/issue", new { }),
        ["POST /api/v1/counters/online-submissions/{id:guid}/route"] = new(CommuneB, _ => $"/api/v1/counters/online-submissions/{Unknown}/route", s => new { unitId = s.UnitA }),
        ["POST /api/v1/counters/online-submissions/repull"] = Refused(CommuneB, "/api/v1/counters/online-submissions/repull"),
        ["PUT /api/v1/counters/calendar/office-hours/{unitId:guid}"] = new(LeaderA, s => $"/api/v1/counters/calendar/office-hours/{s.UnitB}",
            _ => new { morningStart = "07:30", morningEnd = "12:00", afternoonStart = "13:00", afternoonEnd = "16:30" }),
        ["POST /api/v1/counters/calendar/due-date"] = new(CommuneB, _ => "/api/v1/counters/calendar/due-date",
            s => new { unitId = s.UnitA, receivedAt = "2026-12-07T09:00", legalTimeValue = 5, legalTimeUnit = "WORKING_DAY" }),
        ["POST /api/v1/counters/calendar/days-off"] = Refused(CommuneB, "/api/v1/counters/calendar/days-off", new { date = "2026-12-31", name = "Nghỉ lạ" }),
        ["DELETE /api/v1/counters/calendar/days-off/{id:guid}"] = Refused(CommuneB, $"/api/v1/counters/calendar/days-off/{Unknown}"),
        ["POST /api/v1/counters/catalogue/procedures"] = Refused(CommuneB, "/api/v1/counters/catalogue/procedures", new { code = "9.999999", name = "Lạ" }),
        ["PUT /api/v1/counters/catalogue/procedures/{code}"] = new(CommuneB, s => $"/api/v1/counters/catalogue/procedures/{s.ProcedureCode}", _ => new { name = "Lạ" }),
        ["POST /api/v1/counters/catalogue/procedures/{code}/legal-times"] = new(CommuneB, s => $"/api/v1/counters/catalogue/procedures/{s.ProcedureCode}/legal-times", _ => new { value = 1, unit = "WORKING_DAY" }),
        ["POST /api/v1/counters/catalogue/procedures/{code}/versions"] = new(CommuneB, s => $"/api/v1/counters/catalogue/procedures/{s.ProcedureCode}/versions", _ => new { }),
        ["PUT /api/v1/counters/catalogue/procedures/{code}/steps"] = new(CommuneB, s => $"/api/v1/counters/catalogue/procedures/{s.ProcedureCode}/steps", _ => new { steps = Array.Empty<object>() }),
        ["POST /api/v1/counters/catalogue/import/preview"] = Refused(CommuneB, "/api/v1/counters/catalogue/import/preview"),
        ["POST /api/v1/counters/catalogue/import/apply"] = Refused(CommuneB, "/api/v1/counters/catalogue/import/apply"),
        ["POST /api/v1/counters/catalogue/location-independent-decisions/"] = Refused(CommuneB, "/api/v1/counters/catalogue/location-independent-decisions/", new { number = "1/QĐ" }),
        ["PUT /api/v1/counters/catalogue/location-independent-decisions/{id:guid}"] = Refused(CommuneB, $"/api/v1/counters/catalogue/location-independent-decisions/{Unknown}", new { number = "1/QĐ" }),
        ["DELETE /api/v1/counters/catalogue/location-independent-decisions/{id:guid}"] = Refused(CommuneB, $"/api/v1/counters/catalogue/location-independent-decisions/{Unknown}"),
        ["PUT /api/v1/counters/catalogue/location-independent-decisions/{id:guid}/signed-pdf"] = Refused(CommuneB, $"/api/v1/counters/catalogue/location-independent-decisions/{Unknown}/signed-pdf"),
        ["POST /api/v1/counters/catalogue/document-types/"] = Refused(CommuneB, "/api/v1/counters/catalogue/document-types/", new { code = "LA", name = "Lạ" }),
        ["PUT /api/v1/counters/catalogue/document-types/{code}"] = Refused(CommuneB, "/api/v1/counters/catalogue/document-types/GKS", new { name = "Lạ" }),
        ["POST /api/v1/counters/catalogue/document-types/{code}/retire"] = Refused(CommuneB, "/api/v1/counters/catalogue/document-types/GKS/retire"),
        ["POST /api/v1/counters/catalogue/document-types/{code}/restore"] = Refused(CommuneB, "/api/v1/counters/catalogue/document-types/GKS/restore"),
        // Evaluation: ward B names ward A's complaint and dossier; targets and recompute are provincial.
        ["POST /api/v1/evaluation/complaints/"] = new(CommuneB, _ => "/api/v1/evaluation/complaints/",
            s => new { channel = "DESK", subject = "Về hồ sơ của phường khác", content = "x", applicantName = "Lê Văn Cường", dossierCode = s.DossierCodeA }, [HttpStatusCode.NotFound]),
        ["POST /api/v1/evaluation/complaints/{id:guid}/resolve"] = new(CommuneB, s => $"/api/v1/evaluation/complaints/{s.ComplaintA}/resolve", _ => new { outcome = "EXPLAINED", answer = "x" }),
        ["POST /api/v1/evaluation/ratings/"] = new(CommuneB, _ => "/api/v1/evaluation/ratings/",
            s => new { dossierCode = s.DossierCodeA, channel = "PAPER", scores = new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 }, overall = "VERY_SATISFIED" }),
        ["POST /api/v1/evaluation/kpis/targets/"] = new(CommuneB, _ => "/api/v1/evaluation/kpis/targets/", s => new { kpiCode = "plan.satisfaction", unitId = s.UnitA, value = 1 }),
        ["DELETE /api/v1/evaluation/kpis/targets/{id:guid}"] = Refused(CommuneB, $"/api/v1/evaluation/kpis/targets/{Unknown}"),
        ["POST /api/v1/evaluation/kpis/targets/copy"] = Refused(CommuneB, "/api/v1/evaluation/kpis/targets/copy", new { fromYear = 2025, toYear = 2026 }),
        ["POST /api/v1/evaluation/kpis/recompute"] = Refused(CommuneB, "/api/v1/evaluation/kpis/recompute"),
        // Digitization: ward B names ward A's dossier, document, desk; the register and consent are covered by their own tests (below).
        ["POST /api/v1/digitization/documents"] = new(CommuneB, _ => "/api/v1/digitization/documents", Content: s => UploadNaming(s.DossierCodeA)),
        ["POST /api/v1/digitization/documents/{id:guid}/sign"] = new(CommuneB, s => $"/api/v1/digitization/documents/{s.DocumentA}/sign"),
        ["PUT /api/v1/digitization/desks/{agencyId:guid}"] = new(LeaderA, s => $"/api/v1/digitization/desks/{s.DeskAgencyB}", _ => new { enabled = true }),
        ["POST /api/v1/digitization/dossiers/{id:guid}/archive"] = new(CommuneB, s => $"/api/v1/digitization/dossiers/{s.DossierA}/archive", _ => new { retentionYears = 5 }),
        // PlanTasks: the plan is province-wide; ward A's leader names ward B; B's desk names A's assignment and report.
        ["POST /api/v1/plantasks/assignments/"] = new(LeaderA, _ => "/api/v1/plantasks/assignments/", s => new { taskId = Unknown, unitId = s.UnitB }),
        ["POST /api/v1/plantasks/assignments/{id:guid}/reports"] = new(CommuneB, s => $"/api/v1/plantasks/assignments/{s.AssignmentA}/reports",
            _ => new { kind = "ad-hoc", status = "completed", percent = 100, narrative = "thay" }),
        ["POST /api/v1/plantasks/reports/{id:guid}/accept"] = new(CommuneB, s => $"/api/v1/plantasks/reports/{s.ReportA}/accept", _ => new { comment = "" }),
        ["POST /api/v1/plantasks/reports/{id:guid}/return"] = new(CommuneB, s => $"/api/v1/plantasks/reports/{s.ReportA}/return", _ => new { comment = "x" }),
        ["POST /api/v1/plantasks/inspections/teams"] = Refused(CommuneB, "/api/v1/plantasks/inspections/teams", new { name = "Đoàn lạ", decisionNo = "1/QĐ", members = new[] { "X" } }),
        ["POST /api/v1/plantasks/inspections/visits"] = new(CommuneB, _ => "/api/v1/plantasks/inspections/visits", s => new { teamId = Unknown, unitId = s.UnitA, visitOn = "2022-09-15", summary = "x" }),
        ["POST /api/v1/plantasks/inspections/visits/{id:guid}/findings"] = Refused(CommuneB, $"/api/v1/plantasks/inspections/visits/{Unknown}/findings", new { text = "x" }),
        ["POST /api/v1/plantasks/resources/projects"] = Refused(CommuneB, "/api/v1/plantasks/resources/projects", new { name = "x", proposedAmount = 1m, fromYear = 2022, toYear = 2023 }),
        ["POST /api/v1/plantasks/resources/allocations"] = Refused(CommuneB, "/api/v1/plantasks/resources/allocations", new { planTaskId = Unknown, year = 2022, amount = 1m, source = "x" }),
        ["POST /api/v1/plantasks/plans/"] = Refused(CommuneB, "/api/v1/plantasks/plans/", new { code = "KH-LA", name = "Lạ" }),
        ["PUT /api/v1/plantasks/plans/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plans/{Unknown}", new { name = "Lạ" }),
        ["DELETE /api/v1/plantasks/plans/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plans/{Unknown}"),
        ["POST /api/v1/plantasks/plans/{id:guid}/groups"] = Refused(CommuneB, $"/api/v1/plantasks/plans/{Unknown}/groups", new { name = "Lạ" }),
        ["PUT /api/v1/plantasks/plan-groups/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plan-groups/{Unknown}", new { name = "Lạ" }),
        ["POST /api/v1/plantasks/plan-groups/{id:guid}/move"] = Refused(CommuneB, $"/api/v1/plantasks/plan-groups/{Unknown}/move", new { position = 0 }),
        ["DELETE /api/v1/plantasks/plan-groups/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plan-groups/{Unknown}"),
        ["POST /api/v1/plantasks/plan-groups/{id:guid}/tasks"] = Refused(CommuneB, $"/api/v1/plantasks/plan-groups/{Unknown}/tasks", new { name = "Lạ" }),
        ["PUT /api/v1/plantasks/plan-tasks/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plan-tasks/{Unknown}", new { name = "Lạ" }),
        ["POST /api/v1/plantasks/plan-tasks/{id:guid}/move"] = Refused(CommuneB, $"/api/v1/plantasks/plan-tasks/{Unknown}/move", new { position = 0 }),
        ["DELETE /api/v1/plantasks/plan-tasks/{id:guid}"] = Refused(CommuneB, $"/api/v1/plantasks/plan-tasks/{Unknown}"),
        // Training: ward B names ward A's class and participant; courses are the province's.
        ["POST /api/v1/training/courses"] = Refused(CommuneB, "/api/v1/training/courses", new { code = "LA", name = "Lạ" }),
        ["POST /api/v1/training/classes/"] = Refused(CommuneB, "/api/v1/training/classes/", new { courseId = Unknown, title = "Lạ", startsOn = "2025-03-01", endsOn = "2025-03-02", venue = "x", organiser = "commune" }),
        ["POST /api/v1/training/classes/{id:guid}/participants"] = new(CommuneB, s => $"/api/v1/training/classes/{s.ClassA}/participants", _ => new { userName = CommuneB }),
        ["PUT /api/v1/training/participants/{id:guid}/result"] = new(CommuneB, s => $"/api/v1/training/participants/{s.ParticipantA}/result", _ => new { attended = false }),
        ["PUT /api/v1/training/plans"] = new(CommuneB, _ => "/api/v1/training/plans", _ => new { year = 2024, courseId = Unknown, plannedParticipants = 3 }),
        // Queue: ward B names ward A's desk, counter and ticket.
        ["POST /api/v1/queue/desks/{id:guid}/counters"] = new(CommuneB, s => $"/api/v1/queue/desks/{s.QueueDeskA}/counters", _ => new { name = "Quầy lạ", fields = new[] { "Đất đai" } }),
        ["PUT /api/v1/queue/counters/{id:guid}/fields"] = new(CommuneB, s => $"/api/v1/queue/counters/{s.CounterA}/fields", _ => new { fields = new[] { "Đất đai" } }),
        ["POST /api/v1/queue/desks/{id:guid}/tickets"] = new(CommuneB, s => $"/api/v1/queue/desks/{s.QueueDeskA}/tickets", _ => new { field = "Hộ tịch" }),
        ["POST /api/v1/queue/counters/{id:guid}/commands"] = new(CommuneB, s => $"/api/v1/queue/counters/{s.CounterA}/commands", _ => new { action = "sign-in" }),
        ["POST /api/v1/queue/tickets/{id:guid}/dossiers"] = new(CommuneB, s => $"/api/v1/queue/tickets/{s.TicketA}/dossiers", s => new { dossierCode = s.DossierCodeA }),
        ["POST /api/v1/queue/desks/{id:guid}/appointments"] = new(CommuneB, s => $"/api/v1/queue/desks/{s.QueueDeskA}/appointments",
            _ => new { field = "Hộ tịch", slotStart = "2026-12-08T02:00:00Z", citizenName = "X" }),
        ["POST /api/v1/queue/desks/{id:guid}/check-in"] = new(CommuneB, s => $"/api/v1/queue/desks/{s.QueueDeskA}/check-in", _ => new { code = "ABCDEF" }),
    };

    /// <summary>Writes whose cross-unit case needs more than one request; each names the test that holds it.</summary>
    private static readonly Dictionary<string, string> WritesTestedElsewhere = new()
    {
        ["POST /api/v1/integration/payments/callback"] =
            "no caller and no scope: only a callback signed with the platform's secret for an existing reference and its exact amount writes, in the order's own unit; forged ones write nothing: Integration OnlinePaymentTests.A_paid_order_is_recorded_once_from_the_signed_callback_and_forged_ones_change_nothing",
        ["POST /api/v1/digitization/applicants/{identity}/consents"] =
            "any unit records the citizen's consent for itself only (ADR 0035); ward A's refusal stands against ward B's grant: Digitization ConsentPerUnitTests.Ward_As_refusal_stands_when_ward_B_is_granted_and_ward_B_never_sees_ward_As_documents",
        ["POST /api/v1/digitization/certified-copies"] = CertifiedCopies,
        ["POST /api/v1/queue/desks"] = "the body names no unit: a desk is created in the acting unit only (stamped); " + nameof(Queue_desks_tickets_and_waiting_times_stay_within_the_unit),
        ["POST /api/v1/digitization/verify/{code}"] = "public check of one signed document by its code, writes nothing; " + nameof(Digitised_documents_follow_the_hierarchy),
    };

    [Fact]
    public void Every_write_route_has_a_cross_unit_probe()
    {
        var writes = fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(r => r.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct().ToList();
        writes.Where(r => !WriteMatrix.ContainsKey(r) && !WritesTestedElsewhere.ContainsKey(r)).ShouldBeEmpty("write routes without a cross-unit probe");
        WriteMatrix.Keys.Concat(WritesTestedElsewhere.Keys).Where(r => !writes.Contains(r)).ShouldBeEmpty("probes for routes that no longer exist");
    }

    [Fact]
    public async Task Every_write_naming_a_sibling_units_ids_is_refused_and_writes_nothing()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
        try
        {
            var siblings = await SiblingsAsync();
            var clients = new Dictionary<string, HttpClient>();
            foreach (var actor in WriteMatrix.Values.Select(p => p.Actor).Distinct())
            {
                clients[actor] = await fx.SignInAsync(actor);
            }

            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            var failures = new List<string>();
            foreach (var (route, probe) in WriteMatrix)
            {
                while (await relay.RelayOnceAsync() > 0)
                {
                    // the setup's events are delivered before the count, so their projections are not taken for a probe's write
                }

                var method = new HttpMethod(route.Split(' ')[0]);
                var url = probe.Url(siblings);
                var before = await AuditCountAsync(probe.Actor);
                using var request = new HttpRequestMessage(method, url);
                request.Content = probe.Content?.Invoke(siblings) ?? (probe.Body?.Invoke(siblings) is { } body ? JsonContent.Create(body) : null);
                using var response = await clients[probe.Actor].SendAsync(request);
                var expected = probe.Expect ?? [HttpStatusCode.Forbidden, HttpStatusCode.NotFound];
                var after = await AuditCountAsync(probe.Actor);
                var written = after.Where(a => a.Value != before.GetValueOrDefault(a.Key)).Select(a => $"{a.Key} +{a.Value - before.GetValueOrDefault(a.Key)}").ToList();
                if (!expected.Contains(response.StatusCode) || (written.Count != 0 && probe.Expect is null))
                {
                    failures.Add($"{route} as {probe.Actor}: {(int)response.StatusCode}, audit records written: [{string.Join(", ", written)}]; {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }

            failures.ShouldBeEmpty();
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;

    /// <summary>
    /// Audit records written by <paramref name="actor"/>, per schema, sealed or still pending (ADR 0047): a refused write
    /// leaves every number unchanged. A probe's own writes carry its actor, while the host's background work (pollers,
    /// health checks, the usage meter) writes as the system and must not be taken for the probe's.
    /// </summary>
    private Task<Dictionary<string, long>> AuditCountAsync(string actor) => fx.Db(async db =>
    {
        var schemas = await db.Database.SqlQueryRaw<string>("SELECT table_schema AS \"Value\" FROM information_schema.tables WHERE table_name = 'AuditRecords'").ToListAsync();
        var counts = new Dictionary<string, long>();
        foreach (var schema in schemas)
        {
            // Schema names come from the catalogue, not from input.
            var sql = "SELECT (SELECT count(*) FROM \"" + schema + "\".\"AuditRecords\" WHERE \"ActorName\" = {0})"
                      + " + (SELECT count(*) FROM \"" + schema + "\".\"AuditPending\" WHERE \"ActorName\" = {0}) AS \"Value\"";
            counts[schema] = (await db.Database.SqlQueryRaw<long>(sql, actor).ToListAsync()).Single();
        }

        return counts;
    });

    private static HttpContent PeopleFile(Siblings _)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent("login,full_name,position,email,phone,unit_code,agency_code,roles\nnguoi.la2,Người Lạ,,,,10510,,DeskOfficer\n"), "file", "nguoi.csv");
        return content;
    }

    private static HttpContent UploadNaming(string dossierCode)
    {
        var form = new MultipartFormDataContent();
        var pdf = new OneStop.Platform.Documents.PdfWriter("Lạ", "test").NewPage().Text("Lạ").ToArray();
        form.Add(new ByteArrayContent(pdf), "file", "la.pdf");
        foreach (var (key, value) in new Dictionary<string, string> { ["kind"] = "COMPONENT", ["name"] = "Lạ", ["documentTypeCode"] = "GKS", ["dossierCode"] = dossierCode,
                     ["applicantIdentity"] = "030090001234", ["applicantName"] = "Nguyễn Văn An" })
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    /// <summary>Ward A's dossier, document, queue desk, counter, ticket, complaint, plan assignment and report, training class and participant; ward B's unit, desk, person, membership and designation.</summary>
    private async Task<Siblings> SiblingsAsync()
    {
        var unitA = await fx.UnitId("10507");
        var unitB = await fx.UnitId("10510");
        var personB = await fx.Db(db => db.Users.Where(u => u.UserName == CommuneB).Select(u => u.Id).SingleAsync());
        var membershipB = await fx.Db(db => db.UnitMemberships.IgnoreQueryFilters().Where(m => m.UserId == personB).Select(m => m.Id).FirstAsync());

        async Task<JsonElement> Created(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        var admin = await fx.SignInAsync("admin");
        var designationB = (await Created(await admin.PostAsJsonAsync("/api/v1/platform/units/designations",
            new { unitId = unitB, kind = UnitDesignationKinds.EspeciallyDifficult, validFrom = "2026-01-01", legalBasis = "QĐ 861/QĐ-TTg (ma trận ghi)" }))).GetProperty("id").GetGuid();

        var deskA = await fx.SignInAsync(CommuneA);
        var leaderA = await fx.SignInAsync(LeaderA);
        var queueDesk = await Created(await leaderA.PostAsJsonAsync("/api/v1/queue/desks", new
        {
            code = "QWM10507", name = "Bộ phận Một cửa Cẩm Thượng (ma trận ghi)", counters = new[] { new { name = "Quầy 1", fields = new[] { "Hộ tịch" } } },
        }));
        var queueDeskA = queueDesk.GetProperty("id").GetGuid();
        var ticketA = (await Created(await deskA.PostAsJsonAsync($"/api/v1/queue/desks/{queueDeskA}/tickets", new { field = "Hộ tịch" }))).GetProperty("id").GetGuid();
        var dossier = await Created(await deskA.PostAsJsonAsync("/api/v1/counters/dossiers", Intake));
        var document = await UploadForCommuneA(deskA, "030090004322", "Giấy khai sinh ma trận ghi");
        var complaint = await Created(await deskA.PostAsJsonAsync("/api/v1/evaluation/complaints/", new { channel = "DESK", subject = "Ma trận ghi", content = "x", applicantName = "Lê Văn Cường" }));

        var district = await fx.SignInAsync(DistrictLeader);
        var plan = await district.GetFromJsonAsync<JsonElement>($"{PlanApi}/plan");
        var task = plan.GetProperty("phases").EnumerateArray().SelectMany(p => p.GetProperty("groups").EnumerateArray())
            .SelectMany(g => g.GetProperty("tasks").EnumerateArray()).Last().GetProperty("id").GetGuid();
        var assignmentA = (await Created(await district.PostAsJsonAsync($"{PlanApi}/assignments/", new { taskId = task, unitId = unitA }))).GetProperty("id").GetGuid();
        var reportA = (await Created(await leaderA.PostAsJsonAsync($"{PlanApi}/assignments/{assignmentA}/reports",
            new { kind = "periodic", status = "in-progress", percent = 10, narrative = "Đang triển khai." }))).GetProperty("id").GetGuid();

        var province = await fx.SignInAsync(ProvinceLeader);
        var course = (await province.GetFromJsonAsync<JsonElement>($"{TrainingApi}/courses"))[0].GetProperty("id").GetGuid();
        var classA = (await Created(await province.PostAsJsonAsync($"{TrainingApi}/classes/",
            new { courseId = course, title = "Lớp ma trận ghi", startsOn = "2025-03-01", endsOn = "2025-03-02", venue = "Hội trường", organiser = "provincial-office" }))).GetProperty("id").GetGuid();
        var participantA = (await Created(await province.PostAsJsonAsync($"{TrainingApi}/classes/{classA}/participants", new { userName = CommuneA }))).GetProperty("id").GetGuid();

        return new Siblings(unitA, unitB, await fx.DeskOf("10507"), await fx.DeskOf("10510"), personB, membershipB, designationB,
            dossier.GetProperty("id").GetGuid(), dossier.GetProperty("code").GetString()!, document.GetProperty("id").GetGuid(), queueDeskA,
            queueDesk.GetProperty("counters")[0].GetProperty("id").GetGuid(), ticketA, complaint.GetProperty("id").GetGuid(), assignmentA, reportA, classA, participantA,
            "1.001193");
    }
}
