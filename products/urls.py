from django.urls import include, path

from . import views

app_name = "products"

# The product's page ("", name "detail") shows its certificate and whether it may enter the open
# round, read a layer above products: its view is evaluations.views.product_page, added to this
# namespace by ocop_portal/urls.py.
product_urls = [
    path("edit/", views.product_edit, name="edit"),
    path("delete/", views.product_delete, name="delete"),
    path("photos/", views.photos, name="photos"),
    path("documents/", views.documents, name="documents"),
    path("self-assessment/", views.self_assessment, name="self-assessment"),
    path(
        "self-assessment/answer/",
        views.self_assessment_answer,
        name="self-assessment-answer",
    ),
    path("evidence/", views.criterion_evidence, name="criterion-evidence"),
    path("form-01/", views.registration_form, name="registration-form"),
]

photo_urls = [
    path("", views.photo, name="photo"),
    path("thumbnail/", views.photo_thumbnail, name="photo-thumbnail"),
    path("cover/", views.photo_cover, name="photo-cover"),
    path("move/", views.photo_move, name="photo-move"),
    path("delete/", views.photo_delete, name="photo-delete"),
]

document_urls = [
    path("", views.document_download, name="document-download"),
    path("delete/", views.document_delete, name="document-delete"),
]

urlpatterns = [
    path("", views.product_list, name="list"),
    path("new/", views.product_create, name="create"),
    path("<int:pk>/", include(product_urls)),
    path("photos/<int:pk>/", include(photo_urls)),
    path("documents/<int:pk>/", include(document_urls)),
]
