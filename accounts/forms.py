from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from regions.collation import vietnamese_order

from .models import User


class SignInForm(AuthenticationForm):
    """Sign-in by email; tells an unconfirmed producer why they cannot sign in yet."""

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email or password is not correct. Please check and try again."),
        "unconfirmed": _(
            "This account has not been confirmed yet. Open the link in the email we sent you, "
            "or sign up again to receive a new link."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            email = (self.cleaned_data.get("username") or "").lower()
            password = self.cleaned_data.get("password") or ""
            user = User.objects.filter(email__iexact=email, is_active=False).first()
            if user and user.last_login is None and user.check_password(password):
                raise forms.ValidationError(
                    self.error_messages["unconfirmed"], code="unconfirmed"
                ) from None
            raise


class ProducerSignUpForm(forms.Form):
    """Not a ModelForm: signing up again with an unconfirmed email is allowed on purpose."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # Decree 13/2023, Art. 11: consent is given by a clear act, to a stated purpose (the text
    # shown above the form); an account is never made without it.
    consent = forms.BooleanField(
        label=_("I have read the text on personal data above and agree to it."),
        error_messages={
            "required": _(
                "An account can be made only with your consent to the processing of your "
                "personal data. Tick the box to agree."
            )
        },
    )

    def clean_email(self):
        # An email that already has an account is not refused here: the page would tell anyone
        # who is registered. accounts.services.sign_up emails the owner instead.
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MyDetailsForm(forms.ModelForm):
    """A staff member's own details; organisation and commune feed the conflict-of-interest
    flags of the council's score sheets."""

    class Meta:
        model = User
        fields = ["full_name", "phone", "organisation", "home_commune"]

    def __init__(self, *args, **kwargs):
        from regions.models import Commune

        super().__init__(*args, **kwargs)
        communes = Commune.objects.select_related("province").order_by(vietnamese_order("name"))
        if self.instance.province_id:
            communes = communes.in_province(self.instance.province_id)
        self.fields["home_commune"].queryset = communes
        self.fields["full_name"].required = True
