from django.urls import path

from . import views

# Added to the privacy namespace (privacy:my-data, ...) by ocop_portal/urls.py: the names stay.
urlpatterns = [
    path("my-data/", views.my_data, name="my-data"),
    path("my-data/download/", views.my_data_download, name="my-data-download"),
    path(
        "deletion-requests/<int:pk>/execute/",
        views.deletion_execute,
        name="deletion-request-execute",
    ),
]
