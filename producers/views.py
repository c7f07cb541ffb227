from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from once.services import create_once
from privacy.access import log_sensitive_view

from . import services
from .forms import InvitationForm, ProducerForm
from .models import Invitation
from .permissions import (
    can_manage_members,
    can_view_sensitive_personal_data,
    get_membership_for,
    membership_of,
)


def _producer_account_only(user) -> None:
    if not user.is_producer:
        raise Http404


def profile(request):
    _producer_account_only(request.user)
    membership = membership_of(request.user)
    if membership is None:
        return redirect("producers:profile-create")
    producer = membership.producer
    show_sensitive = can_view_sensitive_personal_data(request.user, producer)
    if show_sensitive:
        log_sensitive_view(request.user, producer, place="producer profile")
    context = {"producer": producer, "show_sensitive": show_sensitive}
    return render(request, "producers/producer_detail.html", context)


def profile_create(request):
    _producer_account_only(request.user)
    if membership_of(request.user) is not None:
        return redirect("producers:profile")
    form = ProducerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _producer, repeated = create_once(
                request,
                form.cleaned_data.get("client_token"),
                lambda: services.register_producer(by=request.user, data=form.profile_data()),
            )
        except (ValidationError, IntegrityError):
            # A second submit of the same form, after the first one made the profile.
            if membership_of(request.user) is None:
                raise
        else:
            if repeated:
                return repeated
        messages.success(request, _("Your producer profile is saved. Now register a product."))
        return redirect("producers:dashboard")
    return render(request, "producers/producer_form.html", {"form": form, "creating": True})


def profile_edit(request):
    membership = get_membership_for(request.user)
    producer = membership.producer
    form = ProducerForm(request.POST or None, instance=producer)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_producer_profile(
                producer,
                by=request.user,
                data=form.profile_data(),
                version=form.cleaned_data["version"],
            )
        except services.StaleEdit as error:
            form = _restamped(form, error.current_version)
            form.add_error(None, error)
        except ValidationError as error:  # a certified field (issue 18): nothing was saved
            form.add_error(None, error)
        else:
            messages.success(request, _("The producer profile is saved."))
            return redirect("producers:profile")
    return render(request, "producers/producer_form.html", {"form": form, "creating": False})


def _restamped(form: ProducerForm, version: int) -> ProducerForm:
    """The same typed values, now based on the latest version: saving again overwrites it."""
    data = form.data.copy()
    data["version"] = str(version)
    fresh = ProducerForm(data, instance=form.instance)
    fresh.is_valid()
    return fresh


def members(request):
    membership = get_membership_for(request.user)
    producer = membership.producer
    is_owner = can_manage_members(request.user, membership)
    form = InvitationForm(request.POST or None) if is_owner else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                invitation = services.invite_member(membership, email=form.cleaned_data["email"])
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(
                    request,
                    _("An invitation was sent to %(email)s.") % {"email": invitation.email},
                )
                return redirect("producers:members")
    context = {
        "producer": producer,
        "is_owner": is_owner,
        "form": form,
        "memberships": producer.memberships.select_related("user").order_by("-is_owner", "pk"),
        "invitations": producer.invitations.filter(accepted_at__isnull=True),
    }
    return render(request, "producers/members.html", context)


@require_POST
def invitation_cancel(request, pk):
    membership = get_membership_for(request.user)
    invitation = get_object_or_404(membership.producer.invitations, pk=pk, accepted_at=None)
    if not membership.is_owner:
        raise Http404
    services.cancel_invitation(invitation, by=membership)
    messages.success(request, _("The invitation was cancelled."))
    return redirect("producers:members")


@require_POST
def member_remove(request, pk):
    membership = get_membership_for(request.user)
    member = get_object_or_404(membership.producer.memberships, pk=pk)
    if not membership.is_owner:
        raise Http404
    try:
        services.remove_member(member, by=membership)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The account no longer acts for your producer."))
    return redirect("producers:members")


@login_not_required  # the invited person may not have an account yet
def invitation_accept(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("producer"), token=token)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.accept_invitation(invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("You now act for %(producer)s.") % {"producer": invitation.producer.name},
            )
            return redirect("producers:dashboard")
    return render(request, "producers/invitation.html", {"invitation": invitation})
