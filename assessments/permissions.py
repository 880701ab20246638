"""Object-level grants of the assessments app (django-guardian), in one place."""

#: An assessor assigned to a report holds this on the report's assessment: it may then
#: read the report's content and score it.
ASSESS = "assessments.assess_assessment"
