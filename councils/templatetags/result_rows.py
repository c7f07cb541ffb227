"""The results admin's change list rows, written out (templates/admin/councils/councilresult/
change_list.html): Django's result_list tag formats each of the 50 rows' 12 cells through the
admin's field lookup, value display and a format_html call, half of the page's time; here each row
is one string (CouncilResultAdmin.changelist_rows), in the same markup and the same table, and the
rows are joined here rather than looped over in the template. The list filters beside it are
written out the same way (result_filters)."""

from html import escape as text

from django import template
from django.contrib.admin.templatetags.admin_list import (
    admin_list_filter,
    result_headers,
    result_hidden_fields,
)
from django.utils.encoding import iri_to_uri
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


# admin/filter.html, whose 60-odd choices over six filters took a millisecond to render.
FILTER = (
    '<details data-filter-title="{title}" open>\n  <summary>\n    {by}\n  </summary>\n'
    "  <ul>\n{choices}  </ul>\n</details>\n"
)
CHOICE = '    <li{selected}>\n    <a href="{link}">{display}</a></li>\n'
SELECTED = ' class="selected"'


@register.simple_tag
def result_filters(cl):
    """What {% admin_list_filter cl spec %} shows for each of the list's filters: each filter's
    own choices (facet counts included), in admin/filter.html's markup."""
    by = gettext(" By %(filter_title)s ")  # Django's own msgid, translated in its catalogue
    filters = []
    for spec in cl.filter_specs:
        if spec.template != "admin/filter.html":
            filters.append(admin_list_filter(cl, spec))
            continue
        title = text(str(spec.title))
        # html.escape itself, as for the rows (changelist_rows)
        choices = "".join(
            CHOICE.format(
                selected=SELECTED if choice["selected"] else "",
                link=text(iri_to_uri(choice["query_string"])),
                display=text(str(choice["display"])),
            )
            for choice in spec.choices(cl)
        )
        filters.append(FILTER.format(title=title, by=by % {"filter_title": title}, choices=choices))
    return mark_safe("".join(filters))  # every value in it is escaped above


@register.simple_tag
def result_action_fields(action_form):
    """The fields of admin/actions.html (the select of actions and the hidden select_across of
    Django's ActionForm), written out in the markup of Django's widget templates, which took
    half a millisecond to render; any other action form is rendered as that template does."""
    if list(action_form.fields) != ["action", "select_across"]:
        return mark_safe(
            "".join(
                f"<label>{text(str(field.label))} {field}</label>" if field.label else str(field)
                for field in action_form
            )
        )
    action, across = action_form["action"], action_form["select_across"]
    chosen = action.field.widget.format_value(action.value())
    required = " required" if action.build_widget_attrs({}).get("required") else ""
    options = "".join(
        f'\n  <option value="{text(str(value))}"{" selected" if str(value) in chosen else ""}>'
        f"{text(str(label))}</option>"
        for value, label in action.field.choices
    )
    return mark_safe(
        f"<label>{text(str(action.label))} "
        f'<select name="{action.html_name}"{required}>{options}\n</select></label>'
        f'<input type="hidden" name="{across.html_name}" '
        f'value="{text(across.field.widget.format_value(across.value()))}" class="select-across">'
    )
