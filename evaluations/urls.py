from django.urls import include, path

from certificates.views import corrections, decisions
from dossiers.views import lists, overdue, receipts, rounds

from . import council_urls
from .views import actions, dossiers, revisions

app_name = "evaluations"

round_urls = [
    path("", rounds.round_detail, name="round-detail"),
    path("edit/", rounds.round_edit, name="round-edit"),
    path("state/", rounds.round_move, name="round-move"),
]

dossier_urls = [
    path("", dossiers.dossier_detail, name="dossier-detail"),
    path("submit/", actions.dossier_submit, name="dossier-submit"),
    path("resubmit/", actions.dossier_resubmit, name="dossier-resubmit"),
    path("withdraw/", actions.dossier_withdraw, name="dossier-withdraw"),
    path("return/", actions.dossier_return, name="dossier-return"),
    path("accept/", actions.dossier_accept, name="dossier-accept"),
    path("reject/", actions.dossier_reject, name="dossier-reject"),
    path("forward/", actions.dossier_forward, name="dossier-forward"),
    path("corrections/", revisions.dossier_corrections_answer, name="dossier-corrections"),
    path("revisions/", revisions.dossier_revisions, name="dossier-revisions"),
]

urlpatterns: list = [
    path("rounds/", rounds.round_list, name="round-list"),
    path("rounds/new/", rounds.round_create, name="round-create"),
    path("rounds/<int:pk>/", include(round_urls)),
    path("queue/", lists.queue, name="queue"),
    path("overdue/", overdue.overdue_list, name="overdue"),
    path("dossiers/", lists.dossier_list, name="dossier-list"),
    path("dossiers/mine/", lists.my_dossiers, name="my-dossiers"),
    path("dossiers/new/", dossiers.dossier_create, name="dossier-create"),
    path("dossiers/<int:pk>/", include(dossier_urls)),
    path(
        "certificates/<path:number>/correction/",
        corrections.correction_request,
        name="certificate-correction",
    ),
    path("corrections/", corrections.correction_list, name="correction-list"),
    path("receipts/", receipts.receipt_lookup, name="receipt-lookup"),
    path("decision.pdf", decisions.decision_pdf, name="decision-pdf"),
    path("receipts/<str:code>/", receipts.receipt, name="receipt"),
    path("corrections/<int:pk>/", corrections.correction_decide, name="correction-decide"),
]
urlpatterns += council_urls.urlpatterns
