"""Strings of Django that it ships without a Vietnamese translation (e.g. the admin filters'
"Show counts") or with a faulty one (the validators' "… 100 ." with a space before the full stop).
Marked here so makemessages keeps them in the project's catalogue, which Django consults first."""

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
    # Django's own Vietnamese puts a space before the full stop.
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
]
