from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.i18n import set_language

from accounts import views as account_views
from evaluations.views import producer_dashboard, product_page
from privacy import urls as privacy_urls
from privacy_duties import urls as privacy_duties_urls
from producers import urls as producer_urls
from products import urls as product_urls

from . import views

handler500 = "ocop_portal.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", account_views.start, name="start"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("accounts.urls")),
    path("areas/", include("regions.urls")),
    # The producer's dashboard reads dossiers and certificates, so its view lives in evaluations;
    # it keeps its place and name in the producers' namespace (producers:dashboard).
    path(
        "producer/",
        include(
            (
                [
                    path("", producer_dashboard.dashboard, name="dashboard"),
                    *producer_urls.urlpatterns,
                ],
                producer_urls.app_name,
            )
        ),
    ),
    # The product's page likewise (products:detail): it shows the certificate and the open round.
    path(
        "products/",
        include(
            (
                [
                    path("<int:pk>/", product_page.product_detail, name="detail"),
                    *product_urls.urlpatterns,
                ],
                product_urls.app_name,
            )
        ),
    ),
    path("evaluations/", include("evaluations.urls")),
    path("catalogue/", include("catalogue.urls")),
    path("programme/", include("programme.urls")),
    path("reports/", include("reports.urls")),
    path("selfcheck/", include("duties.urls")),
    path("outbox/", include("outbox.urls")),
    # A person's own data and carrying out a deletion reach other apps' data: their views are in
    # privacy_duties, under the privacy namespace's names.
    path(
        "privacy/",
        include(
            (
                [*privacy_duties_urls.urlpatterns, *privacy_urls.urlpatterns],
                privacy_urls.app_name,
            )
        ),
    ),
    # The admin's pages of the models that left the evaluations app (issue 17) moved with their
    # app label: old bookmarks (the approvers' results list) land on the new address.
    re_path(
        rf"^admin/evaluations/(?P<model>{'|'.join(views.MOVED_ADMIN_MODELS)})/(?P<rest>.*)$",
        views.moved_admin_page,
    ),
    path("admin/", admin.site.urls),
]
