"""The published layouts of the event datasets researchers bring: UCDP GED, GTD and ACLED.

One place says, for every format, its current column set in published order, the type of each column, which
codebook a coded column follows (the codes themselves live in seeds/datasets/dataset_codes.csv, which dbt maps to
the warehouse's conventions), the sentinel values that mean "unknown", and the licence reminder shown at
`militancy datasets add`. It also says which columns the other layouts users hold may lack (older GED releases,
ACLED's pre-2023 and monadic exports) or add (HDX's `iso3`, ACLED's `data_id`): columns are matched by name, so
every variant is stored in one shape, the stored layout (`columns`: the current layout, then the kept extras).
Text labels some exports write instead of codes (ACLED's "Rioters") are mapped to their codes here, and the rules
for inconsistencies a publisher ships (UCDP's split events with low > best) are declared here, once: the checker
reports them and the dbt staging models flag them with the same SQL. The file checker
(`militancy.datasets.registry`), the dbt staging models (through the generated macro file
macros/generated/dataset_layouts.sql), the research exports and the synthetic generator all read this module.
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
    optional: bool = False  # some published variants lack it: stored empty (NULL) for them
    extra: bool = False  # not in the current layout, but some variants carry it (HDX iso3): kept after the rest
    aliases: tuple[str, ...] = ()  # the name older releases give the column (GED 2.0 `best_est`)
    non_negative: bool = False  # a count: a negative value other than an `unknown` sentinel is an error
    labels: tuple[tuple[str, str], ...] = ()  # (text label, code) pairs some exports write instead of the code
    is_date: bool = False  # a date: an XLSX cell may hold it as an Excel serial day number


@dataclass(frozen=True)
class WarningRule:
    """An inconsistency the publisher ships in real files (not a damaged file): the record loads, keeps its published
    values and is flagged (fct_dataset_warnings); `datasets add --strict` refuses it instead. `condition` is SQL over
    the published column names with their layout types, true for a flagged record (NULL counts as not flagged)."""

    rule_id: str
    column: str
    condition: str
    description: str
    evidence: str  # the column of int_dataset_records_unioned that shows the published values the rule is about


@dataclass(frozen=True)
class DatasetFormat:
    name: str
    label: str
    publisher: str
    columns: tuple[Field, ...]
    id_column: str
    layout_version: str
    licence_note: str
    licence: str = ""  # the licence's name, for release manifests and codebooks
    redistributable: bool = False  # may a release republish its rows? (UCDP: CC BY 4.0; GTD, ACLED: no)
    header_optional: bool = False  # some UCDP GED releases ship without a header row
    encodings: tuple[str, ...] = ("utf-8",)  # tried in order; the file is stored in the drop folder as UTF-8
    extensions: tuple[str, ...] = (".csv", ".xlsx")
    warnings: tuple[WarningRule, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """The stored layout: the current published columns, then the kept extras."""
        return tuple(c.name for c in self.columns)

    @property
    def published_names(self) -> tuple[str, ...]:
        """The current published layout (what an export in this format writes)."""
        return tuple(c.name for c in self.columns if not c.extra)

    @property
    def required_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not (c.optional or c.extra))

    def field(self, name: str) -> Field:
        return next(c for c in self.columns if c.name == name)

    def resolve_name(self, name: str) -> str | None:
        """The stored column a header name stands for (its own name or an older alias), or None."""
        for c in self.columns:
            if name == c.name or name in c.aliases:
                return c.name
        return None


def _fields(names: str, type_: str = "varchar", **kwargs: object) -> tuple[Field, ...]:
    return tuple(Field(n.strip(), type_, **kwargs) for n in names.split(",") if n.strip())  # type: ignore[arg-type]


_V = "varchar"
_I = "integer"
_D = "double"

_OPT = {"optional": True}
_COUNT = {"type_": _I, "non_negative": True}

UCDP_GED = DatasetFormat(
    name="ucdp-ged",
    label="UCDP Georeferenced Event Dataset (GED)",
    publisher="Uppsala Conflict Data Program, Uppsala University",
    columns=(
        # Text: the Candidate GED's monthly files write ids such as 2-123456; the global releases, integers.
        Field("id"),
        Field("relid", optional=True),
        Field("year", _I),
        # 1/0 in the global releases, true/false in the Candidate files.
        Field("active_year", _I, codebook="active_year", optional=True, labels=(("true", "1"), ("false", "0"))),
        # "Clear" or "Check" in the global releases; the Candidate files say what to check ("Check dyad"): free text.
        Field("code_status", optional=True),
        Field("type_of_violence", _I, codebook="type_of_violence"),
        *_fields("conflict_dset_id", _I, **_OPT),
        Field("conflict_new_id", _I, optional=True),
        Field("conflict_name", optional=True),
        *_fields("dyad_dset_id", _I, **_OPT),
        Field("dyad_new_id", _I, optional=True),
        Field("dyad_name", optional=True),
        *_fields("side_a_dset_id", _I, **_OPT),
        Field("side_a_new_id", _I, optional=True),
        Field("side_a"),
        *_fields("side_b_dset_id", _I, **_OPT),
        Field("side_b_new_id", _I, optional=True),
        Field("side_b"),
        Field("number_of_sources", _I, optional=True, unknown=("-1",)),  # -1: not recorded (older events)
        *_fields("source_article,source_office,source_date,source_headline,source_original", **_OPT),
        Field("where_prec", _I, codebook="where_prec"),
        *_fields("where_coordinates,where_description,adm_1,adm_2", **_OPT),
        *_fields("latitude,longitude", _D),
        Field("geom_wkt", optional=True),
        Field("priogrid_gid", _I, optional=True),
        Field("country"),
        Field("country_id", _I, optional=True),
        Field("region", optional=True),
        Field("event_clarity", _I, codebook="event_clarity", optional=True),
        Field("date_prec", _I, codebook="date_prec"),
        *_fields("date_start,date_end", "timestamp", is_date=True),
        *_fields("deaths_a,deaths_b,deaths_civilians,deaths_unknown", **_COUNT, optional=True),  # type: ignore[arg-type]
        Field("best", _I, non_negative=True, aliases=("best_est",)),
        Field("high", _I, non_negative=True, aliases=("high_est",)),
        Field("low", _I, non_negative=True, aliases=("low_est",)),
        *_fields("gwnoa,gwnob", **_OPT),
        # HDX's country extracts add the ISO 3166-1 alpha-3 code of the country.
        Field("iso3", extra=True),
    ),
    id_column="id",
    layout_version="GED CSV, 49 columns (id ... gwnob), as published since GED 18.1; columns matched by name",
    warnings=(
        WarningRule(
            "ged_figures_out_of_order",
            "best",
            "not (low <= best and best <= high)",
            "UCDP's low, best and high deaths are not in order low <= best <= high (UCDP ships this for some "
            "split events); kept as published, the warehouse's range spans all three",
            "killed_text",
        ),
        WarningRule(
            "ged_ends_before_start",
            "date_end",
            "date_end < date_start",
            "date_end is before date_start; the warehouse's interval runs from the earlier to the later date",
            "date_text",
        ),
    ),
    licence_note=(
        "UCDP data are free to use with attribution (CC BY 4.0): cite Sundberg & Melander (2013) and the "
        "GED release you downloaded. Keep your download out of git; the warehouse stores only a registry row."
    ),
    licence="CC BY 4.0 (Uppsala Conflict Data Program)",
    redistributable=True,
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
    "nperps": Field("nperps", _I, unknown=("-9", "-99"), non_negative=True),
    "nperpcap": Field("nperpcap", _I, unknown=("-9", "-99"), non_negative=True),
    "claimed": Field("claimed", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode": Field("claimmode", _I, codebook="claimmode"),
    "claim2": Field("claim2", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode2": Field("claimmode2", _I, codebook="claimmode"),
    "claim3": Field("claim3", _I, codebook="yes_no", unknown=("-9",)),
    "claimmode3": Field("claimmode3", _I, codebook="claimmode"),
    "compclaim": Field("compclaim", _I, codebook="yes_no", unknown=("-9",)),
    # Counts are published as reals: split incidents carry fractions (nkill 19.8); kept as published.
    "nkill": Field("nkill", _D, unknown=("-9", "-99"), non_negative=True),
    "nkillus": Field("nkillus", _D, unknown=("-9", "-99"), non_negative=True),
    "nkillter": Field("nkillter", _D, unknown=("-9", "-99"), non_negative=True),
    "nwound": Field("nwound", _D, unknown=("-9", "-99"), non_negative=True),
    "nwoundus": Field("nwoundus", _D, unknown=("-9", "-99"), non_negative=True),
    "nwoundte": Field("nwoundte", _D, unknown=("-9", "-99"), non_negative=True),
    "latitude": Field("latitude", _D),
    "longitude": Field("longitude", _D),
    "eventid": Field("eventid", "bigint"),
    "resolution": Field("resolution", is_date=True),
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
    licence="GTD End User Agreement (START, University of Maryland): no redistribution",
    encodings=("utf-8", "cp1252"),
    warnings=(
        WarningRule(
            "gtd_resolved_before_start",
            "resolution",
            "extended = 1 and try_cast(resolution as date) < make_date(iyear, greatest(imonth, 1), 1)",
            "an extended incident's resolution date is before the incident's first possible day; the interval "
            "keeps the incident's own date",
            "date_text",
        ),
    ),
)

# ACLED's actor types: the codes of its older exports and the labels its current exports write instead.
ACLED_INTER_LABELS = (
    ("State forces", "1"),
    ("Rebel group", "2"),
    ("Political militia", "3"),
    ("Identity militia", "4"),
    ("Rioters", "5"),
    ("Protesters", "6"),
    ("Civilians", "7"),
    ("External/Other forces", "8"),
)


def acled_interaction_labels() -> tuple[tuple[str, str], ...]:
    """ACLED's interaction codes as its current exports label them: "State forces-Rioters" is 15 (the two actor
    types, the lower first), "Rioters only" is 50 (an actor acting alone)."""
    pairs = []
    for a_label, a in ACLED_INTER_LABELS:
        pairs.append((f"{a_label} only", f"{a}0"))
        for b_label, b in ACLED_INTER_LABELS:
            low, high = sorted((a, b))
            pairs.append((f"{a_label}-{b_label}", f"{low}{high}"))
    return tuple(pairs)


ACLED = DatasetFormat(
    name="acled",
    label="Armed Conflict Location & Event Data (ACLED)",
    publisher="ACLED",
    columns=(
        Field("event_id_cnty"),
        Field("event_date", is_date=True),
        Field("year", _I),
        Field("time_precision", _I, codebook="time_precision"),
        Field("disorder_type", codebook="disorder_type", optional=True),  # added in 2022
        Field("event_type", codebook="event_type"),
        Field("sub_event_type", codebook="sub_event_type"),
        Field("actor1"),
        Field("assoc_actor_1"),
        Field("inter1", _I, codebook="inter", labels=ACLED_INTER_LABELS),
        # Monadic exports have no second actor.
        Field("actor2", optional=True),
        Field("assoc_actor_2", optional=True),
        Field("inter2", _I, codebook="inter", labels=ACLED_INTER_LABELS, optional=True),
        Field("interaction", _I, labels=acled_interaction_labels()),
        Field("civilian_targeting", codebook="civilian_targeting", optional=True),  # added in 2022
        Field("iso", _I),
        *_fields("region,country,admin1,admin2,admin3,location"),
        *_fields("latitude,longitude", _D),
        Field("geo_precision", _I, codebook="geo_precision"),
        *_fields("source,source_scale,notes"),
        Field("fatalities", _I, non_negative=True),
        Field("tags", optional=True),  # added in 2023
        Field("timestamp", "bigint"),
        # The pre-2023 export's own columns, kept: its row id, the id's number and the ISO 3166-1 alpha-3 code.
        Field("data_id", "bigint", extra=True),
        Field("event_id_no_cnty", "bigint", extra=True),
        Field("iso3", extra=True),
    ),
    id_column="event_id_cnty",
    layout_version="ACLED export (current 31 columns, pre-2023, monadic; codes or labels); columns matched by name",
    licence_note=(
        "ACLED data are provided under ACLED's Terms of Use (attribution required; the raw data may not be "
        "redistributed): keep the export in datasets/acled/ (gitignored) and cite ACLED with your access date."
    ),
    licence="ACLED Terms of Use: attribution required, no redistribution of the data",
)

FORMATS: dict[str, DatasetFormat] = {f.name: f for f in (UCDP_GED, GTD, ACLED)}

# Dates ACLED exports write: ISO from the API, "19 September 2010" from the export tool, and "9-May-20" where Excel
# re-saved the file (DuckDB's %y reads 00-68 as 20xx, 69-99 as 19xx; ACLED starts in 1997).
ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y")


def layout_macro() -> str:
    """Render macros/generated/dataset_layouts.sql: the column types each staging model passes to read_csv, and the
    warning rules each staging model flags (the checker of `datasets add` runs the same conditions)."""
    lines = [
        "{#- Generated by `militancy gen-yml` from src/militancy/datasets/formats.py; edit that file instead.",
        "    The stored column set of each dataset format, in order, with the type read_csv gives it. -#}",
        "",
        "{% macro dataset_layout(format) -%}",
        "    {%- set layouts = {",
    ]
    for fmt in FORMATS.values():
        pairs = ", ".join(f"'{c.name}': '{c.type}'" for c in fmt.columns)
        lines.append(f"        '{fmt.name}': {{{pairs}}},")
    lines += ["    } -%}", "    {{ return(layouts[format]) }}", "{%- endmacro %}", ""]
    lines += [
        "{#- The inconsistencies each publisher ships in real files: SQL over the published column names, true for",
        "    a flagged record; `evidence` names the column of int_dataset_records_unioned that shows the values. -#}",
        "{% macro dataset_warning_rules(format) -%}",
        "    {%- set rules = {",
    ]
    for fmt in FORMATS.values():
        items = ", ".join(
            "{"
            + ", ".join(
                f"'{key}': '{value.replace(chr(39), chr(92) + chr(39))}'"
                for key, value in (
                    ("rule_id", r.rule_id),
                    ("condition", r.condition),
                    ("description", r.description),
                    ("evidence", r.evidence),
                )
            )
            + "}"
            for r in fmt.warnings
        )
        lines.append(f"        '{fmt.name}': [{items}],")
    lines += ["    } -%}", "    {{ return(rules[format]) }}", "{%- endmacro %}", ""]
    formats = ", ".join(f"'{f}'" for f in ACLED_DATE_FORMATS)
    lines += [
        "{#- The date formats of ACLED exports (strptime codes), in the order they are tried: the file checker tries",
        "    the same ones (ACLED_DATE_FORMATS). -#}",
        "{% macro acled_date_formats() -%}",
        f"    {{{{ return([{formats}]) }}}}",
        "{%- endmacro %}",
        "",
    ]
    return "\n".join(lines)


# The base model of each format that keeps every published column (the research exports write records back from
# it), and the staging folder it lives in.
BASE_MODELS = {"ucdp-ged": ("ucdp_ged", "base_ucdp_ged__records"), "gtd": ("gtd", "base_gtd__records")}


def base_models_yaml(format_name: str) -> str:
    """Render models/staging/<folder>/base/_<folder>_base__models.yml: the base model's description and one line
    per column of the stored layout (generated, so the 135 GTD columns cannot drift from the layout)."""
    fmt = FORMATS[format_name]
    _, model = BASE_MODELS[format_name]
    lines = [
        "# Generated by `militancy gen-yml` from src/militancy/datasets/formats.py; edit that file instead.",
        "version: 2",
        "",
        "models:",
        f"  - name: {model}",
        "    description: >-",
        f"      Every record of every registered {fmt.label} file, with every column of the stored layout typed",
        "      as the layout says and otherwise as published (unknown markers kept), plus dataset_id. The research",
        "      export writes a record back from here; the stg_ model of the folder renames and cleans.",
        "      Grain: one row per registered file and record.",
        "    data_tests:",
        "      - unique_combination:",
        "          arguments:",
        f"            columns: [dataset_id, {fmt.id_column}]",
        "    columns:",
        "      - name: dataset_id",
        '        description: "Registered file (format + release), key of dim_datasets."',
    ]
    for column in fmt.columns:
        notes = [f"{fmt.publisher.split(',')[0]} `{column.name}`, as published ({column.type})"]
        if column.codebook:
            notes.append(f"codes of the {column.codebook} codebook (seeds/datasets/dataset_codes.csv)")
        if column.unknown:
            notes.append(f"{', '.join(column.unknown)} mean unknown")
        if column.extra:
            notes.append("not in the current layout: only some variants carry it, NULL otherwise")
        elif column.optional:
            notes.append("NULL where the file's variant lacks the column")
        text = "; ".join(notes).replace('"', "'")
        lines += [f"      - name: {column.name}", f'        description: "{text}."']
    return "\n".join(lines) + "\n"


# Published column layouts in published order, for the research exports (militancy.research_exports).
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
