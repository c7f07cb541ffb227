from django.urls import include, path

from . import views

app_name = "programme"

idea_urls = [
    path("", views.idea_detail, name="idea-detail"),
    path("edit/", views.idea_edit, name="idea-edit"),
    path("advance/", views.idea_advance, name="idea-advance"),
    path("advice/", views.idea_advice, name="idea-advice"),
    path("convert/", views.idea_convert, name="idea-convert"),
]

event_urls = [
    path("", views.event_detail, name="event-detail"),
    path("edit/", views.event_form, name="event-edit"),
    path("products/", views.event_product_add, name="event-product-add"),
]

urlpatterns = [
    path("targets/", views.targets, name="targets"),
    path("targets/edit/", views.target_edit, name="target-edit"),
    path("targets/history/", views.target_history, name="target-history"),
    path("ideas/", views.ideas, name="ideas"),
    path("ideas/new/", views.idea_create, name="idea-create"),
    path("ideas/<int:pk>/", include(idea_urls)),
    path("support/", views.support_list, name="support-list"),
    path("support/new/", views.support_create, name="support-create"),
    path("products/<int:pk>/sales-points/", views.sales_points, name="sales-points"),
    path("sales-points/<int:pk>/delete/", views.sales_point_delete, name="sales-point-delete"),
    path("events/", views.events, name="events"),
    path("events/new/", views.event_form, name="event-create"),
    path("events/<int:pk>/", include(event_urls)),
    path(
        "events/attending/<int:pk>/remove/",
        views.event_product_remove,
        name="event-product-remove",
    ),
    path("catalogue/", views.area_catalogue, name="area-catalogue"),
    path("catalogue/ocop.pdf", views.area_catalogue_pdf, name="area-catalogue-pdf"),
]
