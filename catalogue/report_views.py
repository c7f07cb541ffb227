"""Reports of suspicious OCOP labels: the public form (from a certificate's page, or after a
number that was not found) and the provincial office's queue."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from ocop_portal.limits import client_address
from products.views.files import serve_file

from . import services
from .forms import LabelReportForm, normalise_number
from .models import LabelReport, LabelReportState
from .permissions import can_handle_label_reports


def _certificate(number: str):
    number = normalise_number(number or "")
    if not number:
        return None
    return (
        Certificate.objects.select_related("product__producer__commune")
        .filter(number=number)
        .first()
    )


def _too_many(request, form, certificate):
    form.add_error(
        None,
        _(
            "This connection has already sent this form %(count)s times in the last hour. Please "
            "try again later, or call the provincial OCOP office."
        )
        % {"count": services.REPORTS_PER_HOUR},
    )
    return render(
        request,
        "catalogue/label_report_form.html",
        {"form": form, "certificate": certificate},
        status=429,
    )


@login_not_required
def report_label(request):
    """Báo cáo nhãn OCOP đáng ngờ: public, rate-limited per client address."""
    data = request.POST if request.method == "POST" else request.GET
    certificate = _certificate(data.get("certificate"))
    if request.method != "POST":
        initial = {"certificate_number": normalise_number(data.get("number", ""))}
        form = LabelReportForm(certificate=certificate, initial=initial)
        # Opened in the verification page's fold: the form alone.
        partial = "catalogue/_label_report_form.html"
        template = partial if request.htmx else "catalogue/label_report_form.html"
        return render(request, template, {"form": form, "certificate": certificate})
    # Counted before the form (and its photo) is read: an invalid post costs its sender too.
    if services.report_limit_reached(client_address(request)):
        form = LabelReportForm(request.POST, certificate=certificate)  # what they typed, no file
        return _too_many(request, form, certificate)
    form = LabelReportForm(request.POST, request.FILES, certificate=certificate)
    if not form.is_valid():
        return render(
            request,
            "catalogue/label_report_form.html",
            {"form": form, "certificate": certificate},
            status=400,
        )
    if not form.is_spam:
        data = form.cleaned_data
        services.file_label_report(
            province=data["province"],
            certificate=data["certificate"],
            certificate_number=data.get("certificate_number", ""),
            product_name=data["product_name"],
            where_seen=data["where_seen"],
            place=data["place"],
            details=data["details"],
            contact=data["contact"],
            photo=data["photo"],
            photo_type=form.photo_type,
        )
    # A bot that filled the hidden field is thanked the same way and learns nothing.
    messages.success(
        request,
        _(
            "Thank you. Your report was sent to the provincial OCOP office, which will check "
            "the product."
        ),
    )
    if certificate is not None:
        return redirect(certificate.get_absolute_url())
    return redirect("catalogue:verify-lookup")


class LabelReportUpdateForm(forms.Form):
    state = forms.ChoiceField(label=gettext_lazy("State"), choices=LabelReportState.choices)
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def label_report_list(request):
    user = request.user
    if not can_handle_label_reports(user):
        raise Http404
    state = request.GET.get("state", "")
    reports = LabelReport.objects.visible_to(user).select_related("province")
    if state in LabelReportState.values:
        reports = reports.filter(state=state)
    return render(
        request,
        "catalogue/label_report_list.html",
        {"reports": reports[:200], "state": state, "states": LabelReportState.choices},
    )


def _report_for(user, pk) -> LabelReport:
    report = (
        LabelReport.objects.visible_to(user)
        .select_related("province", "certificate")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def label_report_detail(request, pk):
    report = _report_for(request.user, pk)
    form = LabelReportUpdateForm(request.POST or None, initial={"state": report.state})
    if request.method == "POST" and form.is_valid():
        services.update_label_report(
            report,
            by=request.user,
            state=form.cleaned_data["state"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("The report was updated."))
        return redirect("catalogue:label-report", pk=report.pk)
    return render(
        request,
        "catalogue/label_report_detail.html",
        {
            "report": report,
            "form": form,
            "updates": report.updates.select_related("by"),
        },
    )


def label_report_photo(request, pk):
    report = _report_for(request.user, pk)
    if not report.photo or not report.photo_ready:  # the upload as sent is never shown
        raise Http404
    extension = report.photo.name.rsplit(".", 1)[-1].lower()
    return serve_file(
        report.photo,
        content_type=report.photo_type,
        filename=f"label-report-{report.pk}.{extension}",
        inline=True,
    )
