from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .two_factor import views as two_factor_views

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        views.SignInView.as_view(),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-up/", views.signup, name="signup"),
    path("me/", views.my_details, name="my-details"),
    path("two-factor/", two_factor_views.manage, name="2fa"),
    path("two-factor/verify/", two_factor_views.verify, name="2fa-verify"),
    path("two-factor/setup/", two_factor_views.setup, name="2fa-setup"),
    path("sign-up/confirm/<uidb64>/<token>/", views.signup_confirm, name="signup-confirm"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password-change-done")
        ),
        name="password-change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password-change-done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password-reset-done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password-reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
