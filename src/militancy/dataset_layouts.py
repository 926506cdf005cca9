"""Published column layouts of the reference event datasets, in their published order.

The column lists come from `militancy.dataset_formats` (the importers' layouts), so the exports
(`militancy.research_exports`), the importers and the tests read the same names. Sources: the UCDP GED codebook
(CSV release, 49 columns) and the GTD codebook (`globalterrorismdb_*.csv`, 135 columns).
"""

from __future__ import annotations

from militancy.dataset_formats import GTD, UCDP_GED

UCDP_GED_COLUMNS: tuple[str, ...] = UCDP_GED.published_names

GTD_COLUMNS: tuple[str, ...] = GTD.published_names

# GTD attack types (attacktype1-3 and their _txt labels), as published in the GTD codebook.
GTD_ATTACK_TYPE_CODES: dict[str, int] = {
    "Assassination": 1,
    "Armed Assault": 2,
    "Bombing/Explosion": 3,
    "Hijacking": 4,
    "Hostage Taking (Barricade Incident)": 5,
    "Hostage Taking (Kidnapping)": 6,
    "Facility/Infrastructure Attack": 7,
    "Unarmed Assault": 8,
    "Unknown": 9,
}
