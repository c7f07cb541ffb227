from django.urls import path

from . import views

app_name = "producers"

# The dashboard ("", name "dashboard") reads dossiers and certificates, a layer above producers:
# its view is evaluations.views.producer_dashboard, added to this namespace by ocop_portal/urls.py.
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/new/", views.profile_create, name="profile-create"),
    path("profile/edit/", views.profile_edit, name="profile-edit"),
    path("members/", views.members, name="members"),
    path("members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path(
        "members/invitations/<int:pk>/cancel/",
        views.invitation_cancel,
        name="invitation-cancel",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
