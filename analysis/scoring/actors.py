"""Actors: the people, organisations, countries and groups an article talks about, the
tone toward each person among them (analysis/scoring/target_tone.py: a model of the words
around the name, fitted on NewsMTSC), and the tone of the sentences that mention each.

Rule-based, no model: runs of capitalised words (allowing "of", "for", "and" inside
institutional names), a built-in list of countries with their demonyms, known groups and
organisations, organisation suffixes, titles before names, acronyms in parentheses,
possessives, surname aliases, and role nouns ("the envoy") resolved to the last person
given that role. A curated list (the ScoringContext's ``curated_actors``, which the
pipeline passes) takes precedence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from math import fsum
from operator import attrgetter, itemgetter

import cython  # @cython.cfunc: the small helpers, called a few hundred times an article
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.scoring import NO_CONTEXT, SHARED_CACHE_SIZE, ScoreResult, ScoringContext, register
from analysis.scoring import sentiment as _sentiment
from analysis.scoring.sentences import ascii_replaced, matches_at, rare_characters, split_spans
from analysis.scoring.target_tone import CLASSES as TONE_CLASSES
from analysis.scoring.target_tone import tone_toward
from analysis.scoring.text import (
    BODY_NOUNS,
    CAP_STOP,
    COMPASS_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    LOADED_VERBS,
    NEUTRAL_VERBS,
    OFFICE_FIELDS,
    ORG_WORDS,
    ORGANISATIONS,
    PLACE_SUFFIXES,
    RANK_TITLES,
    ROLE_NOUNS,
    TITLE_WORDS,
    WholeWords,
    ampersand_body,
    ampersand_joins_people,
    body_noun_before,
    fast_round,
    is_given_name,
    lowered,
    noun_before,
    role_synonyms,
    trie,
)

KINDS = ("person", "organisation", "country", "group")


@dataclass(frozen=True)
class CuratedActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # The hash the dataclass would make, but compiled with this module (a dataclass's
        # own is generated source, run interpreted): the cached detection hashes the
        # curated tuple, each actor, at every call.
        return hash((self.name, self.kind, self.aliases))


@dataclass
class Actor:
    name: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


# --- Lists ----------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Canonical country name, then other names, "|"-separated; after a ";", its demonyms
# (version 11: DEMONYMS).
_COUNTRIES = """
Afghanistan;Afghan|Afghans
Albania;Albanian|Albanians
Algeria;Algerian|Algerians
Andorra;Andorran
Angola;Angolan|Angolans
Antigua and Barbuda
Argentina;Argentine|Argentinian|Argentines|Argentinians
Armenia;Armenian|Armenians
Australia;Australian|Australians
Austria;Austrian|Austrians
Azerbaijan;Azerbaijani|Azerbaijanis|Azeri|Azeris
Bahamas;Bahamian
Bahrain;Bahraini|Bahrainis
Bangladesh;Bangladeshi|Bangladeshis
Barbados;Barbadian
Belarus;Belarusian|Belarusians|Belarussian
Belgium;Belgian|Belgians
Belize;Belizean
Benin;Beninese
Bhutan;Bhutanese
Bolivia;Bolivian|Bolivians
Bosnia and Herzegovina|Bosnia;Bosnian|Bosnians
Botswana
Brazil;Brazilian|Brazilians
Brunei
Bulgaria;Bulgarian|Bulgarians
Burkina Faso
Burundi;Burundian
Cambodia;Cambodian|Cambodians
Cameroon;Cameroonian
Canada;Canadian|Canadians
Cape Verde
Central African Republic
Chad;Chadian
Chile;Chilean|Chileans
China|People's Republic of China|PRC;Chinese
Colombia;Colombian|Colombians
Comoros
Congo|Republic of the Congo
Democratic Republic of the Congo|DR Congo|DRC
Costa Rica;Costa Rican
Croatia;Croatian|Croatians|Croat|Croats
Cuba;Cuban|Cubans
Cyprus;Cypriot|Cypriots
Czech Republic|Czechia;Czech|Czechs
Denmark;Danish|Danes
Djibouti
Dominican Republic
Ecuador;Ecuadorian
Egypt;Egyptian|Egyptians
El Salvador;Salvadoran
Equatorial Guinea
Eritrea;Eritrean|Eritreans
Estonia;Estonian|Estonians
Eswatini|Swaziland
Ethiopia;Ethiopian|Ethiopians
Fiji;Fijian
Finland;Finnish|Finns
France;French
Gabon;Gabonese
Gambia;Gambian
Georgia;Georgian|Georgians
Germany;German|Germans
Ghana;Ghanaian|Ghanaians
Greece;Greek|Greeks
Guatemala;Guatemalan
Guinea;Guinean
Guinea-Bissau
Guyana;Guyanese
Haiti;Haitian|Haitians
Honduras;Honduran
Hungary;Hungarian|Hungarians
Iceland;Icelandic
India;Indian|Indians
Indonesia;Indonesian|Indonesians
Iran|Islamic Republic of Iran;Iranian|Iranians
Iraq;Iraqi|Iraqis
Ireland;Irish
Israel;Israeli|Israelis
Italy;Italian|Italians
Ivory Coast|Côte d'Ivoire;Ivorian
Jamaica;Jamaican
Japan;Japanese
Jordan;Jordanian|Jordanians
Kazakhstan;Kazakh|Kazakhs|Kazakhstani
Kenya;Kenyan|Kenyans
Kosovo;Kosovar
Kuwait;Kuwaiti
Kyrgyzstan;Kyrgyz
Laos;Laotian
Latvia;Latvian|Latvians
Lebanon;Lebanese
Lesotho
Liberia;Liberian
Libya;Libyan|Libyans
Liechtenstein
Lithuania;Lithuanian|Lithuanians
Luxembourg
Madagascar;Malagasy
Malawi;Malawian
Malaysia;Malaysian|Malaysians
Maldives;Maldivian
Mali;Malian
Malta;Maltese
Mauritania;Mauritanian
Mauritius
Mexico;Mexican|Mexicans
Moldova;Moldovan
Monaco
Mongolia;Mongolian
Montenegro;Montenegrin
Morocco;Moroccan|Moroccans
Mozambique;Mozambican
Myanmar|Burma;Burmese
Namibia;Namibian
Nepal;Nepali|Nepalese
Netherlands|Holland;Dutch
New Zealand
Nicaragua;Nicaraguan
Niger
Nigeria;Nigerian|Nigerians
North Korea|DPRK;North Korean|North Koreans
North Macedonia|Macedonia;Macedonian
Norway;Norwegian|Norwegians
Oman;Omani
Pakistan;Pakistani|Pakistanis
Palestine;Palestinian|Palestinians
Panama;Panamanian
Papua New Guinea
Paraguay;Paraguayan
Peru;Peruvian
Philippines;Philippine|Filipino|Filipinos
Poland;Polish|Poles
Portugal;Portuguese
Qatar;Qatari
Romania;Romanian|Romanians
Russia|Russian Federation;Russian|Russians
Rwanda;Rwandan
Saudi Arabia;Saudi|Saudis
Senegal;Senegalese
Serbia;Serbian|Serbians|Serb|Serbs
Sierra Leone
Singapore;Singaporean
Slovakia;Slovak|Slovaks
Slovenia;Slovenian|Slovene
Somalia;Somali|Somalis
South Africa;South African|South Africans
South Korea|Republic of Korea;South Korean|South Koreans
South Sudan;South Sudanese
Spain;Spanish|Spaniard|Spaniards
Sri Lanka;Sri Lankan
Sudan;Sudanese
Suriname
Sweden;Swedish|Swedes
Switzerland;Swiss
Syria;Syrian|Syrians
Taiwan;Taiwanese
Tajikistan|Republic of Tajikistan;Tajik|Tajiks
Tanzania;Tanzanian
Thailand;Thai
Timor-Leste|East Timor
Togo;Togolese
Trinidad and Tobago
Tunisia;Tunisian|Tunisians
Turkey|Türkiye;Turkish|Turks
Turkmenistan;Turkmen
Uganda;Ugandan
Ukraine;Ukrainian|Ukrainians
United Arab Emirates|UAE;Emirati|Emiratis
United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Britons
United States|US|U.S.|USA|U.S.A.|United States of America|America;American|Americans
Uruguay;Uruguayan
Uzbekistan|Republic of Uzbekistan;Uzbek|Uzbeks
Vatican|Holy See
Venezuela;Venezuelan|Venezuelans
Vietnam;Vietnamese
Yemen;Yemeni|Yemenis
Zambia;Zambian
Zimbabwe;Zimbabwean
"""

# Armed, political and militant groups (kind "group").
_GROUPS = """
Taliban
Hamas
Hezbollah|Hizbollah|Hizballah
Islamic State|ISIS|ISIL|Daesh
al-Qaeda|Al-Qaeda|al-Qaida|Al-Qaida|al Qaeda|Al Qaeda
Houthis|Houthi|Ansar Allah
Boko Haram
al-Shabaab|Al-Shabaab|al-Shabab|Al-Shabab
Wagner Group|Wagner
Kurdistan Workers' Party|PKK
YPG
Muslim Brotherhood
Islamic Jihad
Haqqani Network|Haqqani network
Northern Alliance
Mujahideen
Tehreek-e-Taliban Pakistan|TTP
"""


# Head words after which "of", "for" and "and" continue a name ("Republic of Tajikistan",
# "Minister for Foreign Affairs"); elsewhere they separate two names ("Taliban and NATO").
_JOIN_HEADS = (
    ORG_WORDS
    | TITLE_WORDS
    | _words(
        "Republic Kingdom States Emirates Emirate Islands Nations Federation Union Commonwealth "
        "Association Minister Secretary Representative Commissioner Affairs Security"
    )
)
# Capitalised words that may stand in a title before a name: "Foreign Minister", "Permanent
# Representative", "Deputy Prime Minister".
TITLES = (
    TITLE_WORDS
    | RANK_TITLES
    | HONORIFICS
    | _words(
        "Mr. Mrs. Ms. Dr. Gen. Col. Lt. Capt. Sgt. Sen. Rep. Gov. Prof. Maj. Adm. Permanent "
        "Foreign Defence Defense Interior Finance Justice Health Economy Economic Trade "
        "Education Energy Culture Agriculture Transport Labour Labor Emergency Emergencies "
        "Vice Acting Former Ex First Special Executive Senior Supreme High Affairs Security "
        "National Grand Crown Lady Field Major"
    )
)
# The words of TITLES that head a title, as the last word before a name: "Leader" of
# "Senate Majority Leader", not "Majority" (TITLES also holds words that qualify one).
_TITLE_HEADS = frozenset(
    w for w in TITLES if w.rstrip(".") in TITLE_WORDS | RANK_TITLES | HONORIFICS
)
# A company's roles: the words before them, in a title, are its name ("Lumeria CEO Ann
# Lee", "Lumeria Chief Executive Officer Ann Lee").
_COMPANY_ROLES = _words("CEO CFO COO CTO Executive")
# Words after a title word that are no name ("Martin Luther King Jr", "King Day").
_NOT_NAMES = _words("Jr Jr. Sr Sr. Day")
_PARTICLES = _words("de del da di du van von der bin ibn al el la le")  # "Osama bin Laden"
# Version 10: the last words of a news outlet's name ("Lumeria Insider", "Tarsa Herald";
# ORG_WORDS has "News", "Times", "Post", "Journal"): a name of several words ending with
# one is an outlet's, not a person's. (Here, not in text.py's ORG_WORDS: these words may
# stand first in a title, "Press Secretary", or alone as a name.)
_OUTLET_WORDS = _words(
    "Insider Herald Tribune Gazette Telegraph Guardian Chronicle Observer Magazine Review "
    "Daily Weekly Wire Bulletin Examiner Inquirer Courier Dispatch Sentinel Monitor Reporter "
    "Press Express Mirror Standard Independent Economist Register"
)
# Version 10: the first words of a landmark's or a site's name ("Mount Tarsa", "Fort
# Lind"): a place, not a person (its last words, "the Tarsa Lawn", "Lind Plaza", are in
# text.py's PLACE_SUFFIXES). "House" ends a seat's or a body's name ("the Blue House",
# "Freedom House"): an organisation, as the White House is (text.ORGANISATIONS).
_PLACE_FIRST_WORDS = _words("Mount Mt. Mt Fort Cape Lake")
# Version 10: the last words of an event's, a game's or an agreement's name ("the Tarsa
# War", "the Lind Accord", "the Winter Olympics"): no actor, nor a person.
_EVENT_LAST = _words(
    "War Wars Olympics Games Accord Accords Treaty Agreement Partnership Ceremony Weekend "
    "Summit Festival Championship Championships Cup Tests"
    # Version 11: a conference's or a show's ("the Lumeria Developers Conference", "the
    # Tarsa Air Show"), and "New Year": events as a summit is.
    " Conference Show Expo Convention Year"
)
# Version 11: the events that a body holds, whose first word may name it (_classify).
_HELD_EVENTS = _words("Conference Show Expo Convention")
# Version 10: prepositions written capitalised inside a body's name ("Nurses Without
# Borders", "Parents Against Noise", in other languages "Sans", "Sin", "Ohne"): never
# inside a person's.
_NAME_PREPOSITIONS = _words("Without Against Beyond Sans Sin Sem Ohne Senza")
# Version 10: countries whose name is also a given name or a surname ("Michael Jordan"):
# the others end no person's name ("Air Lumeria" is a company, see _classify).
_NAMES_TOO = _words("Jordan Israel")
# Version 10: the last words of a company's name that are no surnames ("Lumeria Computer",
# "Tarsa Aircraft"; text.COMPANY_WORDS has more, shared with attribution).
_COMPANY_LAST = _words(
    "Computer Computers Software Systems Aircraft Airplanes Aerospace Communications "
    "Telecom Pharma Media Entertainment Studios Labs Ventures Brands Solutions"
)
# Version 13: the last words of a product line's name ("MacBook Pro", "Lumeria Max", "Tarsa
# Mini"): a product, no actor, and no person (no surname is one of them).
_PRODUCT_LAST = _words("Pro Max Plus Mini Ultra Nano Lite")
# Version 14: also "Air" ("MacBook Air"; an airline's name opens with it, "Air Lumeria");
# a Roman numeral after a name that holds no given name ("Atlas V", "Saturn V"; not
# "Elizabeth II", "Louis XIV"); and a maker's name before a capitalised word ("Lockheed
# Tristar", "Boeing Skyrider"): a model, unless the word is a body's ("Boeing Aircraft",
# ORG_WORDS and _COMPANY_LAST, looked at before). Makers of aircraft, rockets, cars and
# computers whose name is no given name.
_PRODUCT_LAST_MORE = _words("Air")
_ROMAN = re.compile(r"(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)")
_MAKERS = _words(
    "Lockheed Boeing Airbus Northrop Grumman Embraer Bombardier Cessna "
    "Tupolev Ilyushin Antonov Sukhoi Mikoyan Fokker Dassault Saab Apple Toyota Honda "
    "Nissan Chevrolet Tesla Volkswagen Porsche Audi Hyundai Kia Subaru Mazda"
)
_CONNECTORS = _PARTICLES | _words("of for and the on")
# Capitalised words that open sentences or clauses and are not names.
STARTERS = CAP_STOP | _words(
    "Afterwards Again Against Ago Along Although Amid Among Amongst Another Any Anyone "
    "Around Because Besides Between Beyond Can Could Currently Despite Did Do Does Each "
    "Either Everyone Everything Finally First Firstly Following Further Furthermore Had Has "
    "Have Her Him His However Hundreds I'm Indeed Instead Is Its It's Just Let Like Little "
    "Me Might More Moreover Much Must My Neither Never Nevertheless No Nobody None Nor Not "
    "Nothing Now Often Once One Our Overall Perhaps Please Previously Rather Recently "
    "Regardless Second Secondly Separately Several Should Similarly Sometimes Soon Such "
    "Than Their Them Therefore Third Thousands Though Through Throughout Too Toward Towards "
    "Two Three Four Five Six Seven Eight Nine Ten Dozens Millions Unlike Unless Upon Us Was "
    "Were Whatever Whenever Whether Whose Will Within Would You Your Yes Officials Sources "
    "Experts Analysts Residents Witnesses Authorities Critics Observers Reports Local "
    "Western Eastern Northern Southern Central International Global Breaking Update Updated "
    "Photo Video Watch Read Listen Opinion Editorial Analysis Comment Exclusive Live Today's "
    "Additionally I've I'll I'd We're We've They're You're"
)
_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
assert _WEEKDAYS <= STARTERS  # (CAP_STOP has them): _candidates looks in STARTERS only
# Version 11: holidays, days as the weekdays are ("the Christmas sales"): no actor alone.
_HOLIDAYS = _words("Christmas Easter Thanksgiving Halloween Ramadan Hanukkah Diwali")
# Regions and cities: places, not actors (capitals used for governments go in the curated list).
PLACES = _words(
    "Asia Europe Africa America's Americas Oceania Antarctica Arctic Eurasia Caucasus Balkans "
    "Baltics Gulf Sahel Maghreb Levant Scandinavia Siberia Crimea Donbas Donbass Kashmir "
    "Tibet Xinjiang Kurdistan Gaza Moscow Kabul Dushanbe Tashkent Bishkek Astana Almaty "
    "Ashgabat Tehran Islamabad Delhi Beijing Shanghai Tokyo Seoul Pyongyang Washington London "
    "Paris Berlin Brussels Rome Madrid Kyiv Kiev Minsk Ankara Istanbul Baghdad Damascus Beirut "
    "Jerusalem Cairo Riyadh Doha Dubai Geneva Vienna Warsaw Prague Budapest Baku Yerevan "
    "Tbilisi Herat Kandahar Mazar-i-Sharif Kunduz Badakhshan Panj Amu Darya"
    # Version 9: the states of the United States (Georgia is the country's name, Washington
    # above) and large cities, that a text names again and again (an airline's routes, a
    # plant's site) and that recurring (_recurring) made organisations. Not the cities
    # whose name is a common surname or given name ("Houston", "Austin", "Victoria"): a
    # word here is never a mention, not even of a person named in full before.
    " Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii"
    " Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts"
    " Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon"
    " Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming"
    " Chicago Boston Seattle Atlanta Miami Philadelphia Baltimore Detroit Pittsburgh Denver"
    " Minneapolis Cincinnati Sacramento Oakland Portland Nashville Memphis Honolulu Anchorage"
    " Toronto Montreal Vancouver Ottawa Calgary Tijuana Havana Caracas Bogota Bogotá"
    " Sydney Melbourne Brisbane Perth Auckland Frankfurt Munich Hamburg Cologne Stuttgart"
    " Milan Naples Venice Turin Zurich Amsterdam Rotterdam Barcelona Lisbon Dublin Edinburgh"
    " Glasgow Stockholm Oslo Copenhagen Helsinki Athens Toulouse Lyon Marseille Strasbourg"
    " Kharkiv Odesa Odessa Donetsk Luhansk Mariupol Sevastopol Gdansk Krakow Bucharest Sofia"
    " Belgrade Zagreb Sarajevo Bangkok Jakarta Manila Mumbai Bombay Karachi Lahore Dhaka"
    " Kolkata Calcutta Chennai Bangalore Hanoi Taipei Osaka Kyoto Busan Nairobi Lagos"
    " Johannesburg Tripoli Benghazi Aleppo Mosul Basra Jeddah Mecca"
) | frozenset(("Middle East", "Central Asia", "South Asia", "East Asia", "Southeast Asia",
               "Latin America", "North America", "South America", "Eastern Europe",
               "Western Europe", "New York", "Hong Kong", "Persian Gulf", "Black Sea",
               "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "West Bank", "Gaza Strip",
               # Version 9: places of several words, each also no person ("Los Angeles").
               "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota",
               "South Carolina", "South Dakota", "Rhode Island", "West Virginia",
               "Los Angeles", "San Francisco", "San Diego", "San Jose", "San Antonio",
               "Las Vegas", "New Orleans", "Long Beach", "Abu Dhabi",
               "Tel Aviv", "Buenos Aires", "Rio de Janeiro", "Sao Paulo", "São Paulo",
               "Cape Town", "New Delhi", "Kuala Lumpur", "St. Petersburg",
               "Saint Petersburg",
               # "Republicans on Capitol Hill": the hill, of two names, was a person.
               "Capitol Hill"))  # fmt: skip
# A capitalised word right after one of these is a place ("in Doha", "province of Badakhshan").
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|into|across|inside|outside|towards?|via|around|throughout)"
    r"|\b(?:province|region|city|town|village|district|river|capital|county|valley|port|"
    r"island|state|area|outskirts|suburbs?|streets?)\s+of)\s+(?:the\s+)?\Z"
)
# "the government of Nordvale": the word after it names a country (or a region that
# governs itself), not a person (only a lone word: "the government of Ann Lee" is hers).
_GOVERNMENT_OF = re.compile(r"(?<![\w])governments?\s+of\s+(?:the\s+)?\Z")
# The words _LOCATIVE can end with before its "the" and the spaces.
_LOCATIVE_LAST = tuple(
    _words("in at near into across inside outside toward towards via around throughout of")
)
_LOCATIVE_OR_THE = (*_LOCATIVE_LAST, "the")
# After these, "into" names what is looked into, not a place: "the investigation into Ann
# Lee", "a probe into Lumeria" (version 9).
_INQUIRY_WORDS = _words(
    "investigation investigations inquiry inquiries enquiry enquiries probe probes look looks "
    "looked looking"
)
# All-capital words that are not organisations.
_ACRONYM_STOP = _words("COVID GDP CEO TV AM PM ID OK USD EUR GBP RUB CNY UTC GMT PDF FAQ NB PS Q&A")
# Role nouns used to refer back to a person ("the envoy"); words such as "official" or
# "general" are too often adjectives to resolve safely.
_BACK_ROLES = ROLE_NOUNS - _words("official head chief general officer analyst researcher")
_SPEECH = NEUTRAL_VERBS | LOADED_VERBS
# Version 11: the adjectives of continents and seas ("European allies", "Asian affairs"):
# not the first word of a body's name standing for it alone ("European" is not the
# European Court of Justice; _Names). (Alone, no actor at all would be right too, but it
# cost NewsWCL50 and MEANTIME dev two matches that held by chance: left for now.)
_REGION_ADJECTIVES = _words(
    "European African Asian Arab Atlantic Pacific Nordic Baltic Caribbean Scandinavian "
    "Mediterranean Eurasian Balkan Arctic Antarctic Slavic"
)
# Lone capitalised words that name no actor (see _single).
_NOT_SINGLE = PLACES | _MONTHS | ORG_WORDS | TITLES | _HOLIDAYS


def _gazetteer() -> dict[str, tuple[str, str]]:
    known: dict[str, tuple[str, str]] = {}
    for block, kind in (
        (ORGANISATIONS, "organisation"),
        (_GROUPS, "group"),
        (_COUNTRIES, "country"),
    ):
        for line in block.strip().splitlines():
            names = line.replace(";", "|").split("|")
            for name in names:
                known.setdefault(name, (names[0], kind))
    return known


KNOWN = _gazetteer()
# The countries' demonyms ("French", "South Koreans"): the country's when they stand for it
# ("the French said", "Russian officials"), but no mention when they describe a named
# actor, as its role or its kind ("French President Ann Lee", "the Irish airline Lumeria").
DEMONYMS = frozenset(
    name
    for line in _COUNTRIES.strip().splitlines()
    if ";" in line
    for name in line.split(";", 1)[1].split("|")
)


def _known_longest() -> dict[str, int]:
    """The first word of each known name of several words: the most words such a name has."""
    longest: dict[str, int] = {}
    for name in KNOWN:
        words = name.split()
        if len(words) > 1:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


_KNOWN_LONGEST = _known_longest()


# --- Regular expressions --------------------------------------------------------------


def _by_char(words, index: int) -> dict[str, tuple[str, ...]]:
    """The words by their first (index 0) or last (-1) character, for str.startswith and
    str.endswith: given a tuple they try each word in turn, where only the few that share
    that character with the text can fit."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[index], []).append(word)
    return {ch: tuple(found) for ch, found in groups.items()}


