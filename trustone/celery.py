"""The Celery application: queues `default`, `reports` (PDF rendering) and `lists`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustone.settings.local")

app = Celery("trustone")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_routes = {
    "*.render_*": {"queue": "reports"},
    "*.rebuild_*": {"queue": "lists"},
}
app.autodiscover_tasks()
app.autodiscover_tasks(["trustone.jobs", "trustone.audit"])
