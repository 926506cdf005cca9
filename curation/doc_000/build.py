"""Build the doc_000 draft seed rows (Wikipedia-style article on the Islamic Movement of Tajikistan).

Quotes are cut from the corpus file programmatically (span(start, end)), so the Cyrillic name, the U+2018 in
Yo‘ldosh and the en dash in 11–50 are reproduced exactly.
Run: cd /work/main && python3 curation_drafts/doc_000/build.py
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
DOC = "doc_000"
TEXT = (ROOT / "corpus" / "000_6f809bf7070c5688.txt").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "src"))
from militancy.quantities import parse_quantity  # noqa: E402


def span(start, end=None):
    if start not in TEXT:
        raise SystemExit(f"start not found: {start!r}")
    i = TEXT.index(start)
    if end is None:
        return start
    j = TEXT.find(end, i)
    if j < 0:
        raise SystemExit(f"end not found: {end!r}")
    return TEXT[i : j + len(end)]


def header(name):
    with open(ROOT / "seeds" / f"{name}.csv", encoding="utf-8") as f:
        return next(csv.reader(f))


def write(name, rows):
    cols = header(name)
    with open(OUT / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            assert not set(r) - set(cols), (name, set(r) - set(cols))
            w.writerow(["" if r.get(c) is None else str(r.get(c)) for c in cols])


def counts(**kw):
    out = {}
    for k, v in kw.items():
        lo, hi = parse_quantity(v)
        out.update({f"{k}_text": v, f"{k}_low": lo, f"{k}_high": hi})
    return out


TJ = "plc_tajikistan"
IMT = "org_islamic_movement_of_tajikistan"
YO_U2018 = "Tohir Yo\u2018ldosh"
YO_ASCII = "Tohir Yo'ldosh"
assert YO_U2018 in TEXT and YO_ASCII in TEXT

# ---------------------------------------------------------------- entities
E = []


def ent(eid, etype, sub, name, desc, quote, country=None):
    E.append(dict(entity_id=eid, entity_type=etype, entity_subtype=sub, canonical_name=name, country_id=country,
                  description=desc, document_id=DOC, quote=quote))


Q_FIRST = span("The Islamic Movement of Tajikistan (", "an Islamist militant organization, that operates in Tajikistan.")
ent(IMT, "organization", "militant_group", "Islamic Movement of Tajikistan",
    "Islamist militant organization operating in Tajikistan; per this document a branch of the Islamic Movement of Central Asia founded in 2009.",
    Q_FIRST)
ent("org_imca", "organization", "militant_group", "Islamic Movement of Central Asia",
    "Islamist militant organization; per this document the parent organization of the Islamic Movement of Tajikistan, affiliated with al-Qaeda.",
    span("The group was founded by its parent organization, The Islamic Movement of Central Asia."))
ent("org_al_qaeda", "organization", "militant_group", "al-Qaeda", "Transnational jihadist organization (written Al Qaeda and Al-Qaida here).",
    span("The IMCA, and by extension the IMT, is affiliated with Al Qaeda."))
ent("org_imu", "organization", "militant_group", "Islamic Movement of Uzbekistan",
    "Islamist militant group, also led by Tohir Yo‘ldosh per this document.",
    span("also had led Islamic Movement of Uzbekistan"))
ent("org_uto", "organization", "political_party", "United Tajik Opposition",
    "Opposition alliance in the Tajik civil war, including secular nationalist and Islamist groups; signed the 1997 peace agreement.",
    span("including the United Tajik Opposition (UTO), which included both secular nationalist and Islamist groups"))
ent("org_gov_tajikistan", "organization", "government", "Government of Tajikistan",
    "The government of Tajikistan, incl. its authorities and courts as this document refers to them.",
    span("In 2004 authorities of Tajikistan arrested"), TJ)
ent("org_tajik_security_forces", "organization", "security_force", "Tajik security forces",
    "Tajikistan's state security forces.", span("an attack against Tajik security forces in eastern Tajikistan"), TJ)
ent("per_tahir_yuldashev", "person", "militant_leader", "Tahir Yuldashev",
    "Leader of the Islamic Movement of Tajikistan and of the Islamic Movement of Uzbekistan per this document; deceased.",
    span("The now deceased leader of the Islamic Movement of Tajikistan, " + YO_U2018))
ent("plc_tajikistan", "place", "country", "Tajikistan", "Country in Central Asia.",
    span("an Islamist militant organization, that operates in Tajikistan"), TJ)
ent("plc_afghanistan", "place", "country", "Afghanistan", "Country; per this document the IMT set up a base of operations there.",
    span("set up a base of operations in Afghanistan"), "plc_afghanistan")
ent("plc_central_asia", "place", "region", "Central Asia", "Region; this document names the target of the IMT's 2009 attack 'the police force of Central Asia'.",
    span("targeted the police force of Central Asia"))
ent("plc_united_states", "place", "country", "United States", "Country (named for its Guantanamo Bay detainment camp).",
    span("Intelligence analysts in the United States Guantanamo Bay detainment camp say it is linked to terrorism."), "plc_united_states")

# ---------------------------------------------------------------- aliases
A = []


def alias(eid, al, atype, quote, notes=None, amb=False):
    assert al in quote, (al, quote)
    A.append(dict(alias_id=f"{DOC}_al{len(A)+1:03d}", entity_id=eid, alias=al, alias_type=atype, document_id=DOC,
                  is_ambiguous="true" if amb else "false", quote=quote, notes=notes))


alias(IMT, "Islamic Movement of Tajikistan", "canonical", Q_FIRST)
alias(IMT, "Ҳаракати исломии Тоҷикистон", "native_script", Q_FIRST, "Tajik name in Cyrillic script.")
alias(IMT, "Harakati Islami Tajikistan", "transliteration", span("or Harakati Islami Tajikistan is the branch"),
      "Latin transliteration of the Tajik name.")
alias(IMT, "IMT", "acronym", span("the Islamic Movement of Tajikistan (IMT) became a notable military group"),
      "In this document IMT = Islamic Movement of Tajikistan (in doc_004 IMT names the Islamic Movement of Turkestan).")
alias("org_imca", "Islamic Movement of Central Asia", "canonical", span("the branch of the Islamic Movement of Central Asia"))
alias("org_imca", "IMCA", "acronym", span("The IMCA, and by extension the IMT, is affiliated with Al Qaeda."))
alias("org_al_qaeda", "Al Qaeda", "spelling_variant", span("The IMCA, and by extension the IMT, is affiliated with Al Qaeda."))
alias("org_al_qaeda", "Al-Qaida", "spelling_variant", span("The Islamic Movement of Uzbekistan, and Al-Qaida."))
alias("org_imu", "Islamic Movement of Uzbekistan", "canonical", span("also had led Islamic Movement of Uzbekistan"))
alias("org_uto", "United Tajik Opposition", "canonical", span("the United Tajik Opposition (UTO)"))
alias("org_uto", "UTO", "acronym", span("The IMT allied itself with the UTO during the war."))
alias("org_gov_tajikistan", "authorities of Tajikistan", "descriptive", span("In 2004 authorities of Tajikistan arrested"))
alias("org_tajik_security_forces", "Tajik security forces", "canonical", span("an attack against Tajik security forces in eastern Tajikistan"))
alias("per_tahir_yuldashev", YO_U2018, "transliteration",
      span("The now deceased leader of the Islamic Movement of Tajikistan, " + YO_U2018),
      "Uzbek Latin spelling written with U+2018 (left single quotation mark) as the o‘ letter mark.")
alias("per_tahir_yuldashev", YO_ASCII, "spelling_variant", span("Upon founding, " + YO_ASCII + " was appointed the leader."),
      "Same Uzbek Latin spelling with an ASCII apostrophe (U+0027) instead of U+2018.")
alias("plc_tajikistan", "Tajikistan", "canonical", span("an Islamist militant organization, that operates in Tajikistan"))
alias("plc_afghanistan", "Afghanistan", "canonical", span("set up a base of operations in Afghanistan"))
alias("plc_central_asia", "Central Asia", "canonical", span("targeted the police force of Central Asia"))
alias("plc_united_states", "United States", "canonical", span("the United States Guantanamo Bay detainment camp"))

# ---------------------------------------------------------------- event mentions
M = []


def mention(num, **kw):
    M.append(dict(mention_id=f"{DOC}_m{num:02d}", document_id=DOC, **kw))
    return M[-1]["mention_id"]


Q_2009 = span("The Islamic Movement of Tajikistan has claimed responsibility for one attack.",
              "About 50 people were injured as a result of the attack.")
m_2009 = mention(1, event_id="ev_2009_imt_police_bombing", event_name="IMT-claimed bombing targeting the police (Central Asia)",
    event_type="bombing", date_text="in 2009", date_start="2009-01-01", date_end="2009-12-31", date_precision="year",
    date_resolution="as_stated", country_id=None, location_text="Central Asia", location_id="plc_central_asia",
    **counts(killed="one", wounded="About 50"), quote=Q_2009,
    notes=("The text gives three figures: 'between 11–50 civilian casualties' (casualties = killed and injured together, not "
           "deaths; there is no casualties column, so this range is kept here only), 'one Central Asia police officer was "
           "killed' (killed = one; the text does not say whether any of the civilian casualties died) and 'About 50 people "
           "were injured' (wounded). The figures are not fully consistent with each other. No country or town is named: the "
           "target is 'the police force of Central Asia' and the location is recorded at that level."))

m_2004a = mention(2, event_id="ev_2004_tajikistan_imt_activist_arrest",
    event_name="Arrest of a radical Islamic activist accused of recruiting for the terrorist organization, northern Tajikistan",
    event_type="arrest", date_text="In 2004", date_start="2004-01-01", date_end="2004-12-31", date_precision="year",
    date_resolution="as_stated", country_id=TJ, location_text="the northern territories of Tajikistan", location_id=TJ,
    **counts(arrested="a"),
    quote=span("In 2004 authorities of Tajikistan arrested", "recruiting members into the terrorist organization."),
    notes=("'a radical Islamic activists' (sic: singular article, plural noun); the next sentence speaks of one member ('he'), "
           "so the arrest count is the article 'a' = 1. The organization is not named; the article's context (the IMT, in its "
           "'Organization Member Activity' section) implies the IMT."))

m_2004b = mention(3, event_id="ev_2004_tajikistan_extremist_convictions",
    event_name="Convictions of Islamic extremist organization members by the courts of Tajikistan",
    event_type="conviction", date_text="In 2004", date_start="2004-01-01", date_end="2004-12-31", date_precision="year",
    date_resolution="as_stated", country_id=TJ, location_text=None, location_id=TJ,
    **counts(sentenced="several"),
    quote=span("In 2004, the courts of Tajikistan convicted", "attempts to topple the government."),
    notes=("'convicted several Islamic extremist organization members' on grounds of anti-constitutional activities and attempts "
           "to topple the government; recorded in the sentenced count (convicted). The organization is not named."))

Q_2010 = span("In 2010 there was an attack against Tajik security forces in eastern Tajikistan.",
              "or its allegiances could be made.")
m_2010 = mention(4, event_id="ev_2010_eastern_tajikistan_attack", event_name="Attack on Tajik security forces in eastern Tajikistan",
    event_type="armed_assault", date_text="In 2010", date_start="2010-01-01", date_end="2010-12-31", date_precision="year",
    date_resolution="as_stated", country_id=TJ, location_text="eastern Tajikistan", location_id=TJ, quote=Q_2010,
    notes=("The text does not say how the attack was carried out: armed_assault is the generic attack type. No figures. Not "
           "linked to ev_2010_rasht_ambush: the description is too generic to identify the event."))

Q_WAR = span("During the Tajikistan civil war in the early 1990s", "The IMT allied itself with the UTO during the war.")
Q_WAR_END = span("The conflict came to an end in 1997 with the signing of a peace agreement between the government and the UTO")
m_war = mention(5, event_id="ev_1992_tajik_civil_war", event_name="Tajik civil war",
    event_type="battle", date_text="in the early 1990s ... came to an end in 1997", date_start="1990-01-01",
    date_end="1997-12-31", date_precision="range", date_resolution="as_stated",
    date_note=("Start given only as 'the early 1990s' (earliest day taken as 1 January 1990), end as 'in 1997' (latest day "
               "31 December 1997). doc_001 gives '1992-1997'; the key follows that, the interval here follows this text."),
    country_id=TJ, location_text="Tajikistan", location_id=TJ, quote=Q_WAR,
    notes=("A war over several years, recorded as one battle-type event over a range. The text mentions massacres of civilians, "
           "torture and extrajudicial killings by both sides but gives no figures. It ended with a peace agreement between the "
           "government and the UTO (supporting quote)."))

# ---------------------------------------------------------------- event actors
ACT = []


def actor(mid, eid, role, attribution, quote, by=None, notes=None):
    ACT.append(dict(event_actor_id=f"{DOC}_act{len(ACT)+1:03d}", mention_id=mid, entity_id=eid, role=role,
                    attribution=attribution, attributed_by=by, quote=quote, notes=notes))
    return ACT[-1]["event_actor_id"]


actor(m_2009, IMT, "claimant", "claimed", span("The Islamic Movement of Tajikistan has claimed responsibility for one attack."),
      "Islamic Movement of Tajikistan", "The target, 'the police force of Central Asia', is not an identifiable entity and has no actor row.")
actor(m_2004a, "org_gov_tajikistan", "authority", "confirmed", span("In 2004 authorities of Tajikistan arrested"))
actor(m_2004a, IMT, "target", "alleged",
      span("The terrorist organization member was accused of propagating radical and militant Islamic ideas"),
      "authorities of Tajikistan",
      "The text says 'the terrorist organization' without naming it; the article's subject (IMT) is implied. Accused, not proven.")
actor(m_2004b, "org_gov_tajikistan", "authority", "confirmed", span("the courts of Tajikistan convicted several Islamic extremist organization members"),
      None, "The courts of Tajikistan.")
actor(m_2004b, IMT, "target", "suspected", span("the courts of Tajikistan convicted several Islamic extremist organization members"),
      None, ("The text says only 'Islamic extremist organization members'; the link to the IMT rests on the article's section "
             "('Organization Member Activity / Convictions') and is not stated."))
actor(m_2010, "org_tajik_security_forces", "target", "confirmed", span("an attack against Tajik security forces in eastern Tajikistan"))
a_imt_s = actor(m_2010, IMT, "perpetrator", "suspected",
      span("The Islamic Movement of Tajikistan and The Islamic Movement of Uzbekistan were thought to be responsible."))
actor(m_2010, "org_imu", "perpetrator", "suspected",
      span("The Islamic Movement of Tajikistan and The Islamic Movement of Uzbekistan were thought to be responsible."))
actor(m_2010, IMT, "perpetrator", "disputed",
      span("However, no official connection between the attack and the Islamic Movement of Tajikistan or its allegiances could be made."))
actor(m_2010, "org_imu", "perpetrator", "disputed",
      span("However, no official connection between the attack and the Islamic Movement of Tajikistan or its allegiances could be made."),
      None, "'or its allegiances' covers the IMT's allies, among them the IMU named in the previous sentence.")
actor(m_war, "org_gov_tajikistan", "other", "confirmed", span("The conflict involved government forces and their supporters fighting against"),
      None, "Party to the war: the government side.")
actor(m_war, "org_uto", "other", "confirmed", span("fighting against a group of opposition parties, including the United Tajik Opposition (UTO)"),
      None, "Party to the war: the opposition side.")
actor(m_war, IMT, "other", "confirmed", span("The IMT allied itself with the UTO during the war."), None,
      ("Party to the war on the opposition side ('became a notable military group'). Conflicts with this document's own "
       "statement that the IMT was founded in 2009; recorded as the text says."))

# ---------------------------------------------------------------- leadership tenures
Q_FOUNDED = span("The terrorist organization known as The Islamic Movement of Tajikistan was founded in 2009.")
TEN = [
    dict(tenure_id=f"{DOC}_ten01", group_id=IMT, person_id="per_tahir_yuldashev", role="leader",
         start_text="Upon founding (founded in 2009)", start_date="2009-01-01", start_precision="year",
         end_text="now deceased", end_date=None, end_precision="unknown", end_reason="died", document_id=DOC,
         quote=span("Upon founding, " + YO_ASCII + " was appointed the leader."),
         notes=("Start = the founding, which the text dates to 2009. The text calls him 'the now deceased leader' and 'the only "
                "known and documented leader' but gives no date or manner of death.")),
    dict(tenure_id=f"{DOC}_ten02", group_id="org_imu", person_id="per_tahir_yuldashev", role="leader",
         start_text=None, start_date=None, start_precision="unknown", end_text=None, end_date=None,
         end_precision="unknown", end_reason="unknown", document_id=DOC,
         quote=span("The now deceased leader of the Islamic Movement of Tajikistan, " + YO_U2018 + ", also had led Islamic Movement of Uzbekistan."),
         notes="The text gives no dates for his IMU leadership and does not say how it ended (he is 'now deceased')."),
]

# ---------------------------------------------------------------- group relationships
REL = []


def rel(g, r, rtype, certainty, quote, notes=None, start_text=None, start_date=None, start_precision="unknown",
        end_text=None, end_date=None, end_precision="unknown"):
    REL.append(dict(relationship_id=f"{DOC}_rel{len(REL)+1:02d}", group_id=g, related_group_id=r, relationship_type=rtype,
                    start_text=start_text, start_date=start_date, start_precision=start_precision, end_text=end_text,
                    end_date=end_date, end_precision=end_precision, certainty=certainty, document_id=DOC, quote=quote,
                    notes=notes))
    return REL[-1]["relationship_id"]


r_branch = rel(IMT, "org_imca", "branch_of", "confirmed", span("is the branch of the Islamic Movement of Central Asia"),
    "Founded by its parent organization, the IMCA (supporting quotes).",
    start_text="founded in 2009", start_date="2009-01-01", start_precision="year")
r_imt_aq = rel(IMT, "org_al_qaeda", "affiliate_of", "confirmed", span("The IMCA, and by extension the IMT, is affiliated with Al Qaeda."),
    "'by extension' of the IMCA's affiliation.")
rel("org_imca", "org_al_qaeda", "affiliate_of", "confirmed", span("The IMCA, and by extension the IMT, is affiliated with Al Qaeda."))
rel(IMT, "org_uto", "allied_with", "confirmed", span("The IMT allied itself with the UTO during the war."),
    ("During the Tajik civil war ('the early 1990s'), which ended in 1997. Conflicts with this document's founding date of "
     "the IMT (2009); recorded as the text says."),
    start_text="During the Tajikistan civil war in the early 1990s", start_date="1990-01-01", start_precision="range",
    end_text="during the war (the conflict came to an end in 1997)", end_date="1997-01-01", end_precision="year")
r_imt_imu = rel(IMT, "org_imu", "linked_to", "confirmed",
    span("The Islamic Movement of Tajikistan can be linked to other terrorist organizations such as", "Al-Qaida."),
    ("The text calls these its 'known alliances' that 'share resources and assist one another in carrying out attacks', and "
     "says experts believe the IMT is connected to attacks carried out by the IMCA and the IMU (supporting quotes). Both "
     "groups were led by the same man per this document."))

# ---------------------------------------------------------------- supporting quotes
SQ = []


def sq(ftype, fid, quote, notes=None):
    SQ.append(dict(supporting_quote_id=f"{DOC}_sq{len(SQ)+1:02d}", fact_type=ftype, fact_id=fid, document_id=DOC,
                   quote=quote, notes=notes))


sq("group_relationship", r_branch, Q_FOUNDED)
sq("group_relationship", r_branch, span("The group was founded by its parent organization, The Islamic Movement of Central Asia."))
sq("group_relationship", r_imt_aq, span("The Islamic Movement of Tajikistan can be linked to other terrorist organizations such as", "Al-Qaida."))
sq("group_relationship", r_imt_imu, span("The commonality between The Islamic Movement of Tajikistan's known alliances",
                                         "assist one another in carrying out attacks."))
sq("group_relationship", r_imt_imu, span("The organization is believed to be connected to attacks carried out by",
                                         "the Islamic Movement of Uzbekistan."), "Experts' belief (suspected connection to the IMU's attacks).")
sq("event_mention", m_war, Q_WAR_END, "End of the war and peace agreement.")
sq("event_mention", m_2009, span("In the planned attack, the organization used a bomb as their weapon."))
sq("leadership_tenure", f"{DOC}_ten01", span("is the only known and documented leader of The Islamic Movement of Tajikistan"))
sq("leadership_tenure", f"{DOC}_ten01", span("The now deceased leader of the Islamic Movement of Tajikistan, " + YO_U2018))
sq("leadership_tenure", f"{DOC}_ten02", span("is also documented as being the leader of another terrorist organization known as The Islamic Movement of Uzbekistan"))

write("entities", E)
write("entity_aliases", A)
write("event_mentions", M)
write("event_actors", ACT)
write("membership_estimates", [])
write("leadership_tenures", TEN)
write("group_relationships", REL)
write("designations", [])
write("supporting_quotes", SQ)
for n, rows in [("entities", E), ("entity_aliases", A), ("event_mentions", M), ("event_actors", ACT),
                ("membership_estimates", []), ("leadership_tenures", TEN), ("group_relationships", REL),
                ("designations", []), ("supporting_quotes", SQ)]:
    print(n, len(rows))
