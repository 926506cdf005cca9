"""Build the doc_004 draft seed rows (encyclopedia article 'Islamic Movement of Uzbekistan' re-hosted on a
dictionary site; page chrome at the top and bottom is never quoted).

Quotes are cut from the document text programmatically (seg/exact), never retyped.
Run: python3 curation_drafts/doc_004/build.py  (from /work/main)
Single-date columns with a coarser precision (tenure start/end, relationship start, designation date) hold the
first day of the stated period (e.g. year 1998 -> 1998-01-01, 'late 1999' -> 1999-09-01).
"""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = "doc_004"
TEXT = (ROOT / "corpus" / "004_c8a43704296355a8.txt").read_text(encoding="utf-8")
ART_START = TEXT.index("Islamic Movement of Uzbekistan\n\nThe Islamic Movement")
ART_END = TEXT.index("cannot be ruled out.") + len("cannot be ruled out.")
OUT = Path(__file__).resolve().parent


def seg(start, end=None):
    """Exact substring of the article from `start` through `end` (inclusive)."""
    i = TEXT.find(start, ART_START)
    assert ART_START <= i < ART_END, start
    if end is None:
        return start
    j = TEXT.find(end, i)
    assert j >= 0 and j + len(end) <= ART_END, end
    return TEXT[i : j + len(end)]


def exact(s):
    assert s in TEXT[ART_START:ART_END], s
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


# ---------------------------------------------------------------- quotes
Q_FORMED = seg("The Islamic Movement of Uzbekistan (IMU) was a militant Islamist group formed in 1998",
               "both ethnic Uzbeks from the Fergana Valley.")
Q_OBJECTIVE = seg("Its objective was to overthrow President Islam Karimov", "an Islamic state under Sharia.")
Q_BASES = seg("Operating out of bases in Tajikistan", "into Kyrgyzstan and Uzbekistan in 1999 and 2000.")
Q_DESTROYED1 = seg("However, in 2001 the IMU was largely destroyed", "coalition forces in Afghanistan.")
Q_NAM_KILLED1 = seg("Namangani was killed, and the IMU's remaining fighters were dispersed.")
Q_ESC_WAZ = seg("Yuldeshev and an unknown number of fighters escaped", "Tribal Areas of Pakistan.")
Q_SINCE = seg("Since then the IMU has reportedly opened training camps", "overthrow the government of Pakistan.")
Q_IMT = seg("Despite occasional proclamations from Yuldeshev", "Afghanistan/Pakistan border region.")
Q_SOVIET = seg("This isolation ended with the Soviet war in Afghanistan (1979-1989)", "fight the Afghan mujahedin.")
Q_KHOJAYEV = seg("One such soldier sent to fight in Afghanistan", "Khojayev (b. 1969).")
Q_NAMANGAN = seg("Following the war, Khojayev returned to his hometown of Namangan", "Tohir Yuldashev (b.1967).")
Q_ADOLAT = seg("In the period of initial instability that followed Uzbekistan's sudden independence in 1991",
               "which they called Adolat (Justice).")
Q_ADOLAT_HEAD = exact("Adolat (1991-1992)")
Q_ADOLAT_AUTH = seg("Adolat assumed civil authority in Namangan", "by Adolat's vigilante cadres.")
Q_TOLERATED = seg("Initially tolerated by the newly installed President Karimov", "impose Sharia throughout Uzbekistan.")
Q_OUTLAW = seg("However, by 1992 Karimov had successfully cemented his authority", "most Islamic regions in Central Asia.")
Q_CW_HEAD = exact("Tajik Civil War (1992-1997)")
Q_FLED = seg("Evading arrest, Yuldashev and Namagani fled to Tajikistan", "led by Emomali Rahmonov earlier in 1992.")
Q_PITTED = seg("The civil war pitted Rahmonov's neo-communist forces", "United Tajik Opposition (UTO).")
Q_NURI = seg("The UTO was led by the widely popular", "a moderate and democratic brand of Islamism.")
Q_COMMAND = seg("Namangani's combat experience in Afghanistan saw him entrusted by the IRPT",
                "a role he carried out with considerable success.")
Q_TOUR = seg("Meanwhile, Yuldashev left Tajikistan on a tour", "contacts with numerous Islamist groups.")
Q_PESHAWAR = seg("From 1995-8 Yuldashev was based in Peshawar", "the Afghan Arabs based there at the time.")
Q_PEACE = seg("In 1997 Rahmonov and Nuri signed a peace agreement", "sharing power with the IRPT.")
Q_FORMED2 = seg("Disillusioned with the political concessions made by the Tajik Islamists",
                "militant Islamic oppostion to Karimov in Uzbekistan.")
Q_ISI = seg("Receiving initial funding and assistance from Pakistan's Inter-Services Intelligence (ISI) agency",
            "his Northern Alliance against the Taliban.")
Q_TAV_BASE = seg("Nevertheless, Namangani maintained his base in Tajikistan's Tavildara Valley",
                 "under Karimov's authoritarian rule.")
Q_TASHKENT99 = seg("In 1999 a series of explosions in the capital Tashkent", "unsuccessful attempt on Karimov's life.")
Q_BLAME = seg("Karimov placed the blame on radical Wahhabi Islamists", "rival political and regional elites.")
Q_ESCALATION = seg("Irrespective of who was responsible, the result was an escalation",
                   "Namangani and the IMU in the Tavildara Valley.")
Q_BATKEN99 = seg("Later that year the IMU conducted its first verifiable operations",
                 "the Fergana Valley in Uzbekistan.")
Q_BATKEN99_SHORT = seg("Later that year the IMU conducted its first verifiable operations",
                       "the Batken region of southern Kyrgyzstan")
Q_MAYOR = seg("Insurgents seized the Mayor of Osh", "to transport them to Afghanistan.")
Q_JAPANESE = seg("Further incursions into Batken followed", "a significant ransom payment.")
Q_FURTHER = exact("Further incursions into Batken followed")
Q_PRESSURE = seg("These raids had a major impact in Central Asia", "its base in the Tavildara Valley.")
Q_ABANDON = seg("The IRPT persuaded their former ally Namangani", "in late 1999.")
Q_RUSSIAN = seg("Controversially, Namangani and his fighters were then flown", "an attempt to undermine Uzbekistan.")
Q_FREEDOM = seg("In Afghanistan Yuldeshev was able to exploit the contacts", "battle with Massoud's Northern Alliance.")
Q_CAMPS = seg("The IMU established offices and training camps", "participation in the Afghan opium trade.")
Q_2000STRONG = seg("It is estimated that the IMU were now approximately 2000 strong")
Q_600A = seg("in the spring they contributed around 600 fighters", "Bin Laden's 055 Arab Brigade.")
Q_2000_FULL = seg("It is estimated that the IMU were now approximately 2000 strong", "Bin Laden's 055 Arab Brigade.")
Q_UIGHUR = seg("The IMU also provided the Taliban with a useful degree of deniability", "north to the IMU's camps.")
Q_SUMMER = seg("By the summer of 2000 Western and CIS intelligence sources claim",
               "heavy transport helicopters by Bin Laden.")
Q_MULTI = seg("Namangani led IMU fighters back to the Tavildara Valley", "northern Uzbekistan, close to Tashkent.")
Q_CLIMBERS = seg("In August 2000 the IMU also kidnapped four U.S. mountain-climbers", "until they escaped on 12 August.")
Q_FTO = seg("In response, the United States classified the IMU", "Foreign Terrorist Organization.")
Q_RETREAT = seg("Once again the raids were followed by a strategic retreat to Tavildara",
                "where they arrived in January 2001.")
Q_BOBBITT = seg("In his book Terror and Consent, Philip Bobbitt noted", "bin Laden in Kabul in August 2001.")
Q_UBEK = seg("Mahmood is said to have disclosed that bin Laden", "the Islamic Movement of Ubekistan\" (p120).")
Q_DEPUTY = seg("By now the connections between the IMU and the Taliban had become more overt",
               "which the Taliban did not deny.")
Q_600B = seg("In the spring the IMU again supplied the Taliban with 600 fighters",
             "executed a series of attacks.")
Q_600B_SHORT = seg("In the spring the IMU again supplied the Taliban with 600 fighters",
                   "renewed campaign against Massoud")
Q_SLEEPERS = seg("while in Batken in Kyrgyzstan a number of sleepers", "executed a series of attacks.")
Q_DESTROYED2 = seg("However, following 9/11 and the US-led coalition intervention in Afghanistan",
                   "Namangani himself was killed.")
