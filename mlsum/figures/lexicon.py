"""Word lists behind figure extraction and matching, English and French.

Kept as data so that a missed unit or synonym is a one-line fix. Month and weekday names are the
package's shared calendar vocabulary (:mod:`mlsum.vocab`); everything else is news vocabulary that no
kept library provides in a reusable form.
"""

from __future__ import annotations

from ..vocab import LANGS, MONTHS
from ..vocab import WEEKDAYS as _WEEKDAY_NAMES

# Full weekday names end a noun phrase ("on 3 Monday..."); abbreviations are too often words ("mer", "sun").
WEEKDAYS = {lang: {name for name in names if len(name) > 4} for lang, names in _WEEKDAY_NAMES.items()}

# Words text2num turns into numbers. Only runs of these are handed to it, so the scan of an article is one
# regex pass rather than a token-by-token call into the library.
NUMBER_WORDS = {
    "en": """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
        thousand million billion trillion first second third fourth fifth sixth seventh eighth ninth tenth
        eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth
        thousandth millionth""".split(),
    "fr": """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
        seize vingt vingts trente quarante cinquante soixante cent cents mille million millions milliard
        milliards premier première premiers premières second seconde deuxième troisième quatrième
        cinquième sixième septième huitième neuvième dixième onzième douzième treizième quatorzième
        quinzième seizième vingtième trentième quarantième cinquantième soixantième centième
        millième""".split(),
}
# "second(e)" is an ordinal text2num does not know in French.
EXTRA_ORDINALS = {"fr": {"second": 2, "seconde": 2}, "en": {}}
# Number words that are pronouns or articles far more often than counts: they count only before a noun
# or a partitive ("one car bomb", "one of the buildings", "l'un des bâtiments"), never alone ("one can
# say", "the one in Damascus", "une coalition").
WEAK_UNITS = {"en": {"one"}, "fr": {"un", "une"}}

# Ordinal word + noun that name a role or manner, not a rank in a series.
ORDINAL_IDIOMS = {"en": {"first lady", "first aid", "first hand", "first minister", "second hand"},
                  "fr": {"premier ministre", "première ministre", "premier plan", "premier lieu",
                         "second plan", "seconde main", "premier secrétaire"}}

# Multipliers written after digits: "13m", "1,5 million", "3 milliards".
SCALES = {"thousand": 1e3, "thousands": 1e3, "k": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6,
          "mn": 1e6, "m": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "milliard": 1e9,
          "milliards": 1e9, "trillion": 1e12, "trillions": 1e12}

# ISO code ← currency symbol before the number, or word after it (either language).
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound sterling": "GBP", "pounds sterling": "GBP",
    "livre sterling": "GBP", "livres sterling": "GBP", "gbp": "GBP", "syrian pounds": "SYP",
    "livres syriennes": "SYP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "turkish lira": "TRY", "livres turques": "TRY",
}

PERCENT_WORDS = ("%", "percent", "per cent", "pour cent", "pourcent")
PERCENT_POINT_WORDS = ("percentage points", "percentage point", "points de pourcentage",
                       "point de pourcentage")

