from .ideas import AdviceKind, IdeaAdvice, IdeaStage, IdeaStageChange, ProductIdea
from .promotion import (
    EventKind,
    EventParticipation,
    SalesPoint,
    SalesPointKind,
    TradeEvent,
)
from .support import FundSource, SupportKind, SupportRecord
from .targets import Metric, PlanTarget, TargetRevision

__all__ = [
    "AdviceKind",
    "EventKind",
    "EventParticipation",
    "FundSource",
    "IdeaAdvice",
    "IdeaStage",
    "IdeaStageChange",
    "Metric",
    "PlanTarget",
    "ProductIdea",
    "SalesPoint",
    "SalesPointKind",
    "SupportKind",
    "SupportRecord",
    "TargetRevision",
    "TradeEvent",
]