Q_SCATTERED = seg("The IMU's fighters were scattered", "to the tribal areas of Pakistan.")
Q_AIDE = seg("In September 2002 an aide to Wakil Ahmad Muttawakil", "Al Qaeda's presence in Afghanistan.")
Q_AIDE2 = seg("The aide claimed advance knowledge of the attack came from Yuldashev",
              "cooperation between Al-Qaeda and the IMU.")
Q_INACTIVE = seg("Despite remaining operationally inactive since 2001", "within and without the region.")
Q_JONES = seg("In 2003 A. Elizabeth Jones", "the IMU, and Hizb ut-Tahrir.")
Q_JONES2 = seg("Jones said that despite the death of Namangani", "therefore to our interests.\"")
Q_RUSSIA = seg("In addition, the Government of Russia banned the movement", "in 2006.")
Q_KAMALOV = seg("On 7 August 2006 Kyrgyz special forces killed Rafik Kamalov", "border town of Kara-Suu.")
Q_JURAQULOV = seg("Mahmadsaid Juraqulov, head of the anti-organized crime department",
                  "manufactured the change in name.")
Q_JURAQULOV2 = seg("Juraqulov also said that the IMT is not a major security threat", "Tajikistan or Kyrgyzstan.")
Q_23 = seg("The Tajik Government wants 23 suspected IMU members", "wounding two people.")
Q_31 = seg("Between July 2006 and September 2007, 31 persons accused of IMU membership",
           "in the north of Tajikistan.")
Q_SENT = exact("They are usually sentenced to 12 - 18 years of prison.")
Q_PRONOUNCE = seg("However, while Yuldeshev has issued a number of pronouncements", "a credible threat in the region.")
Q_EARLY2007 = seg("Furthermore, events in early 2007 suggest", "refuge in Pakistan's tribal belt.")
Q_WANA = seg("In March local Pakistani and reportedly Arab militants", "in the Wana conflict.")
Q_POLES = seg("Some analysts have asserted that rather than the image of a unified IMU",
              "militant, criminal (Namangani).")
Q_LATTER = seg("With the latter's death in 2001", "favouring terror-style attacks.")
Q_2004 = seg("The 2004 Tashkent bombings attributed to a group calling itself Islamic Jihad",
             "either active or previously so.")

# ---------------------------------------------------------------- entities
E = []


def ent(eid, etype, sub, name, desc, quote, country=None):
    E.append(dict(entity_id=eid, entity_type=etype, entity_subtype=sub, canonical_name=name, country_id=country,
                  description=desc, document_id=DOC, quote=quote))


ent("org_imu", "organization", "militant_group", "Islamic Movement of Uzbekistan",
    "Militant Islamist group formed in 1998 by Juma Namangani and Tohir Yuldashev to overthrow Islam Karimov and "
    "create an Islamic state; largely destroyed in Afghanistan in 2001, remnants in Waziristan (doc_004).", Q_FORMED)
ent("org_islamic_movement_of_turkestan", "organization", "militant_group", "Islamic Movement of Turkestan",
    "Name (IMT) under which the IMU was rumoured to have re-emerged; a Tajik official said in 2006 it is the IMU "
    "(doc_004).", Q_IMT)
ent("org_adolat", "organization", "militant_group", "Adolat",
    "'Adolat (Justice)', radical Salafi Islamist group founded in Namangan by Yuldashev and Namangani after "
    "Uzbekistan's independence in 1991; outlawed by Karimov by 1992 (doc_004).", Q_ADOLAT)
ent("org_uto", "organization", "militant_group", "United Tajik Opposition",
    "Loose coalition of democrats and Islamists in the Tajik civil war (1992-1997), led by Said Abdullah Nuri "
    "(doc_004).", Q_PITTED)
ent("org_irpt", "organization", "political_party", "Islamic Renaissance Party of Tajikistan",
    "Nuri's party within the UTO; entrusted Namangani with command of field units in the civil war; shared power "
    "after the 1997 peace agreement (doc_004).", Q_NURI)
ent("org_isi", "organization", "government_agency", "Inter-Services Intelligence",
    "Pakistan's intelligence agency; gave the IMU initial funding and assistance (doc_004).", Q_ISI, "plc_pakistan")
ent("org_afghan_taliban", "organization", "militant_group", "Afghan Taliban",
    "The Taliban of Afghanistan; hosted and fought alongside the IMU 1999-2001 (doc_004).", Q_ISI)
ent("org_northern_alliance", "organization", "militant_group", "Northern Alliance",
    "Ahmad Shah Massoud's alliance fighting the Taliban, backed by the IRPT (doc_004).", Q_ISI)
ent("org_055_brigade", "organization", "militant_group", "055 Brigade",
    "'Bin Laden's 055 Arab Brigade', which fought alongside the IMU at the siege of Taloqan (doc_004).", Q_600A)
ent("org_al_qaeda", "organization", "militant_group", "al-Qaeda", "Militant group (doc_004).", Q_AIDE)
ent("org_hizb_ut_tahrir", "organization", "militant_group", "Hizb ut-Tahrir",
    "Islamist group named with the IMU as the greatest threats in Central Asia in 2003 US testimony (doc_004).",
    Q_JONES)
ent("org_islamic_jihad", "organization", "militant_group", "Islamic Jihad (Uzbekistan, 2004)",
    "'a group calling itself Islamic Jihad' to which the 2004 Tashkent bombings were attributed; perpetrated by "
    "IMU operatives according to doc_004. The text does not identify it with any other group.", Q_2004)
ent("org_gov_uzbekistan", "organization", "government", "Government of Uzbekistan",
    "Government of Uzbekistan under President Islam Karimov.", Q_OUTLAW, "plc_uzbekistan")
ent("org_gov_tajikistan", "organization", "government", "Government of Tajikistan",
    "Government of Tajikistan.", Q_23, "plc_tajikistan")
ent("org_gov_kyrgyzstan", "organization", "government", "Government of Kyrgyzstan",
    "Government of Kyrgyzstan in Bishkek.", Q_MAYOR, "plc_kyrgyzstan")
ent("org_gov_russia", "organization", "government", "Government of Russia",
    "Government of Russia; banned the IMU under the name 'Islamic Party of Turkestan' in 2006 (doc_004).",
    Q_RUSSIA, "plc_russia")
ent("org_gov_us", "organization", "government", "Government of the United States",
    "US government; classified the IMU as a Foreign Terrorist Organization (doc_004).", Q_FTO, "plc_united_states")
ent("org_gov_japan", "organization", "government", "Government of Japan",
    "Government of Japan; denied a ransom payment for geologists kidnapped in 1999 (doc_004).", Q_JAPANESE,
    "plc_japan")
ent("org_gov_pakistan", "organization", "government", "Government of Pakistan", "Government of Pakistan.",
    Q_SINCE, "plc_pakistan")
ent("org_us_forces", "organization", "security_force", "United States armed forces",
    "US military; in doc_004 the 'United States-led coalition forces' / 'US-led coalition' in Afghanistan in 2001.",
    Q_DESTROYED1, "plc_united_states")
ent("org_kyrgyz_special_forces", "organization", "security_force", "Kyrgyz special forces",
    "Kyrgyz special forces; killed Rafik Kamalov on 7 August 2006 (doc_004).", Q_KAMALOV, "plc_kyrgyzstan")
ent("per_juma_namangani", "person", "militant_leader", "Juma Namangani",
    "Born Jumaboi Ahmadzhanovitch Khojayev (1969), former Soviet paratrooper; co-founder of Adolat and of the IMU "
    "and its military leader; killed in 2001 (doc_004).", Q_FORMED)
ent("per_tahir_yuldashev", "person", "militant_leader", "Tahir Yuldashev",
    "'Tohir Yuldashev' (b. 1967), Islamic ideologue; co-founder of Adolat and of the IMU (doc_004).", Q_FORMED)
ent("per_islam_karimov", "person", "head_of_state", "Islam Karimov", "President of Uzbekistan.", Q_OBJECTIVE)
ent("per_emomali_rahmon", "person", "head_of_state", "Emomali Rahmon",
    "'Emomali Rahmonov' / 'Imomali Rakhmonov'; led a coup in 1992 and the government side in the Tajik civil war; "
    "President of Tajikistan (doc_004).", Q_FLED)
ent("per_said_abdullah_nuri", "person", "opposition_figure", "Said Abdullah Nuri",
    "Islamist leader of the United Tajik Opposition and the IRPT; signed the 1997 peace agreement (doc_004).", Q_NURI)
ent("per_ahmad_shah_massoud", "person", "militant_leader", "Ahmad Shah Massoud",
    "Ethnic-Tajik commander of the Northern Alliance (doc_004).", Q_ISI)
