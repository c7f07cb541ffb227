"""The portal's admin site: Django's, without the navigation sidebar.

Django's sidebar repeats the index page's list of every registered model on each admin page,
and each_context works that list out for every page, shown or not: two permission queries and
a permission check per registered model, about 3 ms of the approver's results list. Officials
reach the other lists from the index page and the breadcrumbs, as they did on a narrow screen.
"""

from django.contrib import admin
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("OCOP portal administration")
    site_title = _("OCOP portal")
    index_title = _("Provincial administration")
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        # Worked out where it is read (the index pages), not for every page's context.
        return SimpleLazyObject(lambda: admin.AdminSite.get_app_list(self, request, app_label))
