"""Property tests: figure extraction and checking never raise on arbitrary text, in either language, and
what they return is consistent with the text (spans, evidence offsets, statuses and their bases)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlsum.figures import BASES, check_figures, compare_translation, extract_figures

# Arbitrary Unicode, and text made of the pieces figures are made of, so that the odd combinations
# ("40 may", "3 - 2 -", "XIXe", "£ 5, 000 m") come up far more often than in random characters.
PIECES = st.sampled_from([
    "0", "1", "7", "12", "40", "300", "1,5", "2.5", "5, 000", "300 000", "1990s", "'90s", "3-2", " - ",
    "-", "–", "/", ",", ".", "%", "$", "£", "€", "CHF", "US$", "m", "bn", "km", "mph", "°C", "C", "h", "ans",
    "year", "old", "aged", "No", "number", "one", "two", "a", "third", "half", "une", "dizaine", "quart",
    "des", "milliers", "millions", "of", "the", "may", "May", "march", "august", "janvier", "décembre",
    "XIXe", "siècle", "à", "to", "and", "between", "entre", "more than", "plus de", "about", "around",
    "first", "premier", "pm", "a.m.", "o'clock", "heures", "Roldan", "İstanbul", "ß", "\u00a0", "\u202f",
    "\n", " ", "  ", "(", ")", "’s", "é", "ﬁ", "🙂", "\u0301",
    "both", "maiden", "opening", "Ana Ruiz", "Li Wei", "A man", "et", "Match ends", "Hull", "day", "round",
    "étape", "ever", "dozens", "per", "second", "102. 5", "1500m", "Â£", "next",
])
NEWS_LIKE = st.lists(PIECES, max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), NEWS_LIKE)
LANG = st.sampled_from(["en", "fr", None])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, lang=LANG, implied=st.booleans())
def test_extraction_never_raises_and_spans_are_the_text(text, lang, implied):
    for figure in extract_figures(text, lang, implied=implied):
        assert text[figure.start:figure.end] == figure.text
        assert figure.vague or figure.value is not None or figure.iso is not None or figure.kind == "magnitude"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(summary=TEXT, source=TEXT, other=TEXT, lang=LANG)
def test_checking_never_raises_and_evidence_is_located(summary, source, other, lang):
    sources = [source, other]
    check = check_figures(summary, sources, lang)
    for item in check.items:
        record = item.to_dict()
        assert record["basis"] in BASES[record["status"]]
        if record["evidence"] is not None:
            text = sources[record["evidence_source"]]
            assert text[record["evidence_start"]:record["evidence_end"]] == record["evidence"]
    assert check.precision is None or 0 <= check.precision <= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=TEXT, translation=TEXT)
def test_translation_check_never_raises(original, translation):
    for issue in compare_translation(original, translation):
        assert issue.status in ("missing", "changed")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, lang=st.sampled_from(["en", "fr"]))
def test_the_reader_gates_never_hide_a_match(text, lang):
    """The one-test gates the number reader runs first (`DATE_OR_CLOCK`, `AFTER_NUMBER`, `_marked_before`)
    are only shortcuts: where a gate says no, every pattern or test it stands for says no too; and the last
    word of a window cut out (`LAST_WORD`) is the one `PREVIOUS_WORD` finds in it."""
    from mlsum.figures import patterns as P
    from mlsum.figures.extract import _Reader, lower_keeping_offsets

    low = lower_keeping_offsets(text)
    reader = _Reader(text, low, lang)
    for pos in range(len(low) + 1):
        if not P.DATE_OR_CLOCK[lang].match(low, pos):
            assert not P.DAY_MONTH[lang].match(low, pos) and not P.CLOCK[lang].match(low, pos)
        if not P.AFTER_NUMBER[lang].match(low, pos):
            assert not any(p.match(low, pos) for p in (P.SCALE, P.PERCENT, P.CURRENCY_WORD, P.UNIT[lang], P.OCLOCK))
        for start in (max(0, pos - 24), max(0, pos - 3)):
            window = low[start:pos]
            previous, last = P.PREVIOUS_WORD.search(window), P.LAST_WORD.search(window)
            assert (previous and previous.span(1)) == (last and last.span(1))
        if pos and not reader._marked_before(pos):
            assert reader._hedge(pos) is None and not reader._rank_before(pos)
            assert reader._currency_before(pos)[0] is None and reader._series_before(pos, pos, 1.0) is None


WEEKDAY_TEXT = st.one_of(st.text(max_size=60), st.lists(st.sampled_from([
    "friday", "Friday", "sunday", "lundi", "vendredi", "mardi", "day", "s", "'", "’", "-", "_", "5", "²", "ª",
    "é", "\u0301", "x", " ", ".", "\n", "İ"]), max_size=12).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=WEEKDAY_TEXT, lang=st.sampled_from(["en", "fr"]))
def test_weekdays_found_by_name_are_the_whole_words(text, lang):
    """`weekday_figures` finds each name with `str.find` and tests its edges by hand: the same days as a
    name that is a whole word to the regex engine (the run of letters ending before a non-word
    character), not after an apostrophe or a hyphen; one ISO day's are those of that day."""
    import re

    from mlsum.figures.extract import _Reader, lower_keeping_offsets, weekday_figures
    from mlsum.figures.lexicon import WEEKDAYS
    from mlsum.vocab import WEEKDAYS as NUMBERS

    low = lower_keeping_offsets(text)
    reader = _Reader(text, low, lang)
    expected = [(m.start(), m.end(), str(NUMBERS[lang][m.group()]))
                for m in re.finditer(r"(?<![^\W\d_])[^\W\d_]+(?!\w)", low)
                if m.group() in WEEKDAYS[lang] and low[m.start() - 1:m.start()] not in ("'", "’", "-")]
    assert [(d.start, d.end, d.iso) for d in weekday_figures([], reader)] == expected
    for iso in "1234567":
        assert [(d.start, d.end) for d in weekday_figures([], reader, iso)] == [e[:2] for e in expected
                                                                                 if e[2] == iso]