ent("per_osama_bin_laden", "person", "militant_leader", "Osama bin Laden",
    "Militant leader; Yuldashev established relations with him in Peshawar (1995-8); 'Bin Laden's 055 Arab "
    "Brigade' fought beside the IMU at Taloqan (doc_004).", Q_PESHAWAR)
ent("per_philip_bobbitt", "person", "author", "Philip Bobbitt", "Author of 'Terror and Consent' (doc_004).", Q_BOBBITT)
ent("per_sultan_bashiruddin_mahmood", "person", "scientist", "Sultan Bashiruddin Mahmood",
    "Scientist of the Pakistan Atomic Energy Commission who met Osama bin Laden in Kabul in August 2001 (doc_004).",
    Q_BOBBITT)
ent("per_wakil_ahmad_muttawakil", "person", "government_official", "Wakil Ahmad Muttawakil",
    "Foreign Minister of the Taliban (doc_004).", Q_AIDE)
ent("per_a_elizabeth_jones", "person", "government_official", "A. Elizabeth Jones",
    "U.S. assistant secretary of state for Europe and Eurasia; testified in 2003 that the IMU was still active "
    "(doc_004).", Q_JONES)
ent("per_rafik_kamalov", "person", "militant_leader", "Rafik Kamalov",
    "'an alleged leader of the movement' (the IMU), killed by Kyrgyz special forces in Kara-Suu on 7 August 2006 "
    "(doc_004).", Q_KAMALOV)
ent("per_mahmadsaid_juraqulov", "person", "government_official", "Mahmadsaid Juraqulov",
    "Head of the anti-organized crime department in the Interior Ministry of Tajikistan (doc_004).", Q_JURAQULOV)

PLACES = [
    ("plc_uzbekistan", "country", "Uzbekistan", "Country in Central Asia.", Q_OBJECTIVE, "plc_uzbekistan"),
    ("plc_tajikistan", "country", "Tajikistan", "Country in Central Asia.", Q_FLED, "plc_tajikistan"),
    ("plc_kyrgyzstan", "country", "Kyrgyzstan", "Country in Central Asia.", Q_BASES, "plc_kyrgyzstan"),
    ("plc_afghanistan", "country", "Afghanistan", "Country in South/Central Asia.", Q_SOVIET, "plc_afghanistan"),
    ("plc_pakistan", "country", "Pakistan", "Country in South Asia.", Q_PESHAWAR, "plc_pakistan"),
    ("plc_kazakhstan", "country", "Kazakhstan", "Country in Central Asia.", Q_JONES2, "plc_kazakhstan"),
    ("plc_russia", "country", "Russia", "Country.", Q_RUSSIA, "plc_russia"),
    ("plc_united_states", "country", "United States", "Country.", Q_FTO, "plc_united_states"),
    ("plc_japan", "country", "Japan", "Country.", Q_JAPANESE, "plc_japan"),
    ("plc_central_asia", "region", "Central Asia", "Region.", Q_OUTLAW, None),
    ("plc_fergana_valley", "valley", "Fergana Valley",
     "Valley ('Uzbekistan's Fergana Valley'), 'traditionally one of the most Islamic regions in Central Asia' "
     "(doc_004).", Q_OUTLAW, None),
    ("plc_namangan", "city", "Namangan", "City in Uzbekistan's Fergana Valley; Khojayev's (Namangani's) hometown (doc_004).",
     Q_NAMANGAN, "plc_uzbekistan"),
    ("plc_tashkent", "city", "Tashkent", "Capital of Uzbekistan.", Q_TASHKENT99, "plc_uzbekistan"),
    ("plc_tavildara_valley", "valley", "Tavildara Valley",
     "Remote mountainous valley in Tajikistan; Namangani's base (doc_004).", Q_COMMAND, "plc_tajikistan"),
    ("plc_peshawar", "city", "Peshawar", "City in Pakistan.", Q_PESHAWAR, "plc_pakistan"),
    ("plc_batken", "province", "Batken",
     "'the Batken region of southern Kyrgyzstan', populated mainly by ethnic Uzbeks (doc_004).", Q_BATKEN99,
     "plc_kyrgyzstan"),
    ("plc_osh", "city", "Osh", "City in Kyrgyzstan (doc_004 calls it 'the regional capital').", Q_MAYOR,
     "plc_kyrgyzstan"),
    ("plc_bishkek", "city", "Bishkek", "Capital of Kyrgyzstan.", Q_MAYOR, "plc_kyrgyzstan"),
    ("plc_taloqan", "city", "Taloqan", "Town in northern Afghanistan, besieged by the Taliban (doc_004).", Q_600A,
     "plc_afghanistan"),
    ("plc_kara_su_valley", "valley", "Kara-Su Valley", "Valley in Kyrgyzstan.", Q_CLIMBERS, "plc_kyrgyzstan"),
    ("plc_kara_suu", "town", "Kara-Suu", "Kyrgyz border town.", Q_KAMALOV, "plc_kyrgyzstan"),
    ("plc_sughd", "province", "Sughd", "'the Sughd region in the north of Tajikistan' (doc_004).", Q_31,
     "plc_tajikistan"),
    ("plc_wana", "town", "Wana", "Town in Pakistan's tribal belt (Wana conflict, 2007).", Q_WANA, "plc_pakistan"),
    ("plc_waziristan", "region", "Waziristan",
     "Region in the Federally Administered Tribal Areas of Pakistan.", Q_ESC_WAZ, "plc_pakistan"),
    ("plc_kabul", "city", "Kabul", "Capital of Afghanistan.", Q_BOBBITT, "plc_afghanistan"),
    ("plc_dushanbe", "city", "Dushanbe", "Capital of Tajikistan.", Q_JURAQULOV, "plc_tajikistan"),
]
for pid, sub, name, desc, quote, country in PLACES:
    ent(pid, "place", sub, name, desc, quote, country)

# ---------------------------------------------------------------- aliases
A = []


def alias(eid, a, atype, quote, amb=False, notes=None):
    assert a in quote, (a, quote)
    A.append(dict(alias_id=f"{DOC}_al{len(A) + 1:03d}", entity_id=eid, alias=a, alias_type=atype, document_id=DOC,
                  is_ambiguous="true" if amb else "false", quote=quote, notes=notes))


alias("org_imu", "Islamic Movement of Uzbekistan", "canonical", Q_FORMED)
alias("org_imu", "IMU", "acronym", Q_FORMED)
alias("org_imu", "Islamic Movement of Ubekistan", "misspelling", Q_UBEK,
      notes="Typo in the quoted disclosure (Bobbitt, p120).")
alias("org_imu", "IMU/IMT", "descriptive", Q_IMT,
      notes="Combined label for the IMU and its rumoured successor name IMT (Islamic Movement of Turkestan).")
alias("org_imu", "Islamic Party of Turkestan", "later_name", Q_RUSSIA,
      notes="The name under which the Government of Russia banned 'the movement' (the IMU) in 2006; the text does "
            "not say the group itself used it.")
alias("org_islamic_movement_of_turkestan", "Islamic Movement of Turkestan", "canonical", Q_IMT)
alias("org_islamic_movement_of_turkestan", "IMT", "acronym", Q_IMT,
      notes="In doc_004 IMT = Islamic Movement of Turkestan.")
alias("org_adolat", "Adolat", "canonical", Q_ADOLAT)
alias("org_adolat", "Justice", "translation", Q_ADOLAT, notes="'Adolat (Justice)'.")
alias("org_uto", "United Tajik Opposition", "canonical", Q_PITTED)
alias("org_uto", "UTO", "acronym", Q_PITTED)
alias("org_irpt", "Islamic Renaissance Party of Tajikistan", "canonical", Q_NURI)
alias("org_irpt", "IRPT", "acronym", Q_NURI)
alias("org_isi", "Inter-Services Intelligence", "canonical", Q_ISI)
alias("org_isi", "ISI", "acronym", Q_ISI)
alias("org_afghan_taliban", "Afghan Taliban", "canonical", Q_ISI)
alias("org_afghan_taliban", "Taliban", "short_form", Q_ISI)
alias("org_northern_alliance", "Northern Alliance", "canonical", Q_ISI)
alias("org_055_brigade", "055 Arab Brigade", "spelling_variant", Q_600A)
alias("org_al_qaeda", "Al Qaeda", "spelling_variant", Q_AIDE)
alias("org_al_qaeda", "Al-Qaeda", "spelling_variant", Q_AIDE2)
alias("org_hizb_ut_tahrir", "Hizb ut-Tahrir", "canonical", Q_JONES)
alias("org_islamic_jihad", "Islamic Jihad", "short_form", Q_2004)
alias("org_gov_tajikistan", "Tajik government", "descriptive", Q_RETREAT)
alias("org_gov_tajikistan", "Tajik Government", "descriptive", Q_23)
alias("org_gov_tajikistan", "Tajik authorities", "descriptive", Q_23)
alias("org_gov_kyrgyzstan", "Kyrgyz government", "descriptive", Q_MAYOR)
alias("org_gov_russia", "Government of Russia", "canonical", Q_RUSSIA)
alias("org_gov_russia", "the Russians", "descriptive", Q_RUSSIAN,
      notes="Also 'flown by the Russians' in January 2001.")
