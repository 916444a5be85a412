"""FHIR R4B export: the catalog as ActivityDefinitions and PlanDefinitions, a patient's
routines as CarePlans and their sessions and self-checks as Observations (README "FHIR")."""
