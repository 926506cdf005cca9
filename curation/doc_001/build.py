"""Build the doc_001 draft seed rows (Long War Journal, 'Al Qaeda-linked IMU claims deadly ambush on Tajik troops').

Quotes are cut from the document text programmatically (seg/exact), never retyped.
Year: the article never states a year. 2010 comes from doc_002 ('September 19, 2010' entry for the same
Rasht Valley ambush); the article itself was written between 2010-09-20 and 2010-09-30 (seeds/documents.csv).
Run: python3 curation_drafts/doc_001/build.py  (from /work/main)
"""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = "doc_001"
TEXT = (ROOT / "corpus" / "001_bfdc2076d7a5b229.txt").read_text(encoding="utf-8")
# article region ends before the author note
ARTICLE_END = TEXT.index("Bill Roggio is a Senior Fellow")
OUT = Path(__file__).resolve().parent


def seg(start, end=None):
    """Exact substring of the article from `start` through `end` (inclusive)."""
    i = TEXT.find(start)
    assert 0 <= i < ARTICLE_END, start
    if end is None:
        return start
    j = TEXT.find(end, i)
    assert j >= 0 and j + len(end) <= ARTICLE_END, end
    return TEXT[i : j + len(end)]


def exact(s):
    assert s in TEXT[:ARTICLE_END], s
    return s


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


YEAR_NOTE = ("The article gives no year; 2010 comes from doc_002's entry 'September 19, 2010' for the same "
             "Rasht Valley ambush (the article reports its claim 'today').")

# ---------------------------------------------------------------- quotes used repeatedly
Q_HEADLINE = exact("Al Qaeda-linked IMU claims deadly ambush on Tajik troops")
Q_CREDIT = seg("The Islamic Movement of Uzbekistan today took credit", "killed 25 Tajik troops")
Q_SPOKESMAN = seg("An IMU spokesman named Abdufattoh Ahmadi", "according to a report at Reuters.")
Q_RASHT = seg("The Sept. 19 attack that killed the 25 Tajik soldiers", "a haven for Islamists fighters.")
Q_ABDULLO = seg("An IMU commander named Mullo Abdullo", "behind the deadly ambush.")
Q_AHMADOV = seg("threat today takes place one day after", "during an assault on his home.")
Q_AHMADOV_FULL = seg("Ahmadi\u2019s threat today", "during an assault on his home.")
Q_CIVILWAR = seg("Ahmadov fought against the government", "remains a member of the opposition.")
Q_SHELTER = seg("The Tajik government claims", "sheltering Abdullo.")
Q_BASE = seg("The Islamic Movement of Uzbekistan is based in Pakistan", "tribal agency of North Waziristan")
Q_BASE_FULL = seg("The Islamic Movement of Uzbekistan is based in Pakistan", "and in northern Afghanistan.")
Q_3000 = seg("According to one estimate", "sheltering in North Waziristan.")
Q_STRIKES = seg("Over the past month, the US has ramped up airstrikes", "17 strikes this month alone.")
Q_YUL_KILLED = seg("The IMU\u2019s former leader", "in South Waziristan in September 2009.")
Q_SHURA = seg("Yuldashev sat on al Qaeda", "the Shura Majlis.")
Q_ADIL = exact("He has been replaced by Abu Usman Adil.")
Q_BODYGUARDS = seg("Islamic Movement of Uzbekistan fighters often serve as bodyguards", "Pakistani Taliban leaders.")
Q_ALONGSIDE = exact("The IMU fights alongside the Taliban in Pakistan and Afghanistan.")
Q_INTEGRATED = seg("In northern Afghanistan, the IMU has integrated its operations with the Taliban",
                   "shadow government")
Q_NATO = seg("In late spring of that year, NATO opened a supply line", "the main NATO route from Pakistan.")
Q_PRISON = seg("On Aug. 25, five prison guards were killed", "escaped from a Dushanbe prison.")
Q_25MEMBERS = seg("25 members of the Islamic Movement of Uzbekistan serving long term sentences",
                  "escaped from a Dushanbe prison.")
