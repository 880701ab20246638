"""The OpenAPI schema and its interactive docs (Swagger UI, vendored by the sidecar)."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from trustone.access import policies
from trustone.access.permissions import PolicyPermission


class SchemaView(SpectacularAPIView):
    access_policy = policies.PUBLIC
    permission_classes = [PolicyPermission]


class DocsView(SpectacularSwaggerView):
    access_policy = policies.PUBLIC
    permission_classes = [PolicyPermission]
