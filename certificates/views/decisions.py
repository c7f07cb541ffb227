"""Quyết định công nhận as issued (issue 18): the provincial officials of its province only."""

import datetime

from django.http import Http404, HttpResponse

from accounts.models import Role
from certificates.documents import decision_key, read
from certificates.models import IssuedDocument

PROVINCE_OFFICIALS = {Role.PROVINCIAL_OFFICE, Role.APPROVER, Role.ADMINISTRATOR}


def decision_pdf(request):
    user = request.user
    if user.role not in PROVINCE_OFFICIALS or not user.province_id:
        raise Http404
    try:
        date = datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        raise Http404 from None
    number = request.GET.get("number", "")
    document = IssuedDocument.objects.filter(key=decision_key(user.province_id, number, date))
    document = document.first()
    if document is None:
        raise Http404
    response = HttpResponse(read(document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="quyet-dinh-{date:%Y%m%d}.pdf"'
    return response
