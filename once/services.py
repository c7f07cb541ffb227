"""Create something once per form token.

The view hands over the form's token and a function that creates the object; the token is
claimed in the same transaction as the creation, so the unique constraint decides between two
requests racing with the same token and the loser's creation is rolled back.
"""

import datetime
import uuid
from collections.abc import Callable

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SubmissionToken

# A repeat comes within minutes (a double click, a reload, Back then submit); a month still
# covers a form page left open in a tab. An older token only takes room: the weekly
# purge_form_tokens duty deletes it.
KEEP_TOKENS = datetime.timedelta(days=30)


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


def purge_tokens(now: datetime.datetime | None = None) -> int:
    """Delete the tokens claimed more than KEEP_TOKENS ago; returns how many."""
    cutoff = (now or timezone.now()) - KEEP_TOKENS
    deleted, _by_model = SubmissionToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted
