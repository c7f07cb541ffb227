"""Councils and score sheets (included by evaluations.urls, namespace "evaluations")."""

from django.urls import path

from certificates.views import session_documents
from councils.views import sessions, sheets

from .views import councils

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
    path("councils/<int:pk>/sessions/new/", sessions.session_create, name="council-session-new"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session-detail"),
    path("sessions/<int:pk>/attendance/", sessions.session_attendance, name="session-attendance"),
    path("sessions/<int:pk>/order/", sessions.session_order, name="session-order"),
    path("sessions/<int:pk>/close/", sessions.session_close, name="session-close"),
    path(
        "sessions/<int:pk>/written-sheet/",
        sessions.session_written_sheet,
        name="session-written-sheet",
    ),
    path(
        "sessions/<int:pk>/discussion/<int:dossier_pk>/",
        sessions.session_discussion,
        name="session-discussion",
    ),
    path(
        "sessions/<int:pk>/consolidated/<int:dossier_pk>/",
        sessions.session_consolidated,
        name="session-consolidated",
    ),
    path(
        "sessions/<int:pk>/minutes.pdf", session_documents.session_minutes, name="session-minutes"
    ),
    path(
        "sessions/<int:pk>/proposal.pdf",
        session_documents.session_proposal,
        name="session-proposal",
    ),
    path("sheets/", sheets.my_sheets, name="my-sheets"),
    path("sheets/<int:pk>/", sheets.sheet, name="sheet"),
    path("sheets/<int:pk>/autosave/", sheets.sheet_autosave, name="sheet-autosave"),
    path("sheets/<int:pk>/submit/", sheets.sheet_submit, name="sheet-submit"),
    path("sheets/<int:pk>/conflict/", sheets.sheet_conflict, name="sheet-conflict"),
    path("sheets/<int:pk>/no-conflict/", sheets.sheet_no_conflict, name="sheet-no-conflict"),
    path("sheets/<int:pk>/members/<int:user_pk>/", sheets.member_sheet, name="member-sheet"),
]
