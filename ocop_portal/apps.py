from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's site (ocop_portal.admin_site) as admin.site."""

    default_site = "ocop_portal.admin_site.PortalAdminSite"
