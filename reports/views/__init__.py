from .dashboard import dashboard, export_recognised, export_round_dossiers, export_round_results
from .imports import import_commit, import_preview, import_template, import_upload
from .open_data import catalogue_csv, open_data

__all__ = [
    "catalogue_csv",
    "dashboard",
    "export_recognised",
    "export_round_dossiers",
    "export_round_results",
    "import_commit",
    "import_preview",
    "import_template",
    "import_upload",
    "open_data",
]
