"""Word lists behind figure extraction and matching, English and French.

Kept as data so that a missed unit or synonym is a one-line fix, and general: nothing here may name the
topic of one article. Months, weekdays, am/pm, number words, scales, fractions and approximate numbers
are the package's shared vocabulary and live in :mod:`mlsum.vocab`; currency names come from the
Unicode CLDR tables through babel; units are pint names. The rest is news vocabulary that no kept
library provides.
"""

from __future__ import annotations

import re
import unicodedata

from babel import Locale
from babel.numbers import get_currency_name

from ..vocab import LANGS
from ..vocab import WEEKDAYS as _WEEKDAY_NAMES

# Full weekday names end a noun phrase ("on 3 Monday..."); abbreviations are too often words ("mer", "sun").
WEEKDAYS = {lang: {name for name in names if len(name) > 4} for lang, names in _WEEKDAY_NAMES.items()}

# "second(e)" is an ordinal text2num does not know in French.
EXTRA_ORDINALS = {"fr": {"second": 2, "seconde": 2}, "en": {}}
# Number words that are pronouns or articles far more often than counts: they count only before a noun
# ("one car bomb", "un des bâtiments" is not a count either), never alone ("one can say", "une coalition").
WEAK_UNITS = {"en": {"one"}, "fr": {"un", "une"}}

# Ordinal word + noun that name a role or manner, not a rank in a series.
ORDINAL_IDIOMS = {"en": {"first lady", "first aid", "first hand", "first minister", "second hand",
                         "first class", "second class", "third party", "first name"},
                  "fr": {"premier ministre", "première ministre", "premier plan", "premier lieu",
                         "second plan", "seconde main", "premier secrétaire", "première dame"}}

# Nouns after "100%" that make it the idiom of a perfect record ("their 100% start to the season", "a
# 100 per cent record", "100 % de victoires"): every match won, not a share that was measured; vague.
PERFECT_RECORD_NOUNS = {"en": {"start", "starts", "record", "records"},
                        "fr": {"victoires", "réussite", "bilan"}}

# Currencies: every ISO currency by its CLDR names in both languages ("Swiss francs", "francs suisses"),
# its symbol where it has one of its own, and for the currencies most news is about the bare word too
# ("dollars", "pounds", "livres"): a bare word goes to the first of these whose name ends (English) or
# starts (French) with it.
_MAJOR_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "RUB", "TRY", "BRL", "MXN", "ZAR")
_SPELLINGS = {"rubles": "roubles", "ruble": "rouble"}


def _currency_tables() -> tuple[dict[str, str], dict[str, str]]:
    words: dict[str, str] = {}
    for lang in LANGS:
        for code in Locale(lang).currencies:
            for count in (1, 2):
                name = get_currency_name(code, count, lang).lower()
                words.setdefault(name, code)
            words.setdefault(code.lower(), code)
    for code in reversed(_MAJOR_CURRENCIES):  # earlier ones win
        for lang in LANGS:
            for count in (1, 2):
                parts = get_currency_name(code, count, lang).lower().split()
                bare = parts[-1] if lang == "en" else parts[0]
                words[bare] = code
                if bare in _SPELLINGS:
                    words[_SPELLINGS[bare]] = code
    symbols = {symbol.lower(): code for code, symbol in Locale("en").currency_symbols.items()
               if any(unicodedata.category(c) == "Sc" for c in symbol) and " " not in symbol
               and "\u202f" not in symbol and symbol != "¤"}
    symbols.update({"us$": "USD", "$us": "USD"})
    return words, symbols


CURRENCY_WORDS, CURRENCY_SYMBOLS = _currency_tables()
# ISO codes that stand before a number as a currency does ("CHF 500", "USD 13m").
CURRENCY_CODES_BEFORE = {code.lower(): code for code in _MAJOR_CURRENCIES if code != "TRY"}
# Words that name a currency but are, after a number, far more often something else ("3 won", "5 real").
CURRENCY_WORDS = {w: c for w, c in CURRENCY_WORDS.items()
                  if w not in {"won", "real", "rand", "mark", "marks", "all", "top", "cup", "bob", "mop",
                               "mad", "pen", "try", "gel", "lei", "sol", "som", "kip", "fr"}}
