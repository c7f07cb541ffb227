"""The results admin's change list rows, written out (templates/admin/councils/councilresult/
change_list.html): Django's result_list tag formats each of the 50 rows' 12 cells through the
admin's field lookup, value display and a format_html call, half of the page's time; here each row
is one string (CouncilResultAdmin.changelist_rows), in the same markup and the same table, and the
rows are joined here rather than looped over in the template."""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers, result_hidden_fields
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("admin/councils/councilresult/change_list_results.html")
def result_rows(cl):
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        # Each row escaped where it is made (changelist_rows)
        "rows_html": mark_safe(
            "".join(f"<tr>{row}</tr>\n" for row in cl.model_admin.changelist_rows(cl))
        ),
    }