Q_SEVERAL = exact("In the past month, Islamist fighters have carried out several major attacks.")
Q_KHUJAND = seg("One week later, on Sept. 3, a suicide bomber", "30 more were wounded.")
Q_BORDER = seg("Within a week of the Khujand attack", "cross the border from Afghanistan.")
Q_KUNDUZ = seg("The Taliban and IMU fighters are thought to have been fleeing", "operation in Kunduz.")
Q_DEMANDS = seg("This is our response to Tajikistan", "Ahmadi said.")
Q_LWJ = seg("[see LWJ report", "in the Afghan north]")

assert Q_AHMADOV_FULL.startswith("Ahmadi\u2019s threat today")
assert Q_YUL_KILLED.startswith("The IMU\u2019s former leader, Tahir Yuldashev")

# ---------------------------------------------------------------- entities
E = []


def ent(eid, etype, sub, name, desc, quote, country=None):
    E.append(dict(entity_id=eid, entity_type=etype, entity_subtype=sub, canonical_name=name, country_id=country,
                  description=desc, document_id=DOC, quote=quote))


ent("org_imu", "organization", "militant_group", "Islamic Movement of Uzbekistan",
    "Al Qaeda-linked militant group based in North Waziristan, Pakistan; operates along the Afghan-Pakistani border "
    "and in northern Afghanistan (doc_001).", Q_CREDIT)
ent("org_al_qaeda", "organization", "militant_group", "al-Qaeda",
    "Militant group; its top council is the Shura Majlis (doc_001).", Q_SHURA)
ent("org_afghan_taliban", "organization", "militant_group", "Afghan Taliban",
    "The Taliban of Afghanistan, with a shadow government in northern Afghanistan (doc_001).", Q_INTEGRATED)
ent("org_pakistani_taliban", "organization", "militant_group", "Pakistani Taliban",
    "The Taliban of Pakistan; controls the tribal agency of North Waziristan according to doc_001.", Q_BODYGUARDS)
ent("org_gov_tajikistan", "organization", "government", "Government of Tajikistan",
    "Government of Tajikistan.", Q_SHELTER, "plc_tajikistan")
ent("org_tajik_security_forces", "organization", "security_force", "Tajik security forces",
    "Tajikistan's security forces (troops, police, border guards).", Q_AHMADOV, "plc_tajikistan")
ent("org_us_forces", "organization", "security_force", "United States armed forces",
    "US military forces; in doc_001 the US carrying out airstrikes (incl. a Predator strike) in Waziristan.",
    Q_YUL_KILLED, "plc_united_states")
ent("org_nato", "organization", "international_organization", "North Atlantic Treaty Organization",
    "NATO; opened a supply line from Tajikistan into northern Afghanistan in late spring 2009 (doc_001).", Q_NATO)
ent("org_isaf", "organization", "international_organization", "International Security Assistance Force",
    "NATO-led force in Afghanistan (ISAF).", Q_KUNDUZ)
ent("org_rfe_rl", "organization", "news_organization", "Radio Free Europe/Radio Liberty",
    "Broadcaster; its Tajik Service interviewed IMU spokesman Abdufattoh Ahmadi (doc_001).", Q_SPOKESMAN)
ent("org_reuters", "organization", "news_organization", "Reuters",
    "News agency; doc_001 cites a Reuters report for the IMU claim.", Q_SPOKESMAN)
ent("org_long_war_journal", "organization", "news_organization", "Long War Journal",
    "FDD's Long War Journal (LWJ), publisher of doc_001.", Q_LWJ)
ent("per_abdufattoh_ahmadi", "person", "militant_spokesman", "Abdufattoh Ahmadi",
    "IMU spokesman who claimed the Sept. 19, 2010 Rasht Valley ambush (doc_001).", Q_SPOKESMAN)
