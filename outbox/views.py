"""The provincial office's outbox: the notices of bulk decisions, by batch, to send or discard,
and the notices the mail server has not taken."""

from collections import defaultdict

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import services
from .models import MessageState, OutboxMessage
from .permissions import can_decide_outbox, can_view_outbox

RECENT_DECISIONS = 50


def outbox_list(request):
    user = request.user
    if not can_view_outbox(user):
        raise Http404
    visible = OutboxMessage.objects.visible_to(user).select_related(
        "batch", "batch__created_by", "dossier__product", "recipient"
    )
    batches = defaultdict(list)
    for message in visible.pending().order_by("-batch__created_at", "batch_id", "pk"):
        batches[message.batch].append(message)
    undelivered = visible.undelivered().order_by("-pk")[:RECENT_DECISIONS]
    decided = (
        visible.filter(batch__isnull=False)
        .exclude(state=MessageState.PENDING)
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")[:RECENT_DECISIONS]
    )
    return render(
        request,
        "outbox/outbox_list.html",
        {
            "batches": list(batches.items()),
            "decided": decided,
            "undelivered": undelivered,
            "can_decide": can_decide_outbox(user),
        },
    )


@require_POST
def outbox_decide(request):
    """Send or discard the ticked messages, or every pending message of one batch."""
    user = request.user
    if not can_decide_outbox(user):
        raise Http404
    pending = OutboxMessage.objects.visible_to(user).pending()
    batch = request.POST.get("batch", "")
    if batch.isdigit():
        chosen = pending.filter(batch_id=batch)
    else:
        ids = [pk for pk in request.POST.getlist("message") if pk.isdigit()]
        chosen = pending.filter(pk__in=ids)
    chosen = list(chosen)
    if not chosen:
        messages.warning(request, _("Tick at least one pending message."))
        return redirect("outbox:list")
    if request.POST.get("decision") == "discard":
        count = services.discard_messages(chosen, by=user)
        messages.success(
            request,
            ngettext("%(count)d message discarded.", "%(count)d messages discarded.", count)
            % {"count": count},
        )
    else:
        count = services.send_messages(chosen, by=user)
        messages.success(
            request,
            ngettext("%(count)d message sent.", "%(count)d messages sent.", count)
            % {"count": count},
        )
    return redirect("outbox:list")
