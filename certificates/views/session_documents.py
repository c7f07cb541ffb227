"""A council session's minutes (biên bản) and proposal (tờ trình) as PDF: issued once and signed
when the session closes (certificates.documents), a working draft while it is open."""

from django.http import HttpResponse

from councils.permissions import get_session_for

from ..documents import read, session_document
from ..session_documents import render_minutes_pdf, render_proposal_pdf


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _session_pdf(session, kind: str, render) -> bytes:
    """Once the session is closed its documents are issued once and signed (issue 18); while it
    is open the page renders a working draft, never stored."""
    issued = session_document(session, kind)
    return read(issued) if issued is not None else render(session)


def session_minutes(request, pk):
    session = get_session_for(request.user, pk)
    content = _session_pdf(session, "minutes", render_minutes_pdf)
    return _pdf(content, f"bien-ban-hop-hoi-dong-{session.pk}.pdf")


def session_proposal(request, pk):
    session = get_session_for(request.user, pk)
    return _pdf(
        _session_pdf(session, "proposal", render_proposal_pdf), f"to-trinh-{session.pk}.pdf"
    )
