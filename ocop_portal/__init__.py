# Connects the request signals that run work left for after a response, before the first request.
from . import after_response  # noqa: F401
