"""The Jinja2 environment, for the few hot templates rendered through it (settings.TEMPLATES).

The Django template language stays the portal's; Jinja2 renders a template only where its loop
is a page's main cost (the criteria of a score sheet: about 50 criteria and 150 options on each
view of every council member's sheet; a member's list of sheets; the rows of the dossier lists;
the header of every page, ocop_portal.header).
Autoescaping is on, as in Django's templates; Django's SafeString is honoured (it has
``__html__``). Exposed: gettext and ngettext (``_`` too), ``url`` (reverse), ``static``, the
``localize``, ``date`` and ``linebreaksbr`` filters; Django's backend adds ``csrf_input`` and
``csrf_token`` when a request is given. User-facing text in these templates comes from Python
(gettext_lazy), so that makemessages, which does not read Jinja2, keeps its msgids.
"""

import datetime

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import reverse
from django.utils import dateformat, formats, timezone, translation
from jinja2 import Environment


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


# The formats of the lists' dates, in numbers only (no month or day names to translate): the
# same text through strftime, where dateformat builds a formatter and parses the format for each
# date (two of the province's list's 16 ms, with a date or two on each of its 50 rows).
NUMERIC_FORMATS = {"d/m/Y": "%d/%m/%Y", "d/m/Y H:i": "%d/%m/%Y %H:%M"}


def date(value, format_string: str) -> str:
    """Django's ``date`` filter: an aware datetime in the local time zone first."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    numeric = NUMERIC_FORMATS.get(format_string)
    if numeric and isinstance(value, datetime.date) and value.year >= 1000:
        return value.strftime(numeric)  # %Y pads no year below 1000 as Y does
    return dateformat.format(value, format_string)


def translated(labels: dict) -> dict[str, str]:
    """A template's words (gettext_lazy, kept in Python for makemessages) translated once for a
    render: a lazy string is translated again, and escaped, each time a loop prints it."""
    return {key: str(label) for key, label in labels.items()}


def environment(**options) -> Environment:
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    env = Environment(**options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    env.globals.update(url=url, static=static)
    env.filters["localize"] = formats.localize  # numbers and dates as Django's templates show them
    env.filters["date"] = date
    env.filters["linebreaksbr"] = defaultfilters.linebreaksbr  # escapes, then marks safe
    return env