# Spelled unit → (pint unit name, kind). Only pint units appear as values, so conversion is one lookup.
UNITS = {
    "km": ("kilometer", "distance"), "kms": ("kilometer", "distance"),
    "kilometre": ("kilometer", "distance"), "kilometres": ("kilometer", "distance"),
    "kilometer": ("kilometer", "distance"), "kilometers": ("kilometer", "distance"),
    "kilomètre": ("kilometer", "distance"), "kilomètres": ("kilometer", "distance"),
    "mile": ("mile", "distance"), "miles": ("mile", "distance"), "mi": ("mile", "distance"),
    "m": ("meter", "distance"), "metre": ("meter", "distance"), "metres": ("meter", "distance"),
    "meter": ("meter", "distance"), "meters": ("meter", "distance"), "mètre": ("meter", "distance"),
    "mètres": ("meter", "distance"), "feet": ("foot", "distance"), "foot": ("foot", "distance"),
    "ft": ("foot", "distance"),
    "km2": ("kilometer ** 2", "area"), "km²": ("kilometer ** 2", "area"),
    "sq km": ("kilometer ** 2", "area"), "square kilometres": ("kilometer ** 2", "area"),
    "square kilometers": ("kilometer ** 2", "area"), "square kilometre": ("kilometer ** 2", "area"),
    "square kilometer": ("kilometer ** 2", "area"), "kilomètres carrés": ("kilometer ** 2", "area"),
    "square miles": ("mile ** 2", "area"), "square mile": ("mile ** 2", "area"),
    "hectare": ("hectare", "area"), "hectares": ("hectare", "area"), "ha": ("hectare", "area"),
    "kg": ("kilogram", "mass"), "kilogram": ("kilogram", "mass"), "kilograms": ("kilogram", "mass"),
    "kilogramme": ("kilogram", "mass"), "kilogrammes": ("kilogram", "mass"),
    "tonne": ("metric_ton", "mass"), "tonnes": ("metric_ton", "mass"), "ton": ("metric_ton", "mass"),
    "tons": ("metric_ton", "mass"),
    "year": ("year", "duration"), "years": ("year", "duration"), "an": ("year", "duration"),
    "ans": ("year", "duration"), "année": ("year", "duration"), "années": ("year", "duration"),
    "month": ("month", "duration"), "months": ("month", "duration"), "mois": ("month", "duration"),
    "week": ("week", "duration"), "weeks": ("week", "duration"), "semaine": ("week", "duration"),
    "semaines": ("week", "duration"), "day": ("day", "duration"), "days": ("day", "duration"),
    "jour": ("day", "duration"), "jours": ("day", "duration"), "journée": ("day", "duration"),
    "journées": ("day", "duration"), "hour": ("hour", "duration"), "hours": ("hour", "duration"),
    "hr": ("hour", "duration"), "hrs": ("hour", "duration"), "heure": ("hour", "duration"),
    "heures": ("hour", "duration"), "h": ("hour", "duration"), "minute": ("minute", "duration"),
    "minutes": ("minute", "duration"), "min": ("minute", "duration"), "second": ("second", "duration"),
    "seconds": ("second", "duration"), "seconde": ("second", "duration"),
    "secondes": ("second", "duration"),
}
# Adjectives that may stand between a number and its unit ("five consecutive days", "deux derniers jours").
UNIT_ADJECTIVES = {
    "en": ["more", "consecutive", "straight", "full", "long", "additional", "further", "previous", "past",
           "last", "next", "whole", "successive", "extra"],
    "fr": ["derniers", "dernières", "premiers", "premières", "prochains", "prochaines", "consécutifs",
           "consécutives", "supplémentaires", "entiers", "entières", "longs", "longues", "petits",
           "petites", "bons", "bonnes"],
}
# French units that are also ordinary English words ("an", "h") are only units in French text.
FRENCH_ONLY_UNITS = {"an", "ans", "h"}
# Single letters that are units only when glued to the number or followed by punctuation ("8km", "100 m").
AMBIGUOUS_SHORT_UNITS = {"m", "h", "mi", "ha", "ft", "min", "hr"}

# Vague quantity → class. Matching compares classes, and a number falls in a class by `VAGUE_RANGES`.
VAGUE = {
    "en": {"a few hundred": "hundreds", "several hundred": "hundreds", "a few thousand": "thousands",
           "several thousand": "thousands", "a few": "few", "few": "few", "several": "few",
           "a handful of": "few", "a number of": "few",
           "multiple": "few", "a couple of": "few", "a dozen": "dozen", "dozens": "dozens",
           "scores": "dozens", "hundreds": "hundreds", "thousands": "thousands",
           "tens of thousands": "tens of thousands", "hundreds of thousands": "hundreds of thousands",
           "millions": "millions", "many": "many", "numerous": "many", "large numbers": "many",
           "countless": "many"},
    "fr": {"quelques centaines": "hundreds", "plusieurs centaines": "hundreds",
           "quelques milliers": "thousands", "plusieurs milliers": "thousands", "quelques": "few",
           "plusieurs": "few", "une poignée de": "few",
           "un certain nombre de": "few", "une dizaine": "dozen", "des dizaines": "dozens",
           "une vingtaine": "dozens", "une trentaine": "dozens", "une quarantaine": "dozens",
           "une cinquantaine": "dozens", "une centaine": "hundreds", "des centaines": "hundreds",
           "un millier": "thousands", "des milliers": "thousands",
           "des dizaines de milliers": "tens of thousands",
           "des centaines de milliers": "hundreds of thousands", "des millions": "millions",
           "de nombreux": "many", "de nombreuses": "many", "nombreux": "many", "nombreuses": "many"},
}
VAGUE_RANGES = {"few": (2, 12), "dozen": (8, 20), "dozens": (20, 199), "hundreds": (100, 1999),
                "thousands": (1000, 19999), "tens of thousands": (10000, 199999),
                "hundreds of thousands": (100000, 1999999), "millions": (1000000, float("inf")),
                "many": (5, float("inf"))}

