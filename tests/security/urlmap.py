"""The portal's URLs as the resolver knows them, with the arguments each needs.

Read from ``get_resolver()`` so that a new URL cannot be forgotten: every name must be classified
by the matrices (public, a page, or an action) or a test fails.
"""

from django.urls import URLPattern, URLResolver, get_resolver


def _url_names(patterns=None, namespace=None, converters=()):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        found = (*converters, *getattr(pattern.pattern, "converters", {}))
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from _url_names(pattern.url_patterns, pattern.namespace or namespace, found)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, sorted(found)


ALL_URLS = sorted(dict(_url_names()).items())


def url_kwargs(name: str, converters, ids: dict, extra: dict) -> dict:
    """Arguments for ``reverse(name)``: a primary key looked up in ``ids`` by the longest
    prefix of the URL name (``"evaluations:dossier-accept"`` → ``ids["evaluations:dossier"]``
    unless ``ids`` names the URL itself), the other converters from ``extra``."""
    kwargs = {}
    for converter in converters:
        if converter == "pk":
            key = next((k for k in sorted(ids, key=len, reverse=True) if name.startswith(k)), None)
            kwargs["pk"] = ids[key] if key else 10**6
        else:
            kwargs[converter] = (
                extra[converter](name) if callable(extra[converter]) else (extra[converter])
            )
    return kwargs