# What names a currency after a number: its words and the symbols French writes there ("50 €", "3 M$").
CURRENCY_AFTER = {**CURRENCY_WORDS, **{s: c for s, c in CURRENCY_SYMBOLS.items() if not s[0].isalpha()}}

PERCENT_WORDS = ("%", "percent", "per cent", "pour cent", "pourcent")
PERCENT_POINT_WORDS = ("percentage points", "percentage point", "points de pourcentage",
                       "point de pourcentage")


def _units() -> dict[str, tuple[str, str]]:
    """Spelled unit → (pint unit name, kind). Only pint names appear as values, so conversion is one
    lookup."""
    table = {
        ("kilometer", "distance"): "km, kms, kilometre, kilometres, kilometer, kilometers, kilomètre, "
                                   "kilomètres",
        ("mile", "distance"): "mile, miles, mi",
        ("meter", "distance"): "m, metre, metres, meter, meters, mètre, mètres",
        ("centimeter", "distance"): "cm, centimetre, centimetres, centimeter, centimeters, centimètre, "
                                    "centimètres",
        ("millimeter", "distance"): "mm, millimetre, millimetres, millimeter, millimeters, millimètre, "
                                    "millimètres",
        ("foot", "distance"): "feet, foot, ft",
        ("inch", "distance"): "inch, inches",
        ("yard", "distance"): "yard, yards, yd",
        ("kilometer ** 2", "area"): "km2, km², sq km, square kilometres, square kilometers, "
                                    "square kilometre, square kilometer, kilomètres carrés, kilomètre carré",
        ("mile ** 2", "area"): "square miles, square mile, sq miles",
        ("meter ** 2", "area"): "m2, m², square metres, square meters, square metre, mètres carrés, "
                                "mètre carré",
        ("foot ** 2", "area"): "square feet, sq ft",
        ("hectare", "area"): "hectare, hectares, ha",
        ("acre", "area"): "acre, acres",
        ("kilogram", "mass"): "kg, kilogram, kilograms, kilogramme, kilogrammes, kilo, kilos",
        ("gram", "mass"): "g, gram, grams, gramme, grammes",
        ("metric_ton", "mass"): "tonne, tonnes, ton, tons, t",
        ("pound", "mass"): "lb, lbs",
        ("ounce", "mass"): "ounce, ounces, oz",
        ("liter", "volume"): "litre, litres, liter, liters, l",
        ("milliliter", "volume"): "ml, millilitre, millilitres",
        ("gallon", "volume"): "gallon, gallons",
        ("oil_barrel", "volume"): "barrel, barrels",
        ("mile / hour", "speed"): "mph, miles per hour, miles an hour, miles-per-hour",
        ("kilometer / hour", "speed"): "km/h, kph, kmh, kilometres per hour, kilometers per hour, "
                                       "kilometres an hour, kilometers an hour, km per hour, km an hour, "
                                       "kilomètres-heure, kilomètres par heure, km par heure",
        ("knot", "speed"): "knot, knots, noeuds, nœuds",
        ("watt * hour", "energy"): "wh, watt-hours, watt hours",
        ("kilowatt * hour", "energy"): "kwh, kilowatt-hours, kilowatt hours",
        ("megawatt * hour", "energy"): "mwh, megawatt-hours, megawatt hours",
        ("gigawatt * hour", "energy"): "gwh, gigawatt-hours, gigawatt hours",
        ("terawatt * hour", "energy"): "twh, terawatt-hours, terawatt hours",
        ("watt", "power"): "w, watt, watts",
        ("kilowatt", "power"): "kw, kilowatt, kilowatts",
        ("megawatt", "power"): "mw, megawatt, megawatts",
        ("gigawatt", "power"): "gw, gigawatt, gigawatts",
        ("kilobyte", "data"): "kb, kilobyte, kilobytes, ko, kilooctet, kilooctets",
        ("megabyte", "data"): "mb, megabyte, megabytes, mo, mégaoctet, mégaoctets",
        ("gigabyte", "data"): "gb, gigabyte, gigabytes, go, gigaoctet, gigaoctets",
        ("terabyte", "data"): "tb, terabyte, terabytes, téraoctet, téraoctets",
        ("hertz", "frequency"): "hz, hertz",
        ("kilohertz", "frequency"): "khz, kilohertz",
        ("megahertz", "frequency"): "mhz, megahertz",
        ("gigahertz", "frequency"): "ghz, gigahertz",
        ("degree_Celsius", "temperature"): "c, °c, ºc, ° c, celsius, degrees celsius, degrés celsius, "
                                           "degrees c",
        ("degree_Fahrenheit", "temperature"): "f, °f, ° f, fahrenheit, degrees fahrenheit, degrees f",
        ("degree", "temperature"): "degrees, degree, degrés, degré, °",
        ("year", "duration"): "year, years, yr, yrs, an, ans, année, années",
        ("month", "duration"): "month, months, mois",
        ("week", "duration"): "week, weeks, semaine, semaines",
        ("day", "duration"): "day, days, jour, jours, journée, journées",
        ("hour", "duration"): "hour, hours, hr, hrs, heure, heures, h",
        ("minute", "duration"): "minute, minutes, min",
        ("second", "duration"): "second, seconds, seconde, secondes",
        ("millisecond", "duration"): "ms, millisecond, milliseconds, milliseconde, millisecondes",
    }
    return {spelling.strip(): unit for unit, spellings in table.items() for spelling in spellings.split(",")}


