"""Open data: the recognised products as a paginated JSON listing and as one CSV file.

Both are public (no sign-in) and read the same rows as the public catalogue. Documented in the
README's "Open data" section.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import exports
from ..forms import DEFAULT_PAGE_SIZE, OpenDataFilterForm
from ..open_data import certificate_record, listed_certificates


def _page_url(request, number: int | None) -> str | None:
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_not_required
@require_GET
def open_data(request):
    form = OpenDataFilterForm(request.GET)
    if not form.is_valid():
        return _open(JsonResponse({"errors": form.errors.get_json_data()}, status=400))
    today = timezone.localdate()
    filters = form.cleaned_data
    paginator = Paginator(
        listed_certificates(filters, today), filters["page_size"] or DEFAULT_PAGE_SIZE
    )
    try:
        page = paginator.page(filters["page"] or 1)
    except EmptyPage:
        error = {"message": _("This page has no results."), "code": "empty"}
        return _open(JsonResponse({"errors": {"page": [error]}}, status=404))
    return _open(
        JsonResponse(
            {
                "count": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages,
                "page_size": paginator.per_page,
                "next": _page_url(request, page.next_page_number() if page.has_next() else None),
                "previous": _page_url(
                    request, page.previous_page_number() if page.has_previous() else None
                ),
                "results": [certificate_record(c, today) for c in page.object_list],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    )


@login_not_required
@require_GET
def catalogue_csv(request):
    form = OpenDataFilterForm(request.GET)
    form.is_valid()  # an invalid filter is ignored, as on the catalogue page
    today = timezone.localdate()
    certificates = listed_certificates(form.cleaned_data, today)
    return _open(
        exports.csv_response(
            exports.CSV_HEADERS,
            exports.catalogue_rows(certificates, today),
            f"san-pham-ocop-{today:%Y-%m-%d}.csv",
        )
    )
