"""Build the doc_003 draft seed rows (OSCE Academy / GCSP Central Asia Security Policy Brief #7).

Every quote is cut out of the corpus file programmatically (span(start, end) = the text from the first
occurrence of `start` to the first following occurrence of `end`), so line breaks and PDF hyphenation are
reproduced exactly. Footnote digits glued to words are never included.
Run: cd /work/main && python3 curation_drafts/doc_003/build.py
"""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
DOC = "doc_003"
TEXT = (ROOT / "corpus" / "003_843f421c79c4d954.txt").read_text(encoding="utf-8")
# article text only: the chrome block (disclaimer, publisher box, URLs) is excluded from quote search
CHROME_START = TEXT.index("NB: The views expressed in this paper")
CHROME_END = TEXT.index("http://www.osce-academy.net/", CHROME_START) + len("http://www.osce-academy.net/\nmailto:policybriefs@osce-academy.net\nhttp://www.osce-academy.net/")


def span(start, end=None, after=None):
    """Exact substring from `start` through `end` (inclusive), searched outside the chrome block."""
    pos = 0 if after is None else TEXT.index(after)
    if start not in TEXT[pos:]:
        raise SystemExit(f"start not found: {start!r}")
    i = TEXT.index(start, pos)
    while CHROME_START <= i < CHROME_END:
        i = TEXT.index(start, i + 1)
    if end is None:
        return TEXT[i : i + len(start)]
    j = TEXT.index(end, i + len(start) - len(end) if len(end) <= len(start) else i)
    q = TEXT[i : j + len(end)]
    assert q.startswith(start) and q.endswith(end), (start, end)
    return q


def header(name):
    with open(ROOT / "seeds" / f"{name}.csv", encoding="utf-8") as f:
        return next(csv.reader(f))