# A capitalised word after its first letter: "U.S.", "Mr.", "J." before a name, "Tajik-Afghan".
# The dot comes before the look-behinds that check what precedes it, so that the engine
# gives up at once at the end of most words.
# The possessive quantifiers (*+, ?+, ++) keep no way back into what they matched: the
# engine then saves no state for it, fewer instructions. The matches are the same: after
# each, what the pattern needs next (a dot or hyphen, a space, a capital) is something
# that part could not have given back, and everything after it is optional.
_CAP_REST = (
    r"(?:\.(?:&?[A-Z]\.)+|[\w'’]*+(?:[.&-][\w'’]+)*+(?:\.(?<=\b[A-Z]\.)(?=[ \t][A-Z])"
    r"|\.(?:(?<=\bMr\.|\bMs\.|\bDr\.|\bSt\.|\bLt\.)"
    r"|(?<=\bMrs\.|\bGen\.|\bCol\.|\bSgt\.|\bSen\.|\bRep\.|\bGov\.|\bMaj\.|\bAdm\.)"
    r"|(?<=\bCapt\.|\bProf\.)))?+)"
)
# A lower-case word joining two capitalised ones, with its spaces after it.
_JOIN = (
    r"(?:of|for|and|&|on|de|del|da|di|du|van|von|der|bin|ibn|al|el|la|le)(?:[ \t]++the)?+[ \t]++"
)
# Starting with a character class (the lookbehind comes after it) lets the regex engine
# skip ahead to capitals instead of trying every position.
_SPAN = re.compile(
    rf"[A-Z](?<![\w'’.].){_CAP_REST}(?:[ \t]++(?:{_JOIN})?+(?:[ae]l-)?+[A-Z]{_CAP_REST})*+"
)
# Each byte: "A" for an ASCII capital (where _SPAN can start), "a" for any other.
_CAPITAL_BYTES = bytes(65 if 65 <= b <= 90 else 97 for b in range(256))
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_ACRONYM_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&")  # a quick test first
_PAREN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&.]{1,9})\)")
_PAREN_FIRST = (" ", "\t", "(")  # what a match of it can start with
_APPOS = re.compile(r"\s*,\s*((?:\([^()]*\)|[^,;:\"“”«»()\n]){2,160}?)\s*,")
# The units _APPOS's group is made of, as many as follow (see _apposition).
_APPOS_UNITS = re.compile(r"[^,;:\"“”«»()\n]*+(?:\([^()]*+\)[^,;:\"“”«»()\n]*+)*+")
_ROLE_WORD = re.compile(
    rf"(?i)(?<![\w])(?:{trie(ROLE_NOUNS | {w.lower() for w in TITLE_WORDS})})(?![\w])"
)
_ROLE_WORDS_LOWER = frozenset(ROLE_NOUNS | {w.lower() for w in TITLE_WORDS})  # all a-z
_ROLE_WORD_BYTES = frozenset(w.encode() for w in _ROLE_WORDS_LOWER)
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")  # \\w in ASCII
_ROLE_BEFORE = re.compile(rf"(?<![\w])((?:{trie(_BACK_ROLES)}))\s*,?\s*\Z")
_BACK_ROLES_LAST = _by_char(_BACK_ROLES, -1)
# The words and the spaces are possessive: a space never stands where a word's letters or
# a noun's first letter must, so giving one back could not make a match, only try again.
_ROLE_MENTION = re.compile(
    rf"[Tt](?<![\w].)he\s++(?:[\w’'\-]++\s++){{0,2}}?(?P<noun>{trie(_BACK_ROLES)})(?![\w])"
)
_BACK_ROLE_BYTES = frozenset(w.encode() for w in _BACK_ROLES)
# Which of those nouns occur as whole runs of the letters.
_BACK_ROLE_WHOLE = WholeWords(_BACK_ROLE_BYTES)
_SPEECH_AFTER = re.compile(
    rf"\s*(?:,[^,.;]{{1,120}},\s*)?(?:(?:has|had|also|later|then)\s+)?(?:{trie(_SPEECH)})(?![\w])"
)
_SPEECH_BEFORE = re.compile(rf"(?<![\w])(?:{trie(_SPEECH)}|according\s+to)\s+\Z", re.I)
# What _SPEECH_AFTER can go on with after its spaces.
_SPEECH_NEXT = _by_char((",", "has", "had", "also", "later", "then", *_SPEECH), 0)
_SPEECH_LAST = _by_char((*_SPEECH, "to"), -1)
_SPEECH_LONGEST = max(len(w) for w in (*_SPEECH, "to"))
_SENTENCE_OPEN = re.compile(r"[\"“‘'«(\[\s]*\Z")
_OPENING = "\"“‘'«([ \t\n\r\f\v"  # what _SENTENCE_OPEN allows, but other spaces
# Directions alone ("the North") name a region, not a body.
# The pronouns that tell a person from a body (see _referred_to_as_person).
_PRONOUN = re.compile(r"(?<![\w'’])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him|[Ii]ts?)(?![\w'’])")
_PERSON_PRONOUNS = _words("he she his her him")
# The words before a place (see _placed): _LOCATIVE's but "at" ("at Lumeria" is as often
# a company) and "capital of" (a company's capital).
# (The words before a place, and the nouns after one, are each written once below: the
# patterns and their quick tests are made from them.)
_PLACE_PREPOSITIONS = tuple(
    sorted(_words("in near into across inside outside toward towards via around throughout"))
)
_PLACE_NOUNS_AFTER = tuple(
    sorted(_words("capital river valley province region coast countryside mountains"))
)
_PLACED_AFTER = re.compile(
    rf"(?:\b(?:{'|'.join(_PLACE_PREPOSITIONS)})"
    r"|\b(?:province|region|city|town|village|district|river|county|valley|port|"
    r"island|state|area|outskirts|suburbs?|streets?)\s+of)\s+(?:the\s+)?\Z",
    re.I,
)
# The words after a place: "Lumeria's capital", "the Tarsa river", "Lumeria, a country of".
_PLACE_AFTER = re.compile(
    rf"['’]s capital\b| (?:{'|'.join(_PLACE_NOUNS_AFTER)})\b"
    r"|, an? (?:country|nation|city|town|village|region|province|state|island)\b"
)
# What _PLACED_AFTER's matches end with, and _PLACE_AFTER's start with (the quick tests).
_PLACED_LAST = _by_char(
    {*_PLACE_PREPOSITIONS, *(w.capitalize() for w in _PLACE_PREPOSITIONS), "of", "the", "The"},
    -1,
)
_PLACE_FIRST = tuple(f" {noun}" for noun in _PLACE_NOUNS_AFTER)
_DIGIT = re.compile(r"\d")  # whether a text holds a digit, so maybe a model's code (_resolve)
# Version 11: a model's code (three digits, or digits and capitals: "404", "A404", "T-90",
# "404-200LR"; not a year) and the capitalised name after it, maybe in quotes.
_MODEL_CODE = re.compile(r"(?:[A-Z]{1,3}-?\d+|\d{3})(?:-\d+)?[A-Z]{0,3}")
# A model code then a capitalised name ("A350 Skyrider", "787 “Dreamliner”"): the code is
# _MODEL_CODE written to open with one character class, so that the search skips in C to
# the capitals and digits (opening with the look-behind, it tried every position: a sixth
# of the actors scorer's instructions); the look-behind after that first character is the
# code's boundary, no word character nor ",.$£€-" just before it. Same matches as
# rf"(?<![\w,.$£€-]){_MODEL_CODE.pattern}[ \t]+..." (checked on 200,000 fuzzed strings).
_MODEL_NAME = re.compile(
    r"[A-Z\d](?<![\w,.$£€-].)(?:(?<=[A-Z])[A-Z]{0,2}-?\d+|(?<=\d)\d{2})(?:-\d+)?[A-Z]{0,3}"
    r"[ \t]+[\"“]?([A-Z][a-z]\w*)\b(?![\w'’-])"
)
# Each byte: "0" for an ASCII digit, "a" for any other (_model_names finds the runs of
# digits, where a model's code has its first digit).
_DIGIT_BYTES = bytes(48 if 48 <= b <= 57 else 97 for b in range(256))
# The words a product's name may follow (_product_names).
_PRODUCT_BEFORE = _words("the The a A an An its Its their Their new New")
_MODIFIER = re.compile(r"-[a-z]")  # "Lumeria-led", "Lee-era": a modifier, not a name
_COUNTRY_AFTER = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?")  # "France", "South Korea"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# Version 11: nouns for a company or an outlet: a name just after one is a body's ("the
# airline Lumeria Aero", "electronics retailer Tarsa Lind"; see _body_named).
_COMPANY_NOUNS = _words(
    "company firm airline carrier manufacturer maker airframer automaker carmaker retailer "
    "insurer magazine newspaper broadcaster publisher conglomerate"
)
# Version 11: an apposition after a name that says it is a company's ("Tarsa Lind, the
# electronics retailer, ...", "Vostra Kell, a Lumerian airline based in ..."): its noun
# (one of _COMPANY_NOUNS) ends it, or a preposition or "that", "which" follows (not "a
# company spokeswoman").
_COMPANY_APPOSITION = re.compile(
    r", (?:an?|the|[A-Z][\w.&-]*(?:'s|’s)) (?:[\w-]+ ){0,3}?([a-z]+)"
    r"(?=[,.;:)]|\s+(?:in|of|for|from|based|that|which|with|during|since)\b)"
)
# Version 11: a plural verb after a name ("Lumeria Aero have"), and the words before a
# name that may join it to another ("Bo Park and Ann Lee have"; _body_named).
_PLURAL_VERBS = (" have ", " are ", " were ")
_JOINED_BEFORE = ("and ", "& ", "or ", ", ", "nor ")
# Version 11: the nouns for what a named actor is, that a demonym may stand before, with the
# name after them ("the Irish airline Lumeria", "North Korean leader Ann Lee"): the role
# nouns, the body nouns (text.py) and these.
_KIND_NOUNS = (
    ROLE_NOUNS
    | BODY_NOUNS
    | _words(
        "bank daily outlet agency network dictator strongman counterpart politician "
        "journalist activist student businessman businesswoman tycoon billionaire"
    )
    | _COMPANY_NOUNS
)
# Version 11: a country's name or demonym before a currency ("US$40", "Lumerian dollars",
# "the Japanese yen"): the currency's, no actor.
_CURRENCY_AFTER = re.compile(
    r" ?\$| (?:dollars?|pounds?|euros?|yen|yuan|renminbi|francs?|roubles?|rubles?|pesos?|"
    r"rupees?|lira|krona|kronor|krone|kroner|dinars?|riyals?|rials?|shekels?|ringgit|baht|"
    r"rand|zloty|hryvnias?|dirhams?)\b"
)
# Version 11: the words before a country's name or demonym that make it a region's
# ("Central American", "Northern Ireland", "Latin American"), unless the two are a
# country's name together ("North Korea", "South African").
_REGION_FIRST = COMPASS_WORDS | _words("Latin")


# The helpers marked @cython.cfunc are C functions when the module is compiled (no-ops
# interpreted): called directly, without a Python call's lookup of the global, argument
# packing and vectorcall (measured 3-11 % of detection time). They cannot be called from
# Python or passed as objects (map, sort keys); _apposition, which a test calls, is a
# @cython.ccall, both. Those that read the text declare it a str (@cython.locals): its
# characters, slices and searches (find, startswith, endswith) are then read in C, with no
# method call each.

# Searching a pattern that ends with \\Z before a position tries it at every character of
# the window; the words just before the position rule most of them out at once.


@cython.cfunc
@cython.locals(text=str)
def _locative_before(text: str, lo: int, end: int) -> bool:
    """Whether _LOCATIVE.search(text, lo, end) finds a match."""
    if end <= lo or not text[end - 1].isspace():  # it ends with \\s+
        return False
    # The last word must end with a locative word, or be "the": most often it does
    # neither, which one endswith over the text tells, without the slice and its words.
    k = end - 1
    while k > lo and text[k - 1].isspace():
        k -= 1
    if not text.endswith(_LOCATIVE_OR_THE, lo, k):
        return False
    last = text[lo:end].rsplit(None, 3)
    # A match takes three words at most ("province of the"): the search starts before them.
    start = lo + len(last[0]) if len(last) == 4 else lo
    if last and last[-1] == "the":
        last.pop()
    if len(last) > 1 and last[-1] == "into" and last[-2].lower() in _INQUIRY_WORDS:
        return False  # "the investigation into Ann Lee"
    return (
        bool(last)
        and last[-1].endswith(_LOCATIVE_LAST)
        and bool(_LOCATIVE.search(text, start, end))
    )


@cython.cfunc
@cython.locals(text=str)
def _body_named(text: str, lo: int, start: int, end: int) -> bool:
    """Whether the name from start to end is a body's: after one of BODY_NOUNS ("the
    rights group Civic Watch Doravia") and before a comma, a full stop, a bracket or a
    verb of saying (not "the group Ann Lee founded"); version 11: after one of
    _COMPANY_NOUNS, a company's or an outlet's ("the airline Lumeria Aero", "the magazine
    Tarsa Weekly"), wherever it stands, or before an apposition that says so
    (_COMPANY_APPOSITION); or before a verb in the plural ("Lumeria Aero have ordered",
    not after "and": "Bo Park and Ann Lee have")."""
    if noun_before(text, lo, start, _COMPANY_NOUNS):
        return True
    if text.startswith(_PLURAL_VERBS, end) and not text.endswith(_JOINED_BEFORE, lo, start):
        return True
    if text.startswith(", ", end):
        app = _COMPANY_APPOSITION.match(text, end)
        if app is not None and app.group(1) in _COMPANY_NOUNS:
            return True
    return body_noun_before(text, lo, start) and (
        text[end : end + 1] in (",", ".", ";", ")") or _speech_after(text, end)
    )


@cython.cfunc
@cython.locals(text=str)
def _role_before(text: str, lo: int, end: int) -> re.Match | None:
    """_ROLE_BEFORE.search(text, lo, end)."""
    last = text[lo:end].rstrip()
    if last.endswith(","):
        last = last[:-1].rstrip()
    if not last.endswith(_BACK_ROLES_LAST.get(last[-1:], ())):
        return None
    return _ROLE_BEFORE.search(text, lo, end)


@cython.ccall
@cython.locals(text=str)
def _apposition(text: str, pos: int) -> tuple[int, int] | None:
    """_APPOS.match(text, pos).span(1), or None when it does not match.

    The engine tries _APPOS's lazy group one unit at a time (a character, or a bracket
    without brackets inside), a comma after each: most of a person mention's cost. Here
    the units are read at once. They stop at the first character that is no unit; the
    group ends as early as _APPOS's, where only spaces are left before that character,
    if a comma follows them, but not before its second unit; and it has at most 160
    units. The group may start in the spaces after the first comma, as the engine's
    does when it gives those back (the last first). Long runs of spaces, of units or a
    bracket left open go to the engine, whose own limits bound the work."""
    n = len(text)
    comma = pos
    while comma < n and text[comma].isspace():
        comma += 1
    if comma >= n or text[comma] != ",":
        return None
    first = comma + 1
    while first < n and first - comma <= 8 and text[first].isspace():
        first += 1
    if first - comma > 8:
        return _apposition_by_engine(text, pos)
    for start in range(first, comma, -1):
        cap = min(n, start + 1000)
        end = _APPOS_UNITS.match(text, start, cap).end()
        if end < cap and text[end] == "(" or end == cap < n:
            return _apposition_by_engine(text, pos)
        after = end
        while after < n and after - end <= 8 and text[after].isspace():
            after += 1
        if after - end > 8:
            return _apposition_by_engine(text, pos)
        if after >= n or text[after] != ",":
            continue
        two = start  # after two units
        for _ in range(2):
            if two >= end:
                break
            two = text.index(")", two) + 1 if text[two] == "(" else two + 1
        else:
            stop = max(two, start + len(text[start:end].rstrip()))
            units = stop - start  # less a bracket's characters but one
            i = text.find("(", start, stop)
            while i >= 0:
                close = text.index(")", i)
                units -= close - i
                i = text.find("(", close + 1, stop)
            if units <= 160:
                return start, stop
    return None


@cython.cfunc
def _apposition_by_engine(text: str, pos: int) -> tuple[int, int] | None:
    m = _APPOS.match(text, pos)
    return m.span(1) if m else None


@cython.cfunc
@cython.locals(text=str)
def _has_role_word(text: str, lo: int, hi: int) -> bool:
    """Whether _ROLE_WORD.search(text[lo:hi]) finds a word. In ASCII, where ignoring case
    is lower(), that is a run of word characters in the set: found faster than the engine,
    which tries the words, case ignored, at every character. Such a run, all letters, is
    also one of the runs of letters of the shared lowered text there: most often none of
    those is a role word, and the group is not read again."""
    group = text[lo:hi]
    if not group.isascii():
        return _ROLE_WORD.search(group) is not None
    if _ROLE_WORD_BYTES.isdisjoint(lowered(text).letters[lo:hi].split()):
        return False
    return not _ROLE_WORDS_LOWER.isdisjoint(_ASCII_WORD.findall(group.lower()))


@cython.cfunc
@cython.locals(text=str)
def _opens_sentence(text: str, lo: int, end: int) -> bool:
    """Whether _SENTENCE_OPEN.match(text, lo, end) matches: only quotes, brackets and
    spaces before end."""
    last = text[max(lo, end - 8) : end].rstrip(_OPENING)  # most often a word just before
    if last and not last[-1].isspace():
        return False
    rest = text[lo:end].lstrip(_OPENING)
    return not rest or rest[0].isspace() and _SENTENCE_OPEN.match(text, lo, end) is not None


@cython.cfunc
@cython.locals(text=str)
def _speech_after(text: str, pos: int) -> bool:
    """Whether _SPEECH_AFTER.match(text, pos) matches."""
    rest = text[pos : pos + 40].lstrip()  # long enough for spaces and any of _SPEECH_NEXT
    if len(rest) >= 16 and not rest.startswith(_SPEECH_NEXT.get(rest[0], ())):
        return False
    return bool(_SPEECH_AFTER.match(text, pos))


@cython.cfunc
@cython.locals(text=str)
def _speech_before(text: str, lo: int, end: int) -> bool:
    """Whether _SPEECH_BEFORE.search(text, lo, end) finds a match."""
    window = text[lo:end]
    words = window.rstrip()
    if len(words) == len(window):  # it ends with \\s+ (or is empty)
        return False
    # The last characters, as many as the longest verb has: a match's verb ends them, so
    # in ASCII, where ignoring case is lower(), they end with it. It ignores case the
    # Unicode way: a verb written with other characters may still match.
    tail = words[-_SPEECH_LONGEST:]
    if tail.isascii():
        low = tail.lower()
        if not low.endswith(_SPEECH_LAST.get(low[-1:], ())):
            return False
    return bool(_SPEECH_BEFORE.search(text, lo, end))


# --- Detection ------------------------------------------------------------------------


class _Mention:
    """A mention: where, its text, its kind (a kind, or "pending"/"pending-initial"/
    "pending-acronym": still to resolve), canonical name and role; made by _mention."""

    __slots__ = ("start", "end", "surface", "kind", "name", "role")

    def __repr__(self) -> str:
        return (
            f"_Mention({self.start!r}, {self.end!r}, {self.surface!r}, {self.kind!r}, "
            f"{self.name!r}, {self.role!r})"
        )


_new_object = object.__new__


@cython.cfunc
def _mention(start: int, end: int, surface: str, kind: str, name: str, role: str = "") -> _Mention:
    """A new _Mention (a few dozen an article). Not by calling the class: that packs the
    arguments in a tuple, then looks up __init__ and calls it (a dataclass's, generated
    source, would even run interpreted here, where this module is compiled)."""
    m = _new_object(_Mention)
    m.start = start
    m.end = end
    m.surface = surface
    m.kind = kind
    m.name = name
    m.role = role
    return m


_UNTITLED = ("pending", "pending-initial", "person")  # kinds a town's name can be given
_start = attrgetter("start")  # a mention's start: sorts call it in C


@cython.cfunc
def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 3 and word[-2:] in ("'s", "’s"):
        return word[:-2], True
    if len(word) > 2 and word[-1] in "'’" and word[-2] == "s":
        return word[:-1], True
    return word, False


@cython.cfunc
@cython.locals(text=str)
def _tokens(text: str, start: int, end: int) -> list[tuple]:
    """Tokens of a span as (word, start, end, possessive), possessives cut off."""
    # "al-Qaeda": the article is part of the name
    if start >= 3 and text[start - 1] == "-" and text[start - 3 : start] in ("al-", "el-", "Al-"):
        start -= 3
    result = []
    pos = start
    for raw in text[start:end].replace("\t", " ").split(" "):
        if raw:
            word, poss = _strip_possessive(raw) if raw[-1] in "s'’" else (raw, False)
            result.append((word, pos, pos + len(word), poss))
        pos += len(raw) + 1
    return result


@cython.cfunc
def _pieces(tokens: list[tuple]) -> list[list[tuple]]:
    """Split at possessives, months and weekdays; strip connectors and starters at edges."""
    pieces: list[list[tuple]] = []
    current: list[tuple] = []
    for i, tok in enumerate(tokens):
        word = tok[0].rstrip(".") if tok[0][-1] == "." else tok[0]  # a call only when needed
        if (
            word in _WEEKDAYS
            or word in _HOLIDAYS
            or (word in _MONTHS and not _is_surname_may(tokens, i))
        ):
            pieces.append(current)
            current = []
            continue
        current.append(tok)
        if tok[3]:
            pieces.append(current)
            current = []
    pieces.append(current)
    result = []
    for whole in pieces:
        for piece in _without_regions(whole):
            # Indexes first, one slice after: slicing a word off at a time was quadratic in
            # a span of thousands of capitalised starters ("A A A ...": 4.5 s for 25,000).
            first, last = 0, len(piece)
            while first < last and (piece[first][0] in STARTERS or piece[first][0] in _CONNECTORS):
                first += 1
            while last > first and piece[last - 1][0] in _CONNECTORS:
                last -= 1
            if last > first:
                result.append(piece[first:last])
    return result


@cython.cfunc
def _without_regions(piece: list[tuple]) -> list[list[tuple]]:
    """The piece split around a region named by a compass word and a country's name or
    demonym ("Central American", "Northern Ireland", "Latin America"), which names no
    country (version 11); not a country's own name of two words ("North Korea", "South
    African")."""
    for i in range(len(piece) - 1):
        if (
            piece[i][0] in _REGION_FIRST
            and KNOWN.get(piece[i + 1][0], ("", ""))[1] == "country"
            and piece[i][0] + " " + piece[i + 1][0] not in KNOWN
        ):
            return [piece[:i], *_without_regions(piece[i + 2 :])]
    return [piece]


@cython.cfunc
def _is_surname_may(tokens: list[tuple], i: int) -> bool:
    """ "Theresa May" is a person; "in May" and "May 3" are dates."""
    if tokens[i][0] != "May" or i == 0:
        return False
    prev = tokens[i - 1][0]
    return prev not in STARTERS and prev not in _CONNECTORS and prev not in KNOWN


@cython.cfunc
def _split_connectors(piece: list[tuple]) -> list[list[tuple]]:
    if piece and _CONNECTORS.isdisjoint([t[0] for t in piece]):  # most: nothing to split
        return [piece]
    result = []
    current: list[tuple] = []
    for i, tok in enumerate(piece):
        if tok[0] in _CONNECTORS:
            if tok[0] == "and" and _and_separates(piece, i):
                if current:
                    result.append(current)
                    current = []
            elif (
                tok[0] in _PARTICLES
                or (
                    any(t[0] in _JOIN_HEADS for t in current)
                    and not (tok[0] != "and" and _named_after_head(current))
                )
                # "Citizens for Fair Rents": a group's noun heads a body's name (version 10)
                # ("Members of the Tarsa Union", "Relatives on the ...": a phrase)
                or (tok[0] == "for" and any(t[0].lower() in GROUP_NOUNS for t in current))
            ):
                current.append(tok)
            elif current:
                result.append(current)
                current = []
            continue
        current.append(tok)
    result.append(current)
    out = []
    for part in result:
        last = len(part)
        while last and part[last - 1][0] in _CONNECTORS:
            last -= 1
        if last:
            out.append(part[:last])
    return out


@cython.cfunc
def _named_after_head(current: list[tuple]) -> bool:
    """Whether two words or more that can be a name follow the last head word of current
    ("Vice President Ann Lee", "Lumeria Institute and Ann Lee"): an "of" or "for" after them
    opens what the person belongs to ("... Ann Lee of the Tarsa Institute"), not the rest
    of a body's name or a title (version 10)."""
    n = 0
    for tok in reversed(current):
        word = tok[0]
        if word in _JOIN_HEADS or word in TITLES or word in ORG_WORDS:
            break
        if word in _CONNECTORS:
            if word == "and":
                continue
            return False
        if not _name_like(word) or word in KNOWN:
            return False
        n += 1
    return n >= 2


@cython.cfunc
def _run(toks: list[tuple]) -> int:
    """How many tokens come before the first connector."""
    n = 0
    for tok in toks:
        if tok[0] in _CONNECTORS:
            break
        n += 1
    return n


@cython.cfunc
def _and_separates(piece: list[tuple], i: int) -> bool:
    """ "X and the Y", or "and" before a second whole name ("Committee X and Ministry Y");
    but "Ministry of Labour and Social Protection" is one name. Version 10: "and" after a
    body's word that ends its name, before a person's ("Tarsa Institute and Ann Lee of
    ...")."""
    rest = piece[i + 1 :]
    if rest and rest[0][0] == "the":
        return True
    if i and piece[i - 1][0] in ORG_WORDS and _named_after_head(piece[: i + 1 + _run(rest)]):
        return True
    for tok in rest:
        if tok[0] in _CONNECTORS:
            break
        if tok[0] in ORG_WORDS:
            return True
    return False


@cython.cfunc
def _name_like(word: str) -> bool:
    bare = word.rstrip(".")
    if word.startswith(("al-", "el-")):
        bare = bare[3:]
    return bool(bare) and bare[0].isupper() and (len(bare) == 1 or not bare.isupper())


@cython.cfunc
@cython.locals(text=str)
def _surface(text: str, toks: list[tuple]) -> str:
    found = text[toks[0][1] : toks[-1][2]]
    return " ".join(found.split()) if "  " in found or "\t" in found else found


@cython.cfunc
@cython.locals(text=str)
def _known_prefix(text: str, toks: list[tuple]) -> int:
    """How many leading tokens form a known name (0 if none)."""
    # A token's word is its text but for a possessive, which only a last token has: so
    # several tokens make a known name only if the first token is that name's first word.
    longest = min(len(toks), _KNOWN_LONGEST.get(toks[0][0], 1))
    for n in range(longest, 1, -1):
        if _surface(text, toks[:n]) in KNOWN:
            return n
    return 1 if toks[0][0] in KNOWN else 0


@cython.cfunc
def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


@cython.cfunc
def _acronym_fits(acronym: str, name: str) -> bool:
    letters = acronym.replace(".", "").replace("&", "")
    initials = _initials(name)
    if letters == initials:
        return True
    it = iter(initials)
    return bool(initials) and letters[0] == initials[0] and all(ch in it for ch in letters)