UNITS = _units()
# Adjectives that may stand between a number and its unit ("five consecutive days", "deux derniers jours").
UNIT_ADJECTIVES = {
    "en": ["more", "consecutive", "straight", "full", "long", "additional", "further", "previous", "past",
           "last", "next", "whole", "successive", "extra"],
    "fr": ["derniers", "dernières", "premiers", "premières", "prochains", "prochaines", "consécutifs",
           "consécutives", "supplémentaires", "entiers", "entières", "longs", "longues", "petits",
           "petites", "bons", "bonnes"],
}
# Words between a number and the noun it counts that are not that noun ("two other firefighters", "deux
# autres pompiers", "trois nouveaux hôpitaux"): French puts few adjectives before its noun, and these.
NOUN_PREMODIFIERS = {
    "en": {"other", "more", "further", "additional", "extra"},
    "fr": {"autres", "nouveaux", "nouvelles", "grands", "grandes", "petits", "petites", "anciens", "anciennes",
           "jeunes", "vieux", "vieilles", "gros", "grosses", "hauts", "hautes", "seuls", "seules", "vrais",
           "vraies", "mêmes", "premiers", "premières", "derniers", "dernières", "prochains", "prochaines"},
}
# French units that are also ordinary English words ("an", "h") are only units in French text.
FRENCH_ONLY_UNITS = {"an", "ans", "h", "ko", "mo", "go"}
# Short units that are also letters or words: units only when glued to the number or followed by
# punctuation ("8km", "100 m.", "38.1C"), never before a word ("5 m people", "3 in 10").
AMBIGUOUS_SHORT_UNITS = {"m", "h", "mi", "ha", "ft", "min", "hr", "c", "f", "g", "l", "t", "in.", "°",
                         "yd", "oz", "yr", "yrs", "ms", "w", "wh"}
# Those French writes spaced before a word as well ("une montée de 13,6 m à 7 %", "48 h de garde à vue"):
# French writes millions "M" before a currency or "millions", never "5 m personnes".
FRENCH_SPACED_UNITS = {"m", "h", "min", "ha", "t"}

