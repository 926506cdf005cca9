"""The published layouts of the event datasets researchers bring: UCDP GED, GTD and ACLED.

One place says, for every format, its exact column set in published order, the type of each column, which
codebook a coded column follows (the codes themselves live in seeds/datasets/dataset_codes.csv, which dbt maps to
the warehouse's conventions), the sentinel values that mean "unknown", and the licence reminder shown at
`militancy datasets add`. The file checker (`militancy.datasets`), the dbt staging models (through the generated
macro file macros/dataset_layouts.sql) and the synthetic generator all read this module.
"""

from __future__ import annotations

from dataclasses import dataclass

# DuckDB/portable type names used in read_csv(columns={...}); the checker uses the same names with try_cast.
TYPES = ("varchar", "integer", "bigint", "double", "timestamp")


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "varchar"
    codebook: str | None = None  # field name in dataset_codes.csv whose codes this column must use
    low: int | None = None  # inclusive numeric range, for codes too many to list (GTD imonth/iday)
    high: int | None = None
    unknown: tuple[str, ...] = ()  # values meaning "unknown" besides the empty field (e.g. -9, -99)


@dataclass(frozen=True)
class DatasetFormat:
    name: str
    label: str
    publisher: str
    columns: tuple[Field, ...]
    id_column: str
    layout_version: str
    licence_note: str
    header_optional: bool = False  # some UCDP GED releases ship without a header row
    encodings: tuple[str, ...] = ("utf-8",)  # tried in order; the file is stored in the drop folder as UTF-8
    extensions: tuple[str, ...] = (".csv",)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def field(self, name: str) -> Field:
        return next(c for c in self.columns if c.name == name)


def _fields(names: str, type_: str = "varchar", **kwargs: object) -> tuple[Field, ...]:
    return tuple(Field(n.strip(), type_, **kwargs) for n in names.split(",") if n.strip())  # type: ignore[arg-type]


_V = "varchar"
_I = "integer"
_D = "double"

UCDP_GED = DatasetFormat(
    name="ucdp-ged",
    label="UCDP Georeferenced Event Dataset (GED)",
    publisher="Uppsala Conflict Data Program, Uppsala University",
    columns=(
        Field("id", _I),
        Field("relid"),
        Field("year", _I),
        Field("active_year", _I, codebook="active_year"),
        Field("code_status", codebook="code_status"),
        Field("type_of_violence", _I, codebook="type_of_violence"),
        *_fields("conflict_dset_id,conflict_new_id", _I),
        Field("conflict_name"),
        *_fields("dyad_dset_id,dyad_new_id", _I),
        Field("dyad_name"),
        *_fields("side_a_dset_id,side_a_new_id", _I),
        Field("side_a"),
        *_fields("side_b_dset_id,side_b_new_id", _I),
        Field("side_b"),
        Field("number_of_sources", _I),
        *_fields("source_article,source_office,source_date,source_headline,source_original"),
        Field("where_prec", _I, codebook="where_prec"),
        *_fields("where_coordinates,where_description,adm_1,adm_2"),
        *_fields("latitude,longitude", _D),
        Field("geom_wkt"),
        Field("priogrid_gid", _I),
        Field("country"),
        Field("country_id", _I),
        Field("region"),
        Field("event_clarity", _I, codebook="event_clarity"),
        Field("date_prec", _I, codebook="date_prec"),
        *_fields("date_start,date_end", "timestamp"),
        *_fields("deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low", _I),
        *_fields("gwnoa,gwnob"),
    ),
    id_column="id",
    layout_version="GED CSV, 49 columns (id ... gwnob), as published since GED 18.1",
    licence_note=(
        "UCDP data are free to use with attribution (CC BY 4.0): cite Sundberg & Melander (2013) and the "
        "GED release you downloaded. Keep your download out of git; the warehouse stores only a registry row."
    ),
    header_optional=True,
)

