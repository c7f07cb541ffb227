"""The results admin's list written out in Python (councils.templatetags.result_rows,
evaluations.result_columns): its text escaped, and its filters and action bar in the same markup
as the Django templates they replace."""

import re

import pytest
from django.contrib.admin.templatetags.admin_list import admin_list_filter
from django.template import engines
from django.urls import reverse

from councils.templatetags.result_rows import result_action_fields, result_filters
from tests import factories

CHANGELIST = reverse("admin:councils_councilresult_changelist")


def _markup(html) -> str:
    """The markup without the whitespace between and around tags, which Django's templates and
    the written-out version lay out differently."""
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r"\s*(<|>)\s*", r"\1", html)


@pytest.mark.django_db
def test_the_rows_escape_the_names_they_show(client, approver, producer_org):
    producer_org.name = "Hợp tác xã <b>Khoái Châu</b>"
    producer_org.save()
    product = factories.ProductFactory(producer=producer_org, name='Mật ong "Nhãn" & <i>hoa</i>')
    factories.CouncilResultFactory(dossier__product=product, decision_number="12/<QĐ>")
    client.force_login(approver)

    page = client.get(CHANGELIST).text

    assert "Mật ong &quot;Nhãn&quot; &amp; &lt;i&gt;hoa&lt;/i&gt;</a></th>" in page
    assert 'aria-label="Chọn mục này để thao tác - Mật ong &quot;Nhãn&quot;' in page
    assert '<td class="field-producer">Hợp tác xã &lt;b&gt;Khoái Châu&lt;/b&gt;</td>' in page
    assert '<td class="field-decision_number">12/&lt;QĐ&gt;</td>' in page
    assert "<i>hoa</i>" not in page
    assert "<b>Khoái Châu</b>" not in page


@pytest.mark.django_db
def test_a_row_shows_the_area_and_the_state_of_its_dossier(client, approver, producer_org):
    result = factories.CouncilResultFactory(
        dossier__product=factories.ProductFactory(producer=producer_org)
    )
    commune = producer_org.commune
    district = commune.former_district
    area = f"{commune.name} ({district.name})" if district else commune.name
    client.force_login(approver)

    page = client.get(CHANGELIST).text

    assert f'<td class="field-area">{area}</td>' in page
    assert f'<td class="field-state">{result.dossier.get_state_display()}</td>' in page
    assert f'<td class="field-round">{result.dossier.round.name}</td>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [{}, {"stars": "4"}, {"_facets": "True"}, {"spread_exceeded__exact": "1", "state": "scored"}],
)
def test_the_filters_are_django_s_own_markup(client, approver, producer_org, query):
    factories.CouncilResultFactory(dossier__product=factories.ProductFactory(producer=producer_org))
    client.force_login(approver)

    cl = client.get(CHANGELIST, query).context["cl"]

    django_s = "".join(admin_list_filter(cl, spec) for spec in cl.filter_specs)
    assert _markup(result_filters(cl)) == _markup(django_s)
    assert 'class="selected"' in result_filters(cl)


@pytest.mark.django_db
def test_the_action_bar_is_django_s_own_markup(client, approver, producer_org):
    factories.CouncilResultFactory(dossier__product=factories.ProductFactory(producer=producer_org))
    client.force_login(approver)

    action_form = client.get(CHANGELIST).context["action_form"]

    django_s = engines["django"].from_string(
        "{% for field in action_form %}{% if field.label %}<label>{{ field.label }} {{ field }}"
        "</label>{% else %}{{ field }}{% endif %}{% endfor %}"
    )
    written = result_action_fields(action_form)
    assert _markup(written) == _markup(django_s.render({"action_form": action_form}))
    assert '<option value="approve_results">' in written


@pytest.mark.django_db
def test_show_counts_counts_the_results_of_each_choice(client, approver, producer_org):
    # The stars filter read its value as text; counting its choices gives it each lookup's int.
    factories.CouncilResultFactory.create_batch(2, stars=4, dossier__product__producer=producer_org)
    client.force_login(approver)

    response = client.get(CHANGELIST, {"_facets": "True"})

    assert response.status_code == 200
    assert "4★ (2)</a>" in response.text
    assert "3★ (0)</a>" in response.text
