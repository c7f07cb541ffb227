from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import Role, User


def confirmation_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:signup-confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def sign_up(*, email: str, full_name: str, phone: str, password: str) -> User | None:
    """What the sign-up form does: the account registered, or None when the email already has
    one. The answer on the page is the same either way, so the form does not tell strangers who
    is registered; the owner of an existing account is told by email instead."""
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and (existing.is_active or existing.last_login is not None):
        make_password(password)  # as long as a registration takes, so timing tells nothing
        transaction.on_commit(lambda: send_already_registered_email(existing), robust=True)
        return None
    return register_producer_account(
        email=email, full_name=full_name, phone=phone, password=password
    )


# Account mails carry a live link (a confirmation token; the invitation's and password reset's
# likewise) and are sent straight after the commit, not written to the outbox, whose rows the
# office reads: see the README, "Mail". A failing mail server is logged (robust on_commit) and
# the page answers as usual; the person asks again from the same form for a fresh link.
def send_already_registered_email(user: User) -> None:
    context = {
        "user": user,
        "sign_in_url": f"{settings.SITE_URL}{reverse('accounts:login')}",
        "reset_url": f"{settings.SITE_URL}{reverse('accounts:password-reset')}",
    }
    send_mail(
        render_to_string("accounts/email/already_registered_subject.txt", context).strip(),
        render_to_string("accounts/email/already_registered_body.txt", context),
        None,
        [user.email],
    )


@transaction.atomic
def register_producer_account(*, email: str, full_name: str, phone: str, password: str) -> User:
    """Create an inactive producer account and email the confirmation link.

    Signing up again with an unconfirmed email replaces the details and sends a fresh link, so a
    lost email never locks a producer out.
    """
    user = User.objects.filter(email__iexact=email, is_active=False, last_login=None).first()
    if user is None:
        user = User(email=email.lower(), role=Role.PRODUCER, is_active=False)
    user.full_name, user.phone = full_name, phone
    user.set_password(password)
    user.full_clean(exclude=["password"], validate_unique=user.pk is None)
    user.save()
    transaction.on_commit(lambda: send_confirmation_email(user), robust=True)
    return user


def send_confirmation_email(user: User) -> None:
    context = {"user": user, "url": confirmation_url(user)}
    send_mail(
        render_to_string("accounts/email/confirm_subject.txt", context).strip(),
        render_to_string("accounts/email/confirm_body.txt", context),
        None,
        [user.email],
    )


def confirm_email(*, uidb64: str, token: str) -> User | None:
    """Activate the account behind a confirmation link; None when the link is wrong or stale."""
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        user = User.objects.get(pk=pk)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    if user.is_active:
        return user if default_token_generator.check_token(user, token) else None
    if not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user
