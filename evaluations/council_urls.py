"""Councils and score sheets (included by evaluations.urls, namespace "evaluations")."""

from django.urls import path

from .views import councils, sheets

urlpatterns = [
    path("councils/", councils.council_list, name="council-list"),
    path("councils/new/<int:round_pk>/", councils.council_create, name="council-create"),
    path("councils/<int:pk>/", councils.council_detail, name="council-detail"),
    path("councils/<int:pk>/assign/", councils.council_assign, name="council-assign"),
    path(
        "councils/<int:pk>/close/<int:dossier_pk>/",
        councils.council_close_scoring,
        name="council-close-scoring",
    ),
    path("sheets/", sheets.my_sheets, name="my-sheets"),
    path("sheets/<int:pk>/", sheets.sheet, name="sheet"),
    path("sheets/<int:pk>/autosave/", sheets.sheet_autosave, name="sheet-autosave"),
    path("sheets/<int:pk>/submit/", sheets.sheet_submit, name="sheet-submit"),
    path("sheets/<int:pk>/conflict/", sheets.sheet_conflict, name="sheet-conflict"),
    path("sheets/<int:pk>/members/<int:user_pk>/", sheets.member_sheet, name="member-sheet"),
]
