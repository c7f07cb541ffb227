from django.urls import path

from . import views
from .views import register

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("recognised.xlsx", views.export_recognised, name="export-recognised"),
    path("rounds/<int:pk>/results.xlsx", views.export_round_results, name="export-round-results"),
    path(
        "rounds/<int:pk>/dossiers.xlsx", views.export_round_dossiers, name="export-round-dossiers"
    ),
    path("catalogue.csv", views.catalogue_csv, name="catalogue-csv"),
    path("register/", register.certificate_register, name="register"),
    path("register.xlsx", register.certificate_register_xlsx, name="register-xlsx"),
    path("open-data/products.json", views.open_data, name="open-data"),
    path("import/", views.import_upload, name="import"),
    path("import/template.xlsx", views.import_template, name="import-template"),
    path("import/<int:pk>/", views.import_preview, name="import-preview"),
    path("import/<int:pk>/commit/", views.import_commit, name="import-commit"),
]