# Vague quantity → class; a number falls in a class by `VAGUE_RANGES`. Vague ones ("a few", "several") are
# listed but never scored; orders of magnitude ("dozens", "thousands", "des millions") are checked like
# numbers: "millions" where the article says billions is an error, digits or not, and so is "dozens of
# people injured" where it counts three.
VAGUE = {
    "en": {"a few hundred": "hundreds", "several hundred": "hundreds", "a few thousand": "thousands",
           "several thousand": "thousands", "a few million": "millions", "several million": "millions",
           "a few": "few", "few": "few", "several": "few", "a handful of": "few", "a number of": "few",
           "multiple": "few", "a couple of": "few", "dozens": "dozens", "scores": "dozens",
           "hundreds": "hundreds", "thousands": "thousands", "tens of thousands": "tens of thousands",
           "hundreds of thousands": "hundreds of thousands", "millions": "millions",
           "tens of millions": "tens of millions", "hundreds of millions": "hundreds of millions",
           "billions": "billions", "many": "many", "numerous": "many", "large numbers": "many",
           "countless": "many"},
    "fr": {"quelques centaines": "hundreds", "plusieurs centaines": "hundreds",
           "quelques milliers": "thousands", "plusieurs milliers": "thousands",
           "quelques millions": "millions", "plusieurs millions": "millions", "quelques": "few",
           "plusieurs": "few", "une poignée de": "few", "un certain nombre de": "few",
           "des dizaines": "dozens", "des centaines": "hundreds", "des milliers": "thousands",
           "des dizaines de milliers": "tens of thousands",
           "des centaines de milliers": "hundreds of thousands", "des millions": "millions",
           "des dizaines de millions": "tens of millions", "des centaines de millions": "hundreds of millions",
           "des milliards": "billions", "de nombreux": "many", "de nombreuses": "many",
           "nombreux": "many", "nombreuses": "many"},
}
VAGUE_RANGES = {"few": (2, 12), "dozens": (20, 199), "many": (5, float("inf")),
                "hundreds": (100, 9999), "thousands": (1000, 999999), "tens of thousands": (10000, 999999),
                "hundreds of thousands": (100000, 9999999), "millions": (1e6, 999999999),
                "tens of millions": (1e7, 999999999), "hundreds of millions": (1e8, 9999999999),
                "billions": (1e9, 1e13)}
MAGNITUDES = {"dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions",
              "tens of millions", "hundreds of millions", "billions"}

# Words before a number that make it approximate ("about 8 km", "plus de 300"), and which way the true
# value may lie: a round figure after one of them may stand for a less round one ("about 300,000" for
# 310,000, "more than 50" for 63, but not for 45).
HEDGES = {
    "about": "near", "around": "near", "some": "near", "roughly": "near", "approximately": "near",
    "close to": "near", "an estimated": "near", "estimated": "near", "almost exactly": "near",
    "environ": "near", "près de": "near", "quelque": "near", "approximativement": "near",
    "autour de": "near",
    "more than": "above", "over": "above", "at least": "above", "upwards of": "above",
    "in excess of": "above", "plus de": "above", "au moins": "above", "au-delà de": "above",
    "nearly": "below", "almost": "below", "up to": "below", "fewer than": "below", "less than": "below",
    "under": "below", "just under": "below", "moins de": "below", "jusqu'à": "below", "presque": "below",
    "quasiment": "below",
}

# Prepositions after which a bare four-digit number is a year even when a noun follows ("in 2015 elections").
YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "of", "before", "after", "during",
                     "early", "late", "mid", "en", "depuis", "dès", "jusqu'en", "avant", "après",
                     "fin", "début"}

# Words after which a month name alone is a date ("in January", "fin décembre").
MONTH_PREPOSITIONS = {"in", "until", "till", "since", "by", "from", "last", "next", "early", "late", "mid",
                      "this", "before", "after", "during", "of", "through", "throughout", "en", "depuis", "fin",
                      "début", "jusqu'en", "jusqu’en", "mi", "dès", "avant", "après", "de", "d'", "d’", "du",
                      "to", "between", "around"}
# Words before a month used as a noun's modifier ("the December ceasefire", "every August"): a month only
# when the next word is not a name ("the April Jones case").
MONTH_DETERMINERS = {"the", "a", "an", "every", "each", "that", "same", "previous", "coming", "past", "its",
                     "their", "le", "ce", "chaque"}
