from django import forms
from django.utils.translation import gettext_lazy as _


class DeletionRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand: my account will be closed; dossiers and certificates the law "
            "requires to be kept stay, without my details."
        ),
    )


class ConsentForm(forms.Form):
    agree = forms.BooleanField(label=_("I agree to the processing of my personal data as above."))
