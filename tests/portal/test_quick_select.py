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
@pytest.mark.parametrize("multiple", [False, True])
def test_a_quick_select_writes_what_django_writes(value, multiple):
    attrs = {"class": "form-select form-select-sm", "disabled": True, "data-x": False}
    django_select, quick_select = forms.Select(attrs=attrs), QuickSelect(attrs=attrs)
    for widget in django_select, quick_select:
        widget.choices = [*CHOICES, ("1", "the same value again")]
        widget.allow_multiple_selected = multiple

    expected = django_select.render("state", value, {"id": "id_s"})

    assert quick_select.render("state", value, {"id": "id_s"}) == expected


@pytest.mark.django_db
def test_a_quick_select_of_areas_writes_what_django_writes(home_commune):
    from regions.forms import commune_filter
    from regions.models import Commune

    field = commune_filter()
    field.queryset = Commune.objects.filter(province_id=home_commune.province_id)
    expected = forms.Select(choices=field.choices).render("commune", home_commune.pk)

    assert field.widget.render("commune", home_commune.pk) == expected


def test_a_quick_select_escapes_names_labels_and_attributes():
    written = QuickSelect(choices=[('"><script>', "<b>x</b>")]).render(
        'n"x', None, {"aria-label": '"><i>'}
    )

    assert "<script>" not in written
    assert "<b>" not in written
    assert "<i>" not in written
    assert 'value="&quot;&gt;&lt;script&gt;"' in written
