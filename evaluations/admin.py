from . import result_admin  # noqa: F401  (registers the approval screens)
