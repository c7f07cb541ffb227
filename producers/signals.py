"""What producers and products tell, and ask, the apps above them, which they may not import.

``profile_changed`` is sent inside the profile's transaction once a saved profile changes, so the
apps that keep a history of submitted dossiers (products, through them the dossiers) record it in
the same transaction: a receiver that raises undoes the edit.

``edit_requested`` and ``edit_form_built`` let an app above hold some fields of a saved producer
or product fixed (a current certificate prints them, issue 18): the services send the first
before they write, and a receiver refuses by raising a ValidationError; the edit forms send the
second, and a receiver shows the fields it holds read-only, saying why. Both are sent with the
row's model as sender (Producer or Product).
"""

from django.dispatch import Signal

# Arguments: producer, by (the user), what (a sentence for the timeline), data (a JSON dict).
profile_changed = Signal()

# Arguments: instance (the row, locked for update), changed (the names of the fields to change).
edit_requested = Signal()
# Arguments: form, instance (the saved row the form edits).
edit_form_built = Signal()
