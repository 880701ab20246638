from django.urls import path

from . import views

app_name = "signals"
urlpatterns = [
    path("", views.SignalListView.as_view(), name="list"),
    path("new/", views.SignalCreateView.as_view(), name="new"),
    path("statistics/", views.SignalStatisticsView.as_view(), name="statistics"),
    path("<int:pk>/", views.SignalDetailView.as_view(), name="detail"),
    path("<int:pk>/route/", views.SignalRouteView.as_view(), name="route_action"),
    path("<int:pk>/site/", views.SignalSiteView.as_view(), name="site"),
    path("<int:pk>/close/", views.SignalCloseView.as_view(), name="close"),
    path(
        "<int:pk>/company-version/",
        views.SignalCompanyVersionView.as_view(),
        name="company_version",
    ),
    path("routes/<int:pk>/", views.RouteView.as_view(), name="route"),
    path("routes/<int:pk>/messages/", views.RouteMessageView.as_view(), name="message"),
    path("attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
    path(
        "messages/<int:pk>/attachment/",
        views.MessageAttachmentView.as_view(),
        name="message_attachment",
    ),
]