def write(name, rows):
    cols = header(name)
    with open(OUT / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            extra = set(r) - set(cols)
            assert not extra, (name, extra)
            w.writerow(["" if r.get(c) is None else str(r.get(c)) for c in cols])


# ---------------------------------------------------------------- entities
E = []


def ent(eid, etype, sub, name, desc, quote, country=None):
    E.append(dict(entity_id=eid, entity_type=etype, entity_subtype=sub, canonical_name=name, country_id=country,
                  description=desc, document_id=DOC, quote=quote))


TJ = "plc_tajikistan"
AF = "plc_afghanistan"
# organizations
ent("org_imu", "organization", "militant_group", "Islamic Movement of Uzbekistan",
    "Islamist militant group; the document assesses its presence in northern Afghanistan and its threat to Tajikistan and Central Asia.",
    span("Islamic \n\nMovement of Uzbekistan (IMU)"))
ent("org_iju", "organization", "militant_group", "Islamic Jihad Union",
    "Militant group described (in Ahmed Rashid's words quoted by the document) as the IMU's splinter.",
    span("its splinter, the Islamic Jihad Union (IJU)"))
ent("org_afghan_taliban", "organization", "militant_group", "Afghan Taliban",
    "The Taliban insurgency in Afghanistan (the document writes Taliban, Taleban and Taleb).",
    span("he stresses mostly Taliban recruiting in these communities"))
ent("org_al_qaeda", "organization", "militant_group", "al-Qaeda",
    "Transnational jihadist organization (the document writes al-Qaeda and al Qaeda).",
    span("tent to which the Taliban, al-Qaeda, and their Central Asian allies"))
ent("org_jamaat_ansarullah", "organization", "militant_group", "Jamaat Ansarullah",
    "A new group (in the document's words) that claimed the September 2010 suicide bombing of a police station in Khujand.",
    span("a new group called Jamaat Ansarullah claimed responsibility"))
ent("org_nato", "organization", "international_organization", "NATO",
    "North Atlantic Treaty Organization; the document mentions its troop drawdown plans in Afghanistan and its northern supply route.",
    span("NATO plans to draw down"))
ent("org_isaf", "organization", "security_force", "International Security Assistance Force",
    "NATO-led international force in Afghanistan (written ISAF and NATO/ISAF in the document).",
    span("tine allegation for ISAF to make"))
ent("org_csto", "organization", "international_organization", "Collective Security Treaty Organization",
    "Regional security organization whose Secretary General and member states are cited in the document (written CSTO).",
    span("The CSTO Secretary \n\nGeneral Nikolai Bordyuzha"))
ent("org_rfe_rl", "organization", "news_organization", "Radio Free Europe/Radio Liberty",
    "International broadcaster (written RFE/RL); its Uzbek language service interviewed a self-proclaimed IMU spokesman.",
    span("in late 2010, RFE/RL reported that analysts"))
ent("org_icg", "organization", "research_organization", "International Crisis Group",
    "Conflict-analysis organization (written International Crisis Group and ICG) whose reports the document cites.",
    span("the International Crisis Group report on the incident"))
ent("org_csis", "organization", "research_organization", "Center for Strategic and International Studies",
    "Research institute (written CSIS in the document) whose report on Central Asian jihadism the document cites.",
    span("CSIS report also points to the presence of IMU fighters in Kunduz"))
ent("org_iwpr", "organization", "news_organization", "Institute for War and Peace Reporting",
    "Media organization (written IWPR in the document) whose authors and analytical articles the document cites.",
    span("Two years ago, IWPR authors investigated a possible return of the IMU to Central Asia"))
ent("org_stratfor", "organization", "research_organization", "Stratfor",
    "Private intelligence and analysis firm (written STRATFOR) that, per the document, saw significant IMU involvement in the Rasht Valley violence.",
    span("one STRATFOR writer"))
ent("org_aan", "organization", "research_organization", "Afghanistan Analysts Network",
    "Research organization; Kate Clark is quoted as its researcher.",
    span("Afghanistan Analysts Network researcher"))
ent("org_asia_plus", "organization", "news_organization", "Asia-Plus",
    "Independent Tajikistan-based news service (written ASIA Plus); Marat Mamadshoev is its chief editor per the document.",
    span("the chief editor of the independent Tajikistan-based \n\nASIA Plus news service"))
ent("org_furqon", "organization", "website", "Furqon.com",
    "IMU-affiliated website that in November 2011 released a list of IMU martyrs for the Hijri year 1432.",
    span("In November 2011 Furqon.com \n\nreleased a list of martyrs"))
ent("org_gov_tajikistan", "organization", "government", "Government of Tajikistan",
    "The government of Tajikistan, incl. its courts and interior ministry as the document refers to them.",
    span("claimed by the Government of Tajikistan"), TJ)
ent("org_tajik_security_forces", "organization", "security_force", "Tajik security forces",
    "Tajikistan's state security forces (army, interior troops, police), as the document refers to soldiers, government troops and security forces.",
    span("Security forces have \n\nconsistently emerged victorious against all challengers"), TJ)
# persons
ent("per_emomali_rahmon", "person", "head_of_state", "Emomali Rahmon", "President of Tajikistan.",
    span("Tajik President Emomali Rahmon"))
ent("per_nikolai_bordyuzha", "person", "government_official", "Nikolai Bordyuzha", "Secretary General of the CSTO.",
    span("The CSTO Secretary \n\nGeneral Nikolai Bordyuzha"))
ent("per_tahir_yuldashev", "person", "militant_leader", "Tahir Yuldashev", "Leader of the IMU, dead by the time of the document.",
    span("the now dead IMU leader Tahir Yuldashev"))
ent("per_alexander_knyazev", "person", "analyst", "Alexander Knyazev",
    "Researcher from Kyrgyzstan who spent time in Kunduz (name hyphenated across a line break in the document: Al-exander).",
    span("Al-\n\nexander Knyazev, a researcher from Kyrgyzstan"))
ent("per_kate_clark", "person", "analyst", "Kate Clark", "Researcher with the Afghanistan Analysts Network.",
    span("Afghanistan Analysts Network researcher \n\nKate Clark"))
ent("per_antonio_giustozzi", "person", "analyst", "Antonio Giustozzi",
    "Analyst of the insurgency in northern Afghanistan (name hyphenated across a line break in the document: Giu-stozzi).",
    span("Antonio Giu-\n\nstozzi provides an analysis"))
ent("per_ahmed_rashid", "person", "journalist", "Ahmed Rashid",
    "Pakistani journalist and long-time Central Asia watcher; author of 'Tajikistan: The Next Jihadi Stronghold?' (late November 2010).",
    span("the influential Pakistani journalist Ahmed Rashid"))
ent("per_joshua_kucera", "person", "journalist", "Joshua Kucera",
    "Writer quoted in the document for the view that exaggerating the IMU threat suits Central Asian governments.",
    span("opinion of Joshua Kucera"))
ent("per_farhod_tolipov", "person", "analyst", "Farhod Tolipov", "Security analyst.",
    span("the security analyst Farhod Tolipov"))
ent("per_mullo_abdullo", "person", "militant_commander", "Mullo Abdullo",
    "Tajik opposition commander, named by Tajik officials as main commander of the anti-government forces in the Rasht Valley; recently killed per the document.",
    span("the Tajik opposition commander Mullo Abdullo"))
ent("per_marat_mamadshoev", "person", "journalist", "Marat Mamadshoev", "Chief editor of the Tajikistan-based ASIA Plus news service.",
    span("Marat Mamadshoev, the chief editor"))
ent("per_lola_olimova", "person", "journalist", "Lola Olimova", "IWPR writer on Tajikistan.",
    span("IWPR’s Lola Olimova"))
ent("per_john_heathershaw", "person", "analyst", "John Heathershaw",
    "Researcher with long-term experience in the area (co-author with Sophie Roche).",
    span("John Heathershaw and Sophie \n\nRoche"))
ent("per_sophie_roche", "person", "analyst", "Sophie Roche",
    "Researcher with long-term experience in the area (co-author with John Heathershaw); name split across a line break in the document.",
    span("John Heathershaw and Sophie \n\nRoche"))
# places
ent("plc_tajikistan", "place", "country", "Tajikistan", "Country in Central Asia.",
    span("Tajikistan is vulnerable to Afghan-based"), TJ)
ent("plc_afghanistan", "place", "country", "Afghanistan", "Country south of Central Asia.",
    span("security threats emanating from Afghanistan"), AF)
ent("plc_pakistan", "place", "country", "Pakistan", "Country.",
    span("not only within Pakistan and Afghanistan"), "plc_pakistan")
ent("plc_united_states", "place", "country", "United States", "Country (written 'the United States' across a line break and 'US').",
    span("the United \n\nStates and Russia"), "plc_united_states")
ent("plc_russia", "place", "country", "Russia", "Country.", span("the United \n\nStates and Russia"), "plc_russia")
ent("plc_kyrgyzstan", "place", "country", "Kyrgyzstan", "Country in Central Asia.",
    span("a network extending into Tajikistan and Kyrgyzstan"), "plc_kyrgyzstan")
ent("plc_uzbekistan", "place", "country", "Uzbekistan", "Country in Central Asia.",
    span("in regards to Tajikistan and Uzbekistan"), "plc_uzbekistan")
ent("plc_central_asia", "place", "region", "Central Asia", "Region north of Afghanistan that includes Tajikistan, Kyrgyzstan and Uzbekistan.",
    span("Central Asia, and Tajikistan in \n\nparticular"))
ent("plc_dushanbe", "place", "city", "Dushanbe", "Capital of Tajikistan.",
    span("the large prison break in Dushanbe"), TJ)
ent("plc_rasht_valley", "place", "valley", "Rasht Valley", "Valley in Tajikistan, scene of fighting between government forces and opposition commanders in 2010.",
    span("an ambush in the Rasht Valley"), TJ)
ent("plc_tavildara_valley", "place", "valley", "Tavildara Valley", "Area of Tajikistan named beside the Rasht Valley (written 'Tavildara area').",
    span("the Rasht Valley and Tavildara area of Tajikistan"), TJ)
ent("plc_kamarob", "place", "site", "Kamarob", "Place in the Rasht area of Tajikistan named as a focus of the fighting.",
    span("what is taking place in Kamarob specifically, and in Rasht as a whole"), TJ)
ent("plc_kunduz", "place", "province", "Kunduz", "Kunduz in northern Afghanistan (the document does not say whether the city or the province).",
    span("IMU fighters in Kunduz"), AF)
ent("plc_mazar_e_sharif", "place", "city", "Mazar-e Sharif", "City in northern Afghanistan with a provincial hospital.",
    span("(Mazar-e Sharif) in the provincial hospital"), AF)
ent("plc_khujand", "place", "city", "Khujand", "City in northern Tajikistan.",
    span("a police station in \n\nKhujand"), TJ)
ent("plc_isfara", "place", "district", "Isfara", "District in northern Tajikistan.",
    span("One oft-mentioned area in northern Tajikistan is the district of Isfara"), TJ)

# ---------------------------------------------------------------- aliases
A = []


def alias(eid, al, atype, quote, notes=None, amb=False):
    assert al in quote, (al, quote)
    A.append(dict(alias_id=f"{DOC}_al{len(A)+1:03d}", entity_id=eid, alias=al, alias_type=atype, document_id=DOC,
                  is_ambiguous="true" if amb else "false", quote=quote, notes=notes))


alias("org_imu", "Islamic Movement of Uzbekistan", "canonical", span("the threat of the Islamic Movement of Uzbekistan"))
alias("org_imu", "IMU", "acronym", span("Islamic \n\nMovement of Uzbekistan (IMU)"))
alias("org_iju", "Islamic Jihad Union", "canonical", span("its splinter, the Islamic Jihad Union (IJU)"))
alias("org_iju", "IJU", "acronym", span("its splinter, the Islamic Jihad Union (IJU)"))
alias("org_afghan_taliban", "Taliban", "short_form", span("who chose to join the Taliban"))
alias("org_afghan_taliban", "Taleban", "spelling_variant", span("its links to the Taleban, al-Qaeda"))
alias("org_afghan_taliban", "Taleb", "spelling_variant", span("whom they suspect of being a Taleb"),
      "Singular form: a member of the Taleban (Kate Clark's usage).")
alias("org_al_qaeda", "al-Qaeda", "canonical", span("its links to the Taleban, al-Qaeda"))
alias("org_al_qaeda", "al Qaeda", "spelling_variant", span("was “al Qaeda’s man in Tajikistan.”"))
alias("org_jamaat_ansarullah", "Jamaat Ansarullah", "canonical", span("a new group called Jamaat Ansarullah"))
alias("org_nato", "NATO", "acronym", span("NATO plans to draw down"))
alias("org_isaf", "ISAF", "acronym", span("tine allegation for ISAF to make"))
alias("org_csto", "CSTO", "acronym", span("CSTO member states are unfairly placing blame"))
alias("org_rfe_rl", "RFE/RL", "acronym", span("RFE/RL noted that the important role of the IMU"))
alias("org_icg", "International Crisis Group", "canonical", span("the International Crisis Group report on the incident"))
alias("org_icg", "ICG", "acronym", span("went even further than the ICG analysis"))
alias("org_csis", "CSIS", "acronym", span("CSIS researchers outlined the difficulties"))
alias("org_iwpr", "IWPR", "acronym", span("An IWPR analytical article"))
alias("org_stratfor", "STRATFOR", "spelling_variant", span("STRATFOR went even further"), "All-capitals styling used by the document.")
alias("org_aan", "Afghanistan Analysts Network", "canonical", span("Afghanistan Analysts Network researcher"))
alias("org_asia_plus", "ASIA Plus", "spelling_variant", span("ASIA Plus news service"))
alias("org_furqon", "Furqon.com", "canonical", span("In November 2011 Furqon.com"))
alias("org_gov_tajikistan", "Government of Tajikistan", "canonical", span("claimed by the Government of Tajikistan"))
alias("org_gov_tajikistan", "Tajik government", "descriptive", span("during 2011 the Tajik government arrested 86 IMU suspects"))
alias("org_tajik_security_forces", "Tajik government forces", "descriptive", span("the deaths of Tajik government forces"))
alias("org_tajik_security_forces", "Tajik government troops", "descriptive", span("the attack on Tajik government troops"))
alias("per_emomali_rahmon", "Emomali Rahmon", "canonical", span("Tajik President Emomali Rahmon"))
alias("per_emomali_rahmon", "Rahmon", "short_form", span("President Rahmon listed the dangers"))
alias("per_nikolai_bordyuzha", "Nikolai Bordyuzha", "canonical", span("General Nikolai Bordyuzha"))
alias("per_nikolai_bordyuzha", "Bordyuzha", "short_form", span("the type of sentiments expressed by Bordyuzha"))
alias("per_tahir_yuldashev", "Tahir Yuldashev", "canonical", span("the now dead IMU leader Tahir Yuldashev"))
alias("per_kate_clark", "Kate Clark", "canonical", span("Afghanistan Analysts Network researcher \n\nKate Clark"))
alias("per_antonio_giustozzi", "Giustozzi", "short_form", span("Giustozzi did men-"))
alias("per_ahmed_rashid", "Ahmed Rashid", "canonical", span("the influential Pakistani journalist Ahmed Rashid"))
alias("per_ahmed_rashid", "Rashid", "short_form", span("Rashid provided a very bleak view"))
alias("per_joshua_kucera", "Joshua Kucera", "canonical", span("opinion of Joshua Kucera"))
alias("per_farhod_tolipov", "Farhod Tolipov", "canonical", span("the security analyst Farhod Tolipov"))
alias("per_farhod_tolipov", "Tolipov", "short_form", span("Tolipov has a good point"))
alias("per_mullo_abdullo", "Mullo Abdullo", "canonical", span("the Tajik opposition commander Mullo Abdullo"))
alias("per_mullo_abdullo", "Abdullo", "short_form", span("claimed that Abdullo was a “key member of the IMU.”"))
alias("per_marat_mamadshoev", "Marat Mamadshoev", "canonical", span("Marat Mamadshoev, the chief editor"))
alias("per_lola_olimova", "Lola Olimova", "canonical", span("IWPR’s Lola Olimova"))
alias("per_lola_olimova", "Olimova", "short_form", span("Olimova, \n\nwhile not endorsing this view"))
alias("per_john_heathershaw", "John Heathershaw", "canonical", span("John Heathershaw and Sophie"))
alias("plc_tajikistan", "Tajikistan", "canonical", span("Tajikistan is vulnerable to Afghan-based"))
alias("plc_afghanistan", "Afghanistan", "canonical", span("security threats emanating from Afghanistan"))
alias("plc_pakistan", "Pakistan", "canonical", span("not only within Pakistan and Afghanistan"))
alias("plc_united_states", "US", "acronym", span("the US Director of National Intelligence"))
alias("plc_russia", "Russia", "canonical", span("States and Russia"))
alias("plc_kyrgyzstan", "Kyrgyzstan", "canonical", span("a network extending into Tajikistan and Kyrgyzstan"))
alias("plc_uzbekistan", "Uzbekistan", "canonical", span("in regards to Tajikistan and Uzbekistan"))
alias("plc_central_asia", "Central Asia", "canonical", span("Central Asia, and Tajikistan in \n\nparticular"))
alias("plc_dushanbe", "Dushanbe", "canonical", span("the large prison break in Dushanbe"))
alias("plc_rasht_valley", "Rasht Valley", "canonical", span("an ambush in the Rasht Valley"))
alias("plc_rasht_valley", "Rasht", "short_form", span("the fighting in Rasht as having a significant IMU component"))
alias("plc_tavildara_valley", "Tavildara", "short_form", span("the Rasht Valley and Tavildara area of Tajikistan"),
      "The document writes 'Tavildara area'.")
alias("plc_kamarob", "Kamarob", "canonical", span("what is taking place in Kamarob specifically"))
alias("plc_kunduz", "Kunduz", "canonical", span("IMU fighters in Kunduz"))
alias("plc_mazar_e_sharif", "Mazar-e Sharif", "canonical", span("(Mazar-e Sharif) in the provincial hospital"))
alias("plc_khujand", "Khujand", "canonical", span("the suicide bombing in Khujand was the most severe"))
alias("plc_isfara", "Isfara", "canonical", span("the district of Isfara"))

# ---------------------------------------------------------------- event mentions
M = []
COUNTS = ("killed", "wounded", "hostages", "prisoners_freed", "arrested", "sentenced")


def mention(num, **kw):
    row = dict(mention_id=f"{DOC}_m{num:02d}", document_id=DOC, **kw)
    M.append(row)
    return row["mention_id"]


def rng(text):
    import sys
    sys.path.insert(0, str(ROOT / "src"))
    from militancy.quantities import parse_quantity
    return parse_quantity(text)


def counts(**kw):
    out = {}
    for k, v in kw.items():
        lo, hi = rng(v)
        out.update({f"{k}_text": v, f"{k}_low": lo, f"{k}_high": hi})
    return out


Q_RASHT_DOZENS = span("In late November 2010, one month after an ambush in the Rasht Valley that left dozens of Tajik sol-\n\ndiers dead")
Q_RASHT_28_A = span("a self-proclaimed IMU spokesman gave an interview", "that left 28 \n\ndead")
Q_RASHT_28_B = span("someone claiming to represent the IMU \n\ndid claim responsibility", "that killed 28 soldiers")

m_rasht = mention(1, event_id="ev_2010_rasht_ambush", event_name="Ambush of a Tajik military convoy in the Rasht Valley",
    event_type="ambush", date_text="In late November 2010, one month after an ambush",
    date_start="2010-10-01", date_end="2010-10-31", date_precision="month", date_resolution="relative_to_anchor",
    date_note=("The document dates the ambush only relative to Ahmed Rashid's article: 'In late November 2010, one month after "
               "an ambush'. One month before late November 2010 is late October 2010; recorded as the month October 2010 "
               "(the 'one month' is approximate). The document gives no other date. Other documents date the ambush "
               "19 September 2010 (doc_001, doc_002), which this relative date does not match; not overridden."),
    country_id=TJ, location_text="Rasht Valley", location_id="plc_rasht_valley",
    **counts(killed="28"),
    quote=Q_RASHT_28_B,
    notes=("Three mentions in this document, one row: 'left dozens of Tajik soldiers dead' (dozens = 24-99 by the rule), "
           "'the attack on Tajik government troops that left 28 dead' and 'an attack on a Tajik military convoy that killed "
           "28 soldiers'. The specific figure 28, stated twice, is recorded; 'dozens' is a looser, internally inconsistent "
           "wording of the same toll. The glued footnote '33' in 'dead.33' is not part of the figure. Other documents give "
           "25 killed (doc_001, doc_002); this document's own figure is kept. Victims: Tajik soldiers / government troops."))

m_prison = mention(2, event_id="ev_2010_dushanbe_prison_escape", event_name="Large prison break in Dushanbe",
    event_type="prison_attack", date_text=None, date_start=None, date_end=None, date_precision="unknown",
    date_resolution="unresolved",
    date_note=("The document gives no date: only that the prison break 'preceded the fighting in Rasht' and belongs to 'the "
               "recent instability' (the Rasht ambush is dated by this document to about October 2010). doc_001 dates the "
               "escape 'Aug. 25' without a year, so no full date is available from another document either."),
    country_id=TJ, location_text="Dushanbe", location_id="plc_dushanbe",
    quote=span("notably the large prison break in Dushanbe that \n\npreceded the fighting in Rasht"),
    notes="No figures (escapees, casualties) are given in this document.")

Q_KHUJAND = span("a September 2010 attack on a police station in \n\nKhujand that left two dead")
m_khujand = mention(3, event_id="ev_2010_khujand_suicide_bombing", event_name="Suicide car-bombing of a police station in Khujand",
    event_type="suicide_bombing", date_text="September 2010", date_start="2010-09-01", date_end="2010-09-30",
    date_precision="month", date_resolution="as_stated",
    country_id=TJ, location_text="a police station in Khujand", location_id="plc_khujand",
    **counts(killed="two"), quote=Q_KHUJAND,
    notes=("Also described as 'a September 2010 suicide car-bombing in northern Tajikistan' and as the most severe terrorist "
           "attack (supporting quotes). The glued footnote '47' after 'responsibility' is not a figure."))

m_sent43 = mention(4, event_id="ev_2011_khujand_bombing_sentencing",
    event_name="Sentencing of 43 accused IMU members for the September 2010 Khujand suicide car-bombing",
    event_type="conviction", date_text="December 2011", date_start="2011-12-01", date_end="2011-12-31",
    date_precision="month", date_resolution="as_stated",
    date_note="'In De-cember 2011' (hyphenated across a line break in the PDF text).",
    country_id=TJ, location_text=None, location_id=TJ,
    **counts(sentenced="43"),
    quote=span("In De-\n\ncember 2011 the Tajik courts were particularly busy", "suicide car-bombing in northern Tajikistan"),
    notes=("Sentenced to prison by the Tajik courts; the document notes claims of torture used to extract confessions and "
           "that torture casts doubt on the suspects' actual affiliations. May overlap the 53 sentenced in 2011 (m06)."))

m_arr86 = mention(5, event_id="ev_2011_tajikistan_imu_arrests", event_name="Arrests of 86 IMU suspects in Tajikistan during 2011",
    event_type="arrest", date_text="during 2011", date_start="2011-01-01", date_end="2011-12-31",
    date_precision="year", date_resolution="as_stated", country_id=TJ, location_id=TJ,
    **counts(arrested="86"),
    quote=span("during 2011 the Tajik government arrested 86 IMU suspects"),
    notes="Aggregate of the year's arrests, not a single operation. Probably a subset of the nearly 200 arrests of 2011 (m07); the document does not say.")

m_sent53 = mention(6, event_id="ev_2011_tajikistan_imu_sentencing", event_name="Sentencing of 53 IMU suspects to jail terms in Tajikistan during 2011",
    event_type="conviction", date_text="during 2011", date_start="2011-01-01", date_end="2011-12-31",
    date_precision="year", date_resolution="as_stated", country_id=TJ, location_id=TJ,
    **counts(sentenced="53"),
    quote=span("during 2011 the Tajik government arrested 86 IMU suspects, and sentenced 53 to jail terms"),
    notes=("Aggregate of the year's sentences. The footnote '44' glued to 'terms.44' is not a figure. May include the 43 "
           "sentenced in December 2011 for the Khujand bombing (m04); the document does not say. Not to be confused with "
           "the 53 accomplices charged over the Khujand bombing (a separate statement)."))

m_arr200 = mention(7, event_id="ev_2011_tajikistan_extremism_arrests",
    event_name="Arrests of accused terrorists and religious extremists in Tajikistan in 2011",
    event_type="arrest", date_text="for 2011", date_start="2011-01-01", date_end="2011-12-31",
    date_precision="year", date_resolution="as_stated", country_id=TJ, location_text="all of Tajikistan", location_id=TJ,
    **counts(arrested="nearly 200"),
    quote=span("Total arrests of accused terrorists and religious extremists in all \n\nof Tajikistan for 2011 totaled nearly 200 people"),
    notes="Not IMU-specific (all accused terrorists and religious extremists). The glued footnote '43' in 'people.43' is not part of the figure.")

m_isfara = mention(8, event_id="ev_1997_isfara_imu_arrests", event_name="Arrests of identified IMU members in Isfara district, 1997-2009",
    event_type="arrest", date_text="since 1997 (stated in 2009)", date_start="1997-01-01", date_end="2009-12-31",
    date_precision="range", date_resolution="as_stated",
    date_note="A local prosecutor stated in 2009 that the arrests had taken place since 1997: the span 1997-2009.",
    country_id=TJ, location_text="the district of Isfara", location_id="plc_isfara",
    **counts(arrested="about 40"),
    quote=span("In 2009 a local prosecutor stated \n\nthat since 1997", "half of them had been arrested."),
    notes=("The text gives the number arrested only as 'half of them' of 'about 80' identified IMU members; recorded as the "
           "equivalent phrase 'about 40'. Aggregate over 1997-2009. The document adds 'Since that time arrests have continued' (no figure)."))

m_abdullo = mention(9, event_id="ev_2011_mullo_abdullo_killed", event_name="Killing of Tajik opposition commander Mullo Abdullo",
    event_type="security_operation", date_text="recently killed", date_start=None, date_end=None,
    date_precision="unknown", date_resolution="unresolved",
    date_note=("The document says only 'the recently killed Mullo Abdullo' (and earlier quotes a retired police commander that "
               "he 'may have been killed'). He is named as main commander of the anti-government forces in the recent Rasht "
               "fighting (the ambush there is dated by this document to about October 2010), so the killing is after the "
               "start of that fighting and before the document was written (not before December 2011, no upper bound known): "
               "no interval can be stated. The year in the event key is not from this document (see notes)."),
    country_id=None, location_text=None, location_id=None,
    quote=span("Regarding the \n\nrecently killed Mullo Abdullo"),
    notes=("The document does not say where, when or by whom he was killed (so no country or place is recorded). Type security_operation is a judgment from its "
           "statement that in the Rasht Valley conflict 'the opposition forces involved were killed or neutralised' by "
           "government forces. Event key year 2011 comes from outside this document (for cross-document linking); review if "
           "another document dates the killing."))

# ---------------------------------------------------------------- event actors
ACT = []


def actor(mid, eid, role, attribution, quote, by=None, notes=None):
    ACT.append(dict(event_actor_id=f"{DOC}_act{len(ACT)+1:03d}", mention_id=mid, entity_id=eid, role=role,
                    attribution=attribution, attributed_by=by, quote=quote, notes=notes))
    return ACT[-1]["event_actor_id"]


a_rasht_claim = actor(m_rasht, "org_imu", "claimant", "claimed", Q_RASHT_28_A,
    "self-proclaimed IMU spokesman (interview with the RFE/RL Uzbek language service)",
    "Also: the ICG noted that 'someone claiming to represent the IMU made a claim of responsibility' (supporting quotes).")
a_rasht_rashid = actor(m_rasht, "org_imu", "perpetrator", "alleged",
    span("Rashid giving credit to the IMU for the deaths of Tajik government forces \n\nin the Rasht Valley"), "Ahmed Rashid",
    "Rashid credits the IMU; the document does not endorse this and notes that Western diplomats do not believe this narrative.")
a_rasht_gov = actor(m_rasht, "org_imu", "perpetrator", "alleged", span("Some pointed to the IMU"),
    "some Tajik officials and commentators; Government of Tajikistan",
    "Attribution concerns the recent fighting in Rasht as a whole, of which the ambush is part.")
a_rasht_stratfor = actor(m_rasht, "org_imu", "perpetrator", "suspected",
    span("STRATFOR – focusing its analysis of the Rasht Valley violence almost \n\nentirely on the IMU as the main suspect"),
    "STRATFOR", "Concerns the Rasht Valley violence as a whole.")
a_rasht_disp = actor(m_rasht, "org_imu", "perpetrator", "disputed",
    span("what is taking place in Kamarob specifically", "of Uzbekistan, representing regional Islamism"),
    "John Heathershaw and Sophie Roche",
    ("Heathershaw and Roche describe the Rasht conflict as local, not a conflict with foreign terrorists such as the IMU; "
     "American and Western diplomats, an IWPR article and Marat Mamadshoev also doubt the IMU claim (supporting quotes)."))
a_rasht_aq = actor(m_rasht, "org_al_qaeda", "perpetrator", "alleged",
    span("the Tajik gov-\n\nernment offered no evidence of its claim that Mullo Abdullo was appointed by al Qaeda"),
    "Government of Tajikistan (Deputy Minister of the Interior); a retired police commander",
    "Government links the Rasht fighting to al Qaeda through Mullo Abdullo ('al Qaeda's man in Tajikistan'); the ICG notes no evidence was offered.")
a_rasht_abdullo = actor(m_rasht, "per_mullo_abdullo", "commander", "alleged",
    span("Deputy Minister of the Interior, claimed that the main commander for the anti-government forces – \n\nMullo Abdullo"),
    "Tajik Deputy Minister of the Interior",
    ("Named as main commander of the anti-government forces in the Rasht fighting; the document does not say he commanded "
     "this ambush specifically."))
a_rasht_target = actor(m_rasht, "org_tajik_security_forces", "target", "confirmed",
    span("an attack on a Tajik military convoy that killed 28 soldiers"))

actor(m_prison, "org_imu", "perpetrator", "suspected",
    span("one STRATFOR writer, saw some", "notably the large prison break in Dushanbe"), "a STRATFOR writer")

actor(m_khujand, "org_jamaat_ansarullah", "claimant", "claimed",
    span("a new group called Jamaat Ansarullah claimed responsibility"), "Jamaat Ansarullah")
a_kh_imu = actor(m_khujand, "org_imu", "perpetrator", "alleged",
    span("the government charged 53 accomplices to the bombing with being members of the IMU"), "Government of Tajikistan",
    "The Tajik courts also sentenced 43 accused IMU members for the bombing (m04). Confessions were allegedly obtained under torture.")
actor(m_khujand, "org_imu", "perpetrator", "disputed",
    span("the systematic practice of torture being used to", "of sus-\n\npects in custody"), None,
    "The document itself says torture casts doubt on the actual affiliations, if any, of the suspects the government calls IMU members.")
actor(m_khujand, "org_tajik_security_forces", "target", "confirmed", Q_KHUJAND, None, "The target was a police station.")

actor(m_sent43, "org_gov_tajikistan", "authority", "confirmed", span("the Tajik courts were particularly busy, sentencing 43 accused IMU members"),
      None, "The Tajik courts.")
actor(m_sent43, "org_imu", "target", "alleged", span("sentencing 43 accused IMU members to prison"), "Tajik courts",
      "'accused IMU members'; claims of torture used to extract confessions.")

actor(m_arr86, "org_gov_tajikistan", "authority", "confirmed", span("during 2011 the Tajik government arrested 86 IMU suspects"))
actor(m_arr86, "org_imu", "target", "alleged", span("arrested 86 IMU suspects"), "Government of Tajikistan", "'IMU suspects'.")
actor(m_sent53, "org_gov_tajikistan", "authority", "confirmed", span("the Tajik government arrested 86 IMU suspects, and sentenced 53 to jail terms"))
actor(m_sent53, "org_imu", "target", "alleged", span("the Tajik government arrested 86 IMU suspects, and sentenced 53 to jail terms"),
      "Government of Tajikistan", "Sentenced IMU suspects.")
actor(m_arr200, "org_gov_tajikistan", "authority", "confirmed",
      span("Total arrests of accused terrorists and religious extremists in all \n\nof Tajikistan for 2011"), None,
      "The text does not name the arresting body; arrests across Tajikistan by the Tajik state.")
actor(m_isfara, "org_imu", "target", "alleged", span("about 80 IMU members had been identified locally and half of them had been arrested"),
      "a local prosecutor (Isfara)", "The government's identification of IMU members; the document notes torture casts doubt on affiliations.")
actor(m_abdullo, "per_mullo_abdullo", "target", "confirmed", span("Regarding the \n\nrecently killed Mullo Abdullo"), None,
      "The person killed.")

# ---------------------------------------------------------------- membership estimates
EST = []


def est(group, subject, period_text, y0, y1, prec, etext, approx, unit, scope, source, quote, notes=None):
    lo, hi = rng(etext)
    EST.append(dict(estimate_id=f"{DOC}_est{len(EST)+1:02d}", group_id=group, document_id=DOC, subject_text=subject,
                    period_text=period_text, period_start_year=y0, period_end_year=y1, period_precision=prec,
                    estimate_text=etext, estimate_low=lo, estimate_high=hi, is_approximate="true" if approx else "false",
                    counted_unit=unit, scope=scope, cited_source=source, quote=quote, notes=notes))
    return EST[-1]["estimate_id"]


HIJRI = ("The Hijri year 1432 runs from about 7 December 2010 to about 26 November 2011 (calendar conversion by the curator), "
         "hence 2010-2011.")
FURQON_SRC = "Furqon.com list of martyrs (released November 2011)"
e_furqon = est("org_imu", "IMU members killed (listed martyrs)", "the Hijri year 1432", 2010, 2011, "range", "87", False,
    "killed_members", "IMU losses (the document compares them with other groups in the Afghan insurgency)", FURQON_SRC,
    span("In total, 87 IMU \n\nmembers were killed"), HIJRI)
est("org_imu", "listed IMU martyrs who were Afghans", "the Hijri year 1432", 2010, 2011, "range", "64", False,
    "killed_members", "Afghans among the 87 listed martyrs", FURQON_SRC, span("Yet 64 of the listed martyrs were Afghans"), HIJRI)
est("org_imu", "listed IMU martyrs from the former Soviet Union", "the Hijri year 1432", 2010, 2011, "range", "21", False,
    "killed_members", "from the former Soviet Union, among the 87 listed martyrs", FURQON_SRC,
    span("only 21 were from the former So-\n\nviet Union"), HIJRI)
est("org_imu", "listed IMU martyrs from Tajikistan", "the Hijri year 1432", 2010, 2011, "range", "10", False,
    "killed_members", "from Tajikistan, among the 21 from the former Soviet Union", FURQON_SRC,
    span("only 21 were from the former So-\n\nviet Union – including 10 from Tajikistan"), HIJRI)
e_isf80 = est("org_imu", "IMU members identified locally", "since 1997 (stated in 2009)", 1997, 2009, "range", "about 80", True,
    "identified_members", "Isfara district, northern Tajikistan", "a local prosecutor (2009)",
    span("In 2009 a local prosecutor stated \n\nthat since 1997 about 80 IMU members had been identified locally"),
    "Government figure for the district; the document notes torture casts doubt on suspects' actual affiliations.")
est("org_imu", "identified IMU members arrested", "since 1997 (stated in 2009)", 1997, 2009, "range", "about 40", True,
    "arrested_suspects", "Isfara district, northern Tajikistan", "a local prosecutor (2009)",
    span("about 80 IMU members had been identified locally and half of them had been arrested"),
    "The text says 'half of them' of 'about 80'; recorded as the equivalent phrase 'about 40'.")
est("org_imu", "IMU suspects arrested", "during 2011", 2011, 2011, "year", "86", False, "arrested_suspects", "Tajikistan", None,
    span("during 2011 the Tajik government arrested 86 IMU suspects"))
est("org_imu", "IMU suspects sentenced to jail terms", "during 2011", 2011, 2011, "year", "53", False, "sentenced_members",
    "Tajikistan", None, span("arrested 86 IMU suspects, and sentenced 53 to jail terms"),
    "IMU suspects as labelled by the Tajik government; the glued footnote '44' is not a figure.")
est("org_imu", "accused IMU members sentenced to prison for the September 2010 Khujand suicide car-bombing", "December 2011",
    2011, 2011, "month", "43", False, "sentenced_members", "Tajikistan (Tajik courts)", None,
    span("sentencing 43 accused IMU members to prison"),
    "Accused members; the document notes claims of torture used to extract confessions.")
est("org_imu", "accomplices to the Khujand bombing charged with being IMU members",
    "after the September 2010 bombing (the document does not date the charges)", 2010, 2011, "range", "53", False,
    "charged_suspects", "Tajikistan", None,
    span("the government charged 53 accomplices to the bombing with being members of the IMU"),
    ("Period inferred: the charges followed the September 2010 bombing and belong to the case that ended in the December "
     "2011 sentencing. All 53 confessed amid allegations of torture."))

# ---------------------------------------------------------------- leadership tenures
TEN = [dict(tenure_id=f"{DOC}_ten01", group_id="org_imu", person_id="per_tahir_yuldashev", role="leader",
            start_text=None, start_date=None, start_precision="unknown", end_text="now dead", end_date=None,
            end_precision="unknown", end_reason="died", document_id=DOC,
            quote=span("the now dead IMU leader Tahir Yuldashev"),
            notes="The document says only that he is 'now dead' (not how or when) and gives no start of his leadership.")]

# ---------------------------------------------------------------- group relationships
REL = []


def rel(g, r, rtype, certainty, quote, notes=None, start_text=None, start_date=None, start_precision="unknown"):
    REL.append(dict(relationship_id=f"{DOC}_rel{len(REL)+1:02d}", group_id=g, related_group_id=r, relationship_type=rtype,
                    start_text=start_text, start_date=start_date, start_precision=start_precision, end_text=None,
                    end_date=None, end_precision="unknown", certainty=certainty, document_id=DOC, quote=quote, notes=notes))
    return REL[-1]["relationship_id"]


Q_ALLIES = span("the Taliban, al-Qaeda, and their Central Asian allies such as the Islamic Movement of Uz-",
                "its splinter, the Islamic Jihad Union (IJU)")
r_iju = rel("org_iju", "org_imu", "splinter_of", "confirmed", Q_ALLIES,
    "In Ahmed Rashid's words, quoted by the document without dispute ('its splinter').")
r_imu_tal = rel("org_imu", "org_afghan_taliban", "allied_with", "alleged", Q_ALLIES,
    "Ahmed Rashid calls the IMU a Central Asian ally of the Taliban and al-Qaeda; the document does not endorse it, and "
    "Kate Clark says little is known about the IMU's links to the Taleban and al-Qaeda.")
r_imu_aq = rel("org_imu", "org_al_qaeda", "allied_with", "alleged", Q_ALLIES,
    "Ahmed Rashid calls the IMU a Central Asian ally of the Taliban and al-Qaeda; the document does not endorse it, and "
    "Kate Clark says little is known about the IMU's links to the Taleban and al-Qaeda.")
rel("org_iju", "org_afghan_taliban", "allied_with", "alleged", Q_ALLIES,
    "Ahmed Rashid lists the IJU among the Central Asian allies of the Taliban and al-Qaeda.")
rel("org_iju", "org_al_qaeda", "allied_with", "alleged", Q_ALLIES,
    "Ahmed Rashid lists the IJU among the Central Asian allies of the Taliban and al-Qaeda.")
r_ab_aq = rel("per_mullo_abdullo", "org_al_qaeda", "linked_to", "alleged",
    span("Deputy Minister of the Interior, claimed that", "was “al Qaeda’s man in Tajikistan.”"),
    "Claim of Tajikistan's Deputy Minister of the Interior; the ICG notes the government offered no evidence that al Qaeda appointed him its local commander.")
r_ab_imu = rel("per_mullo_abdullo", "org_imu", "linked_to", "alleged",
    span("STRATFOR – focusing its analysis", "claimed that Abdullo was a “key member of the IMU.”"),
    "STRATFOR's claim ('key member of the IMU'); the CSIS report cites two sources that IMU fighters returned with him (supporting quote).")
rel("per_mullo_abdullo", "org_al_qaeda", "linked_to", "suspected",
    span("leaves open the possibility that Abdullo may have built links to al-Qaeda, \n\nthe Taliban or the IMU during his exile in Afghanistan"),
    "Lola Olimova (IWPR) leaves the possibility open without endorsing the official view.")
rel("per_mullo_abdullo", "org_afghan_taliban", "linked_to", "suspected",
    span("leaves open the possibility that Abdullo may have built links to al-Qaeda, \n\nthe Taliban or the IMU during his exile in Afghanistan"),
    "Lola Olimova (IWPR) leaves the possibility open.")
rel("per_mullo_abdullo", "org_imu", "linked_to", "suspected",
    span("leaves open the possibility that Abdullo may have built links to al-Qaeda, \n\nthe Taliban or the IMU during his exile in Afghanistan"),
    "Lola Olimova (IWPR) leaves the possibility open.")
rel("org_furqon", "org_imu", "affiliate_of", "confirmed",
    span("Some clarification was recently provided by an IMU-affiliated website. In November 2011 Furqon.com"),
    "A website, stated as IMU-affiliated by the document.")

# ---------------------------------------------------------------- supporting quotes
SQ = []


def sq(ftype, fid, quote, notes=None):
    SQ.append(dict(supporting_quote_id=f"{DOC}_sq{len(SQ)+1:02d}", fact_type=ftype, fact_id=fid, document_id=DOC,
                   quote=quote, notes=notes))


sq("event_mention", m_rasht, Q_RASHT_DOZENS, "Date anchor ('one month' before late November 2010) and the vaguer toll 'dozens'.")
sq("event_mention", m_rasht, Q_RASHT_28_A, "Second statement of the toll: 28 dead.")
sq("event_mention", m_rasht, span("Government forces suffered \n\nsignificant losses, but the opposition forces involved were killed or neutralised"),
   "The document's summary of the Rasht Valley conflict of which the ambush is part.")
sq("event_actor", a_rasht_claim, span("someone claiming to represent the IMU made a claim of responsibility"),
   "ICG report on the incident.")
sq("event_actor", a_rasht_claim, Q_RASHT_28_B)
sq("event_actor", a_rasht_gov, span("is not, as has been \n\nclaimed by the Government of Tajikistan, a conflict with foreign terrorists, e.g. the Islamic Movement \n\nof Uzbekistan"),
   "The Government of Tajikistan's framing, as reported by Heathershaw and Roche.")
sq("event_actor", a_rasht_gov, span("a retired police commander pointed to \n\nboth al Qaeda and the IMU"))
sq("event_actor", a_rasht_stratfor, span("STRATFOR went even further and framed \n\nthe fighting in Rasht as having a significant IMU component"))
sq("event_actor", a_rasht_disp, span("Rashid does concede that American \n\nand Western diplomats do not believe this narrative"))
sq("event_actor", a_rasht_disp, span("the IMU, ac-\n\ncording to some analysts, could be making false claims", "its presence in Central Asia"),
   "IWPR analytical article.")
sq("event_actor", a_rasht_disp, span("\"Whatever the IMU says, it's nothing but talk."), "Marat Mamadshoev, ASIA Plus.")
sq("event_actor", a_rasht_aq, span("Deputy Minister of the Interior, claimed that", "was “al Qaeda’s man in Tajikistan.”"))
sq("event_actor", a_rasht_aq, span("a retired police commander pointed to \n\nboth al Qaeda and the IMU"))
sq("event_mention", m_khujand, span("a September 2010 suicide car-bombing in northern Tajikistan"))
sq("event_mention", m_khujand, span("terrorist attacks, of which the suicide bombing in Khujand was the most severe"))
sq("event_actor", a_kh_imu, span("sentencing 43 accused IMU members to prison for \n\na September 2010 suicide car-bombing in northern Tajikistan"))
sq("event_mention", m_abdullo, span("while Mullo Abdullo may have been killed, he is easily re-\n\nplaceable by others"),
   "A retired police commander, earlier in the text, on his possible death.")
sq("membership_estimate", e_furqon, span("In November 2011 Furqon.com \n\nreleased a list of martyrs along with biographies for the Hijri year 1432"))
sq("group_relationship", r_imu_tal, span("not much is known about IMU and its links to the Taleban, al-Qaeda"), "Kate Clark (AAN).")
sq("group_relationship", r_imu_aq, span("not much is known about IMU and its links to the Taleban, al-Qaeda"), "Kate Clark (AAN).")
sq("group_relationship", r_ab_aq, span("Tajiki-\n\nstan’s Deputy Interior Minister claimed that Abdullo was “al-Qaeda’s man in Tajikistan.”"),
   "As reported by Lola Olimova (IWPR).")
sq("group_relationship", r_ab_aq, span("the Tajik gov-\n\nernment offered no evidence of its claim that Mullo Abdullo was appointed by al Qaeda to be their local \n\ncommander"),
   "ICG: no evidence offered.")
sq("group_relationship", r_ab_imu, span("citing two sources that claim there was a significant return of IMU fighters", "Mullo Abdullo"),
   "CSIS report citing two sources.")

write("entities", E)
write("entity_aliases", A)
write("event_mentions", M)
write("event_actors", ACT)
write("membership_estimates", EST)
write("leadership_tenures", TEN)
write("group_relationships", REL)
write("designations", [])
write("supporting_quotes", SQ)
for n, rows in [("entities", E), ("entity_aliases", A), ("event_mentions", M), ("event_actors", ACT),
                ("membership_estimates", EST), ("leadership_tenures", TEN), ("group_relationships", REL),
                ("designations", []), ("supporting_quotes", SQ)]:
    print(n, len(rows))
