from django.urls import path

from . import views

app_name = "outbox"

urlpatterns = [
    path("", views.outbox_list, name="list"),
    path("decide/", views.outbox_decide, name="decide"),
]
