from . import (
    certificate_admin,  # noqa: F401  (certificates, revoked by approvers)
    result_admin,  # noqa: F401  (registers the approval screens)
    round_admin,  # noqa: F401  (rounds, moved by actions only)
)
