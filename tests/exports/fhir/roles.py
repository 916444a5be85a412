"""The role matrix's rows for the operations of app.exports.fhir (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import IN_CARE_403, PATIENTS_OWN, PUBLIC_OK, Case, Rows

ROWS: Rows = {
    # FHIR: definitions public like the catalog; a patient's resources as their REST twins.
    ("GET", "/api/v1/fhir/metadata"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/ActivityDefinition"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/ActivityDefinition/{slug}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/PlanDefinition"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/PlanDefinition/{template_id}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/StructureDefinition"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/StructureDefinition/{definition_id}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/CodeSystem"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/CodeSystem/{system_id}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/Questionnaire"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/Questionnaire/{questionnaire_id}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/CarePlan/{care_plan_id}"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/fhir/Patient/{patient_id}"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/fhir/Patient/{patient_id}/$everything"): Case(PATIENTS_OWN),
    ("POST", "/api/v1/fhir/Patient/{patient_id}/$everything"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/fhir/Observation/{observation_id}"): Case(
        PATIENTS_OWN, params={"observation_id": "session_id"}
    ),
    ("GET", "/api/v1/fhir/QuestionnaireResponse/{questionnaire_response_id}"): Case(
        PATIENTS_OWN, params={"questionnaire_response_id": "answer_id"}
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/metadata"): Case(PUBLIC_OK),
    # A clinic's FHIR base: a patient's resources for the clinician in care, with the scope.
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/Patient/{patient_id}"): Case(IN_CARE_403),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/Patient/{patient_id}/$everything"): Case(IN_CARE_403),
    ("POST", "/api/v1/clinics/{clinic_id}/fhir/Patient/{patient_id}/$everything"): Case(
        IN_CARE_403
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/Observation/{observation_id}"): Case(
        IN_CARE_403, params={"observation_id": "session_id"}
    ),
    (
        "GET",
        "/api/v1/clinics/{clinic_id}/fhir/QuestionnaireResponse/{questionnaire_response_id}",
    ): Case(IN_CARE_403, params={"questionnaire_response_id": "answer_id"}),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/CarePlan/{care_plan_id}"): Case(
        IN_CARE_403, params={"care_plan_id": "prescription_id"}
    ),
}
