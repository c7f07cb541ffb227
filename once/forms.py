import uuid

from django import forms


class OneTimeTokenMixin(forms.Form):
    """A hidden token made when the form is first shown (see once.services.create_once); the
    data attribute lets portal.js put the sent token back when the person returns with Back."""

    client_token = forms.UUIDField(
        widget=forms.HiddenInput(attrs={"data-once-token": ""}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client_token"].initial = uuid.uuid4()