ent("per_mullo_abdullo", "person", "militant_commander", "Mullo Abdullo",
    "IMU commander believed to have been behind the Sept. 19, 2010 Rasht Valley ambush (doc_001).", Q_ABDULLO)
ent("per_mirzokhuja_ahmadov", "person", "opposition_figure", "Mirzokhuja Ahmadov",
    "Tajik opposition member who fought against the government in the 1992-1997 civil war; the Tajik government "
    "claims he sheltered Mullo Abdullo (doc_001).", Q_CIVILWAR)
ent("per_tahir_yuldashev", "person", "militant_leader", "Tahir Yuldashev",
    "Former leader of the IMU and member of al Qaeda's Shura Majlis; killed in a US Predator airstrike in South "
    "Waziristan in September 2009 (doc_001).", Q_YUL_KILLED)
ent("per_abu_usman_adil", "person", "militant_leader", "Abu Usman Adil",
    "Replaced Tahir Yuldashev as leader of the IMU (doc_001).", Q_ADIL)
ent("plc_tajikistan", "place", "country", "Tajikistan", "Country in Central Asia.", Q_RASHT, "plc_tajikistan")
ent("plc_pakistan", "place", "country", "Pakistan", "Country in South Asia.", Q_BASE, "plc_pakistan")
ent("plc_afghanistan", "place", "country", "Afghanistan", "Country in South/Central Asia.", Q_ALONGSIDE,
    "plc_afghanistan")
ent("plc_united_states", "place", "country", "United States", "Country.", Q_STRIKES, "plc_united_states")
ent("plc_rasht_valley", "place", "valley", "Rasht Valley",
    "Valley in Tajikistan, 'an area known as a haven for Islamists fighters' (doc_001).", Q_RASHT, "plc_tajikistan")
ent("plc_north_waziristan", "place", "district", "North Waziristan",
    "Tribal agency of Pakistan, Taliban-controlled according to doc_001.", Q_BASE, "plc_pakistan")
ent("plc_south_waziristan", "place", "district", "South Waziristan", "Tribal agency of Pakistan.", Q_YUL_KILLED,
    "plc_pakistan")
ent("plc_dushanbe", "place", "city", "Dushanbe", "Capital of Tajikistan.", Q_PRISON, "plc_tajikistan")
ent("plc_khujand", "place", "city", "Khujand", "Second largest city in Tajikistan (doc_001).", Q_KHUJAND,
    "plc_tajikistan")
ent("plc_kunduz", "place", "province", "Kunduz",
    "Kunduz in northern Afghanistan (doc_001 does not say whether the city or the province).", Q_KUNDUZ,
    "plc_afghanistan")

# ---------------------------------------------------------------- aliases
A = []


def alias(eid, a, atype, quote, amb=False, notes=None):
    assert a in quote, (a, quote)
    A.append(dict(alias_id=f"{DOC}_al{len(A) + 1:03d}", entity_id=eid, alias=a, alias_type=atype, document_id=DOC,
                  is_ambiguous="true" if amb else "false", quote=quote, notes=notes))


alias("org_imu", "Islamic Movement of Uzbekistan", "canonical", Q_CREDIT)
alias("org_imu", "IMU", "acronym", Q_HEADLINE)
alias("org_al_qaeda", "Al Qaeda", "spelling_variant", Q_HEADLINE)
alias("org_al_qaeda", "al Qaeda", "spelling_variant", Q_SHURA)
alias("org_afghan_taliban", "Taliban", "short_form", Q_INTEGRATED, amb=True,
      notes="In doc_001 'Taliban' names the Afghan Taliban (shadow government in northern Afghanistan, fighters "
            "crossing from Afghanistan) but also the Taliban of Pakistan ('Taliban-controlled' North Waziristan, "
            "'the Taliban in Pakistan and Afghanistan').")