alias("org_gov_us", "U.S. government", "descriptive", Q_AIDE)
alias("org_gov_us", "United States", "short_form", Q_FTO, amb=True,
      notes="'the United States classified the IMU'; the same words name the country in 'United States-led "
            "coalition forces'.")
alias("org_us_forces", "United States-led coalition forces", "descriptive", Q_DESTROYED1,
      notes="The coalition is led by the US; its other members are not named.")
alias("org_us_forces", "US-led coalition", "descriptive", Q_DESTROYED2)
alias("org_kyrgyz_special_forces", "Kyrgyz special forces", "canonical", Q_KAMALOV)
alias("per_juma_namangani", "Juma Namangani", "nom_de_guerre", Q_ADOLAT,
      notes="'now adopting the nom de guerre Juma Namangani'; also the canonical name.")
alias("per_juma_namangani", "Namangani", "short_form", Q_COMMAND)
alias("per_juma_namangani", "Namagani", "misspelling", Q_FLED)
alias("per_juma_namangani", "Jumaboi Ahmadzhanovitch Khojayev", "birth_name", Q_KHOJAYEV)
alias("per_juma_namangani", "Khojayev", "birth_name", Q_NAMANGAN, notes="Surname of his birth name.")
alias("per_tahir_yuldashev", "Tohir Yuldashev", "transliteration", Q_FORMED)
alias("per_tahir_yuldashev", "Yuldashev", "short_form", Q_FLED)
alias("per_tahir_yuldashev", "Yuldeshev", "misspelling", Q_ADOLAT,
      notes="Used throughout doc_004 beside 'Yuldashev'.")
alias("per_islam_karimov", "Islam Karimov", "canonical", Q_OBJECTIVE)
alias("per_islam_karimov", "Karimov", "short_form", Q_OUTLAW)
alias("per_emomali_rahmon", "Emomali Rahmonov", "spelling_variant", Q_FLED)
alias("per_emomali_rahmon", "Rahmonov", "short_form", Q_PITTED)
alias("per_emomali_rahmon", "Imomali Rakhmonov", "transliteration", Q_23)
alias("per_said_abdullah_nuri", "Said Abdullah Nuri", "canonical", Q_NURI)
alias("per_said_abdullah_nuri", "Nuri", "short_form", Q_PEACE)
alias("per_ahmad_shah_massoud", "Ahmad Shah Massoud", "canonical", Q_ISI)
alias("per_ahmad_shah_massoud", "Massoud", "short_form", Q_FREEDOM)
alias("per_osama_bin_laden", "Osama Bin Laden", "spelling_variant", Q_PESHAWAR)
alias("per_osama_bin_laden", "Bin Laden", "short_form", Q_600A)
alias("per_osama_bin_laden", "Osama bin Laden", "canonical", Q_BOBBITT)
alias("per_osama_bin_laden", "bin Laden", "short_form", Q_UBEK)
alias("per_philip_bobbitt", "Philip Bobbitt", "canonical", Q_BOBBITT)
alias("per_sultan_bashiruddin_mahmood", "Sultan Bashiruddin Mahmood", "canonical", Q_BOBBITT)
alias("per_sultan_bashiruddin_mahmood", "Mahmood", "short_form", Q_UBEK)
alias("per_wakil_ahmad_muttawakil", "Wakil Ahmad Muttawakil", "canonical", Q_AIDE)
alias("per_a_elizabeth_jones", "A. Elizabeth Jones", "canonical", Q_JONES)
alias("per_a_elizabeth_jones", "Jones", "short_form", Q_JONES2)
alias("per_rafik_kamalov", "Rafik Kamalov", "canonical", Q_KAMALOV)
alias("per_mahmadsaid_juraqulov", "Mahmadsaid Juraqulov", "canonical", Q_JURAQULOV)
alias("per_mahmadsaid_juraqulov", "Juraqulov", "short_form", Q_JURAQULOV2)
for pid, sub, name, desc, quote, country in PLACES:
    alias(pid, name, "canonical", quote)
alias("plc_tavildara_valley", "Tavildara", "short_form", Q_ABANDON)

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
        assert phrase in quote, (phrase, quote)
        lo, hi = parse_quantity(phrase)
        row[f"{k}_text"], row[f"{k}_low"], row[f"{k}_high"] = phrase, lo, hi
    M.append(row)
    return row["mention_id"]


m_soviet = mention("ev_1979_soviet_afghan_war", "Soviet war in Afghanistan", "battle", Q_SOVIET,
                   "(1979-1989)", "1979-01-01", "1989-12-31", "range", "as_stated", None,
                   "plc_afghanistan", "Afghanistan", "plc_afghanistan",
                   notes="Background: conscripts from Soviet Central Asia, among them the future Juma Namangani, "
                         "fought the Afghan mujahedin.")
m_adolat = mention("ev_1992_adolat_outlawed", "Karimov outlaws Adolat", "crackdown", Q_OUTLAW,
                   "by 1992", "1992-01-01", "1992-12-31", "year", "as_stated",
                   "'by 1992 Karimov ... was strong enough to outlaw Adolat'; the section heading 'Adolat (1991-1992)' "
                   "and the founders' flight to Tajikistan in 1992 ('Evading arrest') place the ban in 1992.",
                   "plc_uzbekistan", None, None,
                   notes="Ban of Adolat and re-establishment of central control over the Fergana Valley; Yuldashev "
                         "and Namangani evaded arrest and fled to Tajikistan.")
m_coup = mention("ev_1992_tajik_coup", "Coup led by Emomali Rahmonov in Tajikistan", "battle", Q_FLED,
                 "earlier in 1992", "1992-01-01", "1992-12-31", "year", "as_stated", None,
                 "plc_tajikistan", None, None,
                 notes="'a bloody but successful coup'; no event type for a coup exists, recorded as battle (armed "
                       "fighting). No casualty figures.")
m_civil = mention("ev_1992_tajik_civil_war", "Tajik civil war", "battle", Q_PITTED,
                  "1992-1997", "1992-01-01", "1997-12-31", "range", "as_stated",
                  "Section heading 'Tajik Civil War (1992-1997)'.",
                  "plc_tajikistan", None, None,
                  notes="Rahmonov's neo-communist forces against the United Tajik Opposition; ended by the 1997 "
                        "peace agreement between Rahmonov and Nuri.")
m_tash99 = mention("ev_1999_tashkent_bombings", "Series of explosions in Tashkent (attempt on Karimov's life)",
                   "bombing", Q_TASHKENT99,
                   "In 1999", "1999-01-01", "1999-12-31", "year", "as_stated", None,
                   "plc_uzbekistan", "the capital Tashkent", "plc_tashkent",
                   notes="No casualty figures. Attribution disputed: Karimov blamed radical Wahhabi Islamists and the "
                         "IMU; the text says it may have been 'rival political and regional elites'.")
m_crack99 = mention("ev_1999_uzbek_crackdown_fergana", "Escalation of Karimov's suppression of Islam after the 1999 "
                    "Tashkent explosions", "crackdown", Q_ESCALATION,
                    "In 1999", "1999-01-01", "1999-12-31", "year", "relative_to_anchor",
                    "'the result was an escalation' of the 1999 Tashkent explosions: the escalation began in 1999; "
                    "its duration is not given.",
                    "plc_uzbekistan", "the traditionally observant Fergana Valley", "plc_fergana_valley")
m_batken99 = mention("ev_1999_batken_incursion", "IMU incursion into Batken, Kyrgyzstan (first verifiable operation)",
                     "incursion", Q_BATKEN99,
                     "Later that year", "1999-01-01", "1999-12-31", "year", "relative_to_anchor",
                     "'Later that year' after the explosions 'In 1999'.",
                     "plc_kyrgyzstan", "the Batken region of southern Kyrgyzstan", "plc_batken")
