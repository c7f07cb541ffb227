from functools import lru_cache

from django.conf import settings

from .navigation import admin_url_for, header_menu, nav_for


@lru_cache(maxsize=4)
def _province_name(code: int) -> str:
    from regions.models import Province

    province = Province.objects.filter(pk=code).first()
    return province.full_name if province else ""


def portal(request):
    """What every page's header needs: the province served and the signed-in person's role."""
    user = request.user
    nav = nav_for(user)
    return {
        "portal_province": _province_name(settings.OCOP_PROVINCE_CODE),
        "user_role": getattr(user, "role", None) if user.is_authenticated else None,
        "portal_nav": nav,
        "portal_menu": header_menu(nav),
        "portal_admin_url": admin_url_for(user),
    }
