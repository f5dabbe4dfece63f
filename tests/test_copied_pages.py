"""Whole pages as a reader gets them: copied from a browser (menus, cookie banners, link boxes,
comments around the article) and as HTML laid out with tables; and the signals and metadata rules
behind them. The pages are written for these tests, in English and French.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlsum.normalize import normalize, normalize_html
from mlsum.normalize import lines as L
from mlsum.normalize import signals, weights, zones
from mlsum.normalize.html import _recovered
from mlsum.normalize.metadata import byline, date_line, headline, placed_byline

DATA = Path(__file__).resolve().parent / "data" / "copied"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n") if text else []


def accounted(text: str, result) -> None:
    """Every line of the page is in the body, is the title, or is in the audit trail with its step."""
    body = set(paragraphs(result.text)) | {result.title}
    removed = {r.text for r in result.removed}
    assert all(r.step for r in result.removed)
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line not in body:
            assert line in removed or any(line in r for r in removed), line


EN_BODY = [
    "Rivers burst their banks after three days of rain, and the army has been sent to help evacuate villages",
    "Thousands of people were forced from their homes on Wednesday after the worst floods in the Po valley "
    "since 1998 swept through dozens of villages in northern Italy.",
    "The regional civil protection agency said more than 6,000 people had been evacuated overnight, most of "
    "them from farming communities along the river south of Cremona.",
    "Soldiers and volunteers used boats to reach families trapped on the upper floors of their houses, while "
    "helicopters dropped food and water to isolated farms.",
    "“We have never seen the water rise so fast,” said Giulia Ferri, the mayor of a village where the main "
    "street was under a metre of water. “In a few hours the fields had become a lake.”",
    "Meteorologists said the region had received almost two months of rain in three days, and warned that "
    "more storms were expected at the weekend.",
    "The government has promised emergency funds for the affected areas and said it would ask the European "
    "Union for help with the cost of rebuilding roads and bridges.",
]
FR_BODY = [
    "Des milliers d’habitants ont dû quitter leur logement dimanche soir après la crue brutale du Rhône, qui a "
    "envahi plusieurs quartiers d’Avignon et des villages voisins.",
    "Selon la préfecture, plus de 4 000 personnes ont été évacuées en quelques heures, et une centaine de "
    "pompiers étaient toujours mobilisés lundi matin.",
    "« L’eau est montée d’un mètre en moins d’une heure, nous n’avons eu le temps de rien emporter », raconte "
    "une habitante réfugiée dans un gymnase de la ville.",
    "Les services météorologiques ont placé le département en vigilance rouge jusqu’à mardi, et de nouvelles "
    "pluies sont attendues dans la nuit.",
    "Le gouvernement a annoncé le déblocage d’un fonds d’urgence pour les communes sinistrées, dont les routes "
    "et les ponts ont été fortement endommagés.",
]


# page → (lang, body, title, date, source, {removed line: the step that removed it})
PAGES = {
    # a cookie banner opens the page and a byline without "By" stands above the date: neither is the
    # headline, and a headline that says "since 1998" is no site slogan
    "guardian_like_en.txt": ("en", EN_BODY, "Worst floods since 1998 leave thousands homeless in the Po valley",
                             "2025-04-03T11:02:00", "Marta Rossi", {
                                 "We value your privacy": "legal",
                                 "Election result leaves coalition talks in deadlock": "link_box",
                                 "Was this article helpful? Yes No": "comment_prompt",
                                 "Explore more on these topics": "navigation",
                                 "Middle East": "header"}),
    "quotidien_like_fr.txt": (None, FR_BODY,
                              "Inondations : la vallée du Rhône sous les eaux, des milliers d’habitants évacués",
                              "2025-03-17T07:30:00", "Claire Martin", {
                                  "Votre vie privée nous importe": "legal",
                                  "Sécheresse : les nappes phréatiques au plus bas": "link_box",
                                  "Cet article vous a-t-il été utile ? Oui Non": "comment_prompt",
                                  "Inscrivez-vous à notre newsletter quotidienne": "subscription"}),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_copied_from_a_browser(name):
    lang, body, title, date, source, removals = PAGES[name]
    text = (DATA / name).read_text(encoding="utf-8")
    result = normalize(text, lang)
    assert paragraphs(result.text) == body
    assert (result.title, result.date, result.source) == (title, date, source)
    steps = {r.text: r.step for r in result.removed}
    assert {line: steps.get(line) for line in removals} == removals
    accounted(text, result)


def test_html_laid_out_with_tables_comes_out_as_paragraphs():
    result = normalize_html((DATA / "table_layout_en.html").read_text(encoding="utf-8"))
    body = paragraphs(result.text)
    assert body[0].startswith("The county council voted on Wednesday")
    assert body[-1] == "Work on the foundations is expected to begin next year, once the contracts have been awarded."
    assert len(body) == 5
    for debris in ("|", "Sections", "Most read", "Floods close the ring road", "artist's impression",
                   "All rights reserved", "Weather"):
        assert debris not in result.text
    assert result.title == "Council approves new bridge over the Severn"
    assert result.date == "2025-04-03T09:30:00+01:00"


def test_a_data_table_stays_a_table():
    html = ("<html><body><article><h1>Results</h1>"
            + "<p>The county published the results of the local elections on Friday, with turnout up "
              "on the last vote in every ward.</p>" * 2
            + "<table><tr><th>Ward</th><th>Turnout</th></tr><tr><td>North</td><td>41%</td></tr>"
              "<tr><td>South</td><td>38%</td></tr></table></article></body></html>")
    from lxml import html as lxml_html

    from mlsum.normalize.html import unwrap_layout_tables

    tree = lxml_html.fromstring(html)
    unwrap_layout_tables(tree)
    assert len(tree.findall(".//table")) == 1
    tree = lxml_html.fromstring("<table><tr><td><p>A paragraph in a layout cell.</p></td></tr></table>")
    unwrap_layout_tables(tree)
    assert tree.findall(".//table") == [] and tree.tag == "div"


def test_paragraphs_the_precision_mode_dropped_come_back():
    default = "\n".join(["Home", "First paragraph of the article, which says what happened.",
                         "A paragraph with a link that the precise mode dropped, though it is prose.",
                         "Last paragraph of the article, which says what happens next.",
                         "One more paragraph the precise mode left out at the end, and it is prose.",
                         "Related", "Headline one", "Headline two", "Headline three", "Headline four",
                         "Headline five"])
    precise = "\n".join(["First paragraph of the article, which says what happened.",
                         "Last paragraph of the article, which says what happens next."])
    assert _recovered(precise, default).split("\n") == [
        "First paragraph of the article, which says what happened.",
        "A paragraph with a link that the precise mode dropped, though it is prose.",
        "Last paragraph of the article, which says what happens next.",
        "One more paragraph the precise mode left out at the end, and it is prose."]
    # nothing before the first kept line, and no long run it was right to leave out
    long_box = "\n".join(f"Teaser number {i} is a full sentence of its own here." for i in range(6))
    assert _recovered(precise, precise.replace("\n", "\n" + long_box + "\n")) == precise


@pytest.mark.parametrize("line, iso", [
    ("Thu 3 Apr 2025 11.02 BST", "2025-04-03T11:02:00"),
    ("Last modified on Mon 18 Nov 2019 18.56 GMT", "2019-11-18T18:56:00"),
    ("le lundi 17 mars 2025 à 07h30", "2025-03-17T07:30:00"),
    ("Publié le lundi 17 mars 2025 à 07h30", "2025-03-17T07:30:00"),
    ("Nov 20 2019, 11:06am IST", "2019-11-20T11:06:00"),
    ("November 20, 2019 - 11:28 AMT", "2019-11-20T11:28:00"),
    ("Updated: 12:30 PM EST, Tue March 3, 2020", "2020-03-03T12:30:00"),
    ("Nov 19, 2019 at 6:46 pm ET • 2 min read", "2019-11-19T18:46:00"),
])
def test_more_date_lines(line, iso):
    assert date_line(line) == iso


def test_a_sentence_with_a_dotted_time_is_no_date_line():
    assert date_line("The vote is on 3 March 2020 at 11.02 in Paris.") is None


def test_bylines_with_dates_and_without_by():
    assert byline("Chris Davies - Nov 19, 2019, 10:31 pm CST").source == "Chris Davies"
    assert byline("September 10, 2018 | by Catherine").date == "2018-09-10"
    found = byline("Par Claire Martin le lundi 17 mars 2025 à 07h30")
    assert (found.source, found.date) == ("Claire Martin", "2025-03-17T07:30:00")
    assert byline("Hama Falls - March 2011 saw protests") is None
    assert placed_byline("Marta Rossi in Milan").source == "Marta Rossi"
    assert placed_byline("Top Stories in December") is None
    # a name and a place count as a byline only next to a date line
    lines = [L.Line("Marta Rossi in Milan", 0), L.Line("Thu 3 Apr 2025 11.02 BST", 1)]
    lines[1].removed_by = "date"
    assert [line.text for line in L.bylines(lines)] == ["Marta Rossi in Milan"]
    assert list(L.bylines([L.Line("Top Workplaces in San Antonio", 0)])) == []


def test_headlines_lose_their_byline_and_date_and_lines_that_are_no_headline_are_refused():
    assert headline("Seeking a bigger role for a big rocket by Jeff Foust").title == \
        "Seeking a bigger role for a big rocket"
    taken = headline("NASA adds five companies to its lander program by Jeff Foust — November 18, 2019")
    assert (taken.title, taken.names, taken.date) == ("NASA adds five companies to its lander program",
                                                      "Jeff Foust", "2019-11-18")
    assert headline("A war by other means").title == "A war by other means"
    for text in ["Worst floods since 1998 leave thousands homeless", "Inondations : la vallée du Rhône sous les eaux"]:
        assert L.is_title_candidate(text)
    for text in ["Last modified on Mon 18 Nov 2019 18.56 GMT", "By Jane Doe and John Smith",
                 "Tom Davies Associated Press", "Steve Peoples, AP National Political Writer",
                 "Home » World » Middle East", "Accueil › International"]:
        assert not L.is_title_candidate(text), text


def test_stray_words_in_scripts_without_case_or_in_cyrillic_are_kept():
    lines = ["Москва", "東京の天気", "서울", "Это короткая строка", "•", "1/12", "москва", "close"]
    assert [line.text for line in L.stray_words([L.Line(t, i) for i, t in enumerate(lines)])] == [
        "•", "1/12", "москва", "close"]


def test_signals_read_the_page_language_from_jusText_stoplists():
    assert signals.page_language(["The army said that it had sent more troops to the north of the country."]) == "en"
    assert signals.page_language(["L’armée a annoncé qu’elle avait envoyé des renforts dans le nord du pays."]) == "fr"
    assert signals.page_language(["東京都は今日、新しい計画を発表しました。"]) == "ja"
    assert "the" in signals.stopwords("en") and "les" in signals.stopwords("fr")
    assert signals.stopwords("xx") == frozenset()
    assert signals.is_near_good("The council said on Tuesday that it would build the new bridge over the river.", "en")
    assert not signals.is_near_good("Council approves new bridge", "en")


def test_the_fitted_weights_match_the_signals():
    assert tuple(weights.FEATURES) == signals.FEATURES
    assert len(weights.COEF) == len(weights.MEAN) == len(weights.SCALE) == len(signals.FEATURES)
    assert 0 < weights.INNER_THRESHOLD <= weights.EXTEND_THRESHOLD <= weights.SPAN_THRESHOLD < 1


def test_prose_scores_higher_than_menus():
    texts = ["Home", "News", "Sport", "Weather",
             "The county council voted on Wednesday to build a new road bridge over the river.",
             "Supporters say it will take thousands of lorries a day out of the town centre.",
             "Contact", "Privacy"]
    lines = [L.Line(t, i) for i, t in enumerate(texts)]
    p = zones.probabilities(lines, "en")
    assert min(p[4], p[5]) > max(p[0], p[1], p[2], p[3], p[6], p[7])
