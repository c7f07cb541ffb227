"""What the results admin shows of a council result: the change list's columns, written out row
by row, and the read-only fields of one result (evaluations.result_admin)."""

import functools
from html import escape as text

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ImproperlyConfigured
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from councils.models import ScoreSheet
from criteria import scoring
from dossiers.models import DossierState

from . import transitions
from .approval_admin import screen_url

# The change list's page of results: each result with what its row shows of its dossier, round,
# product, producer and commune read beside it as plain values (result_list stays CouncilResult
# objects). select_related built six related objects for each of the 50 rows, and Django hashes
# every selected column to order them: 3 of the page's 20 ms.
ROW_FIELDS = ["average", "stars", "unmet_minima", "spread", "spread_exceeded", "decision_number"]
ROW_VALUES = {
    "row_state": F("dossier__state"),
    "row_round": F("dossier__round__name"),
    "row_product": F("dossier__product__name"),
    "row_criteria_decision": F("dossier__product__criteria_decision"),
    "row_criteria_set": F("dossier__product__criteria_set"),
    "row_producer": F("dossier__product__producer__name"),
    "row_commune": F("dossier__product__producer__commune__name"),
    "row_district": F("dossier__product__producer__commune__former_district__name"),
}


class ResultChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        # The page's slice of self.queryset, not read yet; the count and the bulk actions keep
        # the whole queryset.
        self.result_list = (
            self.result_list.select_related(None).only(*ROW_FIELDS).annotate(**ROW_VALUES)
        )


@functools.cache
def _criteria_set_name(decision: str, number: int) -> str:
    return scoring.load_criteria_set(decision, number).name


def two_places(value, separator: str) -> str:
    """number_format(value, 2) for an average or a spread (two decimal places and under 1,000 in
    the database, so no rounding and no grouping): the separator looked up once per page, not
    twice a row (number_format's lookups were a third of the rows' cost)."""
    return f"{value:.2f}".replace(".", separator)


