from .audit import DossierEvent

__all__ = ["DossierEvent"]
