"""Requests refused before any view runs."""

from django.http import Http404


def refuse_null_bytes(get_response):
    """A NUL character in the path or the query string answers 404 before any lookup.

    PostgreSQL cannot hold NUL in text, so psycopg raises on such a value and the page would
    answer 500 (issue 19: ``/catalogue/verify/%00/``). No certificate number, token or search
    has one; form fields refuse it themselves (Django's ProhibitNullCharactersValidator).
    """

    def middleware(request):
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise Http404
        return get_response(request)

    return middleware