class ResultColumns:
    """The columns of CouncilResultAdmin (its list_display and fields), mixed into it."""

    # One row of the change list, in list_display's order (councils.templatetags.result_rows),
    # after the action checkbox of those who may act. The same markup as the columns below, put
    # together once per row from escaped text: format_html and a reverse() per cell were most of
    # the list's cost. The cells' values are all str, so they go through html.escape (text)
    # itself: Django's escape adds only a check for lazy text and a SafeString, which over some
    # 600 cells cost half a millisecond.
    ROW = (
        '<th class="field-product"><a href="{link}">{product}</a></th>'
        '<td class="field-producer">{producer}</td><td class="field-area">{area}</td>'
        '<td class="field-round">{round}</td><td class="field-criteria_set">{criteria_set}</td>'
        '<td class="field-average">{average}</td><td class="field-stars_display">{stars}</td>'
        '<td class="field-missing_minima_display">{minima}</td>'
        '<td class="field-spread_display">{spread}</td>'
        '<td class="field-state">{state}</td><td class="field-decision_number">{decision}</td>'
    )
    CHECKBOX = (
        '<td class="action-checkbox"><input type="checkbox" name="{name}" value="{pk}" '
        'class="action-select" aria-label="{label}"></td>'
    )
    SCREEN = '<td class="field-approval_link"><a href="{link}">{label}</a></td>'

    def changelist_rows(self, cl) -> list[SafeString]:
        with_actions = cl.list_display[:1] == ["action_checkbox"]
        shown = list(cl.list_display[with_actions:])
        with_screen = shown[-1:] == ["approval_link"]  # the approver's column (get_list_display)
        if shown[: len(shown) - with_screen] != list(self.list_display):
            raise ImproperlyConfigured("CouncilResultAdmin.ROW must follow list_display")
        # Each row's links differ only by its key: made once, with the list's filters kept.
        change_link = add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts},
            reverse("admin:councils_councilresult_change", args=[0]),
        ).partition("/0/")
        screen_link = screen_url(0).partition("/0/")
        # Worded once per page: get_state_display() and gettext would translate for each row
        # (as would a lazy text left to format(), which escape() of a lazy text returns).
        states = {value: text(str(label)) for value, label in DossierState.choices}
        empty = text(str(self.get_empty_value_display()))
        separator = get_format("DECIMAL_SEPARATOR")
        select = str(_("Select this object for an action - {}"))
        stopped, decide, open_ = (
            text(str(word)) for word in (_("stopped"), _("Decide"), _("Open"))
        )
        rows = []
        for result in cl.result_list:
            product = text(result.row_product)
            area = (
                f"{result.row_commune} ({result.row_district})"
                if result.row_district
                else result.row_commune
            )
            criteria_set = _criteria_set_name(result.row_criteria_decision, result.row_criteria_set)
            row = self.ROW.format(
                link=text(f"{change_link[0]}/{result.pk}/{change_link[2]}"),
                product=product,
                producer=text(result.row_producer),
                area=text(area),
                round=text(result.row_round),
                criteria_set=text(criteria_set),
                average=two_places(result.average, separator),
                stars=f'<span class="stars">{"★" * result.stars}</span>'
                if result.stars
                else stopped,
                minima=text(self.missing_minima_display(result)),
                spread=self._spread(result, separator),
                state=states.get(result.row_state) or text(result.row_state),
                decision=text(result.decision_number) if result.decision_number else empty,
            )
            if with_actions:
                checkbox = self.CHECKBOX.format(
                    name=helpers.ACTION_CHECKBOX_NAME,
                    pk=result.pk,
                    label=select.format(product),
                )
                row = checkbox + row
            if with_screen:
                label = decide if result.row_state == DossierState.SCORED else open_
                link = f"{screen_link[0]}/{result.pk}/{screen_link[2]}"
                row += self.SCREEN.format(link=text(link), label=label)
            rows.append(mark_safe(row))  # every value in it is escaped above
        return rows

    @staticmethod
    def _spread(result, separator: str) -> str:
        spread = two_places(result.spread, separator)
        return (
            f'<strong class="ocop-spread-flag">{spread} ⚠</strong>'
            if result.spread_exceeded
            else spread
        )

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, result):
        """Django's own checkbox, written out: rendering a widget template for each of the 50
        rows was a fifth of the page's time."""
        label = format_html(str(_("Select this object for an action - {}")), result.dossier.product)
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            result.pk,
            label,
        )

    @admin.display(description=_("approval screen"))
    def approval_link(self, result):
        """The result beside its proposal and consolidated sheet (approval_admin)."""
        label = _("Decide") if result.dossier.state == DossierState.SCORED else _("Open")
        return format_html('<a href="{}">{}</a>', screen_url(result.pk), label)

    @admin.display(description=_("product"), ordering="dossier__product__name")
    def product(self, result):
        return result.dossier.product.name

    @admin.display(description=_("producer"))
    def producer(self, result):
        return result.dossier.product.producer.name

    @admin.display(description=_("area"))
    def area(self, result):
        commune = result.dossier.product.producer.commune
        district = commune.former_district
        return f"{commune.name} ({district.name})" if district else commune.name

    @admin.display(description=_("round"))
    def round(self, result):
        return result.dossier.round.name

    @admin.display(description=_("criteria set"))
    def criteria_set(self, result):
        product = result.dossier.product
        return _criteria_set_name(product.criteria_decision, product.criteria_set)

    @admin.display(description=_("stars"), ordering="stars")
    def stars_display(self, result):
        if result.stars == 0:
            return _("stopped")
        return format_html('<span class="stars">{}</span>', "★" * result.stars)

    @admin.display(description=_("5★ minima not met"))
    def missing_minima_display(self, result):
        """Art. 7.3.e nominates on the points alone; the central council reads what is missing."""
        return ", ".join(result.missing_five_star_minima) or "—"

    @admin.display(description=_("5★ minima not met (for the central council)"))
    def missing_minima_detail(self, result):
        described = result.missing_five_star_minima_described()
        if not described:
            return "—"
        items = format_html_join("", "<li>{}</li>", [(line,) for line in described])
        return format_html("<ul>{}</ul>", items)

    @admin.display(description=_("stopped by the notes"))
    def stopped_by_display(self, result):
        """Appendix II's stop or knock-out notes that ended the evaluation, and on whose sheets."""
        return (
            format_html_join(
                "",
                "<p>{}: {} ({})</p>",
                (
                    (note["criterion"], note["text"], ", ".join(note.get("members", ())))
                    for note in result.stopped_by
                ),
            )
            or "—"
        )

    @admin.display(description=_("spread"), ordering="spread")
    def spread_display(self, result):
        if result.spread_exceeded:
            return format_html(
                '<strong class="ocop-spread-flag">{} ⚠</strong>', number_format(result.spread, 2)
            )
        return number_format(result.spread, 2)

    @admin.display(description=_("state"))
    def state(self, result):
        return result.dossier.get_state_display()

    @admin.display(description=_("members' score sheets"))
    def member_sheets(self, result):
        sheets = (
            ScoreSheet.objects.filter(dossier=result.dossier)
            .select_related("member")
            .order_by("member__full_name")
        )
        rows = [
            (
                sheet.member.full_name,
                # number_format: "81,00" beside the average's "81,60", not "81.00" (str of Decimal)
                _("conflict of interest")
                if sheet.conflict_of_interest
                else (number_format(sheet.total, 2) if sheet.total is not None else "—"),
                timezone.localtime(sheet.submitted_at).strftime("%d/%m/%Y %H:%M")
                if sheet.submitted_at
                else "—",
            )
            for sheet in sheets
        ]
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", rows)
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("member"),
            _("total"),
            _("submitted"),
            body,
        )

    @admin.display(description=_("history"))
    def history(self, result):
        events = result.dossier.events.select_related("actor").order_by("created_at")
        rows = [
            (
                timezone.localtime(event.created_at).strftime("%d/%m/%Y %H:%M"),
                event.actor or "—",
                transitions.Action(event.action).label,
                event.comment,
            )
            for event in events
        ]
        return format_html(
            "<table><tbody>{}</tbody></table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )
