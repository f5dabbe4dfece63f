"""Figure extraction (English and French) and the faithfulness checks built on it."""

import json
from pathlib import Path

import pytest

from mlsum.figures import (CONTRADICTED, KINDS, SUPPORTED, check_figures, compare_translation,
                           extract_figures, figure_recall, guess_lang)

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"
CASES = json.loads((DATA / "figure_cases.json").read_text(encoding="utf-8"))["cases"]


def source_text(name: str) -> str:
    folder = DATA if name.startswith("fr_") else SEEDS
    return (folder / f"{name}.txt").read_text(encoding="utf-8")


def one(text: str, lang: str | None = None):
    [figure] = [f for f in extract_figures(text, lang) if f.kind != "weekday"]  # "on Tuesday, December 3"
    return figure


# Extraction ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, value", [
    ("300,000 people", "en", 300000), ("300 000 personnes", "fr", 300000),
    ("300\u00a0000 personnes", "fr", 300000), ("300\u202f000 personnes", "fr", 300000),
    ("1,5 million de réfugiés", "fr", 1.5e6), ("1.5 million refugees", "en", 1.5e6),
    ("1,5 million refugees", "en", 1.5e6), ("1,500 fighters", "en", 1500), ("1,500 combattants", "fr", 1.5),
    ("1.500 combattants", "fr", 1500), ("1,500,000 people", "en", 1.5e6), ("300k people", "en", 3e5),
])
def test_digits_with_english_and_french_separators(text, lang, value):
    assert one(text, lang).value == pytest.approx(value)


@pytest.mark.parametrize("text, lang, value, kind, unit, noun", [
    ("ten kilometres north", "en", 10, "distance", "kilometer", None),
    ("the six-year-long war", "en", 6, "duration", "year", "war"),
    ("two car bombs", "en", 2, "count", None, "car bombs"),
    ("three hundred thousand people", "en", 300000, "count", None, "people"),
    ("trois villes", "fr", 3, "count", None, "villes"),
    ("vingt-deux kilomètres", "fr", 22, "distance", "kilometer", None),
    ("quatre-vingt-dix-sept morts", "fr", 97, "count", None, "morts"),
    ("vingt et un villages", "fr", 21, "count", None, "villages"),
])
def test_number_words_in_both_languages(text, lang, value, kind, unit, noun):
    figure = one(text, lang)
    assert (figure.value, figure.kind, figure.unit, figure.noun) == (value, kind, unit, noun)


@pytest.mark.parametrize("text, lang, value, noun", [
    ("for a fifth day", "en", 5, "day"), ("Syria's second city", "en", 2, "city"),
    ("for the first time", "en", 1, "time"), ("the 21st century", "en", 21, "century"),
    ("le premier jour", "fr", 1, "jour"), ("la cinquième journée", "fr", 5, "journée"),
    ("la deuxième ville", "fr", 2, "ville"), ("le 3e jour", "fr", 3, "jour"),
])
def test_ordinals(text, lang, value, noun):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.noun) == ("ordinal", value, noun)


@pytest.mark.parametrize("text, lang, value, unit", [
    ("rose 15% last year", "en", 15, "%"), ("15 per cent of voters", "en", 15, "%"),
    ("15.5 percent", "en", 15.5, "%"), ("15,5 % des électeurs", "fr", 15.5, "%"),
    ("120 pour cent", "fr", 120, "%"), ("up 2 percentage points", "en", 2, "percentage point"),
])
def test_percentages(text, lang, value, unit):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.unit) == ("percent", value, unit)


@pytest.mark.parametrize("text, lang, value, currency", [
    ("needs $13m", "en", 13e6, "USD"), ("needs 13 million dollars", "en", 13e6, "USD"),
    ("a $1.2 billion appeal", "en", 1.2e9, "USD"), ("US$ 500 in aid", "en", 500, "USD"),
    ("a €5bn fund", "en", 5e9, "EUR"), ("£20 million", "en", 20e6, "GBP"),
    ("13 millions de dollars", "fr", 13e6, "USD"), ("4,6 milliards d'euros", "fr", 4.6e9, "EUR"),
])
def test_money(text, lang, value, currency):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.unit) == ("money", pytest.approx(value), currency)


