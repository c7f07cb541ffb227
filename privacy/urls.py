from django.urls import path

from . import views

app_name = "privacy"

# A person's own data, its download and carrying out a deletion reach dossiers and producers:
# their views are in privacy_duties, added to this namespace by ocop_portal/urls.py.
urlpatterns = [
    path("consent/", views.consent, name="consent"),
    path("register/", views.register, name="register"),
    path("deletion-requests/", views.deletion_requests, name="deletion-requests"),
]
