"""Strings of Django's admin that Django ships without a Vietnamese translation (e.g. the filters'
"Show counts"). Marked here so makemessages keeps them in the project's catalogue, which Django
consults before the admin's own."""

from django.utils.translation import gettext_noop

ADMIN_STRINGS = [
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Skip to main content"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Error:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
]