@pytest.mark.parametrize("text, lang, iso", [
    ("on Tuesday, December 3, the army", "en", "--12-03"), ("on December 3rd", "en", "--12-03"),
    ("on March 22, 2017 at noon", "en", "2017-03-22"), ("on 11 February 2017", "en", "2017-02-11"),
    ("in December 2024", "en", "2024-12"), ("on the 3rd of December", "en", "--12-03"),
    ("le 3 décembre 2024", "fr", "2024-12-03"), ("mardi 3 décembre", "fr", "--12-03"),
    ("le 1er janvier 2025", "fr", "2025-01-01"), ("published 2017-03-21", "en", "2017-03-21"),
    ("on 3 Dec. 2024", "en", "2024-12-03"), ("le 3 déc. 2024", "fr", "2024-12-03"),
])
def test_dates(text, lang, iso):
    figure = one(text, lang)
    assert (figure.kind, figure.iso, figure.value) == ("date", iso, None)


def test_date_span_leaves_the_full_stop_of_a_sentence():
    assert one("Fighting raged on 3 December. Then it stopped.").text == "3 December"
    assert one("Fighting raged on Dec. 3.").text == "Dec. 3"


def test_years_times_and_durations():
    figures = extract_figures("Since 2011, over 18 months and 24 hours; at 4:44 pm. Dix-huit mois.", "en")
    assert [(f.kind, f.value, f.unit) for f in figures[:3]] == [
        ("year", 2011, None), ("duration", 18, "month"), ("duration", 24, "hour")]
    assert figures[3].iso == "16:44"
    assert one("pendant dix-huit mois", "fr").unit == "month"
    assert one("à 16h30", "fr").iso == "16:30"


def test_distances_with_conversions_and_units():
    km, miles = extract_figures("about 8 km (5 miles) north of Hama", "en")
    assert (km.value, km.unit, km.qualifier, miles.value, miles.unit) == (8, "kilometer", "about", 5, "mile")
    assert one("20 kilometres north", "en").unit == "kilometer"
    assert one("à 200 kilomètres", "fr").unit == "kilometer"
    assert one("an 8km drive", "en").unit == "kilometer"


@pytest.mark.parametrize("text, lang, vague_class", [
    ("a handful of strikes", "en", "few"), ("a few kilometres", "en", "few"),
    ("several towns", "en", "few"), ("de nombreuses frappes", "fr", "many"),
    ("plusieurs villes", "fr", "few"),
])
def test_vague_quantities_are_never_numbers(text, lang, vague_class):
    figure = one(text, lang)
    assert (figure.kind, figure.vague, figure.value, figure.unit) == ("vague", True, None, vague_class)


@pytest.mark.parametrize("text, lang, magnitude", [
    ("hundreds of thousands of people", "en", "hundreds of thousands"), ("millions of dollars", "en", "millions"),
    ("quelques centaines de civils", "fr", "hundreds"), ("des milliards d'euros", "fr", "billions"),
])
def test_orders_of_magnitude_are_checked_figures(text, lang, magnitude):
    figure = one(text, lang)
    assert (figure.kind, figure.vague, figure.value, figure.unit) == ("magnitude", False, None, magnitude)


@pytest.mark.parametrize("text, lang", [
    ("one of the few places", "en"), ("Today, one can say that Raqqa is encircled", "en"),
    ("winning back more areas including one near Damascus", "en"), ("une coalition de rebelles", "fr"),
    ("F-16 jets and COVID-19", "en"), ("open 24/7", "en"), ("one of the embassy's buildings", "en"),
    ("l'un des bâtiments", "fr"), ("one of the world's biggest", "en"),
    ("the rebels first launched an attack", "en"), ("le Premier ministre", "fr"),
    ("a speed per second", "en"), ("une vitesse par seconde", "fr"),
])
def test_words_and_digits_that_are_not_figures(text, lang):
    assert [f.text for f in extract_figures(text, lang) if not f.vague] == []


def test_one_counts_when_it_counts_something():
    assert one("one car bomb", "en").noun == "car bomb"
    assert (one("one car bomb", "en").value, one("One suspect fled.", "en").noun) == (1, "suspect")


def test_spans_kinds_and_dict():
    text = "Rebels took 11 towns and villages in 24 hours."
    figures = extract_figures(text)
    assert [text[f.start:f.end] for f in figures] == ["11", "24 hours"]
    assert set(figures[0].to_dict()) >= {"text", "start", "end", "value", "unit", "kind", "noun", "vague"}
    french = ["fr_002_86f724fbe4640ba6", "fr_004_1303be2f307863c3"]
    for name in [*(p.stem for p in SEEDS.glob("*.txt")), *french]:
        text = source_text(name)
        assert all(f.kind in KINDS and text[f.start:f.end] == f.text for f in extract_figures(text))


def test_guess_lang():
    assert guess_lang(source_text("fr_004_1303be2f307863c3")) == "fr"
    assert guess_lang(source_text("004_1303be2f307863c3")) == "en"