@cython.cfunc
def _classify(text: str, toks: list[tuple], sentence_start: bool, out: list[_Mention]) -> None:
    surface = _surface(text, toks)
    start, end = toks[0][1], toks[-1][2]
    if surface in KNOWN:
        name, kind = KNOWN[surface]
        out.append(_mention(start, end, surface, kind, name))
        return
    if "&" in surface:
        # "S.&P. Global", "AT&T Mobility", "Procter & Gamble": an ampersand joins the
        # initials or the names of a body (version 13; text.ampersand_body, which
        # attribution reads too); but one that joins two people ("Rudy Giuliani & Sen. Jeff
        # Sessions", "Ann & I") parts them, as "and" would.
        words = [t[0] for t in toks]
        if ampersand_body(words):
            out.append(_mention(start, end, surface, "organisation", surface))
            return
        if len(toks) == 3 and words[1] == "&" and text[end : end + 2] in ("'s", "’s"):
            # Version 15: two lone given names joined by an ampersand, "'s" after them,
            # name a business, the "'s" its name's ("Ben & Jerry's"), not two people; but
            # so would "Jim & Sarah's wedding" (names with surnames are people's: "Ann Lowe
            # & Tom Hale's").
            end += 2
            surface = text[start:end]
            name = surface[:-2] + "'s"  # one name for both apostrophes
            out.append(_mention(start, end, surface, "organisation", name))
            return
        for i in range(1, len(toks) - 1):
            if words[i] == "&" and ampersand_joins_people(words, i):
                _classify(text, toks[:i], sentence_start, out)
                if words[i + 1] != "I":
                    _classify(text, toks[i + 1 :], False, out)
                return
    role_start = None
    whole = toks  # the surface is that of these tokens as long as none are taken off
    if not ORG_WORDS.isdisjoint([t[0] for t in toks]):
        # "Senate Majority Leader Mitch McConnell": a body's words before a title word are
        # the title's, and the name after it a person's; else the whole is a body's name.
        n = _titled_name(toks)
        if not n:
            if len(toks) > 1:  # a lone "Police" or "Government" names no one in particular
                out.append(_mention(start, end, surface, "organisation", surface))
            return
        role_start = start
        toks = toks[n:]
    while toks:
        # Only a known word, or the first word of a known name, starts a known name.
        first = toks[0][0]
        n = _known_prefix(text, toks) if first in KNOWN or first in _KNOWN_LONGEST else 0
        if n:
            known = _surface(text, toks[:n])
            name, kind = KNOWN[known]
            out.append(_mention(toks[0][1], toks[n - 1][2], known, kind, name))
            toks = toks[n:]
            # "the United States and North Korea": "and" joined them, it names no one
            # (version 11)
            while toks and toks[0][0] in _CONNECTORS:
                toks = toks[1:]
            continue
        n = 0
        while (
            n < len(toks)
            and (
                toks[n][0] in TITLES
                or (n and toks[n][0] in _CONNECTORS)
                # "Secretary of State John Kerry": the office's field after "of" is the title's.
                or (n and toks[n][0] in OFFICE_FIELDS and any(t[0] == "of" for t in toks[:n]))
            )
        ):
            n += 1
        if not n:
            # "Press Secretary Josh Earnest", "Texas Senator Ann Lowe": words that are no
            # title themselves but stand before one qualify it.
            n = _titled_name(toks)
            if n:
                # "Lumeria CEO Ann Lee": before a company's role, its name.
                k = n - 1
                while k and toks[k - 1][0] in TITLES:
                    k -= 1
                if k and not _COMPANY_ROLES.isdisjoint([t[0] for t in toks[k:n]]):
                    company = _surface(text, toks[:k])
                    out.append(
                        _mention(toks[0][1], toks[k - 1][2], company, "organisation", company)
                    )
                    role_start = toks[k][1]
        if n:
            role_start = toks[0][1] if role_start is None else role_start
            toks = toks[n:]
            while toks and toks[0][0] in _CONNECTORS:
                toks = toks[1:]
            continue
        break
    if not toks:
        return
    role = " ".join(text[role_start : toks[0][1]].split()) if role_start is not None else ""
    # A known group or organisation inside the rest splits it ("Fleeing Taliban").
    for i in range(1, len(toks)):
        if KNOWN.get(toks[i][0], ("", ""))[1] in ("group", "organisation"):
            _classify(text, toks[:i], sentence_start, out)
            _classify(text, toks[i:], False, out)
            return
    words = [t[0] for t in toks]
    if toks is not whole:
        surface = _surface(text, toks)
        start, end = toks[0][1], toks[-1][2]
    if (
        surface in PLACES
        or words[-1] in PLACE_SUFFIXES
        or (len(words) > 1 and words[0] in _PLACE_FIRST_WORDS)
        or (surface.isupper() and surface.title() in PLACES)  # "NEW YORK", a dateline's
    ):
        return
    if words[-1] in _EVENT_LAST:
        # "the Lumeria Developers Conference": its first word may name its organiser, an
        # actor if the text names it so elsewhere (a lone word to resolve; version 11)
        first = words[0]
        if (
            len(words) > 2
            and words[-1] in _HELD_EVENTS
            and first not in _NOT_SINGLE
            and _name_like(first)
        ):
            kind = "pending-initial" if sentence_start and not role else "pending"
            out.append(_mention(start, toks[0][2], first, kind, first))
        return
    if len(words) == 1:
        word = words[0]
        if "-" in word and all(p in KNOWN for p in word.split("-")):
            pos = start
            for part in word.split("-"):
                name, kind = KNOWN[part]
                out.append(_mention(pos, pos + len(part), part, kind, name))
                pos += len(part) + 1
            return
        if _product_like(word):
            return
        if word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word):
            if word not in _ACRONYM_STOP:
                out.append(_mention(start, end, word, "pending-acronym", word))
            return
        kind = "pending-initial" if sentence_start and not role else "pending"
        out.append(_mention(start, end, word, kind, word, role))
        return
    if sentence_start and not role and words[0].endswith("ing"):
        _classify(text, toks[1:], False, out)
        return
    names = [w for w in words if w not in _CONNECTORS]
    if not 2 <= len(names) <= 4:
        return
    for w in names:  # a loop, not all(map(...)): _name_like is a C function
        if not _name_like(w) and not _regnal(names, w):
            return
    if words[-1] in _PRODUCT_LAST or _product_name(words):
        return  # "MacBook Pro": a product's name, no actor (version 13; 14)
    # "Harbour Workers", "United Auto Workers": a named body of people, not one person;
    # so is "Citizens for Fair Rents" (version 10: a group's noun anywhere), an outlet
    # ("Lumeria Insider") and a name ending with a country's ("Air Lumeria": a company).
    last = words[-1]
    if last == "Flight" and text[end : end + 1] == " " and text[end + 1 : end + 2].isdigit():
        # "Air Lumeria Flight 12": the flight is the airline's (version 10)
        toks = toks[:-1]
        start, end = toks[0][1], toks[-1][2]
        surface = _surface(text, toks)
        out.append(_mention(start, end, surface, "organisation", surface, role))
        return
    kind = (
        "organisation"
        if last in _OUTLET_WORDS
        or last in _COMPANY_LAST
        or not _NAME_PREPOSITIONS.isdisjoint(words[1:-1])
        or last == "House"
        or any(w.lower() in GROUP_NOUNS for w in names)
        or (
            last not in _NAMES_TOO
            and words[-2] not in _CONNECTORS  # "Ann Lee of Lumeria" is hers
            and KNOWN.get(last, ("", ""))[1] == "country"
            and KNOWN[last][0] == last
        )
        else "person"
    )
    out.append(_mention(start, end, surface, kind, surface, role))


@cython.cfunc
def _titled_name(toks: list[tuple]) -> int:
    """How many tokens before a person's name are a title, the words before its last title
    word included ("Senate Majority Leader", "RNC Chairman", "Press Secretary" before a
    name): up to that word when one to four tokens follow it that can be a name (none a
    title, a body's word, a connector or a word that opens sentences; the last no place's
    or group's noun); 0 otherwise, also where the last title word ends the tokens ("the
    New Hampshire Union Leader": a newspaper)."""
    for j in range(len(toks) - 2, -1, -1):
        if toks[j][0] not in _TITLE_HEADS:
            continue
        name = toks[j + 1 :]
        if len(name) > 4 or len(name) == 1 and name[0][0] in _NOT_NAMES:
            return 0
        for tok in name:
            word = tok[0]
            if (
                word in TITLES
                or word in ORG_WORDS
                or word in _CONNECTORS
                or word in STARTERS
                or word in KNOWN
                or not _name_like(word)
            ):
                return 0
        last = name[-1][0]
        if last in PLACE_SUFFIXES or last.lower() in GROUP_NOUNS:
            return 0
        return j + 1
    return 0


@cython.cfunc
def _product_name(words: list[str]) -> bool:
    """Whether a run of capitalised words names a product (version 14): a product line's
    "Air" ("MacBook Air"), a Roman numeral after no given name ("Atlas V"), or a model's
    name after its maker's ("Lockheed Tristar")."""
    last = words[-1]
    if last in _PRODUCT_LAST_MORE:
        return True
    if _ROMAN.fullmatch(last):
        return not any(is_given_name(word) for word in words[:-1])  # not "Elizabeth II"
    return len(words) == 2 and words[0] in _MAKERS and last not in _COMPANY_LAST


@cython.cfunc
def _regnal(names: list[str], word: str) -> bool:
    """Whether word is a regnal number, a Roman numeral that ends a name after a given name
    ("Elizabeth II", "Queen Elizabeth II", "Louis XIV"; version 15): the person's, though
    written in capitals (_name_like takes no word in capitals but a single letter)."""
    return word is names[-1] and _ROMAN.fullmatch(word) is not None and is_given_name(names[-2])


@cython.cfunc
@cython.locals(word=str, ch=cython.Py_UCS4)
def _product_like(word: str) -> bool:
    """A word of letters and digits ("A380", "X5", "F-35") names a product or a model, not
    an actor (known names such as "G20" are looked up before)."""
    # _DIGIT.search(word), character by character (a C loop when compiled: \\d is
    # str.isdecimal), without a call to the engine for each lone word.
    for ch in word:  # noqa: SIM110 - not any() over a generator, made per call
        if ch.isdecimal():
            return True
    return False


@cython.cfunc
@cython.locals(text=str)
def _single(text: str, word: str, start: int, end: int, lo: int, out: list[_Mention]) -> None:
    """A lone capitalised word that is not a known name, nor one of _NOT_SINGLE or a group
    noun (ruled out by the caller, before it looks for the sentence); lo: the sentence's
    start."""
    first = start
    if start >= 3 and text[start - 1] == "-" and text[start - 3 : start] in ("al-", "el-", "Al-"):
        word, start = text[start - 3 : end], start - 3
        if word in KNOWN:
            name, kind = KNOWN[word]
            out.append(_mention(start, end, word, kind, name))
            return
    if "-" in word:
        parts = word.split("-")
        if all(p in KNOWN for p in parts):  # "Tajik-Afghan"
            for part in parts:
                name, kind = KNOWN[part]
                out.append(_mention(start, start + len(part), part, kind, name))
                start += len(part) + 1
            return
    if _product_like(word):
        return
    if word[1:2] in _ACRONYM_SECOND and _ACRONYM.fullmatch(word):
        if word not in _ACRONYM_STOP:
            out.append(_mention(start, end, word, "pending-acronym", word))
        return
    if _locative_before(text, max(lo, start - 40), start):
        return
    if text.endswith(("of ", "of the "), lo, start) and _GOVERNMENT_OF.search(
        text, max(lo, start - 30), start
    ):
        out.append(_mention(start, end, word, "country", word))
        return
    # Whether it opens its sentence, asked last: most words end before.
    kind = "pending-initial" if _opens_sentence(text, lo, first) else "pending"
    out.append(_mention(start, end, word, kind, word))


@cython.locals(
    text=str,
    masked=str,
    word=str,
    bare=str,
    starts=list,
    found=list,
    pos=cython.Py_ssize_t,
    start=cython.Py_ssize_t,
    end=cython.Py_ssize_t,
    sentence=cython.Py_ssize_t,
    sentence_lo=cython.Py_ssize_t,
    skip_until=cython.Py_ssize_t,
    one_word=cython.bint,
    single=cython.bint,
)
def _candidates(text: str, masked: str, spans: list[tuple[int, int]]) -> list[_Mention]:
    starts = [s for s, _ in spans]
    found: list[_Mention] = []
    skip_until = -1
    sentence = -1
    towns: set[str] = set()  # names written before a comma and a place (version 10)
    # _SPAN.finditer(masked), tried only at the capitals: the engine's search tests every
    # character against the class that opens _SPAN (most of this function's cost), while
    # bytes.find of one byte (memchr) reaches each capital of the bytes marking them.
    # A match starts at a capital, and the next search goes on from its end.
    data = ascii_replaced(text) if masked is text else masked.encode("ascii", "replace")
    capitals = data.translate(_CAPITAL_BYTES)
    find, match = capitals.find, _SPAN.match
    pos = find(65)
    while pos >= 0:
        m = match(masked, pos)
        if m is None:
            pos = find(65, pos + 1)
            continue
        start = pos
        word = m[0]  # m.group(), without looking the method up
        end = start + len(word)
        one_word = " " not in word and "\t" not in word
        if not one_word and "." in word:  # (a sentence ends inside no other span: most)
            # A name ends with its sentence ("Bonds rose, S.&P. The index fell.": "S.&P.",
            # not "S.&P. The"; version 15): the span is cut where the sentence ends, less
            # its closing quotes and its full stop unless initials end it, and the next
            # sentence's words are looked at from its start.
            while sentence + 1 < len(starts) and starts[sentence + 1] <= start:
                sentence += 1
            if sentence >= 0 and sentence + 1 < len(starts) and starts[sentence + 1] < end:
                word = _sentence_cut(masked[start : spans[sentence][1]])
                end = start + len(word)
                one_word = " " not in word and "\t" not in word
        pos = find(65, end)
        if start < skip_until:
            continue
        if (
            start > 2
            and text[start - 1] == " "
            and _after_lower_camel(text, start)
            and ORG_WORDS.isdisjoint(word.split())
        ):
            continue  # "the iTunes Music Store": a name's rest (version 11)
        if one_word:  # most spans, decided quickly
            bare = _strip_possessive(word)[0] if word[-1] in "s'’" else word
            if bare in STARTERS:  # the weekdays among them
                continue
            hit = KNOWN.get(bare)
            if hit is not None:
                found.append(_mention(start, start + len(bare), bare, hit[1], hit[0]))
                continue
            if len(bare) > 3 and bare.isupper():  # "SEOUL", "LUMERIA": a dateline's
                named = bare.capitalize()
                if named in PLACES:
                    continue
                hit = KNOWN.get(named)
                if hit is not None and hit[1] == "country":
                    found.append(_mention(start, start + len(bare), bare, hit[1], hit[0]))
                    continue
        single = one_word and not word.endswith(("'s", "’s"))
        if single and (word in _NOT_SINGLE or word.lower() in GROUP_NOUNS):
            continue  # "Scientists say": a group nobody named
        # The sentence: the last that starts at or before the span (bisect_right(starts,
        # start) - 1), found walking on from the last span's, as the spans come in order.
        while sentence + 1 < len(starts) and starts[sentence + 1] <= start:
            sentence += 1
        sentence_lo = spans[sentence][0] if sentence >= 0 else 0
        if single:
            _single(text, word, start, end, sentence_lo, found)
            continue
        for piece in _pieces(_tokens(text, start, end)):
            opens = _opens_sentence(text, sentence_lo, piece[0][1])
            whole = _surface(text, piece) in KNOWN  # "Bosnia and Herzegovina"
            for part in [piece] if whole else _split_connectors(piece):
                before = len(found)
                at_start = opens and part[0][1] == piece[0][1]
                _classify(text, part, at_start, found)
                if len(found) == before:  # nothing new
                    continue
                last = found[-1]  # the last new mention (no slice of the new ones)
                if last.kind in ("pending", "pending-initial", "person"):
                    lo = max(sentence_lo, last.start - 40)
                    if _locative_before(text, lo, last.start):
                        if _place_after_comma(text, last.end):  # "in Port Lind, Ohio"
                            towns.add(last.surface)
                        del found[-1]
                        if len(found) == before:
                            continue
                        last = found[-1]
                    elif not last.role and _place_after_comma(text, last.end):
                        towns.add(last.surface)
                        del found[-1]  # "Port Lind, Ohio": a town (version 10)
                        if len(found) == before:
                            continue
                        last = found[-1]
                    elif (
                        last.kind == "person"
                        and not last.role
                        and _body_named(text, lo, last.start, last.end)
                    ):
                        last.kind = "organisation"
                # "Collective Security Treaty Organization (CSTO)": the acronym is an alias.
                if len(last.surface.split()) > 1:
                    last_end = last.end
                    after = text[last_end : last_end + 1]
                    paren = after in _PAREN_FIRST and _PAREN_ACRONYM.match(text, last_end)
                    if paren and _acronym_fits(paren.group(1), last.surface):
                        if last.kind in ("person", "pending"):
                            last.kind, last.name = "organisation", last.surface
                        last.role = "acronym:" + paren.group(1)
                        skip_until = paren.end()
    if towns:  # the town's other mentions ("the Port Lind plant")
        found = [m for m in found if m.surface not in towns or m.role or m.kind not in _UNTITLED]
    return found