m_mayor = mention("ev_1999_kyrgyz_officials_kidnapping", "Seizure of the Mayor of Osh for ransom and a helicopter",
                  "kidnapping", Q_MAYOR,
                  "Later that year", "1999-01-01", "1999-12-31", "year", "relative_to_anchor",
                  "Part of the incursion 'Later that year' after the explosions 'In 1999'.",
                  "plc_kyrgyzstan", None, None,
                  notes="The text says the insurgents 'seized the Mayor of Osh (the regional capital)' during the "
                        "Batken incursion; it does not say where he was seized, and it calls Osh the capital of the "
                        "Batken region. A ransom and a helicopter to Afghanistan were extorted from the Kyrgyz "
                        "government. No hostage count is given beyond the mayor.")
m_further = mention("ev_1999_batken_further_incursions", "Further IMU incursions into Batken, 1999", "incursion",
                    Q_JAPANESE,
                    "Further incursions into Batken followed", "1999-01-01", "1999-12-31", "year",
                    "year_from_context",
                    "They followed the first incursion 'Later that year' (1999) and preceded Namangani's departure "
                    "from Tavildara 'in late 1999'.",
                    "plc_kyrgyzstan", "Batken", "plc_batken",
                    notes="An unspecified number of raids; one of them is the kidnapping of the Japanese geologists "
                          "(own mention).")
m_japan = mention("ev_1999_japanese_geologists_kidnapping", "Kidnapping of Japanese geologists in Batken",
                  "kidnapping", Q_JAPANESE,
                  "Further incursions into Batken followed", "1999-01-01", "1999-12-31", "year", "year_from_context",
                  "One of the further Batken raids of 1999 (before Namangani left Tavildara 'in late 1999').",
                  "plc_kyrgyzstan", "Batken", "plc_batken",
                  notes="Their release 'almost certainly followed a significant ransom payment', which Japan denied.",
                  hostages="a number of")
m_taloqan = mention("ev_2000_taloqan_siege", "Taliban offensive against Massoud and siege of Taloqan", "battle",
                    Q_600A,
                    "in the spring", "2000-03-01", "2000-05-31", "season", "year_from_context",
                    "The spring after the IMU's move to Afghanistan in late 1999 and before 'the summer of 2000': "
                    "spring 2000.",
                    "plc_afghanistan", "Taloqan", "plc_taloqan",
                    notes="The IMU contributed around 600 fighters and fought alongside Bin Laden's 055 Arab Brigade; "
                          "the siege was successful.")
m_batken00 = mention("ev_2000_batken_incursion", "IMU attacks into Batken from the Tavildara Valley, 2000",
                     "incursion", Q_MULTI,
                     "By the summer of 2000", "2000-06-01", "2000-08-31", "season", "year_from_context",
                     "The paragraph opens 'By the summer of 2000'; the attacks are told in the next sentence and are "
                     "followed by the August 2000 kidnapping; summer 2000 (the exact time is not given).",
                     "plc_kyrgyzstan", "Batken in Kyrgyzstan", "plc_batken",
                     notes="'multipronged attacks' led by Namangani from the Tavildara Valley.")
m_uzb00 = mention("ev_2000_uzbekistan_incursion", "IMU attacks into northern Uzbekistan near Tashkent, 2000",
                  "incursion", Q_MULTI,
                  "By the summer of 2000", "2000-06-01", "2000-08-31", "season", "year_from_context",
                  "As for the Batken attacks of the same sentence: summer 2000 (the exact time is not given).",
                  "plc_uzbekistan", "northern Uzbekistan, close to Tashkent", None)
m_climb = mention("ev_2000_us_climbers_kidnapping", "Kidnapping of four U.S. mountain-climbers in the Kara-Su Valley",
                  "kidnapping", Q_CLIMBERS,
                  "In August 2000", "2000-08-01", "2000-08-31", "month", "as_stated",
                  "They escaped on 12 August (2000), so the kidnapping fell between 1 and 12 August.",
                  "plc_kyrgyzstan", "the Kara-Su Valley of Kyrgyzstan", "plc_kara_su_valley",
                  notes="Held hostage until they escaped on 12 August.", hostages="four")
m_camp01 = mention("ev_2001_taliban_spring_campaign_against_massoud",
                   "Taliban renewed campaign against Massoud with 600 IMU fighters", "battle", Q_600B_SHORT,
                   "In the spring", "2001-03-01", "2001-05-31", "season", "year_from_context",
                   "Told after the IMU's return to Afghanistan in January 2001 and before 9/11: spring 2001.",
                   "plc_afghanistan", None, None)
m_sleep = mention("ev_2001_batken_sleeper_attacks", "Attacks by sleepers in Batken", "armed_assault", Q_SLEEPERS,
                  "In the spring", "2001-03-01", "2001-05-31", "season", "year_from_context",
                  "Same sentence as the spring 2001 campaign ('while'); the sleepers were armed 'the previous year' "
                  "(2000).",
                  "plc_kyrgyzstan", "Batken in Kyrgyzstan", "plc_batken",
                  notes="'a series of attacks' by 'a number of sleepers'; no casualties given.")
m_interv = mention("ev_2001_us_led_intervention_afghanistan",
                   "US-led coalition intervention in Afghanistan; IMU largely destroyed", "battle", Q_DESTROYED2,
                   "following 9/11", "2001-09-11", "2001-12-31", "range", "as_stated",
                   "'following 9/11' and 'in 2001' (first paragraph): between 11 September and 31 December 2001.",
                   "plc_afghanistan", "Afghanistan", "plc_afghanistan",
                   notes="The IMU was largely destroyed while fighting alongside the Taliban; its fighters scattered "
                         "to the tribal areas of Pakistan.")
m_namk = mention("ev_2001_namangani_killed", "Juma Namangani killed in Afghanistan", "battle", Q_DESTROYED2,
                 "following 9/11", "2001-09-11", "2001-12-31", "range", "as_stated",
                 "'following 9/11' and 'With the latter's death in 2001': between 11 September and 31 December 2001.",
                 "plc_afghanistan", "Afghanistan", "plc_afghanistan",
                 notes="Killed while the IMU fought alongside the Taliban against the US-led coalition; the text does "
                       "not say how or by whom.")
m_tash04 = mention("ev_2004_tashkent_bombings", "2004 Tashkent bombings", "bombing", Q_2004,
                   "The 2004", "2004-01-01", "2004-12-31", "year", "as_stated", None,
                   "plc_uzbekistan", "Tashkent", "plc_tashkent",
                   notes="Attributed to 'a group calling itself Islamic Jihad'; 'certainly perpetrated by IMU "
                         "operatives, either active or previously so'. Not linked to ev_2004_tashkent_embassy_bombings.")
m_russia = mention("ev_2006_russia_bans_imu", "Russia bans the IMU as 'Islamic Party of Turkestan'", "crackdown",
                   Q_RUSSIA, "in 2006", "2006-01-01", "2006-12-31", "year", "as_stated", None,
                   "plc_russia", None, None, notes="See also the designation row.")
m_kamalov = mention("ev_2006_kamalov_killed", "Kyrgyz special forces kill Rafik Kamalov in Kara-Suu",
                    "security_operation", Q_KAMALOV,
                    "On 7 August 2006", "2006-08-07", "2006-08-07", "day", "as_stated", None,
                    "plc_kyrgyzstan", "the Kyrgyz border town of Kara-Suu", "plc_kara_suu",
                    notes="No casualty count beyond Kamalov.")
m_att06 = mention("ev_2006_attack_on_rakhmonov_supporters", "Attack on supporters of President Rakhmonov",
                  "armed_assault", Q_23,
                  "on 28 September 2006", "2006-09-28", "2006-09-28", "day", "as_stated", None,
                  "plc_tajikistan", None, None,
                  notes="23 suspected IMU members, according to the Tajik authorities, who want them; the place is "
                        "not given (country inferred from the Tajik authorities and President).",
                  wounded="two")
m_sughd = mention("ev_2006_sughd_imu_arrests", "Arrests of persons accused of IMU membership in Sughd", "arrest",
                  Q_31,
                  "Between July 2006 and September 2007", "2006-07-01", "2007-09-30", "range", "as_stated", None,
                  "plc_tajikistan", "the Sughd region in the north of Tajikistan", "plc_sughd",
                  notes="31 arrested over the period (several arrests, one row). 'They are usually sentenced to 12 - 18 "
                        "years of prison': a sentence length, not a count of people, so the sentenced fields are "
                        "empty.",
                  arrested="31")