alias("org_pakistani_taliban", "Pakistani Taliban", "canonical", Q_BODYGUARDS)
alias("org_gov_tajikistan", "Tajik government", "descriptive", Q_SHELTER)
alias("org_tajik_security_forces", "Tajik security forces", "canonical", Q_AHMADOV)
alias("org_tajik_security_forces", "Tajik troops", "descriptive", Q_CREDIT,
      notes="The troops killed in the Rasht Valley ambush.")
alias("org_tajik_security_forces", "Tajik soldiers", "descriptive", Q_RASHT)
alias("org_tajik_security_forces", "Tajik border guards", "descriptive", Q_BORDER,
      notes="The border-guard component of the Tajik security forces.")
alias("org_nato", "NATO", "acronym", Q_NATO)
alias("org_isaf", "ISAF", "acronym", Q_KUNDUZ)
alias("org_rfe_rl", "Radio Liberty", "short_form", Q_SPOKESMAN,
      notes="As 'Radio Liberty’s Tajik Service'.")
alias("org_reuters", "Reuters", "canonical", Q_SPOKESMAN)
alias("org_long_war_journal", "LWJ", "acronym", Q_LWJ)
alias("per_abdufattoh_ahmadi", "Abdufattoh Ahmadi", "canonical", Q_SPOKESMAN)
alias("per_abdufattoh_ahmadi", "Ahmadi", "short_form", Q_AHMADOV_FULL)
alias("per_mullo_abdullo", "Mullo Abdullo", "canonical", Q_ABDULLO)
alias("per_mullo_abdullo", "Abdullo", "short_form", Q_SHELTER)
alias("per_mirzokhuja_ahmadov", "Mirzokhuja Ahmadov", "canonical", Q_AHMADOV)
alias("per_mirzokhuja_ahmadov", "Ahmadov", "short_form", Q_CIVILWAR)
alias("per_tahir_yuldashev", "Tahir Yuldashev", "canonical", Q_YUL_KILLED)
alias("per_tahir_yuldashev", "Yuldashev", "short_form", Q_SHURA)
alias("per_abu_usman_adil", "Abu Usman Adil", "canonical", Q_ADIL)
alias("plc_tajikistan", "Tajikistan", "canonical", Q_RASHT)
alias("plc_pakistan", "Pakistan", "canonical", Q_ALONGSIDE)
alias("plc_afghanistan", "Afghanistan", "canonical", Q_ALONGSIDE)
alias("plc_rasht_valley", "Rasht Valley", "canonical", Q_RASHT)
alias("plc_north_waziristan", "North Waziristan", "canonical", Q_BASE)
alias("plc_south_waziristan", "South Waziristan", "canonical", Q_YUL_KILLED)
alias("plc_dushanbe", "Dushanbe", "canonical", Q_PRISON)
alias("plc_khujand", "Khujand", "canonical", Q_KHUJAND)
alias("plc_kunduz", "Kunduz", "canonical", Q_KUNDUZ)

# ---------------------------------------------------------------- event mentions
M = []


def mention(event_id, name, etype, quote, date_text, start, end, prec, res, note=None, country=None, loc_text=None,
            loc=None, notes=None, **counts):
    from militancy.quantities import parse_quantity
    row = dict(mention_id=f"{DOC}_m{len(M) + 1:02d}", event_id=event_id, document_id=DOC, event_name=name,
               event_type=etype, date_text=date_text, date_start=start, date_end=end, date_precision=prec,
               date_resolution=res, date_note=note, country_id=country, location_text=loc_text, location_id=loc,
               quote=quote, notes=notes)
    for k, phrase in counts.items():
        assert k in ("killed", "wounded", "hostages", "prisoners_freed", "arrested", "sentenced"), k
        lo, hi = parse_quantity(phrase)
        row[f"{k}_text"], row[f"{k}_low"], row[f"{k}_high"] = phrase, lo, hi
    M.append(row)
    return row["mention_id"]


