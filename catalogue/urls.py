from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.product_list, name="list"),
    path("products/<int:pk>/", views.product_detail, name="product"),
    path("verify/", views.verify_lookup, name="verify-lookup"),
    # <path:…>: certificates imported from before the portal may have numbers like 12/GCN-UBND.
    path("verify/<path:number>/", views.verify, name="verify"),
    path("verify/<path:number>/certificate.pdf", views.certificate_pdf, name="certificate-pdf"),
    path("notices/<int:pk>/notice.pdf", views.notice_pdf, name="notice-pdf"),
]
