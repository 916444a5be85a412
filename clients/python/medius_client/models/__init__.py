"""Contains all the data models used in inputs/outputs"""

from .access_action import AccessAction
from .access_log_public import AccessLogPublic
from .account_deletion import AccountDeletion
from .acknowledgement_public import AcknowledgementPublic
from .action import Action
from .action_attribution import ActionAttribution
from .activity_definition import ActivityDefinition
from .activity_definition_status import ActivityDefinitionStatus
from .activity_rating import ActivityRating
from .advice import Advice
from .affected_side import AffectedSide
from .alert_acknowledge import AlertAcknowledge
from .alert_kind import AlertKind
from .alert_public import AlertPublic
from .alert_status import AlertStatus
from .answer_create import AnswerCreate
from .answer_create_answers import AnswerCreateAnswers
from .answer_public import AnswerPublic
from .answer_public_answers import AnswerPublicAnswers
from .answer_type import AnswerType
from .answer_update import AnswerUpdate
from .answer_update_answers import AnswerUpdateAnswers
from .assessment_create import AssessmentCreate
from .assessment_public import AssessmentPublic
from .assignment_create import AssignmentCreate
from .assignment_public import AssignmentPublic
from .attribution import Attribution
from .band_level import BandLevel
from .body_sign_in import BodySignIn
from .builder_answer import BuilderAnswer
from .builder_request import BuilderRequest
from .bundle import Bundle
from .bundle_entry import BundleEntry
from .bundle_link import BundleLink
from .bundle_search import BundleSearch
from .bundle_search_mode import BundleSearchMode
from .calendar_token_create import CalendarTokenCreate
from .calendar_token_public import CalendarTokenPublic
from .capability_statement import CapabilityStatement
from .care_accept import CareAccept
from .care_channel import CareChannel
from .care_invitation_create import CareInvitationCreate
from .care_invitation_issued import CareInvitationIssued
from .care_invitation_preview import CareInvitationPreview
from .care_invitation_public import CareInvitationPublic
from .care_latest_measure import CareLatestMeasure
from .care_patient import CarePatient
from .care_patient_figures import CarePatientFigures
from .care_plan import CarePlan
from .care_scope import CareScope
from .care_week_adherence import CareWeekAdherence
from .care_week_asymmetry import CareWeekAsymmetry
from .catalog_document import CatalogDocument
from .choice import Choice
from .citation import Citation
from .clinic_create import ClinicCreate
from .clinic_invitation_create import ClinicInvitationCreate
from .clinic_invitation_issued import ClinicInvitationIssued
from .clinic_invitation_public import ClinicInvitationPublic
from .clinic_public import ClinicPublic
from .clinic_ref import ClinicRef
from .clinic_role import ClinicRole
from .clinic_update import ClinicUpdate
from .code_body import CodeBody
from .compensation import Compensation
from .compensation_attribution import CompensationAttribution
from .constraints import Constraints
from .decision import Decision
from .default_dosage import DefaultDosage
from .deleted_prescription_public import DeletedPrescriptionPublic
from .delivery_public import DeliveryPublic
from .delivery_status import DeliveryStatus
from .difficulty import Difficulty
from .dosage import Dosage
from .dosage_attribution import DosageAttribution
from .dosage_unit import DosageUnit
from .due_measure import DueMeasure
from .due_status import DueStatus
from .emphasis import Emphasis
from .endpoint_create import EndpointCreate
from .endpoint_created import EndpointCreated
from .endpoint_disabled_reason import EndpointDisabledReason
from .endpoint_public import EndpointPublic
from .endpoint_update import EndpointUpdate
from .entries_replace import EntriesReplace
from .entry_in import EntryIn
from .entry_public import EntryPublic
from .equipment_public import EquipmentPublic
from .exercise_progress import ExerciseProgress
from .exercise_public import ExercisePublic
from .exercise_public_attribution import ExercisePublicAttribution
from .exercise_spec import ExerciseSpec
from .exercise_spec_attribution import ExerciseSpecAttribution
from .exercise_tombstone import ExerciseTombstone
from .exercise_update import ExerciseUpdate
from .exercise_update_attribution_type_0 import ExerciseUpdateAttributionType0
from .exercise_week import ExerciseWeek
from .export_format import ExportFormat
from .export_sessions_response_200 import ExportSessionsResponse200
from .fhir_resource import FhirResource
from .finding import Finding
from .goal import Goal
from .health import Health
from .instrument import Instrument
from .instrument_list import InstrumentList
from .interpretation import Interpretation
from .interval import Interval
from .interval_kind import IntervalKind
from .invitation_status import InvitationStatus
from .item import Item
from .item_anchors import ItemAnchors
from .laterality import Laterality
from .leg import Leg
from .mcid import Mcid
from .measure_point import MeasurePoint
from .measure_result import MeasureResult
from .measure_verdict import MeasureVerdict
from .member_public import MemberPublic
from .member_update import MemberUpdate
from .meta import Meta
from .muscle_public import MusclePublic
from .muscle_public_attribution import MusclePublicAttribution
from .operation_outcome import OperationOutcome
from .operation_outcome_issue import OperationOutcomeIssue
from .operation_outcome_issue_severity import OperationOutcomeIssueSeverity
from .origin import Origin
from .page_access_log_public import PageAccessLogPublic
from .page_alert_public import PageAlertPublic
from .page_answer_public import PageAnswerPublic
from .page_assessment_public import PageAssessmentPublic
from .page_care_invitation_public import PageCareInvitationPublic
from .page_care_patient import PageCarePatient
from .page_clinic_invitation_public import PageClinicInvitationPublic
from .page_clinic_public import PageClinicPublic
from .page_deleted_prescription_public import PageDeletedPrescriptionPublic
from .page_delivery_public import PageDeliveryPublic
from .page_due_measure import PageDueMeasure
from .page_endpoint_public import PageEndpointPublic
from .page_measure_result import PageMeasureResult
from .page_member_public import PageMemberPublic
from .page_relationship_public import PageRelationshipPublic
from .page_routine_public import PageRoutinePublic
from .page_routine_version_public import PageRoutineVersionPublic
from .page_session_comment_public import PageSessionCommentPublic
from .page_session_public import PageSessionPublic
from .page_share_link_public import PageShareLinkPublic
from .page_union_exercise_public_exercise_tombstone import PageUnionExercisePublicExerciseTombstone
from .page_union_session_public_session_tombstone import PageUnionSessionPublicSessionTombstone
from .pain_alert import PainAlert
from .parameters import Parameters
from .parameters_parameter import ParametersParameter
from .password_change import PasswordChange
from .pelvis_drop import PelvisDrop
from .person_ref import PersonRef
from .ping_queued import PingQueued
from .placement import Placement
from .plan_definition import PlanDefinition
from .plan_item import PlanItem
from .position import Position
from .prescribed_dosage import PrescribedDosage
from .prescriber import Prescriber
from .prescription_create import PrescriptionCreate
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .progress import Progress
from .progression import Progression
from .progression_basis import ProgressionBasis
from .progression_change import ProgressionChange
from .progression_kind import ProgressionKind
from .provenance import Provenance
from .readiness import Readiness
from .refresh_request import RefreshRequest
from .relationship_public import RelationshipPublic
from .relationship_status import RelationshipStatus
from .reporter import Reporter
from .role import Role
from .routine_copy import RoutineCopy
from .routine_create import RoutineCreate
from .routine_item_in import RoutineItemIn
from .routine_item_public import RoutineItemPublic
from .routine_public import RoutinePublic
from .routine_update import RoutineUpdate
from .routine_version_public import RoutineVersionPublic
from .schedule import Schedule
from .scope_detail import ScopeDetail
from .scoring_rule import ScoringRule
from .secret_rotated import SecretRotated
from .session_comment_create import SessionCommentCreate
from .session_comment_public import SessionCommentPublic
from .session_create import SessionCreate
from .session_public import SessionPublic
from .session_tombstone import SessionTombstone
from .session_update import SessionUpdate
from .share_kind import ShareKind
from .share_link_create import ShareLinkCreate
from .share_link_created import ShareLinkCreated
from .share_link_public import ShareLinkPublic
from .share_status import ShareStatus
from .side import Side
from .side_week import SideWeek
from .source import Source
from .statement import Statement
from .statement_in import StatementIn
from .timeline import Timeline
from .token import Token
from .units import Units
from .user_create import UserCreate
from .user_export import UserExport
from .user_public import UserPublic
from .user_update import UserUpdate
from .weakness_sign import WeaknessSign
from .weakness_sign_attribution import WeaknessSignAttribution
from .webhook_event_type import WebhookEventType
from .week_adherence import WeekAdherence
from .week_plan import WeekPlan
from .withheld_instrument import WithheldInstrument
from .working_leg import WorkingLeg