@pytest.mark.parametrize("text, lang", [
    ("Cinq autres pompiers ont été blessés.", "fr"), ("Deux blessés à Nîmes.", "fr"),
    ("Il a gagné 3 étapes, dont deux en montagne.", "fr"), ("Floods killed nine people in Nîmes.", "en"),
    ("Five people died.", "en"), ("The café opened.", "en"),
])
def test_guess_lang_of_a_short_summary(text, lang):
    assert guess_lang(text) == lang
    if lang == "fr":  # and so its number words are read
        assert extract_figures(text)[0].lang == "fr"


# Matching ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['source'][:6]}:{c['summary'][:40]}")
def test_planted_figures_are_flagged_and_true_ones_supported(case):
    check = check_figures(case["summary"], [source_text(case["source"])])
    assert sorted(item.figure.text for item in check.flagged) == sorted(case["planted"])


@pytest.mark.parametrize("summary, status", [
    ("Rebels attacked Qomhana, 8 km north of Hama.", SUPPORTED),
    ("Qomhana is 5 miles north of Hama.", SUPPORTED),
    ("Qomhana is 18 km north of Hama.", CONTRADICTED),
    ("The fighting cut 3 million people off from aid.", CONTRADICTED),
    ("Clashes in Jobar went on for a seventh day.", CONTRADICTED),
])
def test_issue_examples(summary, status):
    [item] = check_figures(summary, [source_text("002_86f724fbe4640ba6")]).items
    assert item.status == status


@pytest.mark.parametrize("seed, summary", [
    ("002_86f724fbe4640ba6", "Fighting in Jobar went on for a 5th day."),
    ("004_1303be2f307863c3", "Aleppo is Syria's 2nd city."),
    ("004_1303be2f307863c3", "Fighting raged on Tuesday, 3 December."),
    ("001_f883645a21eed471", "Assad has survived the 6-year war."),
    ("001_f883645a21eed471", "The war crimes database needs US$13 million."),
    ("001_f883645a21eed471", "The war crimes database needs 13 million USD."),
    ("002_86f724fbe4640ba6", "At least eleven villages fell and 300 thousand people lost aid."),
    ("002_86f724fbe4640ba6", "At least 11 villages fell and 0.3 million people lost aid."),
    ("000_68e6a50ef9b3051b", "Government forces have made gains for 1.5 years."),
])
def test_other_ways_of_writing_a_true_figure(seed, summary):
    assert check_figures(summary, [source_text(seed)]).flagged == []


def test_contradiction_names_the_source_figure():
    [item] = check_figures("Rebels captured 14 villages.", [source_text("000_68e6a50ef9b3051b")]).items
    assert (item.status, item.evidence.text) == (CONTRADICTED, "11")


def test_value_elsewhere_in_the_source_does_not_support_another_thing():
    source = source_text("001_f883645a21eed471")  # "US-coalition strikes near Syria's Raqqa city kill 14"
    assert check_figures("Rebels captured 14 villages.", [source]).items[0].status != SUPPORTED
    assert check_figures("Strikes near Raqqa killed 14 people.", [source]).items[0].status == SUPPORTED


@pytest.mark.parametrize("summary, source, supported", [
    ("fighting in the past 48 hours", "fighting over the past two days", True),
    ("a war of 18 months", "the war lasted 1.5 years", True),
    ("a war of a year and a half", "the war lasted 18 months", True),
    ("une guerre d'un an et demi", "the war lasted 18 months", True),
    ("a war of a year and a half", "the war lasted 2 years", False),
    ("Hama is 12 miles away", "Hama is 20 km away", True),
    ("Hama is 11 miles away", "Hama is 20 km away", False),
    # a converted figure agrees to the precision it is written to: 160 km for 100 miles, not 656 ft for 198 m
    ("a 160 km ride", "a 100-mile ride", True), ("a mast 650 feet high", "a 198 metre mast", True),
    ("a mast 656 feet high", "a 198 metre mast", False), ("a tower of 1.8 m", "a tower of 6 ft", True),
    ("about 300,000 people", "some 310,000 people", True),
    ("about 400,000 people", "some 310,000 people", False),
    ("more than 300,000 people", "320,000 people", True),
    ("more than 300,000 people", "280,000 people", False),
    ("nearly 300,000 people", "290,000 people", True),
    ("nearly 300,000 people", "310,000 people", False),
    ("a 13 million dollar fund", "a $13m fund", True),
    ("a 13 million euro fund", "a $13m fund", False),
    ("in December 2017", "on December 4, 2017", True),
    ("on December 4, 2017", "on Tuesday, December 4", False),
    ("since 2017", "on March 22, 2017", True),
    ("the fifth week", "for a fifth day of fighting in the last week", False),
])
def test_normalized_comparisons(summary, source, supported):
    [item] = [i for i in check_figures(summary, [source]).items if i.figure.text in summary]
    assert (item.status == SUPPORTED) is supported


