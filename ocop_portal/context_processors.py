from functools import lru_cache

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .header import header_html
from .navigation import admin_url_for, header_menu, nav_for


@lru_cache(maxsize=4)
def _province_names(code: int) -> tuple[str, str]:
    from regions.models import Province

    province = Province.objects.filter(pk=code).first()
    return (province.full_name, province.in_sentence) if province else ("", "")


_province_name = _province_names  # the name the query-count tests warm it by


def portal(request):
    """What every page's header needs: the province served and the signed-in person's role.

    The menu is worked out only if the template prints it: a fragment rendered with the request
    (a sheet's autosave, every few seconds per member in session) prints no header."""
    user = request.user
    province = _province_names(settings.OCOP_PROVINCE_CODE)[0]
    nav = SimpleLazyObject(lambda: nav_for(user))
    menu = SimpleLazyObject(lambda: header_menu(nav))
    admin_url = SimpleLazyObject(lambda: admin_url_for(user))
    return {
        "portal_province": province,
        # inside a sentence: "tỉnh Hưng Yên", not "Tỉnh Hưng Yên"
        "portal_province_in_sentence": _province_names(settings.OCOP_PROVINCE_CODE)[1],
        "user_role": getattr(user, "role", None) if user.is_authenticated else None,
        "portal_nav": nav,
        "portal_menu": menu,
        "portal_admin_url": admin_url,
        # Printed by base.html only (a SafeString once worked out).
        "portal_header": SimpleLazyObject(
            lambda: header_html(request, menu=menu, province=province, admin_url=admin_url)
        ),
    }