m_rasht = mention(
    "ev_2010_rasht_ambush", "Ambush on Tajik troops in the Rasht Valley", "ambush", Q_CREDIT,
    "Sept. 19", "2010-09-19", "2010-09-19", "day", "cross_document", YEAR_NOTE,
    "plc_tajikistan", "the Rasht Valley in Tajikistan", "plc_rasht_valley",
    notes="25 Tajik troops/soldiers killed. Claimed 'today' by the IMU through spokesman Abdufattoh Ahmadi "
          "(the claim is part of this mention, not a separate event).",
    killed="25")
m_ahmadov = mention(
    "ev_2010_ahmadov_home_assault", "Tajik security forces' assault on the home of Mirzokhuja Ahmadov",
    "security_operation", Q_AHMADOV_FULL,
    "one day after", "2010-09-19", "2010-09-29", "range", "relative_to_anchor",
    "One day before the article's 'today' (the day of Ahmadi's threat). The article was written after the Sept. 19 "
    "ambush and within September (seeds/documents.csv: 2010-09-20 to 2010-09-30), so the assault fell between "
    "Sept. 19 and Sept. 29; the exact day is not given. Year 2010 from doc_002 (same Rasht Valley ambush, "
    "'September 19, 2010').",
    "plc_tajikistan", "his home", None,
    notes="Five supporters of Mirzokhuja Ahmadov killed. Country inferred from the Tajik security forces and "
          "Ahmadov's Tajik opposition role; the place of the home is not given. The Tajik government claims "
          "Ahmadov was sheltering Mullo Abdullo.",
    killed="five")
m_civil = mention(
    "ev_1992_tajik_civil_war", "Tajik civil war", "battle", Q_CIVILWAR,
    "1992-1997", "1992-01-01", "1997-12-31", "range", "as_stated",
    "The article calls it 'the 1992-1997 civil war'; the country (Tajikistan) follows from the context.",
    "plc_tajikistan", None, None,
    notes="Mentioned as background: Mirzokhuja Ahmadov fought against the government in it.")
m_prison = mention(
    "ev_2010_dushanbe_prison_escape", "Escape of 25 IMU members from a Dushanbe prison", "prison_attack", Q_PRISON,
    "Aug. 25", "2010-08-25", "2010-08-25", "day", "cross_document",
    "The article gives no year; it places the escape 'In the past month' before its writing in September, and the "
    "year 2010 comes from doc_002's 'September 19, 2010' for the ambush this article reports.",
    "plc_tajikistan", "a Dushanbe prison", "plc_dushanbe",
    notes="Five prison guards killed as 25 IMU members serving long term sentences escaped. The article counts it "
          "among 'several major attacks' by Islamist fighters; it does not say who killed the guards.",
    killed="five", prisoners_freed="25")
m_khujand = mention(
    "ev_2010_khujand_suicide_bombing", "Suicide bombing of a police headquarters in Khujand", "suicide_bombing",
    Q_KHUJAND,
    "Sept. 3", "2010-09-03", "2010-09-03", "day", "cross_document",
    "The article gives 'One week later, on Sept. 3' (after Aug. 25) and no year; 2010 comes from doc_002's "
    "'September 19, 2010' for the ambush this article reports.",
    "plc_tajikistan", "a police headquarters in Khujand", "plc_khujand",
    notes="Two policemen killed and '30 more were wounded': 30 others wounded (not 'more than 30'). No group is "
          "named as perpetrator; the article lists it among attacks by 'Islamist fighters'.",
    killed="Two", wounded="30")
m_border = mention(
    "ev_2010_tajik_border_clash", "Tajik border guards kill Taliban and IMU fighters crossing from Afghanistan",
    "security_operation", Q_BORDER,
    "Within a week of the Khujand attack", "2010-09-03", "2010-09-10", "days", "relative_to_anchor",
    "Within a week after the Khujand attack of Sept. 3 (2010, year from doc_002's 'September 19, 2010' for the "
    "ambush this article reports): Sept. 3-10, 2010.",
    "plc_tajikistan", "the border from Afghanistan", None,
    notes="20 Taliban and IMU fighters killed as they attempted to cross the border from Afghanistan; they are "
          "'thought to have been fleeing an ISAF and Afghan operation in Kunduz' (that operation is undated and "
          "not recorded as its own mention). Country: Tajik border guards on the Afghan border.",
    killed="20")
