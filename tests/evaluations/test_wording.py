"""Vietnamese wording: the province in lower case inside a sentence, the minutes' title naming the
round once, validators' messages without a space before the full stop, and the return email
pointing at the items above it."""

import pytest
from django import forms
from django.core.validators import MaxValueValidator
from django.utils import translation

from certificates.session_documents import minutes_subtitle
from evaluations import transitions
from regions.models import Province
from tests import factories


@pytest.mark.django_db
def test_the_province_is_lower_case_inside_a_sentence(areas, client):
    province = Province.objects.get(pk=33)

    assert province.full_name == "Tỉnh Hưng Yên"
    assert province.in_sentence == "tỉnh Hưng Yên"
    assert "chứng nhận OCOP của tỉnh Hưng Yên" in client.get("/").text


@pytest.mark.django_db
def test_the_minutes_name_the_round_once(today):
    round_ = factories.RoundFactory(name="Đợt 2 năm 2026")
    named_after_round = factories.CouncilFactory(
        round=round_, name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hưng Yên đợt 2 năm 2026"
    )
    plain = factories.CouncilFactory(round=round_, name="Hội đồng OCOP tỉnh Hưng Yên")

    assert minutes_subtitle(named_after_round, round_) == named_after_round.name
    assert minutes_subtitle(plain, round_) == "Hội đồng OCOP tỉnh Hưng Yên, Đợt 2 năm 2026"


def test_a_validators_message_ends_without_a_space_before_the_full_stop():
    field = forms.IntegerField(validators=[MaxValueValidator(100)])

    with translation.override("vi"), pytest.raises(forms.ValidationError) as refused:
        field.clean("120")

    assert refused.value.messages == ["Giá trị này phải nhỏ hơn hoặc bằng 100."]


@pytest.mark.django_db
def test_the_return_email_points_at_the_items_above_it(
    producer, commune_officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        transitions.return_dossier(
            submitted,
            by=commune_officer,
            items=[{"item": "test_report", "comment": "Phiếu kiểm nghiệm quá hạn."}],
        )

    [message] = mailoutbox
    lines = message.body.splitlines()
    item = lines.index(next(line for line in lines if "Phiếu kiểm nghiệm quá hạn." in line))
    ask = lines.index(next(line for line in lines if line.startswith("Đề nghị bổ sung")))
    assert item < ask  # the items come first…
    assert "các mục nêu trên" in lines[ask]  # …and the sentence says so
    assert "dưới đây" not in message.body
