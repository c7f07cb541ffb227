"""The session's documents as PDFs in Vietnamese (WeasyPrint, the certificates' fonts): the
minutes (biên bản họp hội đồng) and the council's proposal to the approver (tờ trình)."""

from certificates.services import _render_pdf
from councils.models import CouncilSession
from councils.services import criteria_set_for
from councils.session_board import consolidated_sheet, proposed_decision, session_board


def minutes_subtitle(council, round_) -> str:
    """The council's name and the round, each once: a council is usually named after its round
    ("… đợt 2 năm 2026"), and the title must not say the round twice."""
    if round_.name.casefold() in council.name.casefold():
        return council.name
    return f"{council.name}, {round_.name}"


def _context(session: CouncilSession) -> dict:
    board = session_board(session)
    province = session.council.round.province
    for item in board.items:
        item.consolidated = consolidated_sheet(
            item.dossier, item.outcome, item.dossier.score_sheets.all()
        )
        result = item.outcome.result
        if result is not None:
            item.proposal = proposed_decision(result)
            # Art. 7.3.e nominates on the points; the central council reads the 5★ minima missed.
            criteria_set = criteria_set_for(item.dossier)
            item.missing_minima = [
                f"{code} {criteria_set.criterion(code).title}"
                for code in result.missing_five_star_minima
            ]
    present = [seat for seat in board.seats if seat.pk in board.present_ids]
    absent = [seat for seat in board.seats if seat.pk not in board.present_ids]
    return {
        "session": session,
        "council": session.council,
        "round": session.council.round,
        "subtitle": minutes_subtitle(session.council, session.council.round),
        "province": province,
        "province_upper": province.full_name.upper(),
        "board": board,
        "present": present,
        "absent": absent,
        "admissions": list(session.written_admissions.select_related("member__user")),
        "chair": next((s for s in board.seats if s.role == "chair"), None),
        "secretary": next((s for s in board.seats if s.role == "secretary"), None),
    }


def render_minutes_pdf(session: CouncilSession) -> bytes:
    """Biên bản họp hội đồng: attendance and quorum, each product in order with its average,
    rating, spread and discussion, the sheets left out and why, the signatures."""
    return _render_pdf("evaluations/sessions/minutes_pdf.html", _context(session))


def render_proposal_pdf(session: CouncilSession) -> bytes:
    """Tờ trình: the council proposes to the approver a decision for each product scored."""
    return _render_pdf("evaluations/sessions/proposal_pdf.html", _context(session))
