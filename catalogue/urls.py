from django.urls import path

from . import report_views, views

app_name = "catalogue"

urlpatterns = [
    path("", views.product_list, name="list"),
    path("products/<int:pk>/", views.product_detail, name="product"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    # <path:…>: certificates imported from before the portal may have numbers like 12/GCN-UBND.
    path("verify/<path:number>/", views.verify, name="verify"),
    path("verify/<path:number>/certificate.pdf", views.certificate_pdf, name="certificate-pdf"),
    path("notices/<int:pk>/notice.pdf", views.notice_pdf, name="notice-pdf"),
    path("report/", report_views.report_label, name="report-label"),
    path("label-reports/", report_views.label_report_list, name="label-reports"),
    path("label-reports/<int:pk>/", report_views.label_report_detail, name="label-report"),
    path(
        "label-reports/<int:pk>/photo/",
        report_views.label_report_photo,
        name="label-report-photo",
    ),
]