@cython.cfunc
def _sentence_cut(word: str) -> str:
    """The words of a name span up to its sentence's end, less the closing quotes and the
    full stop there ("United States.''" -> "United States"); the point of an initial or of
    initials stays ("S.&P.", "D.C.", "Ann B.")."""
    word = word.rstrip("'’\"”»)")
    if word.endswith("."):
        last = word.rsplit(" ", 1)[-1]
        if len(last) > 2 and "." not in last[:-1]:
            word = word[:-1]
    return word


@cython.cfunc
@cython.locals(
    text=str, word=str, start=cython.Py_ssize_t, k=cython.Py_ssize_t, lo=cython.Py_ssize_t
)
def _after_lower_camel(text: str, start: int) -> bool:
    """Whether the word before start, one space between, opens in lower case with a
    capital inside ("iTunes", "ePlan"): the capitalised words after it are the rest of
    that name, a product's or a brand's, which the name spans cannot start at (version
    11)."""
    k = start - 2
    if not text[k].isalpha():
        return False
    lo = max(0, k - 20)
    while k >= lo and text[k].isalpha():
        k -= 1
    word = text[k + 1 : start - 1]
    return word[0].islower() and not word.islower() and (k < 0 or not text[k].isalnum())


@lru_cache(maxsize=16)
def _compile_curated(curated: tuple[CuratedActor, ...]) -> tuple[re.Pattern | None, dict]:
    lookup: dict[str, CuratedActor] = {}
    for actor in curated:
        for surface in (actor.name, *actor.aliases):
            lookup.setdefault(surface, actor)
    if not lookup:
        return None, lookup
    surfaces = sorted(lookup, key=len, reverse=True)
    if all(surfaces):
        # (?<![\w])(?:alternatives)(?![\w]), each alternative checking the character before
        # after its first one: opening with a literal, they let the engine skip ahead.
        alts = "|".join(re.escape(s[0]) + r"(?<![\w].)" + re.escape(s[1:]) for s in surfaces)
        return re.compile(rf"(?:{alts})(?![\w])"), lookup
    alts = "|".join(re.escape(s) for s in surfaces)
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])"), lookup


def detect_actors(text: str, curated: tuple[CuratedActor, ...] = ()) -> list[Actor]:
    return [
        Actor(name=name, kind=kind, mentions=list(mentions), aliases=set(aliases))
        for name, kind, mentions, aliases in _detect_tuples(text, curated)
    ]


def _detect_tuples(text: str, curated) -> tuple:
    """_detect's (name, kind, mentions, aliases) tuples, curated actors made hashable. The
    pipeline's curated actors, a tuple of CuratedActors with tuple aliases, are so already
    and go as they are: made again, each ran a dataclass's __init__ (interpreted, even
    here) at every call, twice an article (this scorer's and the claims scorer's)."""
    if type(curated) is not tuple or not all(
        type(c) is CuratedActor and type(c.aliases) is tuple for c in curated
    ):
        curated = tuple(CuratedActor(c.name, c.kind, tuple(c.aliases)) for c in curated)
    return _detect(text, curated)


def mention_spans(text: str, curated: tuple[CuratedActor, ...] = ()) -> list[tuple[int, int]]:
    """Every actor mention's (start, end), in order: what detect_actors finds, without
    making Actor objects (the claims scorer asks, sharing this scorer's per-text cache)."""
    return sorted(m for a in _detect_tuples(text, curated) for m in a[2])


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def _detect(text: str, curated: tuple[CuratedActor, ...]) -> tuple:
    """Actors as tuples, cached so that the actors and claims scorers share one pass."""
    spans = split_spans(text)
    mentions: list[_Mention] = []
    masked = text
    pattern, lookup = _compile_curated(curated)
    if pattern is not None:
        parts, done = [], 0  # the text with each curated mention masked by "#"s
        for m in pattern.finditer(text):
            actor = lookup[m.group()]
            mentions.append(_mention(m.start(), m.end(), m.group(), actor.kind, actor.name))
            parts += (text[done : m.start()], "#" * (m.end() - m.start()))
            done = m.end()
        parts.append(text[done:])
        masked = "".join(parts)
    curated_ids = {id(m) for m in mentions}
    mentions += _candidates(text, masked, spans)
    mentions.sort(key=_start)
    return _resolve(text, _no_country_there(text, mentions, curated_ids))


def _no_country_there(text: str, mentions: list[_Mention], curated_ids: set) -> list[_Mention]:
    """The mentions less the countries' names and demonyms that name no country there
    (version 11): before a currency ("US$40", _CURRENCY_AFTER), and a demonym before
    what a named actor is and its name, one to four words of a title or in lower case
    ending with a title or one of _KIND_NOUNS ("French President Ann Lee", "the Irish
    low-cost airline, Lumeria,"): the actor's role or kind, not its country as an actor
    (NewsWCL50 and MEANTIME mark the demonym as part of the actor's mention). Curated
    mentions stay."""
    kept: list[_Mention] = []
    described: list[_Mention] = []
    last = len(mentions) - 1
    for i, m in enumerate(mentions):
        if m.kind == "country" and id(m) not in curated_ids:
            if _CURRENCY_AFTER.match(text, m.end):
                continue
            if i < last and m.surface in DEMONYMS and _describes(text, m, mentions[i + 1]):
                described.append(m)
                continue
        kept.append(m)
    if described:
        # A country the text names no other way stays, by its first such mention.
        named = {m.name for m in kept if m.kind == "country"}
        for m in described:
            if m.name not in named:
                named.add(m.name)
                kept.append(m)
        kept.sort(key=_start)
    return kept


@cython.cfunc
def _describes(text: str, m: _Mention, after: _Mention) -> bool:
    """Whether the words between a demonym m and the next mention are what that mention's
    actor is: one to four words, in lower case (the last one of _KIND_NOUNS) then a
    title's (no honorific: "officials have met Mr. Lee" is no description), a comma at
    most after them; the next mention no country."""
    if after.kind == "country" or after.start - m.end > 60:
        return False
    between = text[m.end : after.start]
    if between.endswith(", "):
        between = between[:-2]
    words = between.split()
    if not 1 <= len(words) <= 4 or between[:1] != " " or "," in between:
        return False
    k = 0  # the lower-case words, before the title's
    while k < len(words) and words[k].islower() and words[k].replace("-", "").isalpha():
        k += 1
    if k and words[k - 1] not in _KIND_NOUNS:
        return False
    for word in words[k:]:  # noqa: SIM110 - not all() over a generator, made per call
        if word not in TITLES or word.rstrip(".") in HONORIFICS:
            return False
    return True


def _resolve(text: str, mentions: list[_Mention]) -> tuple:
    """The actors as (name, kind, mentions, aliases) tuples, in order of first mention."""
    if _DIGIT.search(text) is not None:  # most texts with no model code: nothing to do
        products = _product_names(text)
        if products:
            mentions = [
                m
                for m in mentions
                if m.surface not in products or m.kind not in ("pending", "pending-initial")
            ]
    recurring = _recurring(text, mentions)
    _bodies_by_company(text, mentions, recurring)
    names = _Names(mentions)
    resolved, roles, appositions = _resolve_mentions(text, mentions, names, recurring)
    resolved += _role_references(text, resolved, names.kinds, roles, appositions)
    actors: dict[str, tuple[str, list, set]] = {}  # name: kind, mentions, aliases
    kinds = names.kinds
    for m in sorted(resolved, key=_start):
        name = m.name
        actor = actors.get(name)
        if actor is None:
            actor = actors[name] = (kinds.get(name, m.kind), [], set())
        actor[1].append((m.start, m.end))
        if m.surface != name:
            actor[2].add(m.surface)
    for acronym, owner in names.acronyms.items():
        if owner in actors:
            actors[owner][2].add(acronym)
    return tuple(
        (name, kind, tuple(mentions), frozenset(aliases))
        for name, (kind, mentions, aliases) in actors.items()
    )


def _product_names(text: str) -> set[str]:
    """The names a text gives a model after its code ("the Lumeria 404 Skyrider", "a
    T-90 "Falcon""): a product's, no actor, wherever the word stands alone (version 11),
    if the text writes it nowhere as a body's name is written, without a determiner: each
    time after a code, an article, a possessive or "new" ("the Skyrider", "Lumeria's
    Skyrider"), not "500 Lumeria workers ... Lumeria said", and never speaking."""
    found = set()
    for m in _model_names(text):
        word = m.group(1)
        if word in KNOWN or word in STARTERS or word in found:
            continue
        size = len(word)
        i = text.find(word)
        while i >= 0:
            end = i + size
            if (i == 0 or not text[i - 1].isalnum()) and not text[end : end + 1].isalnum():
                before = text[max(0, i - 30) : i].rstrip(" \t\"“'‘").rsplit(None, 1)
                last = before[-1] if before else ""
                if not (
                    last in _PRODUCT_BEFORE
                    or last.endswith(("'s", "’s"))
                    or _MODEL_CODE.fullmatch(last)
                ) or _speech_after(text, end):
                    break
            i = text.find(word, i + 1)
        else:
            found.add(word)
    return found


def _model_names(text: str) -> list[re.Match]:
    """_MODEL_NAME.finditer(text), tried only where a match can start: its code holds a
    digit among its first five characters, which opens a run of digits (only capitals
    and a hyphen stand between the code's first character and it, and the look-behind
    allows no digit before a code opening with one). So at each run's first digit, and
    at the four characters before it when a capital or a hyphen stands just before it
    ("A350", "T-90"). The runs are found in the text's bytes (an ASCII digit each "0");
    the engine's search tested every character of the text against the class opening
    the pattern, Unicode's digits among them (a seventh of this scorer's instructions).
    A text with a digit outside ASCII (which \\d matches too) is searched as before."""
    if any(ch.isdecimal() for ch in rare_characters(text)):
        return list(_MODEL_NAME.finditer(text))
    digits = ascii_replaced(text).translate(_DIGIT_BYTES)
    starts: list[int] = []
    run = digits.find(b"0")  # the first digit opens a run
    while run >= 0:  # (each find one byte's: memchr)
        lo = run
        if run:
            before = text[run - 1]
            if "A" <= before <= "Z" or before == "-":
                lo = max(run - 4, 0)
        if starts and lo <= starts[-1]:  # (never a start twice)
            lo = starts[-1] + 1
        starts.extend(range(lo, run + 1))
        after = digits.find(b"a", run)  # where the run ends
        run = digits.find(b"0", after) if after >= 0 else -1
    return matches_at(_MODEL_NAME, text, starts)


def _bodies_by_company(text: str, mentions: list[_Mention], recurring: dict) -> None:
    """A run of names that keeps a body's company is a body's name, not a person's: joined
    by "and" to an organisation ("Lumeria and Vostra Aero"); unless a mention of it is
    titled or follows a role noun ("envoy Vostra Aero"), or it opens with a common given
    name (text.is_given_name: "Goldman Sachs and Donald Trump")."""
    found: set[str] = set()
    last = len(mentions) - 1
    for _ in range(2):  # twice: "Lumeria and Vostra Aero and Kell Jonsson"
        for i, m in enumerate(mentions):
            if m.kind != "person" or " " not in m.name or m.name in found:
                continue
            if is_given_name(m.name.split(" ", 1)[0]):
                continue  # "Goldman Sachs and Donald Trump": a person's name stays hers
            if i < last and _of_a_body(text, m, mentions[i + 1]):
                continue  # "Ann Lee of the Tarsa Institute": a person's (version 10)
            if (i and _joined_body(text, mentions[i - 1], m, recurring, found)) or (
                i < last and _joined_body(text, m, mentions[i + 1], recurring, found)
            ):
                found.add(m.name)
    if not found:  # most articles: no role to look for
        return
    for m in mentions:
        if (
            m.kind == "person"
            and m.name in found
            and (m.role or _role_before(text, max(0, m.start - 40), m.start))
        ):
            found.discard(m.name)
    for m in mentions:
        if m.kind == "person" and m.name in found:
            m.kind = "organisation"


