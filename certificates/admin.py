"""Certificates in the admin: read-only records that approvers revoke through a confirmation."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certificates import permissions
from certificates.extensions import extend_certificate
from certificates.models import Certificate, RevocationGround
from certificates.models.certificate import EXTENSION_BASIS
from certificates.services import revoke_certificate
from ocop_portal.text import NOTE_MAX_LENGTH


class RevocationForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground for revocation"), choices=RevocationGround.choices)
    revoked_on = forms.DateField(
        label=_("Revoked on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtensionForm(forms.Form):
    basis = forms.CharField(
        label=_("Legal basis"),
        max_length=NOTE_MAX_LENGTH,
        help_text=_(
            "Decision 26/2026, Art. 12.3, and the holder's case: for instance the date their "
            "re-evaluation window opened and the letter that asked for the extension."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "product", "stars", "decision_number", "valid_until", "state"]
    list_filter = ["stars", "revocation_ground"]
    search_fields = ["number", "product_code", "product__name", "product__producer__name"]
    list_select_related = ["product"]
    readonly_fields = [
        "number", "product_code", "product", "stars", "average", "decision_number",
        "decision_date", "valid_until", "extended_until", "extension_basis", "extended_by",
        "extended_at", "replaced_by", "revoked_on", "revocation_ground", "revocation_note",
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["revoke_certificates", "extend_certificates"]

    def get_queryset(self, request):
        return permissions.certificate_records_of(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return permissions.can_read_certificate_records(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_revoke_permission(self, request):
        return permissions.can_revoke_certificates(request.user)

    def has_extend_permission(self, request):
        return permissions.can_record_extensions(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("state"))
    def state(self, certificate):
        return certificate.get_status_display()

    @admin.action(description=_("Revoke selected certificates"), permissions=["revoke"])
    def revoke_certificates(self, request, queryset):
        form = RevocationForm(
            request.POST if "apply" in request.POST else None,
            initial={"revoked_on": timezone.localdate()},
        )
        return self._confirm_then_apply(
            request,
            queryset,
            form,
            title=_("Revoke certificates"),
            template="admin/certificates/certificate/revoke.html",
            change=revoke_certificate,
            done=lambda count: ngettext(
                "%(count)d certificate revoked.", "%(count)d certificates revoked.", count
            ),
        )

    @admin.action(
        description=_("Extend until the re-evaluation result (Art. 12.3)"), permissions=["extend"]
    )
    def extend_certificates(self, request, queryset):
        form = ExtensionForm(
            request.POST if "apply" in request.POST else None, initial={"basis": EXTENSION_BASIS}
        )
        return self._confirm_then_apply(
            request,
            queryset,
            form,
            title=_("Extend certificates (Art. 12.3)"),
            template="admin/certificates/certificate/extend.html",
            change=extend_certificate,
            done=lambda count: ngettext(
                "%(count)d certificate extended.", "%(count)d certificates extended.", count
            ),
        )

    def _confirm_then_apply(self, request, queryset, form, *, title, template, change, done):
        """Both actions: a confirmation page until its form is valid, then ``change`` for each
        certificate; one that is refused is reported by number, the others still go through."""
        if not form.is_bound or not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "form": form,
                "certificates": queryset.select_related("product"),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, template, context)
        changed = 0
        for certificate in queryset:
            try:
                change(certificate, by=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{certificate.number}: {text}", messages.WARNING)
            else:
                changed += 1
        self.message_user(request, done(changed) % {"count": changed}, messages.SUCCESS)
        return None
