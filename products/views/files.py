"""Serving stored files after the permission check: never through a public URL."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control


def serve_file(field, *, content_type: str, filename: str, inline: bool, public: bool = False):
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        # Private papers: not kept by shared caches, revalidated by the browser.
        patch_cache_control(response, private=True, no_cache=True)
    return response