m_strikes = mention(
    "ev_2010_north_waziristan_us_airstrikes_september",
    "US airstrike campaign in North Waziristan, September 2010 (17 strikes)", "airstrike", Q_STRIKES,
    "this month", "2010-09-01", "2010-09-30", "month", "relative_to_anchor",
    "'this month' = the month of writing, September (the article was written between Sept. 20 and 30); year 2010 "
    "from doc_002's 'September 19, 2010' for the ambush this article reports.",
    "plc_pakistan", "North Waziristan", "plc_north_waziristan",
    notes="AGGREGATE, not a single event: the article gives only a count of 17 US strikes in the month against "
          "'the terror groups in North Waziristan', with no dates, places or casualties per strike. Kept as one "
          "row so the reported campaign is not lost; do not count it as one strike.")
m_yul = mention(
    "ev_2009_yuldashev_killed", "Tahir Yuldashev killed in a US Predator airstrike", "airstrike", Q_YUL_KILLED,
    "September 2009", "2009-09-01", "2009-09-30", "month", "as_stated", None,
    "plc_pakistan", "South Waziristan", "plc_south_waziristan",
    notes="The article gives no casualty count beyond Yuldashev's death.")

# ---------------------------------------------------------------- event actors
ACT = []


def actor(mid, eid, role, attr, quote, by=None, notes=None):
    ACT.append(dict(event_actor_id=f"{DOC}_act{len(ACT) + 1:03d}", mention_id=mid, entity_id=eid, role=role,
                    attribution=attr, attributed_by=by, quote=quote, notes=notes))


actor(m_rasht, "org_imu", "perpetrator", "claimed", Q_SPOKESMAN, "IMU spokesman Abdufattoh Ahmadi",
      "Claimed through its spokesman in an interview with Radio Liberty's Tajik Service (per Reuters).")
actor(m_rasht, "org_imu", "claimant", "claimed", Q_CREDIT, "IMU spokesman Abdufattoh Ahmadi")
actor(m_rasht, "per_abdufattoh_ahmadi", "claimant", "claimed", Q_SPOKESMAN, "IMU spokesman Abdufattoh Ahmadi",
      "Spokesman who voiced the IMU's claim.")
actor(m_rasht, "per_mullo_abdullo", "commander", "suspected", Q_ABDULLO, None,
      "'believed to have been behind the deadly ambush'; the believer is not named.")
actor(m_rasht, "org_tajik_security_forces", "target", "confirmed", Q_CREDIT, None, "25 Tajik troops killed.")
actor(m_ahmadov, "org_tajik_security_forces", "authority", "confirmed", Q_AHMADOV)
actor(m_ahmadov, "per_mirzokhuja_ahmadov", "target", "confirmed", Q_AHMADOV,
      notes="Assault on his home; five of his supporters killed.")
actor(m_civil, "per_mirzokhuja_ahmadov", "other", "confirmed", Q_CIVILWAR,
      notes="Fought against the government.")
actor(m_civil, "org_gov_tajikistan", "other", "confirmed", Q_CIVILWAR,
      notes="'the government' Ahmadov fought against.")
actor(m_prison, "org_imu", "perpetrator", "confirmed", Q_PRISON, None,
      "The 25 escapees were IMU members; the article lists the escape among 'several major attacks' by Islamist "
      "fighters but does not say who killed the five guards.")
actor(m_khujand, "org_tajik_security_forces", "target", "confirmed", Q_KHUJAND,
      notes="A police headquarters; two policemen killed.")
actor(m_border, "org_tajik_security_forces", "authority", "confirmed", Q_BORDER, notes="Tajik border guards.")
actor(m_border, "org_afghan_taliban", "target", "confirmed", Q_BORDER,
      notes="Taliban fighters crossing from Afghanistan.")