m_wana = mention("ev_2007_wana_conflict", "Wana conflict: local Pakistani and Arab militants turn against the IMU",
                 "battle", Q_WANA,
                 "In March", "2007-03-01", "2007-03-31", "month", "year_from_context",
                 "'events in early 2007' ... 'In March': March 2007.",
                 "plc_pakistan", "Wana", "plc_wana",
                 notes="Opponents: 'local Pakistani and reportedly Arab militants' (no group named).")

# ---------------------------------------------------------------- event actors
ACT = []


def actor(mid, eid, role, attr, quote, by=None, notes=None):
    ACT.append(dict(event_actor_id=f"{DOC}_act{len(ACT) + 1:03d}", mention_id=mid, entity_id=eid, role=role,
                    attribution=attr, attributed_by=by, quote=quote, notes=notes))


actor(m_soviet, "per_juma_namangani", "other", "confirmed", Q_KHOJAYEV,
      notes="Sent to fight in Afghanistan as a Soviet paratrooper (as Jumaboi Ahmadzhanovitch Khojayev).")
actor(m_adolat, "org_gov_uzbekistan", "authority", "confirmed", Q_OUTLAW)
actor(m_adolat, "per_islam_karimov", "authority", "confirmed", Q_OUTLAW, notes="Karimov outlawed Adolat.")
actor(m_adolat, "org_adolat", "target", "confirmed", Q_OUTLAW)
actor(m_adolat, "per_tahir_yuldashev", "target", "confirmed", Q_FLED, notes="Evaded arrest and fled to Tajikistan.")
actor(m_adolat, "per_juma_namangani", "target", "confirmed", Q_FLED, notes="Evaded arrest and fled to Tajikistan.")
actor(m_coup, "per_emomali_rahmon", "commander", "confirmed", Q_FLED, notes="'led by Emomali Rahmonov'.")
actor(m_civil, "org_gov_tajikistan", "other", "confirmed", Q_PITTED,
      notes="Government side: 'Rahmonov's neo-communist forces'.")
actor(m_civil, "per_emomali_rahmon", "commander", "confirmed", Q_PITTED, notes="'Rahmonov's neo-communist forces'.")
actor(m_civil, "org_uto", "other", "confirmed", Q_PITTED, notes="Opposition side.")
actor(m_civil, "per_said_abdullah_nuri", "other", "confirmed", Q_NURI, notes="Led the UTO.")
actor(m_civil, "org_irpt", "other", "confirmed", Q_COMMAND, notes="Opposition party within the UTO.")
actor(m_civil, "per_juma_namangani", "commander", "confirmed", Q_COMMAND,
      notes="Commanded IRPT field units out of the Tavildara Valley.")
actor(m_tash99, "org_imu", "perpetrator", "disputed", Q_BLAME, "Islam Karimov",
      "Karimov blamed 'radical Wahhabi Islamists, and the IMU in particular'; the text: 'this attribution remains "
      "disputed', possibly 'the work of rival political and regional elites'.")
actor(m_tash99, "per_islam_karimov", "target", "confirmed", Q_TASHKENT99,
      notes="'an unsuccessful attempt on Karimov's life'.")
actor(m_crack99, "org_gov_uzbekistan", "authority", "confirmed", Q_ESCALATION)
actor(m_crack99, "per_islam_karimov", "authority", "confirmed", Q_ESCALATION)
actor(m_batken99, "org_imu", "perpetrator", "confirmed", Q_BATKEN99)
actor(m_mayor, "org_imu", "perpetrator", "confirmed", Q_MAYOR,
      notes="'Insurgents' of the IMU incursion described in the preceding sentence.")
actor(m_mayor, "org_gov_kyrgyzstan", "target", "confirmed", Q_MAYOR,
      notes="Paid the extorted ransom and provided a helicopter.")
actor(m_further, "org_imu", "perpetrator", "confirmed", Q_PRESSURE,
      notes="'These raids' led to pressure to expel the IMU from Tavildara.")
actor(m_japan, "org_imu", "perpetrator", "confirmed", Q_JAPANESE, notes="One of the IMU's further Batken raids.")
actor(m_japan, "org_gov_japan", "other", "suspected", Q_JAPANESE,
      notes="The release 'almost certainly followed a significant ransom payment', 'although denied by Japan'.")
actor(m_taloqan, "org_afghan_taliban", "perpetrator", "confirmed", Q_600A, notes="The Taliban's offensive.")
actor(m_taloqan, "org_imu", "perpetrator", "confirmed", Q_600A, notes="Contributed around 600 fighters.")
actor(m_taloqan, "org_055_brigade", "perpetrator", "confirmed", Q_600A, notes="Fought alongside the IMU.")
actor(m_taloqan, "per_ahmad_shah_massoud", "target", "confirmed", Q_600A, notes="'offensive against Massoud'.")
actor(m_taloqan, "org_northern_alliance", "target", "confirmed", Q_FREEDOM,
      notes="Massoud's force; this sentence names only Massoud, the Northern Alliance is named as his in the "
            "preceding paragraph.")
actor(m_batken00, "org_imu", "perpetrator", "confirmed", Q_MULTI)
actor(m_batken00, "per_juma_namangani", "commander", "confirmed", Q_MULTI)
actor(m_uzb00, "org_imu", "perpetrator", "confirmed", Q_MULTI)
actor(m_uzb00, "per_juma_namangani", "commander", "confirmed", Q_MULTI)
actor(m_climb, "org_imu", "perpetrator", "confirmed", Q_CLIMBERS)
actor(m_camp01, "org_afghan_taliban", "perpetrator", "confirmed", Q_600B_SHORT)
actor(m_camp01, "org_imu", "perpetrator", "confirmed", Q_600B_SHORT, notes="Supplied 600 fighters.")
actor(m_camp01, "per_ahmad_shah_massoud", "target", "confirmed", Q_600B_SHORT)
actor(m_sleep, "org_imu", "perpetrator", "suspected", Q_600B,
      notes="The text does not name the sleepers' group; the sentence about the IMU's 600 fighters ('while in "
            "Batken ... a number of sleepers armed the previous year executed a series of attacks') implies the IMU.")
actor(m_interv, "org_us_forces", "authority", "confirmed", Q_DESTROYED1,
      notes="'United States-led coalition forces'.")
actor(m_interv, "org_imu", "target", "confirmed", Q_DESTROYED2, notes="Largely destroyed.")
actor(m_interv, "org_afghan_taliban", "target", "confirmed", Q_DESTROYED1,
      notes="The IMU fought alongside the Taliban against the coalition.")
actor(m_namk, "per_juma_namangani", "target", "confirmed", Q_DESTROYED2)
actor(m_tash04, "org_imu", "perpetrator", "confirmed", Q_2004,
      notes="'certainly perpetrated by IMU operatives, either active or previously so' (former members possible).")
actor(m_tash04, "org_islamic_jihad", "perpetrator", "suspected", Q_2004,
      notes="'attributed to a group calling itself Islamic Jihad'; who made the attribution is not said.")
actor(m_russia, "org_gov_russia", "authority", "confirmed", Q_RUSSIA)
actor(m_russia, "org_imu", "target", "confirmed", Q_RUSSIA)
actor(m_kamalov, "org_kyrgyz_special_forces", "authority", "confirmed", Q_KAMALOV)
actor(m_kamalov, "per_rafik_kamalov", "target", "confirmed", Q_KAMALOV)
actor(m_kamalov, "org_imu", "target", "alleged", Q_KAMALOV,
      notes="Kamalov was 'an alleged leader of the movement'; who alleged it is not said.")
actor(m_att06, "org_imu", "perpetrator", "alleged", Q_23, "Tajik authorities",
      "'23 suspected IMU members who Tajik authorities say attacked supporters of ... Rakhmonov'.")
actor(m_sughd, "org_gov_tajikistan", "authority", "confirmed", Q_31,
      notes="The text does not name the arresting body ('have been arrested in the Sughd region').")
actor(m_sughd, "org_imu", "target", "alleged", Q_31, notes="'accused of IMU membership'.")
actor(m_wana, "org_imu", "target", "confirmed", Q_WANA)

# ---------------------------------------------------------------- membership estimates
EST = []


def estimate(gid, subject, ptext, y0, y1, prec, etext, approx, unit, scope, src, quote, notes=None):
    from militancy.quantities import parse_quantity
    assert etext in quote, (etext, quote)
    lo, hi = parse_quantity(etext)
    EST.append(dict(estimate_id=f"{DOC}_est{len(EST) + 1:02d}", group_id=gid, document_id=DOC, subject_text=subject,
                    period_text=ptext, period_start_year=y0, period_end_year=y1, period_precision=prec,
                    estimate_text=etext, estimate_low=lo, estimate_high=hi, is_approximate=approx,
                    counted_unit=unit, scope=scope, cited_source=src, quote=quote, notes=notes))


