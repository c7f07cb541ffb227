from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from once.forms import OneTimeTokenMixin
from regions.collation import vietnamese_order
from regions.models import Commune, Province

from . import signals
from .ethnicities import ETHNICITY_CHOICES, MAJORITY
from .models import Producer
from .validators import normalise_phone, normalise_tax_code


def _bare_helper(layout: Layout | None = None) -> FormHelper:
    """crispy renders fields only: includes/_form.html owns the <form> tag and CSRF token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout is not None:
        helper.layout = layout
    return helper


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # people type "example.vn"
    return field.formfield(**kwargs)


class ProducerForm(OneTimeTokenMixin, forms.ModelForm):
    """The producer profile. The address is picked: province, then one of its communes."""

    province = forms.TypedChoiceField(label=_("Province / city"), coerce=int)
    commune = CommuneChoiceField(
        label=_("Commune / ward"),
        queryset=Commune.objects.none(),
        error_messages={"invalid_choice": _("Choose a commune of the chosen province.")},
    )
    representative_ethnicity = forms.ChoiceField(
        label=_("Representative's ethnicity"), choices=ETHNICITY_CHOICES, initial=MAJORITY
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Producer
        formfield_callback = _formfield
        fields = [
            "kind",
            "name",
            "tax_code",
            "registration_date",
            "address_line",
            "commune",
            "phone",
            "email",
            "website",
            "representative_name",
            "representative_position",
            "representative_gender",
            "representative_ethnicity",
            "representative_has_disability",
            "workers",
            "local_labour_share",
            "publish_contact",
        ]
        help_texts = {
            # The certificate is a public PDF: a household's street address is its home.
            "publish_contact": _(
                "Also prints the street address on the public certificate; otherwise the "
                "certificate shows only the commune."
            ),
        }
        widgets = {
            "registration_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "tax_code": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "tax_code": {
                "unique": _(
                    "A producer with this tax code is already registered. If it is your "
                    "organisation, ask the account that registered it to invite you."
                )
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        province = self._chosen_province()
        self.fields["province"].choices = [
            (p.code, p.full_name) for p in Province.objects.order_by(vietnamese_order("name"))
        ]
        self.fields["province"].initial = province
        self.fields["province"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("regions:commune-options"),
                "hx-target": "#id_commune",
                "hx-trigger": "change",
            }
        )
        self.fields["commune"].queryset = Commune.objects.in_province(province).order_by(
            vietnamese_order("name")
        )
        self.fields["local_labour_share"].widget.attrs.update({"min": 0, "max": 100})
        if self.instance.pk:
            # Fields a current certificate prints are shown read-only (issue 18).
            signals.edit_form_built.send(sender=Producer, form=self, instance=self.instance)
            if self.fields["commune"].disabled:  # the province only narrows the communes
                self.fields["province"].disabled = True
                self.fields["province"].help_text = self.fields["commune"].help_text
        self.helper = _bare_helper(
            Layout(
                Fieldset(_("Organisation"), "kind", "name", "tax_code", "registration_date"),
                Fieldset(_("Address"), "province", "commune", "address_line"),
                Fieldset(_("Contact"), "phone", "email", "website", "publish_contact"),
                Fieldset(
                    _("Legal representative"),
                    "representative_name",
                    "representative_position",
                    "representative_gender",
                    "representative_ethnicity",
                    "representative_has_disability",
                ),
                Fieldset(_("Workers"), "workers", "local_labour_share"),
                "version",
                "client_token",
            )
        )

    def _chosen_province(self) -> int:
        """The province whose communes are offered: as posted, else the saved one, else ours."""
        if self.is_bound:
            try:
                return int(self.data.get(self.add_prefix("province"), ""))
            except ValueError:
                pass
        if self.instance.pk:
            return self.instance.commune.province_id
        return settings.OCOP_PROVINCE_CODE

    def clean_tax_code(self):
        return normalise_tax_code(self.cleaned_data["tax_code"])

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_registration_date(self):
        day = self.cleaned_data["registration_date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The registration date cannot be in the future."))
        return day

    def profile_data(self) -> dict:
        """The cleaned values of the model's fields, for the services."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email of the person to invite"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _bare_helper()
