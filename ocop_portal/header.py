"""The header of every full page (templates/jinja2/portal/header.jinja), printed by base.html.

Through Jinja2: in Django's template language its links, menus and language form cost about a
millisecond on every signed-in page. Its words are worked out once per language and process,
its links once per process (navigation.link); the menu is the person's, read when the header
is printed.
"""

import functools

from django.conf import settings
from django.template import engines
from django.template.backends.utils import csrf_input
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from privacy.permissions import can_view_register

from .jinja_env import translated
from .navigation import link

WORDS = {
    "main_navigation": _("Main navigation"),
    "portal": _("OCOP portal"),
    "toggle": _("Toggle navigation"),
    "language": _("Language"),
    "change": _("Change"),
    "password_change": _("Change password"),
    "two_factor": _("Two-factor sign-in"),
    "my_data": _("My personal data"),
    "register": _("Personal data register"),
    "administration": _("Administration"),
    "sign_out": _("Sign out"),
    "sign_in": _("Sign in"),
    "signup": _("Producer sign-up"),
}

LINKS = {
    "home": "home",
    "set_language": "set_language",
    "password_change": "accounts:password-change",
    "two_factor": "accounts:2fa",
    "my_data": "privacy:my-data",
    "register": "privacy:register",
    "logout": "accounts:logout",
    "login": "accounts:login",
    "signup": "accounts:signup",
}

# Each language by its own name, whatever the page's language.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@functools.lru_cache(maxsize=8)
def _words(language: str) -> dict[str, str]:
    return translated(WORDS)  # in the active language, the cache's key


def header_html(request, *, menu, province: str, admin_url: str | None) -> SafeString:
    user = request.user
    signed_in = user.is_authenticated
    context = {
        "w": _words(get_language()),
        "links": {key: link(name) for key, name in LINKS.items()},
        "menu": menu,
        "province": province,
        "current": request.resolver_match.view_name if request.resolver_match else None,
        "next": request.get_full_path(),
        "language": get_language(),
        "languages": [(code, LANGUAGE_NAMES.get(code, code)) for code, _name in settings.LANGUAGES],
        "user": user,
        "role_label": user.get_role_display() if signed_in else "",
        "register": signed_in and can_view_register(user),
        "admin_url": admin_url,
    }
    # Its two forms share one masked token: the backend would mask the secret again for each,
    # drawing 32 random characters every time.
    context["csrf_input"] = csrf_input(request)
    template = engines["jinja2"].get_template("portal/header.jinja")
    return mark_safe(template.render(context))  # autoescaped by Jinja2