estimate("org_imu", "strength of the IMU", "now", 1999, 2000, "range", "approximately 2000", "true", "members",
         "whole group (based in Afghanistan)", None, Q_2000STRONG,
         "'It is estimated' (source not named). 'now' = after the move to northern Afghanistan in late 1999 and "
         "before the spring (2000) offensive. '2000 strong' does not say whether members or fighters.")
estimate("org_imu", "IMU fighters contributed to the Taliban's offensive against Massoud", "in the spring", 2000,
         2000, "season", "around 600", "true", "fighters_deployed", "Taliban offensive against Massoud, siege of "
         "Taloqan", None, Q_600A, "Spring 2000 (see ev_2000_taloqan_siege).")
estimate("org_imu", "IMU fighters supplied to the Taliban's renewed campaign against Massoud", "In the spring", 2001,
         2001, "season", "600", "false", "fighters_deployed", "Taliban campaign against Massoud", None, Q_600B_SHORT,
         "Spring 2001 ('again supplied').")
estimate("org_imu", "suspected IMU members wanted by the Tajik Government for the attack of 28 September 2006",
         "on 28 September 2006", 2006, 2006, "day", "23", "false", "wanted_suspects", "Tajikistan",
         "Tajik authorities", Q_23, "Wanted at the time of writing (events of the article run to September 2007).")
estimate("org_imu", "persons accused of IMU membership arrested in Sughd", "Between July 2006 and September 2007",
         2006, 2007, "range", "31", "false", "arrested_suspects", "Sughd region, northern Tajikistan", None, Q_31)

# ---------------------------------------------------------------- leadership tenures
TEN = []


def tenure(gid, pid, role, quote, st=None, sd=None, sp="unknown", et=None, ed=None, ep="unknown", why="unknown",
           notes=None):
    TEN.append(dict(tenure_id=f"{DOC}_ten{len(TEN) + 1:02d}", group_id=gid, person_id=pid, role=role, start_text=st,
                    start_date=sd, start_precision=sp, end_text=et, end_date=ed, end_precision=ep, end_reason=why,
                    document_id=DOC, quote=quote, notes=notes))
    return TEN[-1]["tenure_id"]


t_nam = tenure("org_imu", "per_juma_namangani", "co-founder and military leader", Q_FORMED, "in 1998", "1998-01-01",
               "year", "in 2001", "2001-01-01", "year", "killed",
               "Formed the IMU with Yuldashev; led IMU fighters (the 'militant' pole); killed in 2001 following 9/11 "
               "while the IMU fought alongside the Taliban (between 2001-09-11 and 2001-12-31).")
t_yul = tenure("org_imu", "per_tahir_yuldashev", "co-founder and leader", Q_FORMED, "in 1998", "1998-01-01", "year",
               why="ongoing",
               notes="Co-founder (the 'radical, spiritual' pole); still issuing pronouncements at the time of writing "
                     "(events to September 2007). doc_004 does not report his death.")
t_ady = tenure("org_adolat", "per_tahir_yuldashev", "co-founder", Q_ADOLAT, "in 1991", "1991-01-01", "year",
               "by 1992", "1992-01-01", "year", "unknown",
               "Established Adolat after Uzbekistan's independence in 1991; Adolat was outlawed by 1992 and he fled to "
               "Tajikistan (no end reason code fits a ban).")
t_adn = tenure("org_adolat", "per_juma_namangani", "co-founder", Q_ADOLAT, "in 1991", "1991-01-01", "year",
               "by 1992", "1992-01-01", "year", "unknown",
               "As Khojayev, 'now adopting the nom de guerre Juma Namangani'; Adolat was outlawed by 1992 and he fled "
               "to Tajikistan.")
tenure("org_uto", "per_said_abdullah_nuri", "leader", Q_NURI,
       notes="Led the UTO during the Tajik civil war (1992-1997); dates of the tenure not given.")
tenure("org_irpt", "per_said_abdullah_nuri", "leader", Q_NURI,
       notes="'whose Islamic Renaissance Party of Tajikistan (IRPT)'; signed the 1997 peace agreement; dates not "
             "given.")
tenure("org_irpt", "per_juma_namangani", "commander of IRPT field units (Tavildara Valley)", Q_COMMAND,
       notes="During the Tajik civil war (1992-1997); the IRPT persuaded 'their former ally' to leave Tavildara in "
             "late 1999. Dates not given.")
tenure("org_afghan_taliban", "per_juma_namangani", "Deputy Defence Minister in the Taliban government (reported)",
       Q_DEPUTY, "By now", None, "unknown", "in 2001", "2001-01-01", "year", "killed",
       "'the media reported that Namangani had been appointed ... which the Taliban did not deny' (told in the 2001 "
       "part of the article; appointment date not given). A role in another group.")
t_kam = tenure("org_imu", "per_rafik_kamalov", "leader (alleged)", Q_KAMALOV, et="On 7 August 2006",
               ed="2006-08-07", ep="day", why="killed",
               notes="'an alleged leader of the movement'; killed by Kyrgyz special forces; start not given.")

# ---------------------------------------------------------------- relationships
REL = []


def rel(gid, rid, rtype, cert, quote, st=None, sd=None, sp="unknown", et=None, ed=None, ep="unknown", notes=None):
    REL.append(dict(relationship_id=f"{DOC}_rel{len(REL) + 1:02d}", group_id=gid, related_group_id=rid,
                    relationship_type=rtype, start_text=st, start_date=sd, start_precision=sp, end_text=et,
                    end_date=ed, end_precision=ep, certainty=cert, document_id=DOC, quote=quote, notes=notes))
    return REL[-1]["relationship_id"]


r_imt = rel("org_imu", "org_islamic_movement_of_turkestan", "renamed_as", "suspected", Q_IMT,
            notes="'rumours of a re-emergence under the name the Islamic Movement of Turkestan (IMT)'. On 16 October "
                  "2006 Tajik official Juraqulov said the IMT 'is the Islamic Movement of Uzbekistan' and that Uzbek "
                  "secret services manufactured the change in name. No date for the renaming.")
r_adl = rel("org_imu", "org_adolat", "linked_to", "confirmed", Q_FORMED2,
            notes="Predecessor: Adolat (1991-1992) and the IMU (1998) were founded by the same two men, Yuldashev and "
                  "Namangani; the text does not say the IMU grew out of Adolat as an organization.")
r_isi = rel("org_imu", "org_isi", "funded_by", "confirmed", Q_ISI, "1998", "1998-01-01", "year",
            notes="'initial funding and assistance' at the IMU's formation in 1998; end not given.")
r_irpt = rel("org_imu", "org_irpt", "allied_with", "confirmed", Q_ISI,
             notes="'their former and more moderate IRPT allies'; the IMU moved away from them from 1998, and the "
                   "IRPT persuaded 'their former ally Namangani' to leave Tavildara in late 1999. The alliance dates "
                   "from Namangani's civil-war command of IRPT units; exact dates not given.")
rel("org_northern_alliance", "org_irpt", "supported_by", "confirmed", Q_ISI, "1998", "1998-01-01", "year",
    notes="The IRPT 'were in turn backing the ethnic-Tajik Ahmad Shah Massoud and his Northern Alliance' (as of "
          "1998).")
rel("org_northern_alliance", "org_afghan_taliban", "fought_against", "confirmed", Q_ISI, "1998", "1998-01-01",
    "year", notes="'his Northern Alliance against the Taliban' (as of 1998; the conflict's start is not given).")
r_host = rel("org_imu", "org_afghan_taliban", "hosted_by", "confirmed", Q_FREEDOM, "late 1999", "1999-09-01",
             "season",
             notes="'freedom of operation from the Taliban' after the move to northern Afghanistan in late 1999; "
                   "offices and training camps; bases in 'Taliban-controlled areas of northern Afghanistan'. After "
                   "2001 the IMU fled with the Taliban remnants to Pakistan.")
r_ally = rel("org_imu", "org_afghan_taliban", "allied_with", "confirmed", Q_DESTROYED1, "late 1999", "1999-09-01",
             "season",
             notes="Assistance against the Northern Alliance in return for freedom of operation (after late 1999); "
                   "around 600 fighters in spring 2000 and 600 in spring 2001; Namangani reportedly Taliban Deputy "
                   "Defence Minister; fought alongside the Taliban against the coalition in 2001. In 1998 the IMU "
                   "'began moving towards the Afghan Taliban'.")