__all__ = (
    "AccessAction",
    "AccessLogPublic",
    "AccountDeletion",
    "AcknowledgementPublic",
    "Action",
    "ActionAttribution",
    "ActivityDefinition",
    "ActivityDefinitionStatus",
    "ActivityRating",
    "Advice",
    "AffectedSide",
    "AlertAcknowledge",
    "AlertKind",
    "AlertPublic",
    "AlertStatus",
    "AnswerCreate",
    "AnswerCreateAnswers",
    "AnswerPublic",
    "AnswerPublicAnswers",
    "AnswerType",
    "AnswerUpdate",
    "AnswerUpdateAnswers",
    "AssessmentCreate",
    "AssessmentPublic",
    "AssignmentCreate",
    "AssignmentPublic",
    "Attribution",
    "BandLevel",
    "BodySignIn",
    "BuilderAnswer",
    "BuilderRequest",
    "Bundle",
    "BundleEntry",
    "BundleLink",
    "BundleSearch",
    "BundleSearchMode",
    "CalendarTokenCreate",
    "CalendarTokenPublic",
    "CapabilityStatement",
    "CareAccept",
    "CareChannel",
    "CareInvitationCreate",
    "CareInvitationIssued",
    "CareInvitationPreview",
    "CareInvitationPublic",
    "CareLatestMeasure",
    "CarePatient",
    "CarePatientFigures",
    "CarePlan",
    "CareScope",
    "CareWeekAdherence",
    "CareWeekAsymmetry",
    "CatalogDocument",
    "Choice",
    "Citation",
    "ClinicCreate",
    "ClinicInvitationCreate",
    "ClinicInvitationIssued",
    "ClinicInvitationPublic",
    "ClinicPublic",
    "ClinicRef",
    "ClinicRole",
    "ClinicUpdate",
    "CodeBody",
    "Compensation",
    "CompensationAttribution",
    "Constraints",
    "Decision",
    "DefaultDosage",
    "DeletedPrescriptionPublic",
    "DeliveryPublic",
    "DeliveryStatus",
    "Difficulty",
    "Dosage",
    "DosageAttribution",
    "DosageUnit",
    "DueMeasure",
    "DueStatus",
    "Emphasis",
    "EndpointCreate",
    "EndpointCreated",
    "EndpointDisabledReason",
    "EndpointPublic",
    "EndpointUpdate",
    "EntriesReplace",
    "EntryIn",
    "EntryPublic",
    "EquipmentPublic",
    "ExerciseProgress",
    "ExercisePublic",
    "ExercisePublicAttribution",
    "ExerciseSpec",
    "ExerciseSpecAttribution",
    "ExerciseTombstone",
    "ExerciseUpdate",
    "ExerciseUpdateAttributionType0",
    "ExerciseWeek",
    "ExportFormat",
    "ExportSessionsResponse200",
    "FhirResource",
    "Finding",
    "Goal",
    "Health",
    "Instrument",
    "InstrumentList",
    "Interpretation",
    "Interval",
    "IntervalKind",
    "InvitationStatus",
    "Item",
    "ItemAnchors",
    "Laterality",
    "Leg",
    "Mcid",
    "MeasurePoint",
    "MeasureResult",
    "MeasureVerdict",
    "MemberPublic",
    "MemberUpdate",
    "Meta",
    "MusclePublic",
    "MusclePublicAttribution",
    "OperationOutcome",
    "OperationOutcomeIssue",
    "OperationOutcomeIssueSeverity",
    "Origin",
    "PageAccessLogPublic",
    "PageAlertPublic",
    "PageAnswerPublic",
    "PageAssessmentPublic",
    "PageCareInvitationPublic",
    "PageCarePatient",
    "PageClinicInvitationPublic",
    "PageClinicPublic",
    "PageDeletedPrescriptionPublic",
    "PageDeliveryPublic",
    "PageDueMeasure",
    "PageEndpointPublic",
    "PageMeasureResult",
    "PageMemberPublic",
    "PageRelationshipPublic",
    "PageRoutinePublic",
    "PageRoutineVersionPublic",
    "PageSessionCommentPublic",
    "PageSessionPublic",
    "PageShareLinkPublic",
    "PageUnionExercisePublicExerciseTombstone",
    "PageUnionSessionPublicSessionTombstone",
    "PainAlert",
    "Parameters",
    "ParametersParameter",
    "PasswordChange",
    "PelvisDrop",
    "PersonRef",
    "PingQueued",
    "Placement",
    "PlanDefinition",
    "PlanItem",
    "Position",
    "PrescribedDosage",
    "Prescriber",
    "PrescriptionCreate",
    "Problem",
    "ProblemFieldError",
    "Progress",
    "Progression",
    "ProgressionBasis",
    "ProgressionChange",
    "ProgressionKind",
    "Provenance",
    "Readiness",
    "RefreshRequest",
    "RelationshipPublic",
    "RelationshipStatus",
    "Reporter",
    "Role",
    "RoutineCopy",
    "RoutineCreate",
    "RoutineItemIn",
    "RoutineItemPublic",
    "RoutinePublic",
    "RoutineUpdate",
    "RoutineVersionPublic",
    "Schedule",
    "ScopeDetail",
    "ScoringRule",
    "SecretRotated",
    "SessionCommentCreate",
    "SessionCommentPublic",
    "SessionCreate",
    "SessionPublic",
    "SessionTombstone",
    "SessionUpdate",
    "ShareKind",
    "ShareLinkCreate",
    "ShareLinkCreated",
    "ShareLinkPublic",
    "ShareStatus",
    "Side",
    "SideWeek",
    "Source",
    "Statement",
    "StatementIn",
    "Timeline",
    "Token",
    "Units",
    "UserCreate",
    "UserExport",
    "UserPublic",
    "UserUpdate",
    "WeaknessSign",
    "WeaknessSignAttribution",
    "WebhookEventType",
    "WeekAdherence",
    "WeekPlan",
    "WithheldInstrument",
    "WorkingLeg",
)
