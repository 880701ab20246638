from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "trustone.access"
    label = "access"
    verbose_name = "Access control"
