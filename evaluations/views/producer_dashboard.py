"""The producer's dashboard page (``producers:dashboard``): the producer's products, dossiers,
what is asked of them and their certificates (``evaluations.producer_dashboard``)."""

from django.http import Http404
from django.shortcuts import redirect, render

from producers.permissions import membership_of

from ..producer_dashboard import dashboard as dashboard_context


def dashboard(request):
    if not request.user.is_producer:
        raise Http404
    membership = membership_of(request.user)
    if membership is None:
        return redirect("producers:profile-create")
    context = dashboard_context(membership.producer)
    return render(request, "producers/dashboard.html", {"producer": membership.producer, **context})