# Words before a number that make it approximate ("about 8 km", "plus de 300"), and which way the true
# value may lie: a round figure after one of them may stand for a less round one ("about 300,000" for
# 310,000, "more than 300,000" for 320,000, but not for 280,000).
HEDGES = {
    "about": "near", "around": "near", "some": "near", "roughly": "near", "approximately": "near",
    "close to": "near", "an estimated": "near", "estimated": "near", "environ": "near",
    "près de": "near", "quelque": "near", "approximativement": "near",
    "more than": "above", "over": "above", "at least": "above", "upwards of": "above",
    "plus de": "above", "au moins": "above",
    "nearly": "below", "almost": "below", "up to": "below", "fewer than": "below", "less than": "below",
    "under": "below", "moins de": "below", "jusqu'à": "below", "presque": "below",
}

# Prepositions after which a bare four-digit number is a year even when a noun follows ("in 2015 elections").
YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "of", "before", "after", "during",
                     "early", "late", "mid", "en", "depuis", "dès", "jusqu'en", "avant", "après",
                     "fin", "début"}

FUNCTION_WORDS = {
    "en": set("""
        a an the this that these those its it it's their his her our your my of in on at to for from by
        with without about into onto over under after before during since until till than then as and
        or but nor not no so if while when where which who whom whose what why how there here all any
        each every some other another such same own more most less least many much few very too also
        only just even still yet already again ago is are was were be been being am has have had having
        do does did done can could would should will shall may might must near off out up down per
        against among between through across along around toward towards within upon via behind beyond
        amid despite including one ones he she they we you i me him them us said says say told
        according
    """.split()),
    "fr": set("""
        le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur leurs notre nos votre
        vos mon ma mes et ou mais ni car donc or que qu' qui quoi dont où en dans sur sous par pour avec
        sans chez vers entre contre depuis pendant avant après selon comme plus moins très aussi déjà
        encore ne pas est sont était étaient été être a ont avait avaient avoir fait faire il elle ils
        elles on nous vous se s' y lui eux cela ça près environ
    """.split()),
}

# English endings of words that end a counted noun phrase once it has started ("14 people killed", "two
# car bombs being deployed"); an adverb in -ly cannot start one.
NON_NOUN_ENDINGS = ("ly", "ed", "ing")

# Noun synonyms and French→English noun translations, in surface form (stemmed on load by
# `numbers.concepts`). Each line is one concept; matching treats its words as the same thing counted. A
# word on several lines ("villes": towns or cities) stands for each of them. A word listed here is
# "known": two known nouns that differ are different things, while an unknown one may be a paraphrase.
CONCEPTS = """
    people persons person individuals civilians residents inhabitants personnes habitants civils gens
    villages towns localities hamlets communities villes localités bourgs communes
    cities city villes
    soldiers troops military personnel servicemen soldats militaires
    fighters rebels insurgents militants combatants jihadists gunmen combattants insurgés djihadistes
    jihadistes rebelles
    dead deaths killed bodies victims fatalities casualties morts tués victimes
    wounded injured blessés
    strikes airstrikes air-strikes raids bombings bombardments frappes bombardements
    buildings bâtiments immeubles
    vehicles cars trucks véhicules voitures camions
    tanks chars blindés
    refugees displaced réfugiés déplacés
    children kids enfants
    women femmes
    men hommes
    days jours journées
    years ans années
    months mois
    weeks semaines
    hours heures
    prisoners detainees prisonniers détenus
    shells obus
    rockets missiles roquettes
    attacks offensives assaults attaques
    wars conflicts guerres conflits
    districts neighbourhoods neighborhoods quartiers
    talks negotiations négociations pourparlers
    embassies ambassades
    times fois
    rounds tours manches
    attempts tentatives
    anniversaries anniversaires
    centuries siècles
    terms mandats
    stages phases étapes
    waves vagues
    places rangs positions
    points
    aircraft planes jets warplanes avions appareils
    airports aéroports
    bases
    hospitals hôpitaux
    schools écoles
    homes houses maisons logements
    families familles
    journalists journalistes
    doctors médecins
    votes voix
    seats sièges
    countries pays
    members membres
    meetings réunions
    convoys convois
    trucks lorries
    tonnes
"""