actor(m_border, "org_imu", "target", "confirmed", Q_BORDER)
actor(m_strikes, "org_us_forces", "authority", "confirmed", Q_STRIKES, notes="'the US'.")
actor(m_yul, "org_us_forces", "authority", "confirmed", Q_YUL_KILLED, notes="'a US Predator airstrike'.")
actor(m_yul, "per_tahir_yuldashev", "target", "confirmed", Q_YUL_KILLED)
actor(m_yul, "org_imu", "target", "confirmed", Q_YUL_KILLED, notes="Its (former) leader was killed.")

# ---------------------------------------------------------------- membership estimates
EST = []


def estimate(gid, subject, ptext, y0, y1, prec, etext, approx, unit, scope, src, quote, notes=None):
    from militancy.quantities import parse_quantity
    lo, hi = parse_quantity(etext)
    EST.append(dict(estimate_id=f"{DOC}_est{len(EST) + 1:02d}", group_id=gid, document_id=DOC, subject_text=subject,
                    period_text=ptext, period_start_year=y0, period_end_year=y1, period_precision=prec,
                    estimate_text=etext, estimate_low=lo, estimate_high=hi, is_approximate=approx,
                    counted_unit=unit, scope=scope, cited_source=src, quote=quote, notes=notes))


estimate(None, "Uzbeks and other Central Asian fighters sheltering in North Waziristan",
         "at the time of writing (present tense)", 2010, 2010, "month", "more than 3,000", "true", "fighters",
         "North Waziristan", "one estimate (unnamed)", Q_3000,
         "Not attributed to the IMU by the text: it counts Uzbek and other Central Asian fighters, so group_id is "
         "empty. Period: the article was written in September 2010 (year from doc_002).")
estimate("org_imu", "IMU members serving long term sentences who escaped from a Dushanbe prison", "Aug. 25",
         2010, 2010, "day", "25", "false", "escaped_members", "a Dushanbe prison", None, Q_PRISON,
         "Year 2010 from doc_002 (see the event mention ev_2010_dushanbe_prison_escape).")

# ---------------------------------------------------------------- leadership tenures
TEN = []


def tenure(gid, pid, role, quote, st=None, sd=None, sp="unknown", et=None, ed=None, ep="unknown", why="unknown",
           notes=None):
    TEN.append(dict(tenure_id=f"{DOC}_ten{len(TEN) + 1:02d}", group_id=gid, person_id=pid, role=role, start_text=st,
                    start_date=sd, start_precision=sp, end_text=et, end_date=ed, end_precision=ep, end_reason=why,
                    document_id=DOC, quote=quote, notes=notes))


tenure("org_imu", "per_tahir_yuldashev", "leader", Q_YUL_KILLED, et="September 2009", ed="2009-09-01",
       ep="month", why="killed_in_airstrike",
       notes="'The IMU’s former leader'; start not given. end_date is the first day of the stated month.")
tenure("org_imu", "per_abu_usman_adil", "leader", Q_ADIL, why="ongoing",
       notes="Replaced Yuldashev (killed September 2009); start date not given; leader at the time of writing "
             "(September 2010).")
tenure("org_al_qaeda", "per_tahir_yuldashev", "member of the Shura Majlis (al Qaeda's top council)", Q_SHURA,
       et="September 2009", ed="2009-09-01", ep="month", why="killed_in_airstrike",
       notes="A role in another group. 'sat on' (past tense); the end is taken from his death in September 2009 "
             "stated in the preceding sentence; start not given.")
tenure("org_imu", "per_mullo_abdullo", "commander", Q_ABDULLO, why="ongoing",
       notes="'An IMU commander' at the time of writing (September 2010); dates not given.")
tenure("org_imu", "per_abdufattoh_ahmadi", "spokesman", Q_SPOKESMAN, why="ongoing",
       notes="'An IMU spokesman' at the time of writing (September 2010); not a leadership post; dates not given.")

