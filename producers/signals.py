"""What producers tell the apps above them, which producers may not import.

``profile_changed`` is sent inside the profile's transaction once a saved profile changes, so the
apps that keep a history of submitted dossiers (products, through them the dossiers) record it in
the same transaction: a receiver that raises undoes the edit.
"""

from django.dispatch import Signal

# Arguments: producer, by (the user), what (a sentence for the timeline), data (a JSON dict).
profile_changed = Signal()
