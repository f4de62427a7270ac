"""Rescue, health, conservation and temple news read right: a region's government named by
its level and short form is the region.

From the first runs of stop 29's held-out articles (tests/fixtures/generalization/kapal-
penumpang-tenggelam-perairan-buton, kasus-dbd-melonjak-rsud-penuh, harimau-sumatra-terjerat-
kampar-riau, waisak-2568-be-borobudur-lampion); tested here on other sentences.  No known
entities: the shipped lexicons only.
"""

import pytest
from entity_text import extract, found


@pytest.mark.parametrize(("government", "place"), [
    ("Pemerintah Kabupaten (Pemkab) Sleman", "Sleman"),
    ("Pemerintah Provinsi (Pemprov) Jawa Timur", "Jawa Timur"),
    ("Pemerintah Kota (Pemkot) Surabaya", "Surabaya"),
])
def test_a_government_named_by_its_level_and_short_form_is_the_region(bare, government, place):
    assert found(extract(f"{government} menyiapkan anggaran darurat.", bare)) == {("place", place): [place]}