@cython.cfunc
def _of_a_body(text: str, a: _Mention, b: _Mention) -> bool:
    """Whether a stands before "of" or "of the" and b, an organisation."""
    between = text[a.end : b.start]
    return b.kind == "organisation" and (between == " of " or between == " of the ")


@cython.cfunc
def _joined_body(text: str, a: _Mention, b: _Mention, recurring: dict, found: set) -> bool:
    """Whether a and b stand joined by "and", one of them a body's name."""
    between = text[a.end : b.start]
    # (Not a comma, which may open an apposition: "Lumeria's chief, Ann Lee".)
    if between != " and " and between != " and the ":
        return False
    for m in (a, b):
        if m.kind == "organisation" or m.name in found:
            return True
        if recurring.get(m.surface) == "organisation":
            return True
    return False


class _Names:
    """The names an article's mentions give: each name's kind (that of its first mention,
    so it is known from there on), people by surname, and acronyms given in parentheses."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.kinds: dict[str, str] = {}
        self.by_surname: dict[str, list[tuple[int, str]]] = {}
        # People by the first word of their name: "Kim" of "Kim Jong Un", "Xi" of "Xi
        # Jinping" (a family name written first), or a given name used alone.
        self.by_first: dict[str, list[tuple[int, str]]] = {}
        self.acronyms: dict[str, str] = {}
        # The first organisation (in the order of kinds, which only grows) with given
        # initials, indexed as far as the kinds go.
        self._by_initials: dict[str, str] = {}
        self._indexed = 0
        # Locals: each attribute looked up once, not once a mention.
        kinds, by_surname, acronyms = self.kinds, self.by_surname, self.acronyms
        by_first = self.by_first
        # Bodies of several words by their first word, the first named: "Vostra" of
        # "Vostra Aero".
        self.by_first_body: dict[str, str] = {}
        by_first_body = self.by_first_body
        for m in mentions:
            kind, name = m.kind, m.name
            if kind == "organisation" and " " in name and name not in KNOWN:
                first = name.split(" ", 1)[0]
                if first not in _REGION_ADJECTIVES:
                    by_first_body.setdefault(first, name)
            if kind in KINDS and kinds.setdefault(name, kind) == "person" and " " in name:
                words = name.split()
                surname = words[-1]
                by_surname.setdefault(surname, []).append((m.start, name))
                # (and "Hillary" of "Hillary Clinton": a common given name alone)
                if m.role or len(words) > 2 or "-" in name or is_given_name(words[0]):
                    by_first.setdefault(words[0], []).append((m.start, name))
                if surname[:3] in ("al-", "el-"):  # "al-Baghdadi" is also "Baghdadi"
                    by_surname.setdefault(surname[3:], []).append((m.start, name))
            role = m.role
            if role and role.startswith("acronym:"):  # most have no role
                acronyms[role[8:]] = name
                m.role = ""

    def surname_owner(self, word: str, pos: int) -> str | None:
        """The full name ending in word, named last before pos (or first after it); else
        the one starting with it."""
        owners = self.by_surname.get(word) or self.by_first.get(word)
        if not owners:
            return None
        # The owners come in the order of the mentions: the last before pos, from the end
        # (a name mentioned often has a long list, and a surname most often follows it).
        for start, name in reversed(owners):
            if start < pos:
                return name
        return owners[0][1]

    def organisation_with_initials(self, initials: str) -> str | None:
        if self._indexed < len(self.kinds):
            for name, kind in list(self.kinds.items())[self._indexed :]:
                if kind == "organisation":
                    self._by_initials.setdefault(_initials(name), name)
            self._indexed = len(self.kinds)
        return self._by_initials.get(initials)


def _resolve_mentions(
    text: str, mentions: list[_Mention], names: _Names, recurring: dict
) -> tuple[list[_Mention], dict[str, list[str]], list[tuple[int, int]]]:
    """The mentions that name an actor, pending ones resolved (acronyms, surnames, lone
    names that speak or are titled); and each person's roles: from a title, from an
    apposition ("Hasan Sultonov, Tajikistan's Permanent Representative to ..., said") or
    from a role noun just before the name ("envoy Hasan Sultonov"), with where the
    appositions are."""
    kinds, by_surname, by_first = names.kinds, names.by_surname, names.by_first
    roles: dict[str, list[str]] = {}
    appositions: list[tuple[int, int]] = []
    resolved: list[_Mention] = []
    for m in mentions:
        kind = m.kind  # read once (an attribute lookup each time)
        if kind == "pending-acronym":
            owner = names.acronyms.get(m.surface) or names.organisation_with_initials(m.surface)
            m.name, m.kind = (owner, kinds[owner]) if owner else (m.surface, "organisation")
            kinds.setdefault(m.name, m.kind)
        # The other pending kinds (compared, not kind.startswith("pending"): a method call),
        # or a person of one word.
        elif (
            kind == "pending" or kind == "pending-initial" or kind == "person" and " " not in m.name
        ):
            # Most of these words are nobody's surname: the method only for those that are.
            owner = (
                names.surname_owner(m.surface, m.start)
                if m.surface in by_surname or m.surface in by_first
                else None
            )
            if owner:
                m.name, m.kind = owner, "person"
            elif "-" in m.surface and not m.role and _joined_names(m, names, recurring, resolved):
                continue  # "the Lee-Park summit": each of them, resolved
            elif m.surface in names.by_first_body and m.surface not in kinds:
                m.name, m.kind = names.by_first_body[m.surface], "organisation"
            elif m.surface in recurring:
                m.kind = recurring[m.surface]
                kinds.setdefault(m.name, m.kind)
            elif _lone_person(text, m):
                m.kind = "person"
                kinds.setdefault(m.name, "person")
            else:
                continue
        resolved.append(m)
        if kinds.get(m.name) == "person":
            found = roles.setdefault(m.name, [])
            if m.role:
                found.append(m.role)
            app = _apposition(text, m.end)
            if app and _has_role_word(text, app[0], app[1]):
                found.append(text[app[0] : app[1]])
                appositions.append(app)
            before = _role_before(text, max(0, m.start - 40), m.start)
            if before:
                found.append(before.group(1))
    return resolved, roles, appositions


@cython.cfunc
def _joined_names(m: _Mention, names: _Names, recurring: dict, resolved: list) -> bool:
    """ "the Lee-Park summit", "Lee-Lumeria talks": names joined by a hyphen, each a name
    the article gives (a person's surname or first word, a known name, a recurring word),
    one at least a person's. Adds a mention of each to resolved and says so; parts that
    are no name the article gives are left out. Not a word with a part in lower case
    ("Lee-era", "Mar-a-Lago"), nor one with no person in it ("Rolls-Royce" stays one);
    the caller leaves out a titled one ("Dr. Lee-Hart": one person's name)."""
    found = []
    person = False
    pos = m.start
    for part in m.surface.split("-"):
        if not part[:1].isupper():
            return False
        owner = (
            names.surname_owner(part, m.start)
            if part in names.by_surname or part in names.by_first
            else None
        )
        if owner:
            found.append(_mention(pos, pos + len(part), part, "person", owner))
            person = True
        elif part in KNOWN:
            name, kind = KNOWN[part]
            found.append(_mention(pos, pos + len(part), part, kind, name))
        elif part in recurring:
            kind = recurring[part]
            found.append(_mention(pos, pos + len(part), part, kind, part))
            person = person or kind == "person"
        pos += len(part) + 1
    if not person:
        return False
    kinds = names.kinds
    for part_mention in found:
        kinds.setdefault(part_mention.name, part_mention.kind)
    resolved += found
    return True


def _role_references(
    text: str,
    resolved: list[_Mention],
    kinds: dict[str, str],
    roles: dict[str, list[str]],
    appositions: list[tuple[int, int]],
) -> list[_Mention]:
    """ "the envoy": a mention of the last person named before it whose role fits."""
    found: list[_Mention] = []
    order = [m for m in resolved if kinds.get(m.name) == "person"]
    role_words: dict[str, tuple[str, set[str]]] = {}  # each person's roles, as looked up
    for rm in _role_mentions(text) if any(roles.values()) else ():
        if any(s <= rm.start() < e for s, e in appositions):
            continue
        nouns = role_synonyms(rm.group("noun").lower())
        for m in reversed([p for p in order if p.start < rm.start()]):
            if m.name not in role_words:
                role = " ".join(roles.get(m.name, [])).lower()
                role_words[m.name] = role, set(_LOWER_WORD.findall(role))
            role, words = role_words[m.name]
            if any(n in words or (" " in n and n in role) for n in nouns):
                found.append(_mention(rm.start(), rm.end(), rm.group(), "person", m.name))
                break
    return found


def _role_mentions(text: str) -> list[re.Match]:
    """_ROLE_MENTION.finditer(text), tried only at the "the"s among the three words before
    a role noun. A noun the pattern matches stands between a space and no word character,
    so it is a whole run of lower-case letters in the letters of the shared lowered text
    (there at the same place): one automaton pass finds those runs and where they start.
    (A "the" before a noun that is no whole run can only match at a later noun, where it
    is found too.)"""
    at = _BACK_ROLE_WHOLE.find(lowered(text))
    if not at:
        return []
    starts: set[int] = set()
    for positions in at.values():
        for end in positions:  # where a noun starts
            lo = max(0, end - 120)
            words = text[lo:end].rsplit(None, 3)
            if len(words) < 4 and lo:  # long words: the engine's scan, bounded by the text
                return list(_ROLE_MENTION.finditer(text))
            lo = lo + len(words[0]) if len(words) == 4 else lo
            for the in ("the", "The"):
                i = text.find(the, lo, end)
                while i >= 0:
                    starts.add(i)
                    i = text.find(the, i + 1, end)
    return matches_at(_ROLE_MENTION, text, sorted(starts))


@cython.cfunc
def _recurring(text: str, mentions: list[_Mention]) -> dict:
    """The lone capitalised words that name an actor by recurring (written alone twice or
    more, once at least inside a sentence: a name, not a word that opens sentences), each
    with its kind: a person when titled somewhere ("Mr Lee", "President Lee"), heading
    an administration or a presidency ("the Lee administration"), a common given name
    (text.is_given_name), or speaking and then
    more often "he" or "she" than "it" ("Lee said he..."); else an organisation
    ("Lumeria"). Not a word the text also writes in lower case ("Internet", "Web"), a
    direction ("the North"), a modifier ("Lee-era") or a place (_placed). (A surname of
    someone named in full goes to that person before this is asked.)"""
    seen: dict[str, bool] = {}  # word: whether inside a sentence once
    by_word: dict[str, list] = {}  # word: its mentions
    twice: set[str] = set()
    titled: set[str] = set()
    for m in mentions:
        kind = m.kind
        if kind == "pending" or kind == "pending-initial":
            word = m.surface
            if m.role:
                titled.add(word)
            if word in seen:
                twice.add(word)
                by_word[word].append(m)
            else:
                by_word[word] = [m]
            seen[word] = seen.get(word, False) or kind == "pending"
    found = {}
    offices = None  # where the text writes an office's noun (_offices), looked for once
    for word in twice:
        if not seen[word] or word in COMPASS_WORDS or "-" in word and _MODIFIER.search(word):
            continue
        if _written_lower(text, word):
            continue
        if offices is None and word not in titled:
            offices = _offices(text)
        if (
            word in titled
            or is_given_name(word)  # "Sarah", with nobody of that given name named in full
            or _heads_office(text, word, offices)
            or _speaking_person(text, by_word[word])
        ):
            found[word] = "person"
        elif not _placed(text, word):
            found[word] = "organisation"
    return found


@cython.cfunc
def _speaking_person(text: str, own: list) -> bool:
    """Whether a word, by its mentions (own), speaks once at least ("Okonjo said") and the
    first pronouns within 150 characters after its mentions are more often "he", "she",
    "his", "her", "him" than "it", "its" ("Lumeria said it would"; "Okonjo said she
    would")."""
    m: _Mention
    for m in own:
        if _speech_after(text, m.end) or _speech_before(text, max(0, m.start - 30), m.start):
            break
    else:
        return False  # most words: none speaks
    votes = 0
    for m in own:
        found = _PRONOUN.search(text, m.end, m.end + 150)
        if found is not None:
            votes += 1 if found[0].lower() in _PERSON_PRONOUNS else -1
    return votes > 0


@cython.cfunc
def _heads_office(text: str, word: str, offices: list) -> bool:
    """ "the Lee administration", "the Lee presidency": the word is a person's name. Whether
    the word stands just before one of the offices (_offices of the text): one search of
    the text for the nouns, not two for each word."""
    for i in offices:  # noqa: SIM110 - not any() over a generator, made per call
        if text.endswith(word, 0, i):
            return True
    return False


@cython.cfunc
def _offices(text: str) -> list:
    """Where " administration" and " presidency" start in the text (_heads_office)."""
    found = []
    for noun in (" administration", " presidency"):
        i = text.find(noun)
        while i >= 0:
            found.append(i)
            i = text.find(noun, i + 1)
    return found


@cython.cfunc
@cython.locals(text=str)
def _placed(text: str, word: str) -> bool:
    """Whether the text puts the word as a place somewhere: after "in", "near", "port of"...
    (_PLACED_AFTER; not before an apostrophe: "in Lumeria's shares"), before "'s capital",
    "river", ", a country" (_PLACE_AFTER), or before a comma and a country ("Lumeria,
    France")."""
    i = text.find(word)
    size = len(word)
    while i >= 0:
        end = i + size
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            # Each pattern only where the words around can start or end it.
            if (
                i > 1
                and text[i - 1] == " "
                and text.endswith(_PLACED_LAST.get(text[i - 2], ()), max(0, i - 13), i - 1)
                and text[end : end + 1] != "'"
                and _PLACED_AFTER.search(text, max(0, i - 30), i)
            ):
                return True
            after = text[end : end + 1]
            if after == " ":
                if text.startswith(_PLACE_FIRST, end) and _PLACE_AFTER.match(text, end):
                    return True
            elif after == "'" or after == "’":
                if text.startswith("s capital", end + 1):
                    return True
            elif text.startswith(", ", end):
                if text.startswith(("a ", "an "), end + 2) and _PLACE_AFTER.match(text, end):
                    return True
                after = _COUNTRY_AFTER.match(text, end + 2)
                if after and KNOWN.get(after[0], ("", ""))[1] == "country":
                    return True
                if _place_after_comma(text, end):  # "Lumeria, Ohio" (version 10)
                    return True
        i = text.find(word, i + 1)
    return False


@cython.cfunc
@cython.locals(text=str)
def _place_after_comma(text: str, end: int) -> bool:
    """Whether a comma and a place of PLACES (a state, a city) follow end, with no
    possessive or capitalised word after the place ("Lumeria, Ohio", not "Ann Lee, Ohio's
    senator" nor "Ann Lee, Ohio Republican"): the name before is a town's (version 10)."""
    if not text.startswith(", ", end):
        return False
    after = _COUNTRY_AFTER.match(text, end + 2)
    if after is None or after[0] not in PLACES:
        return False
    rest = text[after.end() : after.end() + 2]
    return not (rest[:1] in ("'", "’") or rest[:1] == " " and rest[1:2].isupper())


@cython.cfunc
@cython.locals(text=str)
def _written_lower(text: str, word: str) -> bool:
    """Whether the text writes the word in lower case: " word" followed by a space or one
    of ",.;:" (one search for the word, not one for each)."""
    low = " " + word.lower()
    n, size = len(low), len(text)
    i = text.find(low)
    while i >= 0:
        if i + n < size and text[i + n] in " ,.;:":
            return True
        i = text.find(low, i + 1)
    return False


@cython.cfunc
@cython.locals(text=str)
def _lone_person(text: str, m: _Mention) -> bool:
    """A lone capitalised word is a person when titled or speaking ("Putin said")."""
    if m.kind == "person" or m.role:
        return True
    speaks = _speech_after(text, m.end) or _speech_before(text, max(0, m.start - 30), m.start)
    if not speaks or m.kind == "pending":
        return speaks
    # At the start of a sentence, a word also written in lower case is not a name.
    return not _written_lower(text, m.surface)


# --- Sentiment ------------------------------------------------------------------------

_analyzer = SentimentIntensityAnalyzer()


@lru_cache(maxsize=SHARED_CACHE_SIZE)
def _own_sentence_compounds(text: str) -> tuple[tuple[int, int, float], ...]:
    return tuple(
        (s, e, _analyzer.polarity_scores(text[s:e])["compound"]) for s, e in split_spans(text)
    )


def _sentence_compounds(text: str) -> list[tuple[int, int, float]]:
    shared = getattr(_sentiment, "sentence_compounds", None)
    if shared is not None:  # the sentiment scorer's cache, when it has one
        return list(shared(text))
    return list(_own_sentence_compounds(text))


def _toward(text: str, readings: list[tuple[tuple[int, int], tuple[int, int, float]]]) -> dict:
    """The tone toward the actor (analysis/scoring/target_tone.py), read in each sentence
    that names it around its first mention there (``readings``: the mention, and the
    sentence's start, end and compound): the mean, how many of those sentences read
    negative, neutral and positive toward it, and the ones most negative and most
    positive."""
    found = []
    for (start, end), (s, e, sentence_compound) in readings:
        tone, label = tone_toward(
            text[s:e], max(start - s, 0), min(end, e) - s, sentence_compound=sentence_compound
        )
        found.append((tone, label, s, e))
    neg = min(found, key=itemgetter(0))
    pos = max(found, key=itemgetter(0))
    counts = dict.fromkeys(TONE_CLASSES, 0)
    for _, label, _, _ in found:
        counts[label] += 1
    mean = fsum(tone for tone, _, _, _ in found) / len(found)
    return {
        "toward_mean": fast_round(mean, 4),  # round()'s float, without its decimal string
        "toward_counts": counts,
        "toward_most_negative": {"start": neg[2], "end": neg[3], "tone": neg[0]},
        "toward_most_positive": {"start": pos[2], "end": pos[3], "tone": pos[0]},
    }


# --- Scorer ---------------------------------------------------------------------------


_compound = itemgetter(2)  # a sentence's score: min and max call it in C


# Version 11: a demonym describing a named actor ("French President Ann Lee", "the Irish
# airline Lumeria") is its role or its kind, not a mention of its country (unless the
# text names that country no other way); a country's name or demonym before a currency
# ("US$40") and a region named by a compass word ("Central American", "Northern
# Ireland") name no country; a continent's adjective ("European") is no short name of a
# body ("the European Court of ..."); a model's name after its code ("the 404
# Skyrider") is a product, no actor; a name after a company's or an outlet's noun ("the
# airline Lumeria Aero"), before a plural verb ("Lumeria Aero have") or with a company's
# apposition ("Lumeria Aero, the airline,") is a body's; "and" after a known name ("the
# United States and Ann Lee") is no part of the next; the capitalised words after a
# name opening in lower case ("the ePlan Music Store") are that name's rest, no actor
# (unless a body's word is among them); holidays ("Christmas") and a conference's or a
# show's name are no actors (the first word of a conference's may name its holder); the
# landmark words ("Plaza", "Lawn") are in text.PLACE_SUFFIXES, as attribution reads them
# (its outputs the same).
# Version 10: an outlet's name ("... Insider"), a body headed by a group's noun ("Citizens
# for ..."), a company named after a country ("Air Canada"), a name ending "House", one
# with a preposition inside ("Nurses Without Borders"), a company's name ending "Computer",
# "Aircraft", "Systems"... and an airline's before "Flight" and its number are
# organisations, not persons; "of" after a person's name opens what the person belongs to
# ("Vice President Ann Lee of the Tarsa Institute": a person and a body, "President Dee
# Marsh of France": a person and a country); landmarks ("Mount ...", "... Lawn") and a town
# before a comma and a state ("Tarsa, Ohio") are places, no actors; a dateline's city in
# capitals ("SEOUL") is no acronym's organisation; an event's or an agreement's name ("the
# Tarsa War", "the Lind Accord") is no actor.
# Version 9: the states of the United States and large cities are places, no actors (a
# city an article names again and again was an organisation, "Los Angeles" a person), and
# so is Capitol Hill; names joined by a hyphen ("the Lee-Hart summit") are each of them,
# when the article gives them and one is a person's, not one organisation; a name after
# an inquiry's "into" ("the investigation into Ann Lee") is no place.
# Version 8: the title words of ranks written without their point ("Sgt", "Maj", "Adm")
# head a title before a name as "Sgt." does (one list of title words, text.py).
# Version 7: a lone capitalised word that recurs inside sentences is an actor (an
# organisation, a person when titled somewhere); the first word of a person's name alone
# is that person ("Kim" of "Kim Jong-un"), an organisation's its body; "Lumeria CEO Ann Lee"
# is a company and a person; a run joined by "and" to a body or before a model's code is a
# body; words with digits ("A380") are products, no actors.
# Version 6: a title before a name is the title, not part of an organisation or the name
# ("Senate Majority Leader Mitch McConnell"); the tone of the sentences by the new sentence
# split (a middle initial such as "P." in "Robert P. Casey" no longer ends a sentence).
# Version 12: the tone of the sentences by the sentence split that keeps initials joined by
# an ampersand ("the S.&P. 500") in one sentence (on PolNeAR train+dev, 1 article of 924
# changes).
# Version 13: a product line's last word ("MacBook Pro", "… Max", "… Mini") makes a
# product, no actor; companies whose names read as a person's ("Lockheed Martin", "Goldman
# Sachs": text.ORGANISATIONS) are organisations; initials joined by an ampersand are one
# word ("S.&P.", "AT&T"), "&" joins a name's words, and a name holding one is an
# organisation ("S.&P. Global", "Procter & Gamble"), not a person (on PolNeAR train+dev
# the actors of 50 articles of 924 change).
# Version 14: a name opening with a common given name stays a person's beside a body
# ("Morgan Stanley and Tom Hale"); an ampersand between given names joins two people ("Tom
# & Ann Hale"; text.ampersand_body, one rule with attribution); a common given name alone
# is the person of that given name named in full ("Hillary" of "Hillary Lowe"), or a
# person, not an organisation; "… Air" of a product line, a Roman numeral after no given
# name ("Atlas V") and a maker's name before a model's ("Lockheed Tristar") are products,
# no actors; the tone of the sentences by the sentence split that keeps ", S.&P. Global
# said" in one sentence (on PolNeAR train+dev the actors of 219 articles of 924 change,
# none by the split).
# Version 15: a name ends with its sentence ("Bonds rose, S.&P. The index fell.": no "S.&P.
# The"), less the closing quotes and the full stop there; a Roman numeral after a given name
# is the person's ("Elizabeth II", "Louis XIV"); two given names joined by "&" before "'s"
# are a business ("Ben & Jerry's"). On PolNeAR train+dev the actors of 31 articles of 924
# change.
# Version 16: more plural nouns for people (text.GROUP_NOUNS: "dockers", "strikers",
# "allies", "backers", "loyalists"), which alone and capitalised are no actor: on PolNeAR
# train+dev the actors of 1 article of 924 change.
# Version 17: the tone toward each person, sentence by sentence, by a model of the words
# around the name fitted on NewsMTSC's training split (analysis/scoring/target_tone.py):
# ``toward_mean`` (P(positive) - P(negative), from -1 to +1), ``toward_counts`` and the
# sentences most negative and most positive toward the person. People only: the corpus
# judged the tone toward people, not organisations or countries. The sentence tone
# (``compound_mean``) is kept beside it for every actor. On NewsMTSC dev, macro F1 0.664
# against the sentence compound's 0.508. The actors found are version 16's.
@register("actors", "17", languages=("en",))
def score_actors(text: str, context: ScoringContext = NO_CONTEXT) -> ScoreResult:
    # What detect_actors gives, without the copies.
    actors = _detect_tuples(text, context.curated_actors)
    by_kind = {kind: 0 for kind in KINDS}
    for _, kind, _, _ in actors:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    evidence = []
    sentences = _sentence_compounds(text) if actors else []
    starts = [s for s, _, _ in sentences]
    # The most mentioned first, then by name (names are distinct: the actors never tie).
    ranked = sorted([(-len(actor[2]), actor[0], actor) for actor in actors])
    for _, _, (name, kind, mentions, aliases) in ranked:
        # The sentence of each mention, the first for one before it (bisect inlined: it
        # runs for every mention), with the first mention in each: a sentence counts once.
        first_in: dict[int, tuple[int, int]] = {}
        if starts:
            for s, e in mentions:
                first_in.setdefault(bisect_right(starts, s) or 1, (s, e))
        found = sorted(first_in)
        scored = [sentences[i - 1] for i in found]
        item = {
            "name": name,
            "kind": kind,
            "aliases": sorted(aliases),
            "mentions": [[s, e] for s, e in mentions],
            "count": len(mentions),
        }
        if scored:
            if len(scored) == 1:
                neg = pos = scored[0]
            else:
                neg = min(scored, key=_compound)
                pos = max(scored, key=_compound)
            compounds = [c for _, _, c in scored]
            mean = fsum(compounds) / len(compounds)  # statistics.fmean's, without its call
            # A zero (often: neutral sentences) rounds to itself; fast_round would ask round().
            item["compound_mean"] = fast_round(mean, 4) if mean else mean
            item["most_negative"] = {"start": neg[0], "end": neg[1], "compound": neg[2]}
            item["most_positive"] = {"start": pos[0], "end": pos[1], "compound": pos[2]}
            if kind == "person":  # the model was fitted and measured on people only
                item.update(_toward(text, [(first_in[i], sentences[i - 1]) for i in found]))
        evidence.append(item)
    # The tone toward each person, among the values (which the outlet report aggregates in
    # the database): the name, the mean and how many sentences it is read from.
    people = [
        {
            "name": item["name"],
            "toward_mean": item["toward_mean"],
            "sentences": sum(item["toward_counts"].values()),
        }
        for item in evidence
        if "toward_mean" in item
    ]
    return ScoreResult(
        values={"actor_count": len(actors), "by_kind": by_kind, "people": people},
        evidence={"actors": evidence},
    )