_GTD_CODE_FIELDS = {
    "imonth": Field("imonth", _I, low=0, high=12),
    "iday": Field("iday", _I, low=0, high=31),
    "extended": Field("extended", _I, codebook="yes_no"),
    "specificity": Field("specificity", _I, codebook="specificity"),
    "vicinity": Field("vicinity", _I, codebook="yes_no", unknown=("-9",)),
    "doubtterr": Field("doubtterr", _I, codebook="yes_no", unknown=("-9",)),
    "multiple": Field("multiple", _I, codebook="yes_no"),
    "success": Field("success", _I, codebook="yes_no"),
    "suicide": Field("suicide", _I, codebook="yes_no"),
    "attacktype1": Field("attacktype1", _I, codebook="attacktype"),
    "attacktype2": Field("attacktype2", _I, codebook="attacktype"),
    "attacktype3": Field("attacktype3", _I, codebook="attacktype"),
    "guncertain1": Field("guncertain1", _I, codebook="yes_no"),
    "guncertain2": Field("guncertain2", _I, codebook="yes_no"),
    "guncertain3": Field("guncertain3", _I, codebook="yes_no"),
    "individual": Field("individual", _I, codebook="yes_no"),
    "nperps": Field("nperps", _I, unknown=("-9", "-99")),
    "nperpcap": Field("nperpcap", _I, unknown=("-9", "-99")),
    "claimed": Field("claimed", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode": Field("claimmode", _I, codebook="claimmode"),
    "claim2": Field("claim2", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode2": Field("claimmode2", _I, codebook="claimmode"),
    "claim3": Field("claim3", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode3": Field("claimmode3", _I, codebook="claimmode"),
    "compclaim": Field("compclaim", _I, codebook="yes_no", unknown=("-9",)),
    "nkill": Field("nkill", _D, unknown=("-9", "-99")),
    "nkillus": Field("nkillus", _D, unknown=("-9", "-99")),
    "nkillter": Field("nkillter", _D, unknown=("-9", "-99")),
    "nwound": Field("nwound", _D, unknown=("-9", "-99")),
    "nwoundus": Field("nwoundus", _D, unknown=("-9", "-99")),
    "nwoundte": Field("nwoundte", _D, unknown=("-9", "-99")),
    "latitude": Field("latitude", _D),
    "longitude": Field("longitude", _D),
    "eventid": Field("eventid", "bigint"),
    "iyear": Field("iyear", _I),
    "country": Field("country", _I),
    "region": Field("region", _I),
}
_GTD_HEADER = (
    "eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,region_txt,provstate,city,"
    "latitude,longitude,specificity,vicinity,location,summary,crit1,crit2,crit3,doubtterr,alternative,"
    "alternative_txt,multiple,success,suicide,attacktype1,attacktype1_txt,attacktype2,attacktype2_txt,attacktype3,"
    "attacktype3_txt,targtype1,targtype1_txt,targsubtype1,targsubtype1_txt,corp1,target1,natlty1,natlty1_txt,"
    "targtype2,targtype2_txt,targsubtype2,targsubtype2_txt,corp2,target2,natlty2,natlty2_txt,targtype3,"
    "targtype3_txt,targsubtype3,targsubtype3_txt,corp3,target3,natlty3,natlty3_txt,gname,gsubname,gname2,"
    "gsubname2,gname3,gsubname3,motive,guncertain1,guncertain2,guncertain3,individual,nperps,nperpcap,claimed,"
    "claimmode,claimmode_txt,claim2,claimmode2,claimmode2_txt,claim3,claimmode3,claimmode3_txt,compclaim,weaptype1,"
    "weaptype1_txt,weapsubtype1,weapsubtype1_txt,weaptype2,weaptype2_txt,weapsubtype2,weapsubtype2_txt,weaptype3,"
    "weaptype3_txt,weapsubtype3,weapsubtype3_txt,weaptype4,weaptype4_txt,weapsubtype4,weapsubtype4_txt,weapdetail,"
    "nkill,nkillus,nkillter,nwound,nwoundus,nwoundte,property,propextent,propextent_txt,propvalue,propcomment,"
    "ishostkid,nhostkid,nhostkidus,nhours,ndays,divert,kidhijcountry,ransom,ransomamt,ransomamtus,ransompaid,"
    "ransompaidus,ransomnote,hostkidoutcome,hostkidoutcome_txt,nreleased,addnotes,scite1,scite2,scite3,dbsource,"
    "INT_LOG,INT_IDEO,INT_MISC,INT_ANY,related"
)
_GTD_NAMES = _GTD_HEADER.split(",")

GTD = DatasetFormat(
    name="gtd",
    label="Global Terrorism Database (GTD)",
    publisher="START, University of Maryland",
    columns=tuple(_GTD_CODE_FIELDS.get(n, Field(n)) for n in _GTD_NAMES),
    id_column="eventid",
    layout_version="GTD codebook layout, 135 columns (eventid ... related, with `individual`), 2017+ releases",
    licence_note=(
        "GTD is distributed by START under its End User Agreement, which forbids redistributing the data: "
        "the file stays in datasets/gtd/ (gitignored); cite START's Global Terrorism Database and your release."
    ),
    encodings=("utf-8", "cp1252"),
    extensions=(".csv", ".xlsx"),
)

ACLED = DatasetFormat(
    name="acled",
    label="Armed Conflict Location & Event Data (ACLED)",
    publisher="ACLED",
    columns=(
        Field("event_id_cnty"),
        Field("event_date"),
        Field("year", _I),
        Field("time_precision", _I, codebook="time_precision"),
        Field("disorder_type", codebook="disorder_type"),
        Field("event_type", codebook="event_type"),
        Field("sub_event_type", codebook="sub_event_type"),
        Field("actor1"),
        Field("assoc_actor_1"),
        Field("inter1", _I, codebook="inter"),
        Field("actor2"),
        Field("assoc_actor_2"),
        Field("inter2", _I, codebook="inter"),
        Field("interaction", _I),
        Field("civilian_targeting", codebook="civilian_targeting"),
        Field("iso", _I),
        *_fields("region,country,admin1,admin2,admin3,location"),
        *_fields("latitude,longitude", _D),
        Field("geo_precision", _I, codebook="geo_precision"),
        *_fields("source,source_scale,notes"),
        Field("fatalities", _I),
        Field("tags"),
        Field("timestamp", "bigint"),
    ),
    id_column="event_id_cnty",
    layout_version="ACLED export, 31 columns (event_id_cnty ... timestamp, with civilian_targeting)",
    licence_note=(
        "ACLED data are provided under ACLED's Terms of Use (attribution required; the raw data may not be "
        "redistributed): keep the export in datasets/acled/ (gitignored) and cite ACLED with your access date."
    ),
)

FORMATS: dict[str, DatasetFormat] = {f.name: f for f in (UCDP_GED, GTD, ACLED)}

# Dates ACLED exports write: ISO from the API, "19 September 2010" from the export tool.
ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y")


def layout_macro() -> str:
    """Render macros/dataset_layouts.sql: the column types each staging model passes to read_csv."""
    lines = [
        "{#- Generated by `militancy gen-yml` from src/militancy/dataset_formats.py; edit that file instead.",
        "    The exact published column set of each dataset format, in order, with the type read_csv gives it. -#}",
        "",
        "{% macro dataset_layout(format) -%}",
        "    {%- set layouts = {",
    ]
    for fmt in FORMATS.values():
        pairs = ", ".join(f"'{c.name}': '{c.type}'" for c in fmt.columns)
        lines.append(f"        '{fmt.name}': {{{pairs}}},")
    lines += ["    } -%}", "    {{ return(layouts[format]) }}", "{%- endmacro %}", ""]
    return "\n".join(lines)
