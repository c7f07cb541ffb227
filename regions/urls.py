from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("communes/", views.commune_options, name="commune-options"),
]
