"""The producer profile form as a browser posts it."""

from regions.models import Commune


def profile_data(area: Commune, **overrides) -> dict:
    data = {
        "kind": "cooperative",
        "name": "Hợp tác xã Chè Thái Hưng",
        "tax_code": "0901 234 567",
        "registration_date": "2020-05-04",
        "province": str(area.province_id),
        "commune": str(area.pk),
        "address_line": "Thôn Đông",
        "phone": "0912 345 678",
        "email": "chethaihung@example.vn",
        "website": "",
        "representative_name": "Lò Thị Mai",
        "representative_position": "Giám đốc",
        "representative_gender": "female",
        "representative_ethnicity": "Thái",
        "workers": "15",
        "local_labour_share": "90",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
