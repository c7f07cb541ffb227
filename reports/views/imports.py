"""Importing certificates recognised before the portal: template, upload, preview, commit.

Only the provincial office and administrators; anyone else gets a 404. The uploaded file is kept
server-side (``ImportBatch``) between the preview and the commit.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import exports, permissions, services
from ..forms import ImportUploadForm
from ..import_template import COLUMNS, template_workbook
from ..imports import RowStatus, preview_import

RECENT_BATCHES = 10
ROWS_SHOWN = 500


def _require_import(user) -> None:
    if not permissions.can_import_certificates(user):
        raise Http404


def import_template(request):
    _require_import(request.user)
    return exports.xlsx_response(template_workbook(), "mau-nhap-giay-chung-nhan-ocop.xlsx")


def import_upload(request):
    _require_import(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch, _created = services.store_import_file(
            content=upload.read(), file_name=upload.name, by=request.user
        )
        if batch.is_committed:
            messages.info(
                request,
                _("This file was already imported on %(date)s: nothing to do.")
                % {"date": f"{batch.committed_at:%d/%m/%Y}"},
            )
        return redirect("reports:import-preview", pk=batch.pk)
    batches = permissions.batches_visible_to(request.user).select_related("uploaded_by")
    return render(
        request,
        "reports/import_upload.html",
        {"form": form, "batches": batches.defer("content")[:RECENT_BATCHES], "columns": COLUMNS},
    )


def import_preview(request, pk):
    batch = permissions.get_batch_for(request.user, pk)
    preview = None
    if not batch.is_committed:
        preview = preview_import(bytes(batch.content), province_id=batch.province_id)
    return render(
        request,
        "reports/import_preview.html",
        {
            "batch": batch,
            "preview": preview,
            "rows": preview.rows[:ROWS_SHOWN] if preview else [],
            "rows_hidden": max(len(preview.rows) - ROWS_SHOWN, 0) if preview else 0,
            "counts": {status: preview.count(status) for status in RowStatus} if preview else {},
        },
    )


@require_POST
def import_commit(request, pk):
    batch = permissions.get_batch_for(request.user, pk)
    try:
        batch = services.commit_import(batch, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reports:import-preview", pk=batch.pk)
    messages.success(
        request,
        _("Certificates imported: %(created)d. Rows already in the portal: %(unchanged)d.")
        % {"created": batch.created_count, "unchanged": batch.unchanged_count},
    )
    return redirect("reports:import-preview", pk=batch.pk)