# ---------------------------------------------------------------- relationships
REL = []


def rel(gid, rid, rtype, cert, quote, st=None, sd=None, sp="unknown", et=None, ed=None, ep="unknown", notes=None):
    REL.append(dict(relationship_id=f"{DOC}_rel{len(REL) + 1:02d}", group_id=gid, related_group_id=rid,
                    relationship_type=rtype, start_text=st, start_date=sd, start_precision=sp, end_text=et,
                    end_date=ed, end_precision=ep, certainty=cert, document_id=DOC, quote=quote, notes=notes))
    return REL[-1]["relationship_id"]


r_aq = rel("org_imu", "org_al_qaeda", "linked_to", "confirmed", Q_HEADLINE,
           notes="Headline 'Al Qaeda-linked IMU'; its former leader Yuldashev sat on al Qaeda's Shura Majlis. "
                 "Nature of the link not specified. As of September 2010.")
rel("org_imu", "org_afghan_taliban", "allied_with", "confirmed", Q_ALONGSIDE,
    notes="'fights alongside the Taliban in Pakistan and Afghanistan'; in northern Afghanistan the IMU 'has "
          "integrated its operations with the Taliban' and its senior leaders serve in the Taliban's shadow "
          "government. As of September 2010.")
rel("org_imu", "org_pakistani_taliban", "allied_with", "confirmed", Q_BODYGUARDS,
    notes="IMU fighters 'often serve as bodyguards to top Pakistani Taliban leaders'; the IMU 'fights alongside the "
          "Taliban in Pakistan'. As of September 2010.")
rel("org_imu", "org_pakistani_taliban", "hosted_by", "confirmed", Q_BASE,
    notes="The text says the IMU 'is based in Pakistan’s Taliban-controlled tribal agency of North Waziristan'; "
          "hosting by the Taliban who control the area is read from that, not stated in those words. "
          "As of September 2010.")

# ---------------------------------------------------------------- supporting quotes
SQ = []


def sq(ftype, fid, quote, notes=None):
    SQ.append(dict(supporting_quote_id=f"{DOC}_sq{len(SQ) + 1:02d}", fact_type=ftype, fact_id=fid, document_id=DOC,
                   quote=quote, notes=notes))


sq("event_mention", m_rasht, Q_RASHT, "Second mention of the ambush: place and 25 killed.")
sq("event_mention", m_rasht, Q_SPOKESMAN, "The IMU claim.")
sq("event_mention", m_ahmadov, Q_SHELTER, "The government's stated reason: Ahmadov allegedly sheltered Abdullo.")
sq("event_mention", m_prison, Q_SEVERAL, "Frames the escape and the Khujand bombing as attacks by Islamist fighters.")
sq("event_mention", m_border, Q_KUNDUZ)
sq("group_relationship", r_aq, Q_SHURA)
sq("group_relationship", f"{DOC}_rel02", Q_INTEGRATED)
sq("group_relationship", f"{DOC}_rel03", Q_ALONGSIDE)
sq("group_relationship", f"{DOC}_rel04", Q_3000,
   "More than 3,000 Uzbek and other Central Asian fighters shelter in North Waziristan.")
sq("leadership_tenure", f"{DOC}_ten02", Q_YUL_KILLED, "Yuldashev, whom Adil replaced, was killed in September 2009.")
sq("entity", "org_imu", Q_BASE_FULL)

write("entities", E)
write("entity_aliases", A)
write("event_mentions", M)
write("event_actors", ACT)
write("membership_estimates", EST)
write("leadership_tenures", TEN)
write("group_relationships", REL)
write("designations", [])
write("supporting_quotes", SQ)
print({k: len(v) for k, v in dict(entities=E, aliases=A, mentions=M, actors=ACT, estimates=EST, tenures=TEN,
                                   relationships=REL, supporting=SQ).items()})