def test_summary_of_a_french_article_is_checked_against_original_and_translation():
    original = source_text("fr_002_86f724fbe4640ba6")
    translation = (DATA / "en_002_translation_mangled.txt").read_text(encoding="utf-8")
    summary = "Rebels took at least 11 villages; 300,000 people are cut off from aid, 8 km from Hama."
    assert check_figures(summary, [translation]).precision < 1  # the translation lost 11 and 300,000
    check = check_figures(summary, [original, translation])
    assert check.precision == 1 and [i.evidence.text for i in check.items] == ["onze", "300 000", "8 km"]


def test_precision_ignores_vague_quantities():
    check = check_figures("Several strikes hit 12 villages.", ["Several strikes hit 11 villages."])
    assert [i.status for i in check.items] == [SUPPORTED, CONTRADICTED]
    assert check.precision == 0
    assert check_figures("Fighting went on.", ["Fighting went on for 5 days."]).precision is None


def test_figure_recall():
    reference = "Rebels took 11 villages in 24 hours, 8 km from Hama."
    summary = "Rebels took eleven villages in a day, 8 km from Hama."
    assert figure_recall(summary, reference) == pytest.approx(2 / 3)
    assert figure_recall("Rebels advanced.", "No figures here.") is None


def test_translation_check_reports_missing_and_changed_figures():
    original = source_text("fr_002_86f724fbe4640ba6")
    mangled = (DATA / "en_002_translation_mangled.txt").read_text(encoding="utf-8")
    issues = [(i.figure.text, i.status, i.translation.text if i.translation else None)
              for i in compare_translation(original, mangled)]
    assert issues == [("onze", "changed", "14"), ("5 miles", "missing", None),
                      ("300 000", "changed", "300")]
    faithful = (DATA / "en_002_translation.txt").read_text(encoding="utf-8")
    assert compare_translation(original, faithful) == []


def test_a_score_found_anywhere_in_an_article_is_located_after_letters_that_lower_case_to_two():
    source = "İstanbul won 3-2, they said."
    [item] = check_figures("Istanbul won 3-2.", [source]).items
    assert source[item.evidence.start:item.evidence.end] == "3-2"


def test_a_translation_is_checked_for_the_figures_written_not_those_implied():
    original = "Jean Morel et Marie Lenoir sont arrivés à Lyon ; les deux maires ont parlé."
    assert compare_translation(original, "They arrived in Lyon; the two mayors spoke.") == []


def test_every_item_locates_its_evidence_in_the_source_it_was_found_in():
    french = "Le séisme a fait 12 morts à Alep."
    english = "The earthquake killed 12 people in Aleppo, 40 km from the border."
    check = check_figures("The quake killed 12 people 40 km from the border.", ["", english, french])
    by_text = {item["text"]: item for item in (m.to_dict() for m in check.items)}
    for text, item in by_text.items():
        source = ["", english, french][item["evidence_source"]]
        assert source[item["evidence_start"]:item["evidence_end"]] == item["evidence"]
    assert by_text["40 km"]["evidence_source"] == 1
    contradicted = check_figures("It killed 99 people.", [english]).items[0].to_dict()
    assert contradicted["status"] == CONTRADICTED
    assert english[contradicted["evidence_start"]:contradicted["evidence_end"]] == "12"
    unsupported = check_figures("Rain fell for 3 hours.", [english]).items[0].to_dict()
    assert unsupported["evidence"] is None and unsupported["evidence_start"] is None


def test_a_source_index_is_freed_without_the_garbage_collector():
    """An index holds no reference cycle (its lazy weekday group keeps what it reads from, never the
    index): the cache lets go of hundreds of indexes, which the garbage collector would otherwise walk."""
    import gc

    from mlsum.figures.match import SourceIndex

    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        index = SourceIndex("On Friday 3 people died in Lyon. On Monday, two more were hurt; both men were 40.")
        assert [d.text for d in index.weekdays("5")] == ["Friday"]
        assert [d.text for d in index.by_group["weekday"]] == ["Friday", "Monday"]
        assert [f.text for f in index.figures if f.kind == "weekday"] == ["Friday", "Monday"]
        index.numbers, index.vocabulary, index.scores
        del index
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
