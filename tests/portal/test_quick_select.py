"""The filter bars' selects are written out in Python (ocop_portal.widgets.QuickSelect): the
markup must stay Django's own, byte for byte, or the lists' filters would change under people's
feet (and their tests with them)."""

import pytest
from django import forms

from ocop_portal.widgets import QuickSelect

CHOICES = [
    ("", 'All <rounds> & "kinds"'),
    (1, "Đợt 1"),
    ("a&b", "B"),
    ("Huyện cũ", [("g1", "Xã A"), ("g2", "Phường <B>")]),
]


@pytest.mark.parametrize("value", [None, "", "1", 1, "g2", ["1", "g1"], "missing"])
def test_a_quick_select_writes_what_django_writes(value):
    attrs = {"class": "form-select form-select-sm", "disabled": True, "data-x": False}

    expected = forms.Select(attrs=attrs, choices=CHOICES).render("state", value, {"id": "id_s"})
    written = QuickSelect(attrs=attrs, choices=CHOICES).render("state", value, {"id": "id_s"})

    assert written == expected


def test_a_quick_select_escapes_names_labels_and_attributes():
    written = QuickSelect(choices=[('"><script>', "<b>x</b>")]).render(
        'n"x', None, {"aria-label": '"><i>'}
    )

    assert "<script>" not in written
    assert "<b>" not in written
    assert "<i>" not in written
    assert 'value="&quot;&gt;&lt;script&gt;"' in written
