"""Create something once per form token.

The view hands over the form's token and a function that creates the object; the token is
claimed in the same transaction as the creation, so the unique constraint decides between two
requests racing with the same token and the loser's creation is rolled back.
"""

import uuid
from collections.abc import Callable

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from .models import SubmissionToken


def _earlier(token: uuid.UUID) -> SubmissionToken | None:
    return SubmissionToken.objects.filter(token=token).first()


def _replay(request, earlier: SubmissionToken) -> HttpResponseRedirect:
    if earlier.user_id != request.user.pk:
        raise Http404  # somebody else's token: nothing of theirs is shown
    messages.info(request, _("This form was already sent; here is what it created the first time."))
    return HttpResponseRedirect(earlier.url)


def create_once(request, token: uuid.UUID | None, create: Callable[[], object]):
    """Run ``create()`` unless ``token`` was used before. Returns ``(obj, None)`` after creating,
    ``(None, redirect)`` to the first object for a repeat. Without a token (a page from before
    tokens, a script) the object is simply created. Exceptions of ``create`` pass through and
    release the token, so a refused form may be corrected and sent again."""
    if token is None:
        return create(), None
    earlier = _earlier(token)
    if earlier is not None:
        return None, _replay(request, earlier)
    try:
        with transaction.atomic():
            claim = SubmissionToken.objects.create(token=token, user=request.user)
            obj = create()
            claim.url = obj.get_absolute_url()
            claim.save(update_fields=["url"])
    except IntegrityError:
        earlier = _earlier(token)
        if earlier is None:
            raise  # a constraint of the object itself, not the token
        return None, _replay(request, earlier)
    return obj, None