# Months that are also first names: never read from a possessive alone ("April's mother"), nor after
# the prepositions a person follows as often ("a blow for May").
MONTH_NAMES_OF_PEOPLE = {"april", "may", "june", "august"}
PERSON_PREPOSITIONS = {"for", "with", "pour", "avec"}
# One of a series, ranked by the number after it: "day two", "round 3", "stage 4", "étape 4".
SERIES_NOUNS = {"en": {"day", "round", "stage", "game", "match", "test", "leg", "heat", "race", "week", "phase",
                       "level", "part", "episode", "chapter", "season", "lap", "hole", "set", "series", "act"},
                "fr": {"jour", "tour", "étape", "manche", "journée", "match", "épisode", "chapitre", "saison",
                       "phase", "acte", "partie"}}
# Words around a number that say it is an age: "aged 39", "âgé de 39 ans".
AGE_BEFORE = {"aged", "age", "ages", "âgé", "âgée", "âgés", "âgées"}
# Words before an age that date it to the past: "ill since the age of three" says nothing of how old
# the child is now, nor "joué dès l'âge de 5 ans" of the player's age.
PAST_AGE_BEFORE = re.compile(r"\b(?:since|from|depuis|dès|à partir de)\s+(?:the\s+)?(?:age\s+of|age|l'âge\s+de)\s+$",
                             re.IGNORECASE)
# Words right before a number that make it a rank: "world No 1", "number two", "numéro un", "n°1".
RANK_BEFORE = ("no", "no.", "number", "numéro", "n°", "nº")
# Words next to "3-2" that make it a score rather than a range.
SCORE_BEFORE = {"won", "win", "beat", "beating", "beaten", "lost", "lose", "losing", "defeated", "drew",
                "draw", "led", "lead", "leading", "trailed", "trailing", "thrashed", "edged", "gagné",
                "battu", "perdu", "mené", "menait", "l'emporte", "victory", "defeat", "at", "to", "victoire",
                "défaite", "succès", "nul"}
SCORE_AFTER = {"win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "aggregate", "down",
               "victoire", "défaite", "succès", "revers", "nul", "thrashing", "triumph", "reverse", "wins",
               "victories", "defeats", "draws", "home", "away"}
# Words that join a hyphenated phrase around a number ("innings-and-39-run", "one-in-10", "vingt-et-un"
# is read as a number word before this applies): a number after one of them is no part of a name.
HYPHEN_JOINERS = {"and", "or", "in", "of", "to", "by", "than", "et", "ou", "sur", "de"}
# French prepositions after which "7 heures", "19 h" is a time of day, not a duration.
CLOCK_BEFORE = {"à", "vers", "dès", "jusqu'à", "avant"}

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
        according ever
    """.split()),
    "fr": set("""
        le la les l' un une des du de d' à au aux ce cet cette ces son sa ses leur leurs notre nos votre
        vos mon ma mes et ou mais ni car donc or que qu' qui quoi dont où en dans sur sous par pour avec
        sans chez vers entre contre depuis pendant avant après selon comme plus moins très aussi déjà
        encore ne pas est sont était étaient été être a ont avait avaient avoir fait faire il elle ils
        elles on nous vous se s' y lui eux cela ça près environ
    """.split()),
}

# Kinds of people: "people" (the first line of CONCEPTS) is said of any of them, so "two people" is true
# where the article counts two men, and "two men" is not contradicted by "two people" (only unconfirmed).
# None whose stem is also a thing ("attackers"/"attacks", "militants"/"military", "supporters"/"support").
PERSON_NOUNS = """
    men women children boys girls students workers officers prisoners passengers members dead injured
    suspects players fans soldiers troops migrants doctors teachers voters athletes tourists fighters
    rebels gunmen hostages survivors adults teenagers brothers sisters sons daughters friends colleagues
    drivers riders cyclists motorists pedestrians firefighters climbers pilgrims miners
    hommes femmes enfants garçons filles élèves étudiants salariés policiers soldats migrants médecins
    électeurs joueurs otages survivants adultes adolescents jeunes
