"""Who may see the register of personal data and execute deletion requests."""

from accounts.models import Role


def can_view_register(user) -> bool:
    """The provincial office answers for the data (the controller's staff) and administrators."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR} or user.is_superuser)
    )


def can_handle_deletion(user, deletion_request) -> bool:
    """The provincial office of the province the person's producer belongs to; administrators."""
    if not can_view_register(user):
        return False
    if user.is_superuser or user.is_national_administrator:
        return True
    return deletion_request.province_id == user.province_id


def handled_requests_for(user, queryset):
    """The requests ``user`` may see: the list-side twin of can_handle_deletion."""
    if not can_view_register(user):
        return queryset.none()
    if user.is_superuser or user.is_national_administrator:
        return queryset
    return queryset.filter(province_id=user.province_id)
