from .council import Council, CouncilMember, CouncilRole
from .result import CouncilResult
from .session import CouncilSession, SessionItem, SessionState, WrittenSheetAdmission
from .sheet import ScoreSheet

__all__ = [
    "Council",
    "CouncilMember",
    "CouncilResult",
    "CouncilRole",
    "CouncilSession",
    "ScoreSheet",
    "SessionItem",
    "SessionState",
    "WrittenSheetAdmission",
]
