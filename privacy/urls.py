from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.my_data, name="my-data"),
    path("my-data/download/", views.my_data_download, name="my-data-download"),
    path("consent/", views.consent, name="consent"),
    path("register/", views.register, name="register"),
    path("deletion-requests/", views.deletion_requests, name="deletion-requests"),
    path(
        "deletion-requests/<int:pk>/execute/",
        views.deletion_execute,
        name="deletion-request-execute",
    ),
]
