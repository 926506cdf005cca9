"""Build the doc_002 seed drafts (Mapping Militant Organizations profile of the IMU).

Run from the project root:  python3 curation_drafts/doc_002/build.py
Every quote is checked here to be an exact substring of the corpus file (the validator checks again,
and also checks that no quote comes only from chrome or reference lists).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))
from militancy.quantities import parse_quantity  # noqa: E402

DOC = "doc_002"
TEXT = (ROOT / "corpus" / "002_2f3aaa3f4115be49.txt").read_text(encoding="utf-8")


def q(s: str) -> str:
    if s not in TEXT:
        raise SystemExit(f"quote not in document: {s!r}")
    return s


def header(name: str) -> list[str]:
    with open(ROOT / "seeds" / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def write(name: str, rows: list[dict]) -> None:
    cols = header(name)
    with open(OUT / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            extra = set(r) - set(cols)
            if extra:
                raise SystemExit(f"{name}: unknown columns {extra}")
            w.writerow(["" if r.get(c) is None else str(r.get(c)) for c in cols])


# ---------------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------------
ENT = []


def ent(eid, etype, sub, name, country, desc, quote):
    ENT.append(dict(entity_id=eid, entity_type=etype, entity_subtype=sub, canonical_name=name,
                    country_id=country, description=desc, document_id=DOC, quote=q(quote)))


O, P, L = "organization", "person", "place"
# organizations
ent("org_imu", O, "militant_group", "Islamic Movement of Uzbekistan", "",
    "Salafi-jihadist militant group formed in 1998 by Tahir Yuldashev and Juma Namangani to overthrow the Uzbek "
    "government; based in Afghanistan until late 2001, then in Pakistan; pledged loyalty to the Islamic State in August 2015.",
    "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group operating in Central Asia.")
ent("org_adolat", O, "militant_group", "Adolat", "",
    "Militant organization founded in 1991 by Tahir Yuldashev and Juma Namangani to establish Islamic law in Uzbekistan; "
    "outlawed by President Karimov; predecessor of the IMU.",
    "originally founded a militant organization, Adolat, in 1991 to establish Islamic law in Uzbekistan")
ent("org_al_qaeda", O, "militant_group", "Al-Qaeda", "",
    "Transnational jihadist organization led by Osama bin Laden; funded and supported the IMU from its founding until 2002.",
    "At the time of its inception, the IMU received substantial funds from Al Qaeda (AQ) leader Osama bin Laden")
ent("org_afghan_taliban", O, "militant_group", "Afghan Taliban", "",
    "Taliban movement of Afghanistan; as the regime in Afghanistan it hosted the IMU from 1998 until its collapse in late 2001.",
    "For most of its existence, the IMU was closely allied to Al Qaeda, the Afghan Taliban, and the Tehrik-i-Taliban Pakistan (TTP)")
ent("org_ttp", O, "militant_group", "Tehrik-i-Taliban Pakistan", "",
    "Pakistani Taliban militant organization; close ally of the IMU in Pakistan and partner in the joint unit Ansar al-Aseer.",
    "The IMU also maintained close relations with the Tehrik-i-Taliban Pakistan (TTP)")
ent("org_pakistani_taliban", O, "militant_group", "Pakistani Taliban", "",
    "Generic 'Pakistani Taliban', named in doc_002 beside the TTP; protected IMU training camps in Pakistan after late 2001.",
    "it established training camps in the country under the protection of the Pakistani Taliban")
ent("org_islamic_state", O, "militant_group", "Islamic State", "",
    "Jihadist organization to which the IMU pledged loyalty in August 2015.",
    "the IMU pledged loyalty to the Islamic State (IS)")
ent("org_is_kp", O, "militant_branch", "Islamic State Khorasan Province", "",
    "Regional affiliate of the Islamic State in the Afghanistan-Pakistan region; the IMU fought alongside it after August 2015.",
    "IS’s regional affiliate, the Islamic State Khorasan Province (IS-KP)")
ent("org_haqqani_network", O, "militant_group", "Haqqani Network", "",
    "AQ-aligned militant group that cooperated with the IMU after late 2001 and trained IMU militants.",
    "the group also developed a strong cooperative relationship with the AQ-aligned Haqqani Network")
ent("org_jamaat_ansarullah", O, "militant_group", "Jamaat Ansarullah", "",
    "Tajik splinter group of the IMU formed in response to the IMU's declaration of support for IS; reaffirmed allegiance to the Taliban.",
    "Jamaat Ansarullah, a Tajik splinter group, formed in response to the IMU’s declaration of support for IS")
ent("org_jundullah", O, "militant_group", "Jundullah", "",
    "Afghanistan-based militant group that split from the IMU in 2009 after the death of Tahir Yuldashev (not the IMU media branch Jundallah Studio).",
    "Jundullah, a militant group based in Afghanistan, split from the IMU in 2009 following the death of emir Yuldashev.")
ent("org_iju", O, "militant_group", "Islamic Jihad Union", "",
    "IMU splinter group formed in 2002 as the Islamic Jihad Group, later renamed the Islamic Jihad Union.",
    "The Islamic Jihad Group, later renamed the Islamic Jihad Union, formed in 2002 after the IMU relocated to Pakistan")
ent("org_ansar_al_aseer", O, "joint_unit", "Ansar al-Aseer", "",
    "Joint unit of the IMU and the TTP formed to free TTP members from Pakistani prisons (dated 2013 in doc_002's relationships section).",
    "In 2013, the IMU and TTP also formed a joint unit, Ansar al-Aseer, to free TTP members from Pakistani prisons.")
ent("org_jundallah_studio", O, "media_wing", "Jundallah Studio", "",
    "Media branch of the IMU publishing propaganda material and audio statements.",
    "The organization also publishes propaganda material and audio statements via its media branch, Jundallah Studio.")
ent("org_hizb_ut_tahrir", O, "political_party", "Hizb ut-Tahrir", "",
    "Pan-Islamic party initially accused by the Uzbek government of the February 1999 Tashkent bombings.",
    "the Uzbek government initially accused Hizb ut Tahrir, a Pan-Islamic party")
ent("org_northern_alliance", O, "militant_group", "Northern Alliance", "",
    "Anti-Taliban armed coalition in Afghanistan that the IMU fought alongside the Taliban during the Taliban's rule.",
    "The IMU also supported the Taliban in fighting against Northern Alliance forces")
ent("org_gov_uzbekistan", O, "government", "Government of Uzbekistan", "plc_uzbekistan",
    "Government of Uzbekistan (under President Islam Karimov in the events of doc_002).",
    "The Uzbek government blamed the IMU for the attack")
ent("org_gov_kyrgyzstan", O, "government", "Government of Kyrgyzstan", "plc_kyrgyzstan",
    "Government of Kyrgyzstan.",
    "the Kyrgyzstani government fulfilled IMU demands for a ransom payment and a helicopter")
ent("org_gov_pakistan", O, "government", "Government of Pakistan", "plc_pakistan",
    "Government of Pakistan.",
    "Following the Pakistani government’s launch of Operation Zarb-e-Azb in June 2014")
ent("org_gov_afghanistan", O, "government", "Government of Afghanistan", "plc_afghanistan",
    "Government of Afghanistan (post-Taliban).",
    "the arrest of female IMU supporters by the Afghan government")
ent("org_gov_us", O, "government", "Government of the United States", "plc_united_states",
    "Government of the United States.",
    "Yuldashev was killed in a US drone strike in Pakistan.")
ent("org_gov_israel", O, "government", "Government of Israel", "plc_israel",
    "Government of Israel, whose embassy in Tashkent was attacked on July 30, 2004.",
    "suicide strikes against the embassies of Israel and the U.S. in Tashkent")
ent("org_us_forces", O, "security_force", "United States armed forces", "plc_united_states",
    "US military forces in Afghanistan (Operation Enduring Freedom, Operation Anaconda).",
    "The IMU clashed with US forces during the US’s military campaign in Afghanistan in 2001")
ent("org_us_state_department", O, "government_agency", "United States Department of State", "plc_united_states",
    "US foreign ministry; lists the IMU as a Foreign Terrorist Organization.",
    "U.S State Department Foreign Terrorist Organization (FTO): September 25, 2000 – Present.")
ent("org_un_security_council", O, "international_organization", "United Nations Security Council", "",
    "UN body whose ISIL (Da'esh) & Al-Qaida Sanctions List includes the IMU; cited for a late-2001 size estimate.",
    "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”: October 6, 2001 to Present.")
ent("org_uk_home_office", O, "government_agency", "UK Home Office", "plc_united_kingdom",
    "UK interior ministry; lists the IMU as a proscribed terrorist organization.",
    "United Kingdom Home Office Proscribed Terrorist Organization: November 2002 to Present.")
ent("org_gov_canada", O, "government", "Government of Canada", "plc_canada",
    "Government of Canada; lists the IMU as a terrorist entity.",
    "Government of Canada Listed Terrorist Entity: April 2, 2003 to Present.")
ent("org_gov_australia", O, "government", "Government of Australia", "plc_australia",
    "Government of Australia (named in doc_002 as 'Australian National Security'); lists the IMU as a terrorist organization.",
    "Australian National Security Terrorist Organization: April 11, 2003 to Present.")
ent("org_gov_kazakhstan", O, "government", "Government of Kazakhstan", "plc_kazakhstan",
    "Government of Kazakhstan; lists the IMU as a terrorist organization.",
    "Kazakhstan Listed Terrorist Organization: October 15, 2004 to Present.")
ent("org_isaf", O, "security_force", "International Security Assistance Force", "",
    "International military force in Afghanistan; named as a target of IMU attacks.",
    "raids on coalition forces, the International Security Assistance Force, and other western interests")
ent("org_tajik_security_forces", O, "security_force", "Tajik security forces", "plc_tajikistan",
    "Security forces of Tajikistan; a convoy of Tajik soldiers was ambushed in the Rasht Valley on September 19, 2010.",
    "the ambush of a convoy of Tajiki soldiers in the Rasht Valley in Tajikistan")
ent("org_kyrgyz_security_forces", O, "security_force", "Kyrgyz security forces", "plc_kyrgyzstan",
    "Security forces of Kyrgyzstan; eight Kyrgyz soldiers were taken hostage on August 23, 1999.",
    "four Japanese geologists and eight Kyrgyz soldiers hostage in southern Kyrgyzstan")
ent("org_pakistani_security_forces", O, "security_force", "Pakistani security forces", "plc_pakistan",
    "Security forces of Pakistan; targets of IMU and TTP attacks and the force fighting at the Red Mosque in 2007.",
    "the two groups cooperated to launch multiple attacks against Pakistani security forces")
ent("org_afghan_security_forces", O, "security_force", "Afghan government security forces", "plc_afghanistan",
    "Afghan government forces, including the Afghan National Army.",
    "the group supported the Afghan Taliban’s spring 2015 offensive against government forces in the country")
ent("org_long_war_journal", O, "news_organization", "The Long War Journal", "",
    "FDD's Long War Journal; cited by doc_002 for the 2010 size estimate.",
    "2010: 2,500 – 4,000 (The Long War Journal)")
# people
ent("per_tahir_yuldashev", P, "militant_leader", "Tahir Yuldashev", "",
    "Co-founder and first emir of the IMU (co-founder of Adolat); killed in a US drone strike in Pakistan, August 27, 2009.",
    "Tahir Yuldashev (November 2001 to August 27, 2009): Yuldashev co-founded the IMU and served as its first emir.")
ent("per_juma_namangani", P, "militant_leader", "Juma Namangani", "",
    "Co-founder and head military leader of the IMU (co-founder of Adolat); died in November 2001 during a raid by anti-Taliban fighters.",
    "Juma Namangani (1998 to November 2001): Namangani co-founded the IMU with Tahir Yuldashev and served as its head military leader.")
ent("per_abu_usman_adil", P, "militant_leader", "Abu Usman Adil", "",
    "Leader of the IMU from August 17, 2010, to April 29, 2012; killed in a US drone strike in 2012.",
    "Abu Usman Adil (August 17, 2010 to April 29, 2012): Adil was an associate of his predecessor Yuldashev.")
ent("per_usman_ghazi", P, "militant_leader", "Usman Ghazi", "",
    "Deputy to Abu Usman Adil, then emir of the IMU from August 2012; pledged the IMU to IS in August 2015; killed by Taliban forces in late 2015.",
    "Usman Ghazi (August 2012 to December 2015): Ghazi was Adil’s deputy and became emir of IMU after his death.")
ent("per_islam_karimov", P, "head_of_state", "Islam Karimov", "",
    "President of Uzbekistan; target of the February 16, 1999 Tashkent car bombs; outlawed Adolat.",
    "The group initially sought to overturn the secular, authoritarian government in Uzbekistan President Islam Karimov.")
ent("per_osama_bin_laden", P, "militant_leader", "Osama bin Laden", "",
    "Leader of Al-Qaeda; funded and supported the IMU in the late 1990s.",
    "In the late 1990s, AQ leader Osama bin Laden provided funding that contributed to the establishment of the IMU.")
# places
ent("plc_uzbekistan", L, "country", "Uzbekistan", "plc_uzbekistan", "Country in Central Asia.",
    "to establish Islamic law in Uzbekistan")
ent("plc_tajikistan", L, "country", "Tajikistan", "plc_tajikistan", "Country in Central Asia.",
    "the leaders established a new base in Tajikistan")
ent("plc_kyrgyzstan", L, "country", "Kyrgyzstan", "plc_kyrgyzstan", "Country in Central Asia.",
    "kidnapped the mayor and three officials from a small village in western Kyrgyzstan")
ent("plc_kazakhstan", L, "country", "Kazakhstan", "plc_kazakhstan", "Country in Central Asia.",
    "Kazakhstan Listed Terrorist Organization")
ent("plc_afghanistan", L, "country", "Afghanistan", "plc_afghanistan", "Country in South-Central Asia.",
    "received Taliban permission to establish a base in Afghanistan")
ent("plc_pakistan", L, "country", "Pakistan", "plc_pakistan", "Country in South Asia.",
    "the IMU shifted its main base of operations to Pakistan, along the Afghan-Pakistan border")
ent("plc_united_states", L, "country", "United States", "plc_united_states", "Country in North America.",
    "the embassies of Israel and the U.S. in Tashkent")
ent("plc_israel", L, "country", "Israel", "plc_israel", "Country in the Middle East.",
    "the embassies of Israel and the U.S. in Tashkent")
ent("plc_united_kingdom", L, "country", "United Kingdom", "plc_united_kingdom", "Country in Europe.",
    "United Kingdom Home Office")
ent("plc_canada", L, "country", "Canada", "plc_canada", "Country in North America.",
    "Government of Canada Listed Terrorist Entity")
ent("plc_australia", L, "country", "Australia", "plc_australia", "Country in Oceania.",
    "Australian National Security Terrorist Organization")
ent("plc_syria", L, "country", "Syria", "plc_syria", "Country in the Middle East.",
    "IMU militants are suspected to have engaged in attacks in Syria.")
ent("plc_central_asia", L, "region", "Central Asia", "", "Region comprising the former Soviet Central Asian republics.",
    "an Islamist militant group operating in Central Asia")
ent("plc_fergana_valley", L, "valley", "Fergana Valley", "",
    "Valley at the intersection of Uzbekistan, Kyrgyzstan and Tajikistan; an important IMU recruitment area.",
    "The Ferghana Valley, at the intersection of Uzbekistan, Kyrgystan, and Tajikistan’s borders, is an important recruitment area for the IMU.")
ent("plc_rasht_valley", L, "valley", "Rasht Valley", "plc_tajikistan", "Valley in Tajikistan.",
    "in the Rasht Valley in Tajikistan")
ent("plc_danghara", L, "district", "Danghara", "plc_tajikistan", "District of Tajikistan.",
    "an attack on foreign cyclists in Tajikistan’s Danghara district")
ent("plc_tashkent", L, "city", "Tashkent", "plc_uzbekistan", "Capital of Uzbekistan.",
    "5 simultaneous car bombs in Tashkent, the Uzbek capital")
ent("plc_osh", L, "city", "Osh", "plc_kyrgyzstan", "City in Kyrgyzstan.",
    "the Kyrgyz cities of Osh and Bishkek")
ent("plc_bishkek", L, "city", "Bishkek", "plc_kyrgyzstan", "City in Kyrgyzstan (the capital).",
    "the Kyrgyz cities of Osh and Bishkek")
ent("plc_islamabad", L, "city", "Islamabad", "plc_pakistan", "Capital of Pakistan; site of the Red Mosque.",
    "the Red Mosque siege in Islamabad, Pakistan")
ent("plc_karachi", L, "city", "Karachi", "plc_pakistan", "City in Pakistan; site of the Jinnah International Airport.",
    "the Jinnah International Airport in Karachi, Pakistan")
ent("plc_bannu", L, "city", "Bannu", "plc_pakistan", "Town in Pakistan; site of the Bannu Prison.",
    "attacked the Bannu Prison in Pakistan")
ent("plc_zabul", L, "province", "Zabul", "plc_afghanistan", "Province of Afghanistan.",
    "in Zabul province, Afghanistan")
ent("plc_new_york", L, "city", "New York", "plc_united_states", "City in the United States.",
    "the deadliest militant attack in New York since 9/11")
ent("plc_manhattan", L, "district", "Manhattan", "plc_united_states", "Borough of New York City.",
    "crashed a truck into civilians on a bike path in Manhattan")

ENT_IDS = {e["entity_id"] for e in ENT}
assert len(ENT_IDS) == len(ENT)

# ---------------------------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------------------------
ALI = []


def ali(eid, alias, atype, quote, notes="", amb=False):
    assert eid in ENT_IDS, eid
    ALI.append(dict(alias_id=f"{DOC}_al{len(ALI) + 1:03d}", entity_id=eid, alias=alias, alias_type=atype,
                    document_id=DOC, is_ambiguous="true" if amb else "false", quote=q(quote), notes=notes))


ali("org_imu", "Islamic Movement of Uzbekistan", "canonical",
    "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group")
ali("org_imu", "IMU", "acronym", "The Islamic Movement of Uzbekistan (IMU) is an Islamist militant group")
ali("org_adolat", "Adolat", "canonical", "a militant organization, Adolat, in 1991")
ali("org_al_qaeda", "Al Qaeda", "spelling_variant", "received substantial funds from Al Qaeda (AQ) leader Osama bin Laden")
ali("org_al_qaeda", "AQ", "acronym", "received substantial funds from Al Qaeda (AQ) leader Osama bin Laden")
ali("org_al_qaeda", "Al-Qaida", "spelling_variant", "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”",
    "Spelling in the name of the UN sanctions list. 'Al-Qaeda' occurs in doc_002 only in the reference lists.")
ali("org_afghan_taliban", "Afghan Taliban", "canonical", "closely allied to Al Qaeda, the Afghan Taliban, and the Tehrik-i-Taliban Pakistan")
ali("org_afghan_taliban", "Taliban", "short_form", "received Taliban permission to establish a base in Afghanistan",
    "Every standalone 'Taliban' in doc_002 means the Afghan movement/regime (Taliban permission, Taliban regime, "
    "Taliban forces, allegiance to the Taliban); the Pakistani groups are always qualified.")
ali("org_ttp", "Tehrik-i-Taliban Pakistan", "canonical", "the Tehrik-i-Taliban Pakistan (TTP)")
ali("org_ttp", "TTP", "acronym", "the Tehrik-i-Taliban Pakistan (TTP)")
ali("org_ttp", "Tehrik-i-Taliban", "short_form", "Another close ally of the IMU in Pakistan was Tehrik-i-Taliban (TTP)")
ali("org_pakistani_taliban", "Pakistani Taliban", "canonical", "under the protection of the Pakistani Taliban",
    "doc_002 names 'Pakistani Taliban' beside the TTP as a separate actor (Bannu 2012, Karachi 2014).")
ali("org_islamic_state", "Islamic State", "canonical", "the IMU pledged loyalty to the Islamic State (IS)")
ali("org_islamic_state", "IS", "acronym", "the IMU pledged loyalty to the Islamic State (IS)")
ali("org_islamic_state", "ISIL", "acronym", "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”",
    "Only in the name of the UN sanctions list.")
ali("org_islamic_state", "Da'esh", "acronym", "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”",
    "Arabic acronym, only in the name of the UN sanctions list.")
ali("org_is_kp", "Islamic State Khorasan Province", "canonical", "the Islamic State Khorasan Province (IS-KP)")
ali("org_is_kp", "IS-KP", "acronym", "the Islamic State Khorasan Province (IS-KP)")
ali("org_haqqani_network", "Haqqani Network", "canonical", "the AQ-aligned Haqqani Network")
ali("org_jamaat_ansarullah", "Jamaat Ansarullah", "canonical", "Jamaat Ansarullah, a Tajik splinter group")
ali("org_jundullah", "Jundullah", "canonical", "Jundullah, a militant group based in Afghanistan",
    "Not the IMU media branch 'Jundallah Studio'.")
ali("org_iju", "Islamic Jihad Union", "canonical", "The Islamic Jihad Group, later renamed the Islamic Jihad Union")
ali("org_iju", "Islamic Jihad Group", "former_name", "The Islamic Jihad Group, later renamed the Islamic Jihad Union")
ali("org_ansar_al_aseer", "Ansar al-Aseer", "canonical", "formed a joint unit, Ansar al-Aseer")
ali("org_ansar_al_aseer", "Ansar al-Aseen", "misspelling", "established a joint militant group, Ansar al-Aseen",
    "The group narrative spells the joint unit 'Ansar al-Aseen'; the relationships section spells it 'Ansar al-Aseer'. "
    "Same unit (IMU-TTP joint group to free TTP prisoners).")
ali("org_jundallah_studio", "Jundallah Studio", "canonical", "its media branch, Jundallah Studio")
ali("org_hizb_ut_tahrir", "Hizb ut Tahrir", "spelling_variant", "initially accused Hizb ut Tahrir, a Pan-Islamic party")
ali("org_northern_alliance", "Northern Alliance", "canonical", "fighting against Northern Alliance forces")
ali("org_gov_uzbekistan", "Uzbek government", "descriptive", "The Uzbek government blamed the IMU for the attack")
ali("org_gov_uzbekistan", "Karimov government", "descriptive", "as the Karimov government began increasingly to crackdown")
ali("org_gov_kyrgyzstan", "Kyrgyzstani government", "descriptive", "the Kyrgyzstani government fulfilled IMU demands")
ali("org_gov_pakistan", "Pakistani government", "descriptive", "the Pakistani government’s launch of Operation Zarb-e-Azb")
ali("org_gov_afghanistan", "Afghan government", "descriptive", "female IMU supporters by the Afghan government")
ali("org_us_forces", "US forces", "descriptive", "The IMU clashed with US forces")
ali("org_us_state_department", "U.S State Department", "spelling_variant",
    "U.S State Department Foreign Terrorist Organization (FTO)", "Written without the period after 'S'.")
ali("org_un_security_council", "UNSC", "acronym", "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”")
ali("org_un_security_council", "UN Security Council", "short_form", "Late 2001: 500 (UN Security Council)")
ali("org_uk_home_office", "United Kingdom Home Office", "full_name", "United Kingdom Home Office Proscribed Terrorist Organization")
ali("org_gov_canada", "Government of Canada", "canonical", "Government of Canada Listed Terrorist Entity")
ali("org_gov_australia", "Australian National Security", "descriptive",
    "Australian National Security Terrorist Organization",
    "Name of the Australian government's national security authority/website as doc_002 gives it (listing authority and cited source).")
ali("org_isaf", "International Security Assistance Force", "canonical", "the International Security Assistance Force")
ali("org_tajik_security_forces", "Tajiki soldiers", "descriptive", "a convoy of Tajiki soldiers",
    "'Tajiki' is the document's spelling of Tajik.")
ali("org_kyrgyz_security_forces", "Kyrgyz soldiers", "descriptive", "eight Kyrgyz soldiers")
ali("org_pakistani_security_forces", "Pakistani security forces", "descriptive", "attacks against Pakistani security forces")
ali("org_pakistani_security_forces", "Pakistani forces", "descriptive", "as they fought Pakistani forces for control of the mosque")
ali("org_long_war_journal", "The Long War Journal", "canonical", "2010: 2,500 – 4,000 (The Long War Journal)")
ali("per_tahir_yuldashev", "Tahir Yuldashev", "canonical", "IMU co-founders Tahir Yuldashev and Juma Namangani")
ali("per_tahir_yuldashev", "Yuldashev", "short_form", "Yuldashev was killed in a US drone strike in Pakistan.")
ali("per_juma_namangani", "Juma Namangani", "canonical", "IMU co-founders Tahir Yuldashev and Juma Namangani")
ali("per_juma_namangani", "Namangani", "short_form", "In 1998, IMU co-founders Namangani and Yuldashev formally established the group")
ali("per_abu_usman_adil", "Abu Usman Adil", "canonical", "Abu Usman Adil (August 17, 2010 to April 29, 2012)")
ali("per_abu_usman_adil", "Adil", "short_form", "Under Adil’s leadership, the IMU expanded its operations")
ali("per_usman_ghazi", "Usman Ghazi", "canonical", "IMU leader Usman Ghazi pledged loyalty to the Islamic State (IS)")
ali("per_usman_ghazi", "Ghazi", "short_form", "Ghazi was killed by Taliban forces in late 2015.")
ali("per_islam_karimov", "Islam Karimov", "canonical", "Uzbek President Islam Karimov")
ali("per_islam_karimov", "Karimov", "short_form", "one of which almost killed President Karimov")
ali("per_osama_bin_laden", "Osama bin Laden", "canonical", "AQ leader Osama bin Laden provided funding")
ali("plc_uzbekistan", "Uzbekistan", "canonical", "to establish Islamic law in Uzbekistan")
ali("plc_tajikistan", "Tajikistan", "canonical", "established a new base in Tajikistan")
ali("plc_kyrgyzstan", "Kyrgyzstan", "canonical", "a small village in western Kyrgyzstan")
ali("plc_kyrgyzstan", "Kyrgystan", "misspelling", "at the intersection of Uzbekistan, Kyrgystan, and Tajikistan’s borders")
ali("plc_kazakhstan", "Kazakhstan", "canonical", "Kazakhstan Listed Terrorist Organization")
ali("plc_afghanistan", "Afghanistan", "canonical", "establish a base in Afghanistan")
ali("plc_pakistan", "Pakistan", "canonical", "after which it relocated to Pakistan")
ali("plc_united_states", "U.S.", "short_form", "the embassies of Israel and the U.S. in Tashkent")
ali("plc_israel", "Israel", "canonical", "the embassies of Israel and the U.S. in Tashkent")
ali("plc_united_kingdom", "United Kingdom", "canonical", "United Kingdom Home Office")
ali("plc_canada", "Canada", "canonical", "Government of Canada Listed Terrorist Entity")
ali("plc_syria", "Syria", "canonical", "engaged in attacks in Syria")
ali("plc_central_asia", "Central Asia", "canonical", "operating in Central Asia")
ali("plc_fergana_valley", "Ferghana Valley", "spelling_variant", "The Ferghana Valley, at the intersection of Uzbekistan")
ali("plc_rasht_valley", "Rasht Valley", "canonical", "in the Rasht Valley in Tajikistan")
ali("plc_danghara", "Danghara", "canonical", "Tajikistan’s Danghara district")
ali("plc_tashkent", "Tashkent", "canonical", "car bombs in Tashkent, the Uzbek capital")
ali("plc_osh", "Osh", "canonical", "the Kyrgyz cities of Osh and Bishkek")
ali("plc_bishkek", "Bishkek", "canonical", "the Kyrgyz cities of Osh and Bishkek")
ali("plc_islamabad", "Islamabad", "canonical", "the Red Mosque siege in Islamabad, Pakistan")
ali("plc_karachi", "Karachi", "canonical", "the Jinnah International Airport in Karachi, Pakistan")
ali("plc_bannu", "Bannu", "canonical", "attacked the Bannu Prison in Pakistan")
ali("plc_zabul", "Zabul", "canonical", "in Zabul province, Afghanistan")
ali("plc_new_york", "New York", "canonical", "the deadliest militant attack in New York since 9/11")
ali("plc_manhattan", "Manhattan", "canonical", "a bike path in Manhattan")

# ---------------------------------------------------------------------------------------------
# Event mentions, actors, supporting quotes
# ---------------------------------------------------------------------------------------------
EM, ACT, SUP = [], [], []


def sup(fact_type, fact_id, quote, notes=""):
    SUP.append(dict(supporting_quote_id=f"{DOC}_sq{len(SUP) + 1:03d}", fact_type=fact_type, fact_id=fact_id,
                    document_id=DOC, quote=q(quote), notes=notes))


def mention(n, event_id, name, etype, date_text, start, end, prec, res, date_note, country, loc_text, loc_id,
            quote, notes="", **counts):
    mid = f"{DOC}_m{n:02d}"
    row = dict(mention_id=mid, event_id=event_id, document_id=DOC, event_name=name, event_type=etype,
               date_text=date_text, date_start=start, date_end=end, date_precision=prec, date_resolution=res,
               date_note=date_note, country_id=country, location_text=loc_text, location_id=loc_id,
               quote=q(quote), notes=notes)
    for c in ("killed", "wounded", "hostages", "prisoners_freed", "arrested", "sentenced"):
        t = counts.pop(c, None)
        if t is not None:
            lo, hi = parse_quantity(t)
            row[f"{c}_text"], row[f"{c}_low"], row[f"{c}_high"] = t, lo, hi
    assert not counts, counts
    for e in (country, loc_id):
        assert not e or e in ENT_IDS, e
    EM.append(row)
    return mid


def actor(mid, eid, role, attribution, quote, by="", notes=""):
    assert eid in ENT_IDS, eid
    ACT.append(dict(event_actor_id=f"{DOC}_act{len(ACT) + 1:03d}", mention_id=mid, entity_id=eid, role=role,
                    attribution=attribution, attributed_by=by, quote=q(quote), notes=notes))


# --- 1998 crackdown
m = mention(1, "ev_1998_uzbek_crackdown_on_muslim_communities", "Karimov government crackdown on Uzbek Muslim communities",
            "crackdown", "In 1998", "1998-01-01", "1998-12-31", "year", "as_stated", "", "plc_uzbekistan", "", "",
            "In 1998, as the Karimov government began increasingly to crackdown on Uzbek Muslim communities",
            "The text says the crackdown 'began increasingly' in 1998; no end is given.")
actor(m, "org_gov_uzbekistan", "authority", "confirmed",
      "as the Karimov government began increasingly to crackdown on Uzbek Muslim communities")

# --- Feb 16 1999 Tashkent bombings
TASH = ("February 16, 1999: Militants launched 5 simultaneous car bombs in Tashkent, the Uzbek capital, one of which "
        "almost killed President Karimov. The Uzbek government blamed the IMU for the attack, but this allegation has "
        "not been independently verified (16+ killed, 100+ wounded).")
m = mention(2, "ev_1999_tashkent_bombings", "Tashkent car bombings", "bombing", "February 16, 1999", "1999-02-16",
            "1999-02-16", "day", "as_stated", "", "plc_uzbekistan", "Tashkent, the Uzbek capital", "plc_tashkent",
            TASH, "Five simultaneous car bombs. Same event as the profile's 'First Attack' entry (supporting quote).",
            killed="16+", wounded="100+")
sup("event_mention", m, "First Attack: February 16, 1999: Militants launched 5 simultaneous car bombs in Tashkent",
    "The overview's 'First Attack' entry repeats the Major Attacks entry word for word.")
actor(m, "org_imu", "perpetrator", "disputed",
      "The Uzbek government blamed the IMU for the attack, but this allegation has not been independently verified",
      by="Uzbek government",
      notes="Blamed by the Uzbek government, 'not independently verified'; the narrative adds 'it is unclear if the "
            "group was responsible' (supporting quote).")
TASH_IMU = ACT[-1]["event_actor_id"]
sup("event_actor", TASH_IMU, "it is unclear if the group was responsible for the February 1999 Tashkent bombings")
actor(m, "org_hizb_ut_tahrir", "perpetrator", "alleged",
      "Following the bombings, the Uzbek government initially accused Hizb ut Tahrir, a Pan-Islamic party",
      by="Uzbek government", notes="The Uzbek government's initial accusation, before it blamed the IMU.")
actor(m, "per_islam_karimov", "target", "confirmed", "one of which almost killed President Karimov")

# --- 1999 mass arrests
m = mention(3, "ev_1999_uzbek_mass_arrests_after_tashkent_bombings",
            "Mass arrest and torture of Muslims in Uzbekistan after the Tashkent bombings", "crackdown",
            "Following the bombings", "1999-01-01", "1999-12-31", "year", "relative_to_anchor",
            "After the February 16, 1999 Tashkent bombings ('Following the bombings ... initially accused'); the text "
            "gives no date of its own, so the year of the anchor is used; the arrests may have continued beyond 1999.",
            "plc_uzbekistan", "", "",
            "Following the bombings, the Uzbek government initially accused Hizb ut Tahrir, a Pan-Islamic party, "
            "leading to the mass arrest and torture of Muslims.",
            "No number of arrests is given ('mass arrest').")
actor(m, "org_gov_uzbekistan", "authority", "confirmed",
      "the Uzbek government initially accused Hizb ut Tahrir, a Pan-Islamic party, leading to the mass arrest and torture of Muslims")

# --- Aug 9 1999 kidnapping of Kyrgyz officials
m = mention(4, "ev_1999_kyrgyz_officials_kidnapping", "Kidnapping of a village mayor and three officials in western Kyrgyzstan",
            "kidnapping", "On August 9", "1999-08-09", "1999-08-09", "day", "year_from_context",
            "The year comes from the heading of the Major Attacks entry, 'August 1999'.",
            "plc_kyrgyzstan", "a small village in western Kyrgyzstan", "plc_kyrgyzstan",
            "On August 9, an IMU guerrilla group kidnapped the mayor and three officials from a small village in western "
            "Kyrgyzstan. Within a week, the Kyrgyzstani government fulfilled IMU demands for a ransom payment and a "
            "helicopter for safe passage to Tajikistan.",
            "hostages_text '4' stands for 'the mayor and three officials' (quantity given by reference). The entry's "
            "figures '(unknown killed, unknown wounded)' cover both August 1999 kidnappings. Ransom and helicopter "
            "demands were met 'within a week'.",
            hostages="4", killed="unknown", wounded="unknown")
actor(m, "org_imu", "perpetrator", "confirmed",
      "On August 9, an IMU guerrilla group kidnapped the mayor and three officials")
actor(m, "org_gov_kyrgyzstan", "other", "confirmed",
      "the Kyrgyzstani government fulfilled IMU demands for a ransom payment and a helicopter for safe passage to Tajikistan",
      notes="Met the kidnappers' demands (ransom and a helicopter); not a target of the kidnapping as written.")

# --- Aug 23 1999 Japanese geologists
m = mention(5, "ev_1999_japanese_geologists_kidnapping", "Kidnapping of four Japanese geologists and eight Kyrgyz soldiers",
            "kidnapping", "On August 23", "1999-08-23", "1999-08-23", "day", "year_from_context",
            "The year comes from the heading of the Major Attacks entry, 'August 1999'.",
            "plc_kyrgyzstan", "southern Kyrgyzstan", "plc_kyrgyzstan",
            "On August 23, the IMU took four Japanese geologists and eight Kyrgyz soldiers hostage in southern "
            "Kyrgyzstan. The final hostages were freed after two months (unknown killed, unknown wounded).",
            "hostages_text '12' stands for 'four Japanese geologists and eight Kyrgyz soldiers' (two figures, no single "
            "phrase; summed by the by-reference rule). The final hostages were freed after two months. The figures "
            "'(unknown killed, unknown wounded)' close the whole August 1999 entry.",
            hostages="12", killed="unknown", wounded="unknown")
actor(m, "org_imu", "perpetrator", "confirmed",
      "On August 23, the IMU took four Japanese geologists and eight Kyrgyz soldiers hostage")
actor(m, "org_kyrgyz_security_forces", "target", "confirmed", "eight Kyrgyz soldiers hostage in southern Kyrgyzstan",
      notes="Eight Kyrgyz soldiers among the hostages; the other four were Japanese geologists.")

# --- August 2000 assault
m = mention(6, "ev_2000_tajik_border_villages_assault", "IMU assault on Tajik border villages", "armed_assault",
            "August 2000", "2000-08-01", "2000-08-31", "month", "as_stated", "", "", "Tajik border villages", "",
            "the IMU launched multiple high-profile attacks, such as the August 2000 assault on Tajik border villages",
            "The text does not say in which country the 'Tajik border villages' lay, so country and place are left empty.")
actor(m, "org_imu", "perpetrator", "confirmed",
      "the IMU launched multiple high-profile attacks, such as the August 2000 assault on Tajik border villages")

# --- 2001 US-led campaign (Operation Enduring Freedom)
m = mention(7, "ev_2001_operation_enduring_freedom_afghanistan",
            "IMU fighting against US-led forces in Afghanistan (Operation Enduring Freedom)", "battle",
            "in 2001", "2001-01-01", "2001-12-31", "year", "as_stated",
            "The text dates the campaign 'in 2001'; it also says the IMU targeted Uzbek forces 'Prior to October 2001' "
            "and that the shift followed 9/11, so the fighting falls late in 2001.",
            "plc_afghanistan", "Afghanistan", "plc_afghanistan",
            "The IMU clashed with US forces during the US’s military campaign in Afghanistan in 2001, after which it relocated to Pakistan.",
            "A campaign rather than a single engagement; recorded because the text dates the IMU's combat with US forces.")
sup("event_mention", m, "During US-led Operation Enduring Freedom in 2001, the group shifted its focus to battling US and "
    "international forces in Afghanistan, alongside AQ and the Afghan Taliban.")
sup("event_mention", m, "Following 9/11 and the launch of Operation Enduring Freedom, the IMU shifted its focus to battling "
    "US-led coalition forces in Afghanistan")
actor(m, "org_us_forces", "authority", "confirmed", "The IMU clashed with US forces during the US’s military campaign in Afghanistan in 2001")
actor(m, "org_imu", "other", "confirmed", "The IMU clashed with US forces during the US’s military campaign in Afghanistan in 2001",
      notes="Combatant fighting US-led forces.")
actor(m, "org_al_qaeda", "other", "confirmed",
      "the group shifted its focus to battling US and international forces in Afghanistan, alongside AQ and the Afghan Taliban",
      notes="Combatant alongside the IMU against US-led forces.")
actor(m, "org_afghan_taliban", "other", "confirmed",
      "the group shifted its focus to battling US and international forces in Afghanistan, alongside AQ and the Afghan Taliban",
      notes="Combatant alongside the IMU against US-led forces.")

# --- Namangani killed
m = mention(8, "ev_2001_namangani_killed", "Death of Juma Namangani in a raid by anti-Taliban fighters", "battle",
            "November 2001", "2001-11-01", "2001-11-30", "month", "as_stated",
            "Month from the end of his tenure in the leadership list ('1998 to November 2001'); the sentence on his death is undated.",
            "plc_afghanistan", "Afghanistan", "plc_afghanistan",
            "He died during a raid by anti-Taliban fighters in the US-led invasion of Afghanistan.",
            "The anti-Taliban fighters are not named.")
sup("event_mention", m, "Juma Namangani (1998 to November 2001)", "Date of the end of his tenure.")
actor(m, "per_juma_namangani", "target", "confirmed", "He died during a raid by anti-Taliban fighters in the US-led invasion of Afghanistan.")

# --- Operation Anaconda
m = mention(9, "ev_2002_operation_anaconda", "Operation Anaconda", "battle", "in 2002", "2002-01-01", "2002-12-31",
            "year", "as_stated", "", "plc_afghanistan", "eastern Afghanistan", "plc_afghanistan",
            "He was allegedly a senior commander resisting US forces during Operation Anaconda in 2002, in eastern Afghanistan.")
actor(m, "org_us_forces", "authority", "confirmed", "resisting US forces during Operation Anaconda in 2002")
actor(m, "per_tahir_yuldashev", "commander", "alleged",
      "He was allegedly a senior commander resisting US forces during Operation Anaconda in 2002",
      notes="'allegedly'; no accuser is named. The text does not say which force he commanded.")

# --- Osh/Bishkek explosions
m = mention(10, "ev_2002_osh_bishkek_explosions", "Four explosions in Osh and Bishkek", "bombing",
            "December 2002 – May 2003", "2002-12-01", "2003-05-31", "range", "as_stated", "",
            "plc_kyrgyzstan", "the Kyrgyz cities of Osh and Bishkek", "plc_kyrgyzstan",
            "December 2002 – May 2003: The IMU launched four explosions in the Kyrgyz cities of Osh and Bishkek that "
            "killed eight people (8 killed, unknown wounded).",
            "Four explosions in two cities over the period, recorded as one listed attack; location_id is the country "
            "because two cities are named.", killed="8", wounded="unknown")
actor(m, "org_imu", "perpetrator", "confirmed", "The IMU launched four explosions in the Kyrgyz cities of Osh and Bishkek")

# --- July 30 2004 Tashkent embassies
m = mention(11, "ev_2004_tashkent_embassy_bombings", "Suicide attacks on the US and Israeli embassies in Tashkent",
            "suicide_bombing", "July 30, 2004", "2004-07-30", "2004-07-30", "day", "as_stated", "",
            "plc_uzbekistan", "Tashkent, Uzbekistan", "plc_tashkent",
            "July 30, 2004: The IMU launched multiple suicide strikes against the embassies of Israel and the U.S. in "
            "Tashkent, Uzbekistan. On the same day, a suicide bomber also attacked a car containing Pakistan’s prime "
            "minister designate (2 killed, 9 wounded).",
            "The entry's figures '(2 killed, 9 wounded)' follow the sentence on the same-day attack in Pakistan; the "
            "document does not split them between the two attacks. They are recorded here, the entry's main event.",
            killed="2", wounded="9")
actor(m, "org_imu", "perpetrator", "confirmed",
      "The IMU launched multiple suicide strikes against the embassies of Israel and the U.S. in Tashkent")
actor(m, "org_gov_us", "target", "confirmed", "the embassies of Israel and the U.S. in Tashkent", notes="Its embassy.")
actor(m, "org_gov_israel", "target", "confirmed", "the embassies of Israel and the U.S. in Tashkent", notes="Its embassy.")

m = mention(12, "ev_2004_pakistan_pm_designate_attack", "Suicide attack on the car of Pakistan's prime minister designate",
            "suicide_bombing", "On the same day", "2004-07-30", "2004-07-30", "day", "relative_to_anchor",
            "'On the same day' as the July 30, 2004 Tashkent embassy attacks.", "", "", "",
            "On the same day, a suicide bomber also attacked a car containing Pakistan’s prime minister designate",
            "The text names neither the place nor the prime minister designate. Casualty figures of the entry are "
            "recorded on the Tashkent mention (not split by the document).")
actor(m, "org_imu", "perpetrator", "suspected",
      "On the same day, a suicide bomber also attacked a car containing Pakistan’s prime minister designate",
      notes="Listed in the IMU's Major Attacks entry, but the sentence names only 'a suicide bomber'; the text does not "
            "state that the IMU carried it out.")
actor(m, "org_gov_pakistan", "target", "confirmed", "a car containing Pakistan’s prime minister designate",
      notes="Target: Pakistan's prime minister designate (not named).")

# --- Red Mosque
m = mention(13, "ev_2007_red_mosque_siege", "Red Mosque siege", "hostage_taking", "June 2007", "2007-06-01",
            "2007-06-30", "month", "as_stated", "", "plc_pakistan", "Islamabad, Pakistan", "plc_islamabad",
            "June 2007: The IMU allegedly participated in the Red Mosque siege in Islamabad, Pakistan. Militants held at "
            "least 250 people hostage as they fought Pakistani forces for control of the mosque (62 killed, unknown wounded).",
            "Siege of the Red Mosque with hostages.", hostages="at least 250", killed="62", wounded="unknown")
actor(m, "org_imu", "perpetrator", "alleged", "The IMU allegedly participated in the Red Mosque siege in Islamabad, Pakistan.",
      notes="'allegedly'; no accuser is named.")
actor(m, "org_pakistani_security_forces", "authority", "confirmed",
      "Militants held at least 250 people hostage as they fought Pakistani forces for control of the mosque")

# --- Yuldashev killed
m = mention(14, "ev_2009_yuldashev_killed", "Killing of Tahir Yuldashev in a US drone strike", "airstrike",
            "August 27, 2009", "2009-08-27", "2009-08-27", "day", "as_stated",
            "Date from the end of his tenure in the leadership list ('November 2001 to August 27, 2009'); the sentence on the strike is undated.",
            "plc_pakistan", "Pakistan", "plc_pakistan", "Yuldashev was killed in a US drone strike in Pakistan.")
sup("event_mention", m, "Tahir Yuldashev (November 2001 to August 27, 2009)", "Date of the end of his tenure.")
actor(m, "org_gov_us", "authority", "confirmed", "Yuldashev was killed in a US drone strike in Pakistan.")
actor(m, "per_tahir_yuldashev", "target", "confirmed", "Yuldashev was killed in a US drone strike in Pakistan.")

# --- Rasht ambush
m = mention(15, "ev_2010_rasht_ambush", "Rasht Valley ambush of a Tajik army convoy", "ambush", "September 19, 2010",
            "2010-09-19", "2010-09-19", "day", "as_stated", "", "plc_tajikistan", "the Rasht Valley in Tajikistan",
            "plc_rasht_valley",
            "September 19, 2010: The IMU claimed responsibility for the ambush of a convoy of Tajiki soldiers in the Rasht "
            "Valley in Tajikistan, killing 25 soldiers (25 killed, unknown wounded).",
            killed="25", wounded="unknown")
actor(m, "org_imu", "claimant", "claimed", "The IMU claimed responsibility for the ambush of a convoy of Tajiki soldiers")
actor(m, "org_imu", "perpetrator", "claimed", "The IMU claimed responsibility for the ambush of a convoy of Tajiki soldiers")
actor(m, "org_tajik_security_forces", "target", "confirmed", "the ambush of a convoy of Tajiki soldiers in the Rasht Valley in Tajikistan, killing 25 soldiers")

# --- Bannu prison
m = mention(16, "ev_2012_bannu_prison_attack", "Bannu Prison attack", "prison_attack", "April 5, 2012", "2012-04-05",
            "2012-04-05", "day", "as_stated", "", "plc_pakistan", "the Bannu Prison in Pakistan", "plc_bannu",
            "April 5, 2012: The IMU, with Pakistani Taliban and TTP militants, attacked the Bannu Prison in Pakistan and "
            "freed 384 prisoners, including several that were described as “very dangerous” (unknown killed, 5 wounded).",
            killed="unknown", wounded="5", prisoners_freed="384")
sup("event_mention", m, "the April 2012 attack on Pakistan’s Bannu Prison, which freed 384 prisoners",
    "Executive summary: one of the IMU's most notable attacks.")
for e in ("org_imu", "org_pakistani_taliban", "org_ttp"):
    actor(m, e, "perpetrator", "confirmed",
          "The IMU, with Pakistani Taliban and TTP militants, attacked the Bannu Prison in Pakistan")

# --- Adil killed
m = mention(17, "ev_2012_adil_killed", "Killing of Abu Usman Adil in a US drone strike", "airstrike", "April 29, 2012",
            "2012-04-29", "2012-04-29", "day", "as_stated",
            "Date from the end of his tenure in the leadership list ('August 17, 2010 to April 29, 2012'); the death "
            "sentence says only 'in 2012'.", "", "", "", "He was killed in a US drone strike in 2012.",
            "The text does not say where the strike took place.")
sup("event_mention", m, "Abu Usman Adil (August 17, 2010 to April 29, 2012)", "Date of the end of his tenure.")
actor(m, "org_gov_us", "authority", "confirmed", "He was killed in a US drone strike in 2012.")
actor(m, "per_abu_usman_adil", "target", "confirmed", "He was killed in a US drone strike in 2012.")

# --- Karachi airport
m = mention(18, "ev_2014_karachi_airport_attack", "Jinnah International Airport attack, Karachi", "armed_assault",
            "June 8, 2014", "2014-06-08", "2014-06-08", "day", "as_stated", "", "plc_pakistan",
            "the Jinnah International Airport in Karachi, Pakistan", "plc_karachi",
            "June 8, 2014: The IMU participated in the attack on the Jinnah International Airport in Karachi, Pakistan, "
            "alongside the TTP and Pakistani Taliban. All 10 attackers died in the attack (36 killed, unknown wounded).",
            "'All 10 attackers died in the attack': ten attackers, all killed (whether the 36 include them is not said). "
            "The text does not say how the attack was carried out beyond 'attack'.",
            killed="36", wounded="unknown")
sup("event_mention", m, "the June 2014 attack on the Jinnah International Airport in Karachi, Pakistan,",
    "Executive summary: one of the IMU's most notable attacks.")
sup("event_mention", m, "the two groups collaborated to attack the Jinnah International Airport in Karachi, Pakistan, in 2014",
    "Group narrative: the IMU and the TTP.")
actor(m, "org_imu", "perpetrator", "confirmed", "The IMU participated in the attack on the Jinnah International Airport in Karachi, Pakistan")
actor(m, "org_ttp", "perpetrator", "confirmed", "alongside the TTP and Pakistani Taliban. All 10 attackers died in the attack")
actor(m, "org_pakistani_taliban", "perpetrator", "confirmed", "alongside the TTP and Pakistani Taliban. All 10 attackers died in the attack")

# --- Zarb-e-Azb
m = mention(19, "ev_2014_operation_zarb_e_azb", "Operation Zarb-e-Azb", "security_operation", "June 2014", "2014-06-01",
            "2014-06-30", "month", "as_stated", "Date of the launch of the operation.", "plc_pakistan", "the country", "plc_pakistan",
            "Following the Pakistani government’s launch of Operation Zarb-e-Azb in June 2014 against militant groups in "
            "the country, the IMU suffered heavy casualties and relocated many of its operations in Pakistan to Northern Afghanistan.",
            "'the country' is Pakistan. IMU losses are given only as 'heavy casualties' (no figure).")
actor(m, "org_gov_pakistan", "authority", "confirmed", "the Pakistani government’s launch of Operation Zarb-e-Azb in June 2014")
actor(m, "org_imu", "target", "confirmed", "the IMU suffered heavy casualties and relocated many of its operations in Pakistan to Northern Afghanistan")

# --- Zabul kidnapping Feb 2015 and beheading
m = mention(20, "ev_2015_zabul_hazara_kidnapping", "Kidnapping of about 30 Hazara men in Zabul", "kidnapping",
            "February 2015", "2015-02-01", "2015-02-28", "month", "as_stated", "", "plc_afghanistan",
            "Zabul province, Afghanistan", "plc_zabul",
            "February 2015: The IMU took around 30 Hazara men hostage in Zabul province, Afghanistan.",
            "The entry's '(1 killed, unknown wounded)' is recorded on the beheading mention (doc_002_m21). The kidnapping "
            "was 'allegedly' a response to an undated arrest of female IMU supporters by the Afghan government (not "
            "recorded as an event: no date).", hostages="around 30")
sup("event_mention", m, "The kidnapping was allegedly in response to the arrest of female IMU supporters by the Afghan government",
    "Alleged motive.")
actor(m, "org_imu", "perpetrator", "confirmed", "The IMU took around 30 Hazara men hostage in Zabul province, Afghanistan.")
KID = m
m = mention(21, "ev_2015_zabul_hostage_beheading", "Beheading of a hostage from the Zabul kidnapping", "armed_assault",
            "the following month", "2015-03-01", "2015-03-31", "month", "relative_to_anchor",
            "'the following month' after the February 2015 kidnapping. Strictly this dates the publication of the video; "
            "the beheading itself took place between the kidnapping and the video.",
            "", "", "",
            "The group published a video of the beheading of one of the hostages, an Afghan National Army soldier, the "
            "following month.",
            "Killing of a hostage (no closer event type). Its place is not stated. killed '1' is the Major Attacks entry's "
            "'(1 killed, unknown wounded)', which closes the February 2015 entry.", killed="1", wounded="unknown")
sup("event_mention", m, "(1 killed, unknown wounded)", "Figures of the February 2015 entry.")
actor(m, "org_imu", "perpetrator", "confirmed",
      "The group published a video of the beheading of one of the hostages",
      notes="The IMU published the video of the beheading of its hostage.")
actor(m, "org_afghan_security_forces", "target", "confirmed", "one of the hostages, an Afghan National Army soldier",
      notes="The victim was an Afghan National Army soldier among the Hazara hostages.")

# --- spring 2015 Taliban offensive
m = mention(22, "ev_2015_taliban_spring_offensive", "Afghan Taliban spring 2015 offensive", "battle", "spring 2015",
            "2015-03-01", "2015-05-31", "season", "as_stated", "", "plc_afghanistan", "the country", "plc_afghanistan",
            "From its Afghan bases, the group supported the Afghan Taliban’s spring 2015 offensive against government forces in the country.",
            "'the country' is Afghanistan.")
actor(m, "org_afghan_taliban", "perpetrator", "confirmed", "the Afghan Taliban’s spring 2015 offensive against government forces in the country")
actor(m, "org_imu", "other", "confirmed", "the group supported the Afghan Taliban’s spring 2015 offensive",
      notes="Supported the Taliban offensive from its Afghan bases; its exact part is not described.")
actor(m, "org_afghan_security_forces", "target", "confirmed", "offensive against government forces in the country")

# --- late 2015 fighting alongside IS against the Taliban
m = mention(23, "ev_2015_imu_is_fighting_taliban", "IMU followers and IS fighters against the Afghan Taliban", "battle",
            "In late 2015", "2015-09-01", "2015-12-31", "season", "as_stated", "", "plc_afghanistan", "Afghanistan",
            "plc_afghanistan",
            "In late 2015, followers of IMU emir Ghazi allegedly fought alongside IS fighters in Afghanistan against the Afghan Taliban.",
            "Fighting over a period, not a single dated clash.")
actor(m, "org_imu", "perpetrator", "alleged",
      "In late 2015, followers of IMU emir Ghazi allegedly fought alongside IS fighters in Afghanistan against the Afghan Taliban.",
      notes="'followers of IMU emir Ghazi'; 'allegedly', no accuser named.")
actor(m, "org_islamic_state", "perpetrator", "confirmed",
      "fought alongside IS fighters in Afghanistan against the Afghan Taliban",
      notes="IS fighting the Afghan Taliban is stated elsewhere ('IS’s recent clashes and hostile relations with the "
            "Afghan Taliban'); only the IMU followers' part is 'alleged'.")
actor(m, "org_afghan_taliban", "target", "confirmed", "fought alongside IS fighters in Afghanistan against the Afghan Taliban")

# --- Ghazi killed
m = mention(24, "ev_2015_ghazi_killed", "Killing of Usman Ghazi by Taliban forces", "battle", "in late 2015",
            "2015-09-01", "2015-12-31", "season", "as_stated",
            "The leadership list ends his tenure in 'December 2015'; the death sentence says 'late 2015'.",
            "", "", "", "Ghazi was killed by Taliban forces in late 2015.",
            "The text does not say where or how he was killed.")
sup("event_mention", m, "Usman Ghazi (August 2012 to December 2015)", "End of his tenure.")
actor(m, "org_afghan_taliban", "perpetrator", "confirmed", "Ghazi was killed by Taliban forces in late 2015.")
actor(m, "per_usman_ghazi", "target", "confirmed", "Ghazi was killed by Taliban forces in late 2015.")

# --- Manhattan
m = mention(25, "ev_2017_manhattan_truck_attack", "Manhattan bike path truck attack", "vehicle_ramming",
            "October 31, 2017", "2017-10-31", "2017-10-31", "day", "as_stated", "", "plc_united_states",
            "a bike path in Manhattan", "plc_manhattan",
            "October 31, 2017: An Uzbek militant crashed a truck into civilians on a bike path in Manhattan, instigating "
            "what some consider the deadliest militant attack in New York since 9/11. Some sources suggest that he was "
            "affiliated with the IMU (8 killed, 11 wounded).",
            "The attacker ('An Uzbek militant') is not named.", killed="8", wounded="11")
sup("event_mention", m, "Some sources suggest that the militants responsible for the Manhattan attack in October 2017 and the "
    "July 2018 attack on bikers in Tajikistan may have been affiliated with the IMU.",
    "Executive summary and group narrative (same sentence twice).")
actor(m, "org_imu", "perpetrator", "suspected", "Some sources suggest that he was affiliated with the IMU",
      notes="The suspicion is that the attacker was affiliated with the IMU, not that the IMU directed the attack.")

# --- Danghara
m = mention(26, "ev_2018_danghara_cyclists_attack", "Attack on foreign cyclists in Danghara", "armed_assault",
            "July 29, 2018", "2018-07-29", "2018-07-29", "day", "as_stated", "", "plc_tajikistan",
            "Tajikistan’s Danghara district", "plc_danghara",
            "July 29, 2018: The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s "
            "Danghara district. It is possible that the militants were affiliated with the IMU, which operates in the area "
            "(4 killed, 3 wounded).",
            "The text does not say how the attack was carried out ('attack on foreign cyclists'; 'attack on bikers'). "
            "Same event as the profile's 'Last Attack' entry (supporting quote).", killed="4", wounded="3")
sup("event_mention", m, "Last Attack: July 29, 2018: The Islamic State claimed responsibility for an attack on foreign cyclists",
    "The overview's 'Last Attack' entry repeats the Major Attacks entry word for word.")
sup("event_mention", m, "Some sources suggest that the militants responsible for the Manhattan attack in October 2017 and the "
    "July 2018 attack on bikers in Tajikistan may have been affiliated with the IMU.",
    "Executive summary and group narrative (same sentence twice).")
actor(m, "org_islamic_state", "claimant", "claimed",
      "The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s Danghara district.")
actor(m, "org_islamic_state", "perpetrator", "claimed",
      "The Islamic State claimed responsibility for an attack on foreign cyclists in Tajikistan’s Danghara district.")
actor(m, "org_imu", "perpetrator", "suspected",
      "It is possible that the militants were affiliated with the IMU, which operates in the area",
      notes="'It is possible'; 'Some sources suggest ... may have been affiliated with the IMU'.")

# ---------------------------------------------------------------------------------------------
# Membership estimates
# ---------------------------------------------------------------------------------------------
EST = []


def est(n, period, y0, y1, prec, text, approx, source, quote, notes=""):
    lo, hi = parse_quantity(text)
    EST.append(dict(estimate_id=f"{DOC}_est{n:02d}", group_id="org_imu", document_id=DOC, subject_text="",
                    period_text=period, period_start_year=y0, period_end_year=y1, period_precision=prec,
                    estimate_text=text, estimate_low=lo, estimate_high=hi, is_approximate=approx,
                    counted_unit="members", scope="", cited_source=source, quote=q(quote), notes=notes))


UNIT = "The size list does not say whether members or fighters are counted; recorded as members."
est(1, "2001", 2001, 2001, "year", "1,500 – 2,000", "true", "New York Times", "2001: 1,500 – 2,000 (New York Times)", UNIT)
est(2, "Late 2001", 2001, 2001, "season", "500", "false", "UN Security Council", "Late 2001: 500 (UN Security Council)", UNIT)
est(3, "2010", 2010, 2010, "year", "2,500 – 4,000", "true", "The Long War Journal", "2010: 2,500 – 4,000 (The Long War Journal)", UNIT)
est(4, "2015", 2015, 2015, "year", "5,000 – 7,000", "true", "Azamy", "2015: 5,000 – 7,000 (Azamy)",
    UNIT + " 'Azamy' is Hekmatullah Azamy per the document's footnote.")
est(5, "2016", 2016, 2016, "year", "200 – 300", "true", "Australian National Security", "2016: 200 – 300 (Australian National Security)", UNIT)

# ---------------------------------------------------------------------------------------------
# Leadership tenures
# ---------------------------------------------------------------------------------------------
TEN = []


def ten(n, group, person, role, st, sd, sp, et, ed, ep, reason, quote, notes=""):
    assert group in ENT_IDS and person in ENT_IDS
    TEN.append(dict(tenure_id=f"{DOC}_ten{n:02d}", group_id=group, person_id=person, role=role, start_text=st,
                    start_date=sd, start_precision=sp, end_text=et, end_date=ed, end_precision=ep, end_reason=reason,
                    document_id=DOC, quote=q(quote), notes=notes))
    return f"{DOC}_ten{n:02d}"


t = ten(1, "org_imu", "per_juma_namangani", "head military leader", "1998", "1998-01-01", "year", "November 2001",
        "2001-11-01", "month", "killed_in_raid",
        "Juma Namangani (1998 to November 2001): Namangani co-founded the IMU with Tahir Yuldashev and served as its head military leader.",
        "Listed first among the IMU's leaders. Died 'during a raid by anti-Taliban fighters in the US-led invasion of Afghanistan'.")
sup("leadership_tenure", t, "He died during a raid by anti-Taliban fighters in the US-led invasion of Afghanistan.")
t = ten(2, "org_imu", "per_tahir_yuldashev", "emir", "November 2001", "2001-11-01", "month", "August 27, 2009",
        "2009-08-27", "day", "killed_in_airstrike",
        "Tahir Yuldashev (November 2001 to August 27, 2009): Yuldashev co-founded the IMU and served as its first emir.",
        "Conflict within the document: the leadership list dates his tenure from November 2001 (after Namangani), but the "
        "same entry calls him the IMU's 'first emir' and the narrative has him co-founding the group in 1998.")
sup("leadership_tenure", t, "Yuldashev was killed in a US drone strike in Pakistan.")
t = ten(3, "org_imu", "per_abu_usman_adil", "leader", "August 17, 2010", "2010-08-17", "day", "April 29, 2012",
        "2012-04-29", "day", "killed_in_airstrike",
        "Abu Usman Adil (August 17, 2010 to April 29, 2012): Adil was an associate of his predecessor Yuldashev.",
        "Role from 'Under Adil’s leadership'; Ghazi 'became emir of IMU after his death'. The list leaves August 27, "
        "2009 – August 17, 2010 without a leader.")
sup("leadership_tenure", t, "Under Adil’s leadership, the IMU expanded its operations in northern and eastern Afghanistan, and the Central Asian republics.")
sup("leadership_tenure", t, "He was killed in a US drone strike in 2012.")
t = ten(4, "org_imu", "per_usman_ghazi", "emir", "August 2012", "2012-08-01", "month", "December 2015", "2015-12-01",
        "month", "killed_by_rival",
        "Usman Ghazi (August 2012 to December 2015): Ghazi was Adil’s deputy and became emir of IMU after his death.",
        "Killed by Taliban forces 'in late 2015'. The document says the current leader of the IMU is unknown.")
sup("leadership_tenure", t, "Ghazi was killed by Taliban forces in late 2015.")
sup("leadership_tenure", t, "The current leader of the IMU is unknown.")
ten(5, "org_imu", "per_usman_ghazi", "deputy leader", "", "", "unknown", "", "", "unknown", "unknown",
    "Ghazi was Adil’s deputy and became emir of IMU after his death.",
    "Deputy to Abu Usman Adil; no dates given. He became emir after Adil's death (April 29, 2012); his emirate is dated from August 2012.")
t = ten(6, "org_imu", "per_tahir_yuldashev", "co-founder", "In 1998", "1998-01-01", "year", "", "", "unknown", "unknown",
        "In 1998, as the Karimov government began increasingly to crackdown on Uzbek Muslim communities, Yuldashev and "
        "Namangani formally established the IMU",
        "Founding role; no end applies or is stated.")
t2 = ten(7, "org_imu", "per_juma_namangani", "co-founder", "In 1998", "1998-01-01", "year", "", "", "unknown", "unknown",
         "In 1998, as the Karimov government began increasingly to crackdown on Uzbek Muslim communities, Yuldashev and "
         "Namangani formally established the IMU",
         "Founding role; no end applies or is stated.")
sup("leadership_tenure", t, "In 1998, IMU co-founders Namangani and Yuldashev formally established the group")
sup("leadership_tenure", t2, "In 1998, IMU co-founders Namangani and Yuldashev formally established the group")
for n, p in ((8, "per_tahir_yuldashev"), (9, "per_juma_namangani")):
    ten(n, "org_adolat", p, "co-founder", "in 1991", "1991-01-01", "year", "", "", "unknown", "unknown",
        "IMU co-founders Tahir Yuldashev and Juma Namangani originally founded a militant organization, Adolat, in 1991",
        "Founding role in Adolat; later they became 'the leaders' who moved to Tajikistan after Adolat was outlawed. No end stated.")
ten(10, "org_al_qaeda", "per_tahir_yuldashev", "member of the Shura Majlis (top council)", "", "", "unknown", "", "",
    "unknown", "unknown", "He also served on Al Qaeda’s Shura Majlis top council.", "No dates given.")
ten(11, "org_al_qaeda", "per_osama_bin_laden", "leader", "", "", "unknown", "", "", "unknown", "unknown",
    "In the late 1990s, AQ leader Osama bin Laden provided funding that contributed to the establishment of the IMU.",
    "Called AQ leader in the context of the late 1990s; no tenure dates are given.")

# ---------------------------------------------------------------------------------------------
# Group relationships
# ---------------------------------------------------------------------------------------------
REL = []


def rel(g, r, typ, st, sd, sp, et, ed, ep, cert, quote, notes=""):
    assert g in ENT_IDS and r in ENT_IDS, (g, r)
    rid = f"{DOC}_rel{len(REL) + 1:02d}"
    REL.append(dict(relationship_id=rid, group_id=g, related_group_id=r, relationship_type=typ, start_text=st,
                    start_date=sd, start_precision=sp, end_text=et, end_date=ed, end_precision=ep, certainty=cert,
                    document_id=DOC, quote=q(quote), notes=notes))
    return rid


U = ("", "", "unknown")
D = ("", "unknown")  # date + precision when a start/end text is given
r = rel("org_imu", "org_afghan_taliban", "hosted_by", "In 1998", "1998-01-01", "year", "until the regime’s collapse",
        "2001-09-01", "season", "confirmed",
        "The Taliban regime in Afghanistan also served as an early patron for the IMU and allowed the group to operate in "
        "Afghanistan until the regime’s collapse.",
        "Start: in 1998 the IMU 'received Taliban permission to establish a base in Afghanistan'. End: the text dates the "
        "collapse of the Taliban government to 'late 2001'. In exchange the IMU trafficked the Taliban's drugs.")
sup("group_relationship", r, "Yuldashev and Namangani formally established the IMU and received Taliban permission to establish a base in Afghanistan.")
sup("group_relationship", r, "In 1998, IMU co-founders Namangani and Yuldashev formally established the group and began conducting "
    "operations in Afghanistan as guests of Taliban regime in Afghanistan.")
sup("group_relationship", r, "In exchange for Taliban patronage, the IMU trafficked the group’s illegal drugs throughout Central Asia.")
sup("group_relationship", r, "After the collapse of the Taliban government in Afghanistan in late 2001",
    "Dates the end of the hosting.")
r = rel("org_imu", "org_afghan_taliban", "allied_with", "In 1998", "1998-01-01", "year", "August 2015", "2015-08-01",
        "month", "confirmed",
        "For most of its existence, the IMU was closely allied to Al Qaeda, the Afghan Taliban, and the Tehrik-i-Taliban Pakistan (TTP)",
        "'long-standing relations' from 1998; close relations with the Taliban shadow government after 2001; relations "
        "declined before the IMU's August 2015 pledge to IS, after which IMU followers allegedly fought the Taliban "
        "(late 2015). The end month is that of the pledge, not a stated break.")
sup("group_relationship", r, "The IMU had long-standing relations with the Afghan Taliban.")
sup("group_relationship", r, "After the overthrow of the Afghan Taliban regime, the IMU maintained close relations with its "
    "shadow government in northern Afghanistan.")
sup("group_relationship", r, "In August 2015, after a period of declining relations with the Afghan Taliban, IMU leader Usman "
    "Ghazi pledged loyalty to the Islamic State (IS).")
r = rel("org_afghan_taliban", "org_imu", "supported_by", "during the group’s reign in Afghanistan", *D, *U, "confirmed",
        "The IMU also supported the Taliban in fighting against Northern Alliance forces during the group’s reign in "
        "Afghanistan and in battling US-led coalition forces under Operation Enduring Freedom.",
        "IMU military support to the Taliban during Taliban rule (1998–2001 in the IMU's case) and against Operation "
        "Enduring Freedom (2001); the text gives no exact dates.")
rel("org_afghan_taliban", "org_imu", "supported_by", "spring 2015", "2015-03-01", "season", *U, "confirmed",
    "From its Afghan bases, the group supported the Afghan Taliban’s spring 2015 offensive against government forces in the country.",
    "Support for one offensive.")
rel("org_imu", "org_northern_alliance", "fought_against", "during the group’s reign in Afghanistan", *D, *U, "confirmed",
    "The IMU also supported the Taliban in fighting against Northern Alliance forces during the group’s reign in Afghanistan",
    "During the Taliban's rule in Afghanistan; no exact dates.")
r = rel("org_imu", "org_afghan_taliban", "fought_against", "In late 2015", "2015-09-01", "season", *U, "alleged",
        "In late 2015, followers of IMU emir Ghazi allegedly fought alongside IS fighters in Afghanistan against the Afghan Taliban.",
        "'followers of IMU emir Ghazi'; 'allegedly'. Ghazi himself was killed by Taliban forces in late 2015.")
sup("group_relationship", r, "Ghazi was killed by Taliban forces in late 2015.")
r = rel("org_imu", "org_al_qaeda", "funded_by", "At the time of its inception", "1998-01-01", "year", "until 2002",
        "2002-01-01", "year", "confirmed",
        "At the time of its inception, the IMU received substantial funds from Al Qaeda (AQ) leader Osama bin Laden, "
        "which proved crucial to the establishment of the group.",
        "Funds came from AQ leader Osama bin Laden. Start: the IMU's inception (formed 1998; 'In the late 1990s'). End: "
        "'AQ provided ... financial and logistical support to the IMU until 2002'.")
sup("group_relationship", r, "In the late 1990s, AQ leader Osama bin Laden provided funding that contributed to the establishment of the IMU.")
sup("group_relationship", r, "AQ provided weapons, training, and financial and logistical support to the IMU until 2002, while "
    "the IMU operated primarily in Afghanistan.")
r = rel("org_imu", "org_al_qaeda", "supported_by", "In the late 1990s", *D, "until 2002", "2002-01-01", "year", "confirmed",
        "AQ provided weapons, training, and financial and logistical support to the IMU until 2002, while the IMU "
        "operated primarily in Afghanistan.",
        "Weapons, training, financial, logistical and leadership support. Start only 'In the late 1990s' (no year).")
sup("group_relationship", r, "In the late 1990s, the IMU received substantial support, including weapons, financial support, "
    "training, and leadership support from AQ leader Osama bin Laden, which was critical for the establishment of the IMU.")
sup("group_relationship", r, "In the late 1990s, the IMU, alongside other militant groups, received weapons, financial support, "
    "training, and leadership support from Osama bin Laden, which helped the group to begin launching major attacks.")
sup("group_relationship", r, "This aid allowed the nascent IMU to launch several high profile attacks in 1999 and 2000.")
r = rel("org_imu", "org_al_qaeda", "allied_with", *U, *U, "confirmed", "The IMU also maintained strong relations with Al Qaeda.",
        "'closely allied' for most of the IMU's existence; cooperated with AQ forces in Afghanistan 1998–2001 and fought "
        "alongside AQ against US-led forces in 2001. No start or end given.")
sup("group_relationship", r, "For most of its existence, the IMU was closely allied to Al Qaeda, the Afghan Taliban, and the "
    "Tehrik-i-Taliban Pakistan (TTP), and frequently conducted joint operations with the organizations.")
sup("group_relationship", r, "From 1998 – 2001, the IMU operated mainly in Afghanistan, cooperating with the Afghan Taliban "
    "regime and Al Qaeda forces in the country.")
sup("group_relationship", r, "an effort which strengthened collaboration and ideological ties between the IMU, AQ, and the Afghan Taliban")
rel("org_al_qaeda", "org_afghan_taliban", "allied_with", "Following 9/11", *D, *U, "confirmed",
    "an effort which strengthened collaboration and ideological ties between the IMU, AQ, and the Afghan Taliban",
    "Stated only as strengthened collaboration among the three after 9/11; no dates.")
r = rel("org_imu", "org_ttp", "allied_with", *U, *U, "confirmed",
        "Another close ally of the IMU in Pakistan was Tehrik-i-Taliban (TTP); the two groups cooperated to launch "
        "multiple attacks against Pakistani security forces.",
        "Joint attacks (Bannu 2012, Karachi 2014) and the joint unit Ansar al-Aseer. No start or end given.")
sup("group_relationship", r, "The IMU also maintained close relations with the Tehrik-i-Taliban Pakistan (TTP)")
for parent in ("org_imu", "org_ttp"):
    r = rel("org_ansar_al_aseer", parent, "joint_unit_of", "In 2013", "2013-01-01", "year", *U, "confirmed",
            "In 2013, the IMU and TTP also formed a joint unit, Ansar al-Aseer, to free TTP members from Pakistani prisons.",
            "Conflict within the document: the relationships section dates the unit to 2013; the group narrative names it "
            "'Ansar al-Aseen' in a sentence that joins its founding to the 2014 Karachi airport attack without dating the "
            "founding itself (supporting quote). 2013 is recorded as the only explicit founding date.")
    sup("group_relationship", r, "the two groups collaborated to attack the Jinnah International Airport in Karachi, Pakistan, "
        "in 2014, and established a joint militant group, Ansar al-Aseen, to free TTP militants in Pakistani prisons.",
        "Group narrative version (spelling 'Ansar al-Aseen'; read with the 2014 attack).")
rel("org_imu", "org_pakistani_taliban", "hosted_by", "late 2001", "2001-09-01", "season", *U, "confirmed",
    "After the IMU relocated to Pakistan in late 2001, it established training camps in the country under the protection "
    "of the Pakistani Taliban.", "Training camps in Pakistan under the Pakistani Taliban's protection.")
rel("org_imu", "org_haqqani_network", "allied_with", "Around this time", "2001-09-01", "season", *U, "confirmed",
    "Around this time, the group also developed a strong cooperative relationship with the AQ-aligned Haqqani Network. "
    "The two groups collaborated to launch multiple attacks.",
    "'Around this time' refers to the IMU's relocation to Pakistan in late 2001 (approximate start).")
rel("org_imu", "org_haqqani_network", "supported_by", *U, *U, "confirmed",
    "Moreover, the Haqqani Network helped to train IMU militants, and the IMU, in turn, provided fighters for attacks.",
    "Training of IMU militants; no dates beyond the post-2001 context.")
rel("org_haqqani_network", "org_imu", "supported_by", *U, *U, "confirmed",
    "Moreover, the Haqqani Network helped to train IMU militants, and the IMU, in turn, provided fighters for attacks.",
    "The IMU provided fighters for attacks; no dates beyond the post-2001 context.")
rel("org_haqqani_network", "org_al_qaeda", "allied_with", *U, *U, "confirmed", "the AQ-aligned Haqqani Network",
    "Described only as 'AQ-aligned'.")
rel("org_imu", "org_islamic_state", "linked_to", "September 2014", "2014-09-01", "month", *U, "confirmed",
    "He declared support for IS in September 2014 and pledged the IMU’s loyalty to the group in August 2015.",
    "Declaration of support for IS by IMU emir Usman Ghazi, before the formal pledge (August 2015).")
r = rel("org_imu", "org_islamic_state", "pledged_allegiance_to", "In August 2015", "2015-08-01", "month", *U, "confirmed",
        "In August 2015, after a period of declining relations with the Afghan Taliban, the IMU pledged loyalty to the Islamic State (IS).",
        "Pledged by IMU leader Usman Ghazi. A controversial move given IS's clashes with the Afghan Taliban.")
sup("group_relationship", r, "In August 2015, after a period of declining relations with the Afghan Taliban, IMU leader Usman "
    "Ghazi pledged loyalty to the Islamic State (IS).")
sup("group_relationship", r, "He declared support for IS in September 2014 and pledged the IMU’s loyalty to the group in August 2015.")
rel("org_imu", "org_islamic_state", "supported_by", *U, *U, "suspected",
    "While the IMU pledged loyalty to IS and fought alongside IS militants in Afghanistan, the nature of IS’s support for the IMU is not known.",
    "The text speaks of 'IS’s support for the IMU' but says its nature is not known; recorded as suspected.")
r = rel("org_imu", "org_is_kp", "allied_with", "subsequently", *D, *U, "confirmed",
        "The group subsequently began fighting against government forces in Afghanistan’s northern provinces and Pakistan "
        "alongside IS’s regional affiliate, the Islamic State Khorasan Province (IS-KP).",
        "Fought alongside IS-KP 'subsequently', i.e. after the August 2015 pledge to IS; no date of its own.")
sup("group_relationship", r, "The IMU subsequently began fighting against government forces in Afghanistan’s northern provinces "
    "and Pakistan alongside IS’s regional affiliate, the Islamic State Khorasan Province (IS-KP).")
rel("org_is_kp", "org_islamic_state", "affiliate_of", *U, *U, "confirmed",
    "IS’s regional affiliate, the Islamic State Khorasan Province (IS-KP)")
rel("org_islamic_state", "org_afghan_taliban", "fought_against", *U, *U, "confirmed",
    "This was a controversial move given IS’s recent clashes and hostile relations with the Afghan Taliban in the Afghan-Pakistan region.",
    "'recent' relative to August 2015; also 'hostile relations'.")
r = rel("org_jamaat_ansarullah", "org_imu", "splinter_of", "in response to the IMU’s declaration of support for IS", *D, *U,
        "confirmed",
        "Jamaat Ansarullah, a Tajik splinter group, formed in response to the IMU’s declaration of support for IS",
        "Undated; the IMU's emir declared support for IS in September 2014 and pledged loyalty in August 2015.")
sup("group_relationship", r, "Several splinter groups formed out of the IMU over the course of its militant activity.")
rel("org_jamaat_ansarullah", "org_afghan_taliban", "pledged_allegiance_to", *U, *U, "confirmed",
    "Jamaat Ansarullah, a Tajik splinter group, formed in response to the IMU’s declaration of support for IS and "
    "reaffirmed its allegiance to the Taliban.", "'reaffirmed' implies an earlier allegiance; no dates.")
r = rel("org_jundullah", "org_imu", "splinter_of", "in 2009", "2009-01-01", "year", *U, "confirmed",
        "Jundullah, a militant group based in Afghanistan, split from the IMU in 2009 following the death of emir Yuldashev.")
rel("org_jundullah", "org_imu", "allied_with", *U, *U, "confirmed",
    "Jundullah shared similar goals with the IMU, and the two groups maintained cooperative relations.",
    "After the 2009 split; no dates.")
r = rel("org_iju", "org_imu", "splinter_of", "in 2002", "2002-01-01", "year", *U, "confirmed",
        "The Islamic Jihad Group, later renamed the Islamic Jihad Union, formed in 2002 after the IMU relocated to Pakistan",
        "Listed among the 'splinter groups formed out of the IMU'. Formed as the Islamic Jihad Group, later renamed the "
        "Islamic Jihad Union (one entity; the rename is recorded as a former_name alias, no date given).")
sup("group_relationship", r, "Several splinter groups formed out of the IMU over the course of its militant activity.")
rel("org_iju", "org_imu", "allied_with", *U, *U, "confirmed",
    "the group cooperated with the IMU and the Haqqani Network for operations in southeast Afghanistan",
    "Cooperation in operations in southeast Afghanistan; no dates.")
rel("org_iju", "org_haqqani_network", "allied_with", *U, *U, "confirmed",
    "the group cooperated with the IMU and the Haqqani Network for operations in southeast Afghanistan",
    "Cooperation in operations in southeast Afghanistan; no dates.")
rel("org_imu", "org_adolat", "linked_to", "In 1998", "1998-01-01", "year", *U, "confirmed",
    "IMU co-founders Tahir Yuldashev and Juma Namangani originally founded a militant organization, Adolat, in 1991 to "
    "establish Islamic law in Uzbekistan.",
    "Predecessor: Adolat (1991) was founded by the IMU's co-founders, who formally established the IMU in 1998 after "
    "Adolat was outlawed; the text does not call it a renaming.")
rel("org_jundallah_studio", "org_imu", "branch_of", *U, *U, "confirmed",
    "The organization also publishes propaganda material and audio statements via its media branch, Jundallah Studio.",
    "Media branch; no dates.")

# ---------------------------------------------------------------------------------------------
# Designations
# ---------------------------------------------------------------------------------------------
DES = []


def des(n, auth, list_name, text, date, prec, status, quote, notes="", group="org_imu"):
    assert auth in ENT_IDS
    DES.append(dict(designation_id=f"{DOC}_des{n:02d}", group_id=group, authority_id=auth, list_name=list_name,
                    listed_name="", listed_text=text, listed_date=date, listed_precision=prec, status=status,
                    document_id=DOC, quote=q(quote), notes=notes))


NOTE = "'to Present' as of the document (written on or after Aug. 30, 2018). The name under which the IMU is listed is not given."
des(1, "org_us_state_department", "Foreign Terrorist Organization (FTO)", "September 25, 2000", "2000-09-25", "day", "in_force",
    "U.S State Department Foreign Terrorist Organization (FTO): September 25, 2000 – Present.", NOTE)
des(2, "org_un_security_council", "ISIL (Da'esh) & Al-Qaida Sanctions List", "October 6, 2001", "2001-10-06", "day", "in_force",
    "UNSC “ISIL (Da'esh) & Al-Qaida Sanctions List”: October 6, 2001 to Present.", NOTE)
des(3, "org_uk_home_office", "Proscribed Terrorist Organization", "November 2002", "2002-11-01", "month", "in_force",
    "United Kingdom Home Office Proscribed Terrorist Organization: November 2002 to Present.", NOTE)
des(4, "org_gov_canada", "Listed Terrorist Entity", "April 2, 2003", "2003-04-02", "day", "in_force",
    "Government of Canada Listed Terrorist Entity: April 2, 2003 to Present.", NOTE)
des(5, "org_gov_australia", "Terrorist Organization (Australian National Security)", "April 11, 2003", "2003-04-11", "day",
    "in_force", "Australian National Security Terrorist Organization: April 11, 2003 to Present.",
    NOTE + " The text names the authority as 'Australian National Security'.")
des(6, "org_gov_kazakhstan", "Listed Terrorist Organization", "October 15, 2004", "2004-10-15", "day", "in_force",
    "Kazakhstan Listed Terrorist Organization: October 15, 2004 to Present.", NOTE)
des(7, "org_gov_uzbekistan", "Ban (outlawed)", "", "", "unknown", "unknown",
    "When the group was outlawed by Uzbek President Karimov",
    "Adolat was 'outlawed by Uzbek President Karimov'. Undated: the narrative places it after Adolat's founding (1991) and "
    "before the IMU's formation (1998), but gives no date.", group="org_adolat")

# ---------------------------------------------------------------------------------------------
write("entities", ENT)
write("entity_aliases", ALI)
write("event_mentions", EM)
write("event_actors", ACT)
write("membership_estimates", EST)
write("leadership_tenures", TEN)
write("group_relationships", REL)
write("designations", DES)
write("supporting_quotes", SUP)
for name, rows in (("entities", ENT), ("entity_aliases", ALI), ("event_mentions", EM), ("event_actors", ACT),
                   ("membership_estimates", EST), ("leadership_tenures", TEN), ("group_relationships", REL),
                   ("designations", DES), ("supporting_quotes", SUP)):
    print(f"{name}: {len(rows)}")