r_055 = rel("org_imu", "org_055_brigade", "allied_with", "confirmed", Q_600A, "in the spring", "2000-03-01",
            "season", notes="Fought alongside each other at the siege of Taloqan, spring 2000.")
r_na = rel("org_imu", "org_northern_alliance", "fought_against", "confirmed", Q_FREEDOM, "in the spring",
           "2000-03-01", "season",
           notes="Assistance to the Taliban 'in their battle with Massoud's Northern Alliance'; fighters in the "
                 "offensives of spring 2000 and spring 2001.")
r_us = rel("org_imu", "org_us_forces", "fought_against", "confirmed", Q_DESTROYED1, "in 2001", "2001-01-01", "year",
           notes="Against 'United States-led coalition forces' in Afghanistan, following 9/11.")
r_ru = rel("org_imu", "org_gov_russia", "supported_by", "alleged", Q_RUSSIAN, "late 1999", "1999-09-01", "season",
           notes="Karimov 'claimed the Russians were aiding the IMU'. The flights of Namangani's fighters in Russian "
                 "military helicopters (late 1999, and again arriving January 2001) are stated as fact; that they "
                 "were aid to the IMU is Karimov's claim.")
r_aq = rel("org_imu", "org_al_qaeda", "linked_to", "alleged", Q_AIDE2,
           notes="An aide to the Taliban Foreign Minister claimed (September 2002) that advance knowledge of 9/11 came "
                 "from Yuldashev, 'which if true would indicate a high degree of cooperation between Al-Qaeda and the "
                 "IMU'.")
r_ij = rel("org_islamic_jihad", "org_imu", "linked_to", "confirmed", Q_2004, "The 2004", "2004-01-01", "year",
           notes="The 2004 Tashkent bombings attributed to 'a group calling itself Islamic Jihad' were 'certainly "
                 "perpetrated by IMU operatives, either active or previously so'.")
r_uz = rel("org_imu", "org_gov_uzbekistan", "fought_against", "confirmed", Q_OBJECTIVE, "in 1998", "1998-01-01",
           "year",
           notes="Objective to overthrow Karimov; formed in 1998 as a militant opposition to Karimov; raids into "
                 "Uzbekistan in 2000.")
r_pk = rel("org_imu", "org_gov_pakistan", "fought_against", "suspected", Q_SINCE, "Since then", None, "unknown",
           notes="'reportedly ... is now involved with other groups attempting to overthrow the government of "
                 "Pakistan'; 'Since then' = after its flight to Waziristan in 2001.")

# ---------------------------------------------------------------- designations
DES = []


def des(gid, auth, lname, quote, listed_name=None, ltext=None, ldate=None, lprec="unknown", status="unknown",
        notes=None):
    DES.append(dict(designation_id=f"{DOC}_des{len(DES) + 1:02d}", group_id=gid, authority_id=auth, list_name=lname,
                    listed_name=listed_name, listed_text=ltext, listed_date=ldate, listed_precision=lprec,
                    status=status, document_id=DOC, quote=quote, notes=notes))
    return DES[-1]["designation_id"]


d_ad = des("org_adolat", "org_gov_uzbekistan", "ban (outlawed)", Q_OUTLAW, "Adolat", "by 1992", "1992-01-01", "year",
           notes="Outlawed by Karimov; 1992 per the section heading 'Adolat (1991-1992)'. Current status not given.")
d_fto = des("org_imu", "org_gov_us", "Foreign Terrorist Organization", Q_FTO, None, "In response", None, "unknown",
            notes="'In response' to the August 2000 kidnapping of four U.S. climbers: after August 2000; the text gives "
                  "no date. Authority as written: 'the United States'. Status not given.")
d_ru = des("org_imu", "org_gov_russia", "ban", Q_RUSSIA, "Islamic Party of Turkestan", "in 2006", "2006-01-01", "year",
           notes="'banned the movement under the name \"Islamic Party of Turkestan\"'. Status not given.")

# ---------------------------------------------------------------- supporting quotes
SQ = []


def sq(ftype, fid, quote, notes=None):
    SQ.append(dict(supporting_quote_id=f"{DOC}_sq{len(SQ) + 1:02d}", fact_type=ftype, fact_id=fid, document_id=DOC,
                   quote=quote, notes=notes))


sq("event_mention", m_adolat, Q_ADOLAT_HEAD, "Section heading giving Adolat's span.")
sq("event_mention", m_adolat, Q_FLED, "'Evading arrest' the founders fled in 1992.")
sq("event_mention", m_civil, Q_CW_HEAD)
sq("event_mention", m_civil, Q_PEACE, "The 1997 peace agreement.")
sq("event_mention", m_tash99, Q_BLAME)
sq("event_mention", m_batken99, Q_BASES, "Summary: raids into Kyrgyzstan and Uzbekistan in 1999 and 2000.")
sq("event_mention", m_taloqan, Q_2000_FULL)
sq("event_mention", m_climb, Q_FTO, "The US response.")
sq("event_mention", m_interv, Q_DESTROYED1)
sq("event_mention", m_interv, Q_SCATTERED)
sq("event_mention", m_namk, Q_NAM_KILLED1)
sq("event_mention", m_namk, Q_LATTER)
sq("event_mention", m_sughd, Q_SENT, "Sentence length 12-18 years; not a count of people.")
sq("event_mention", m_wana, Q_EARLY2007)
sq("event_actor", f"{DOC}_act{[a['mention_id'] for a in ACT].index(m_mayor) + 1:03d}", Q_BATKEN99_SHORT,
   "The insurgents are the IMU of the Batken incursion.")
sq("membership_estimate", f"{DOC}_est01", Q_2000_FULL)
sq("leadership_tenure", t_nam, Q_DESTROYED2)
sq("leadership_tenure", t_nam, Q_POLES)
sq("leadership_tenure", t_nam, Q_MULTI)
sq("leadership_tenure", t_yul, Q_POLES)
sq("leadership_tenure", t_yul, Q_PRONOUNCE)
sq("leadership_tenure", t_ady, Q_OUTLAW)
sq("leadership_tenure", t_adn, Q_OUTLAW)
sq("group_relationship", r_imt, Q_JURAQULOV)
sq("group_relationship", r_imt, Q_JURAQULOV2)
sq("group_relationship", r_adl, Q_ADOLAT)
sq("group_relationship", r_irpt, Q_ABANDON)
sq("group_relationship", r_host, Q_CAMPS)
sq("group_relationship", r_host, Q_BASES)
sq("group_relationship", r_host, Q_UIGHUR, "The Taliban sent Uighur militants to the IMU's camps.")
sq("group_relationship", r_ally, Q_FREEDOM)
sq("group_relationship", r_ally, Q_600A)
sq("group_relationship", r_ally, Q_DEPUTY)
sq("group_relationship", r_ally, Q_600B_SHORT)
sq("group_relationship", r_na, Q_600A)
sq("group_relationship", r_na, Q_600B_SHORT)
sq("group_relationship", r_ru, Q_RETREAT)
sq("group_relationship", r_aq, Q_UBEK, "Claim about bin Laden personally obtaining fissile material through the IMU.")
sq("group_relationship", r_uz, Q_FORMED2)
sq("group_relationship", r_uz, Q_MULTI)
sq("group_relationship", r_pk, Q_ESC_WAZ)
sq("entity", "per_tahir_yuldashev", Q_TOUR)
sq("entity", "per_tahir_yuldashev", Q_PESHAWAR, "Based in Peshawar 1995-8; relations with Osama Bin Laden and the "
   "Afghan Arabs.")
sq("entity", "per_juma_namangani", Q_NAMANGAN)
sq("entity", "per_juma_namangani", Q_TAV_BASE)
sq("entity", "org_adolat", Q_ADOLAT_AUTH)
sq("entity", "org_adolat", Q_TOLERATED)
sq("entity", "org_imu", Q_INACTIVE)
sq("entity", "org_imu", Q_JONES2, "2003 US testimony (not an event).")
sq("entity", "org_imu", Q_CAMPS)
sq("designation", d_fto, Q_CLIMBERS, "The event the designation responded to (August 2000).")

write("entities", E)
write("entity_aliases", A)
write("event_mentions", M)
write("event_actors", ACT)
write("membership_estimates", EST)
write("leadership_tenures", TEN)
write("group_relationships", REL)
write("designations", DES)
write("supporting_quotes", SQ)
print({k: len(v) for k, v in dict(entities=E, aliases=A, mentions=M, actors=ACT, estimates=EST, tenures=TEN,
                                   relationships=REL, designations=DES, supporting=SQ).items()})
