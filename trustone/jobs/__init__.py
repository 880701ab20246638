"""Long-running Celery jobs with a progress record the starter can watch."""
