from .ideas import (
    idea_advance,
    idea_advice,
    idea_convert,
    idea_create,
    idea_detail,
    idea_edit,
    ideas,
)
from .promotion import (
    area_catalogue,
    area_catalogue_pdf,
    event_detail,
    event_form,
    event_product_add,
    event_product_remove,
    events,
    sales_point_delete,
    sales_points,
)
from .support import support_create, support_list
from .targets import target_edit, target_history, targets

__all__ = [
    "area_catalogue",
    "area_catalogue_pdf",
    "event_detail",
    "event_form",
    "event_product_add",
    "event_product_remove",
    "events",
    "idea_advance",
    "idea_advice",
    "idea_convert",
    "idea_create",
    "idea_detail",
    "idea_edit",
    "ideas",
    "sales_point_delete",
    "sales_points",
    "support_create",
    "support_list",
    "target_edit",
    "target_history",
    "targets",
]
