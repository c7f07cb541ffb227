"""Trade events kept before events had a province belong, after the migration, to the province
the installation serves (``OCOP_PROVINCE_CODE``)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("programme", "0002_text_max_lengths")]
AFTER = [("programme", "0004_trade_event_province_required")]


@pytest.mark.django_db(transaction=True)
def test_events_kept_before_get_the_installations_province(settings, today, areas):
    settings.OCOP_PROVINCE_CODE = 24  # Bắc Ninh, not the default: the setting is what counts
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    office = old.get_model("accounts", "User").objects.create(
        email="vanphong.cu@example.vn", full_name="Văn phòng", role="provincial_office"
    )
    old.get_model("programme", "TradeEvent").objects.create(
        name="Hội chợ cũ",
        starts_on="2026-10-01",
        ends_on="2026-10-03",
        place="Quảng trường",
        created_by=office,
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    from programme.models import TradeEvent

    assert list(TradeEvent.objects.values_list("name", "province_id")) == [("Hội chợ cũ", 24)]