""".split()

# French endings of nouns of people, and the nouns with these endings that name a span of time or a thing:
# "un pompier volontaire de 34 ans", "un vigneron de 58 ans" give an age; "une peine de prison de 30 ans",
# "un chantier de 3 ans" a duration (as does any word in -ion or -ment, "une détention de 2 ans").
FRENCH_PERSON_ENDINGS = ("ier", "ière", "eur", "euse", "rice", "iste", "ant", "ante", "ent", "ente", "aire",
                         "ien", "ienne", "on", "onne", "ais", "aise", "ois", "oise")
FRENCH_SPANS_OF_TIME = {"prison", "saison", "horizon", "raison", "marathon", "feuilleton", "carrière",
                        "chantier", "calendrier", "dossier", "quartier", "papier", "métier", "filière",
                        "frontière", "matière", "première", "anniversaire", "salaire", "horaire", "itinéraire",
                        "inventaire", "calvaire", "séminaire", "commentaire", "questionnaire", "moratoire",
                        "patient", "accident", "argent", "incident", "talent", "continent", "restaurant",
                        "montant", "instant", "carburant", "volant", "record", "exercice", "plan", "contrat",
                        "mandat", "peine", "délai", "bail", "séjour", "règne", "conflit", "absence"}
# French words for people that neither CONCEPTS nor the endings above give ("un député de 45 ans").
FRENCH_PERSON_WORDS = ("personne", "garçon", "fille", "fillette", "homme", "femme", "enfant", "adolescent",
                       "adolescente", "jeune", "bébé", "retraité", "retraitée", "député", "députée", "salarié",
                       "salariée", "employé", "employée", "réfugié", "réfugiée", "blessé", "blessée", "accusé",
                       "accusée", "condamné", "condamnée", "prévenu", "prévenue", "détenu", "détenue", "élu",
                       "élue", "invité", "invitée", "médecin", "voisin", "voisine", "cousin", "cousine", "marin")

# English endings of words that end a counted noun phrase once it has started ("14 people killed", "two
# car bombs being deployed"); an adverb in -ly cannot start one.
NON_NOUN_ENDINGS = ("ly", "ed", "ing")

# Nouns that news counts, with their common synonyms and French translations, in surface form (stemmed on
# load). Each line is one concept; matching treats its words as the same thing counted, and a word on
# several lines stands for each of them. A word listed here is "known": two known nouns on different
# lines are different things, while an unknown one may be a paraphrase.
CONCEPTS = """
    people persons individuals residents inhabitants citizens civilians personnes habitants gens citoyens civils individus
    dead deaths killed fatalities victims lives bodies morts tués décès victimes
    injured wounded injuries hurt blessés blessures
    infections infected cases patients infections cas malades contaminations
    children child kids youngsters minors enfants enfant mineurs
    women woman femmes
    men man hommes
    boys garçons
    girls filles
    students pupils schoolchildren élèves étudiants
    workers employees staff personnel jobs employés salariés travailleurs emplois postes
    jobs posts positions roles emplois postes
    officers police policemen officiers policiers
    firefighters firemen pompiers sapeurs-pompiers
    farmers agriculteurs paysans exploitants
    winegrowers winemakers vignerons viticulteurs
    nurses infirmiers infirmières
    doctors physicians médecins
    soldiers troops military servicemen soldats militaires
    journalists reporters journalistes
    teachers enseignants professeurs
    lawyers avocats
    mayors maires
    homes houses properties dwellings households maisons logements foyers habitations
    buildings structures bâtiments immeubles édifices
    vehicles cars trucks lorries véhicules voitures camions
    companies firms businesses entreprises sociétés firmes
    countries nations states pays nations états
    towns villages localities hamlets villes villages communes localités bourgs
    cities city villes
    times occasions fois
    games matches fixtures rencontres matchs parties
    goals buts
    points
    votes ballots voix votes
    seats sièges
    members membres
    families familles
    days jours journées
    years ans années
    months mois
    weeks semaines
    quarters trimestres
    hours heures
    minutes
    rounds tours manches
    stages phases étapes
    attempts tentatives
    terms mandats
    centuries siècles
    places ranks positions rangs places
    titles championships titres
    medals médailles
    arrests arrested arrestations interpellations
    prisoners detainees inmates prisonniers détenus
    attacks assaults attaques
    flights vols
    passengers passagers
    trees arbres
    animals animaux
    contracts contract deal deals agreement agreements contrats contrat accord accords
    shots gunshots bullets tirs balles
"""
