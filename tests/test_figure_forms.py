"""The ways news text writes a figure, read right in English and French: each test is one cause class of
misread figures (ages, tokenized text, hedges, ranks and scores, fractions, decades, temperatures and
other units, clock times, ranges, approximate French counts, Roman centuries, orders of magnitude)."""

import pytest

from mlsum.figures import extract_figures


def figures(text, lang=None):
    return [(f.text, f.kind, f.value, f.unit, f.iso) for f in extract_figures(text, lang) if not f.vague]


def one(text, lang=None):
    [figure] = [f for f in extract_figures(text, lang) if not f.vague]
    return figure


# Ages -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, age, span", [
    ("Martina Kovac, 39, told reporters she would appeal.", "en", 39, "39"),
    ("The boy, 8, was taken to hospital.", "en", 8, "8"),
    ("A 27-year-old cyclist was hurt.", "en", 27, "27-year-old"),
    ("A 27 - year - old cyclist was hurt.", "en", 27, "27 - year - old"),
    ("The driver, aged 64, was unhurt.", "en", 64, "64"),
    ("The climber was 52 years old.", "en", 52, "52 years old"),
    ("Le conducteur, âgé de 64 ans, est indemne.", "fr", 64, "64 ans"),
    ("Claire Dubois, 41 ans, a porté plainte.", "fr", 41, "41 ans"),
    ("Une cycliste de 27 ans a été blessée.", "fr", 27, "27 ans"),
    ("Un garçon de 8 ans a été conduit à l'hôpital.", "fr", 8, "8 ans"),
])
def test_ages_in_apposition_and_compounds(text, lang, age, span):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.unit, figure.text) == ("age", age, "year", span)


def test_years_after_a_thing_rather_than_a_person_are_a_duration():
    assert one("Le club a signé un contrat de 3 ans avec l'entraîneur.", "fr").kind == "duration"
    assert one("Une peine de 5 ans de prison a été requise.", "fr").kind == "duration"


@pytest.mark.parametrize("text, kind", [
    ("Un pompier volontaire de 34 ans a été brûlé.", "age"), ("Un vigneron de 58 ans témoigne.", "age"),
    ("Une agricultrice de 51 ans a porté plainte.", "age"), ("Un député de 45 ans a démissionné.", "age"),
    ("Il purge une peine de prison de 30 ans.", "duration"), ("Un chantier de 3 ans commence.", "duration"),
    ("Un conflit de 30 ans a pris fin.", "duration"), ("Une carrière de 20 ans s'achève.", "duration"),
])
def test_french_years_after_a_noun_of_a_person_are_an_age(text, kind):
    assert one(text, "fr").kind == kind


def test_a_number_after_a_comma_that_counts_something_is_not_an_age():
    assert one("In Lyon, 39 people were evacuated.", "en").kind == "count"
    assert one("On Monday, 12, the market opened.", "en").kind != "age"


# Tokenized text and separators ----------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("a fine of 5, 000 pounds", 5000, "GBP"), ("it cost $ 800, 000 in all", 800000, "USD"),
    ("a £ 50 m bid", 50e6, "GBP"), ("about 1, 056 homes", 1056, None),
    ("his weight fell to 96. 5 kg , he said", 96.5, "kilogram"), ("prices rose 3. 2 % last year", 3.2, "%"),
])
def test_tokenized_numbers(text, value, unit):
    figure = one(text, "en")
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_a_tokenized_full_stop_between_numbers_ends_a_sentence():
    assert [f[2] for f in figures("Sales fell in 2014. 5 shops closed.", "en")] == [2014, 5]


def test_lower_case_month_after_a_number_is_read_not_raised():
    assert figures("Up to 40 may be affected.", "en") == [("40", "count", 40, None, None)]
    assert figures("the match on 9 august was cancelled", "en") == [("9 august", "date", None, None, "--08-09")]
    assert one("prices rose in january", "en").iso == "--01"
    assert figures("you may go", "en") == []


# Hedges, "one of", ranks and scores ----------------------------------------------------------------

@pytest.mark.parametrize("text, lang, hedge", [
    ("more than 50 pupils", "en", "more than"), ("nearly 300 homes", "en", "nearly"),
    ("up to 40 flights", "en", "up to"), ("plus de 50 élèves", "fr", "plus de"),
    ("environ 300 maisons", "fr", "environ"),
])
def test_hedges_are_kept(text, lang, hedge):
    assert one(text, lang).qualifier == hedge


@pytest.mark.parametrize("text, lang, value", [
    ("the world No 1 withdrew", "en", 1), ("Britain's number two lost", "en", 2),
    ("the world No. 3 won", "en", 3), ("le numéro un mondial", "fr", 1),
])
def test_ranks_are_not_counts(text, lang, value):
    figure = one(text, lang)
    assert (figure.kind, figure.value) == ("rank", value)


@pytest.mark.parametrize("text, lang, value, noun", [
    ("Rain stopped play on day two of the final.", "en", 2, "day"), ("She reached round 3.", "en", 3, "round"),
    ("Stage four was cancelled because of snow.", "en", 4, "Stage"),
    ("L'étape 4 a été annulée.", "fr", 4, "étape"), ("Le jour 2 du procès s'ouvre.", "fr", 2, "jour"),
    ("the first-ever win for the club", "en", 1, "win"), ("the first ever game at the ground", "en", 1, "game"),
])
def test_a_number_after_one_of_a_series_ranks_it(text, lang, value, noun):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.noun) == ("ordinal", value, noun)


def test_a_number_after_a_day_that_counts_something_is_a_count():
    assert one("On the day 30 people died, it rained.", "en").kind == "count"
    assert one("In round 120 players took part.", "en").kind == "count"


@pytest.mark.parametrize("text, lang, score", [
    ("Porto won 3-1 at home.", "en", "3-1"), ("a 4 - 2 defeat at Anfield", "en", "4-2"),
    ("Leeds came back from 2-0 down", "en", "2-0"), ("Lyon beat Nice 2-1 on Sunday.", "en", "2-1"),
    ("une victoire 3-0 à domicile", "fr", "3-0"),
])
def test_scores_are_one_figure(text, lang, score):
    figure = one(text, lang)
    assert (figure.kind, figure.iso) == ("score", score)


@pytest.mark.parametrize("text, lang, scores", [
    ("Full time: Lisbon 2, Braga Rovers 1.", "en", ["2-1"]),
    ("Match ends, Hull City 0, Bristol Rovers 3.\nFirst Half ends, Hull City 0, Bristol Rovers 1.", "en",
     ["0-3", "0-1"]),
    ("Mi-temps : Rennes 1, Stade de Reims 2.", "fr", ["1-2"]),
])
def test_result_lines_are_scores(text, lang, scores):
    assert [f[4] for f in figures(text, lang) if f[1] == "score"] == scores
    assert not [f for f in figures(text, lang) if f[1] == "count"]  # the goals are no counts of anything


def test_a_list_of_numbers_after_names_is_not_a_score():
    assert [f[1] for f in figures("In March 3, Paris 4, the fair opened.", "en")] == ["date", "count"]
    assert "score" not in [f[1] for f in figures("Gates 3, 4 and 5, then Hall 6, were closed.", "en")]


def test_a_currency_symbol_garbled_by_a_wrong_encoding_is_read():
    assert figures("He was fined Â£1,500 on Monday.", "en")[0][:4] == ("£1,500", "money", 1500, "GBP")


def test_a_hyphenated_range_is_not_a_score():
    assert [f[1] for f in figures("between 20-25 people were hurt", "en")] == ["count", "count"]


# Fractions, decades, Roman centuries ---------------------------------------------------------------

@pytest.mark.parametrize("text, lang, value", [
    ("a third of voters", "en", 1 / 3), ("two-thirds of members", "en", 2 / 3),
    ("three quarters of the staff", "en", 3 / 4), ("half of the pupils", "en", 1 / 2),
    ("un quart des salariés", "fr", 1 / 4), ("deux tiers des votants", "fr", 2 / 3),
    ("la moitié des élèves", "fr", 1 / 2),
])
def test_fractions(text, lang, value):
    figure = one(text, lang)
    assert (figure.kind, figure.value) == ("fraction", pytest.approx(value))


@pytest.mark.parametrize("text", ["the third time", "the first half", "a half-time talk", "a quarter-final"])
def test_ordinals_and_halves_that_are_not_fractions(text):
    assert all(kind != "fraction" for _, kind, *_ in figures(text, "en"))


@pytest.mark.parametrize("text, lang, year", [
    ("popular in the 1990s", "en", 1990), ("a hit in the '80s", "en", 1980),
    ("dans les années 1970", "fr", 1970), ("the 2000s boom", "en", 2000),
])
def test_decades(text, lang, year):
    figure = one(text, lang)
    assert (figure.kind, figure.value) == ("decade", year)


@pytest.mark.parametrize("text, value", [("au XIXe siècle", 19), ("une église du XIIe siècle", 12)])
def test_roman_numeral_centuries(text, value):
    figure = one(text, "fr")
    assert (figure.kind, figure.value, figure.noun) == ("ordinal", value, "siècle")


# Units -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, value, unit, kind", [
    ("it reached 38.1C in Seville", "en", 38.1, "degree_Celsius", "temperature"),
    ("il a fait 22,5 °C à Lyon", "fr", 22.5, "degree_Celsius", "temperature"),
    ("a high of 95F", "en", 95, "degree_Fahrenheit", "temperature"),
    ("gusts of 70 mph", "en", 70, "mile / hour", "speed"),
    ("à 130 km/h sur l'autoroute", "fr", 130, "kilometer / hour", "speed"),
    ("12 mm of rain", "en", 12, "millimeter", "distance"),
    ("a 3 GWh battery", "en", 3, "gigawatt * hour", "energy"),
    ("a 50 MW plant", "en", 50, "megawatt", "power"),
    ("200 litres of water", "en", 200, "liter", "volume"),
    # halves of a unit
    ("after a year and a half of talks", "en", 1.5, "year", "duration"),
    ("an hour and a half later", "en", 1.5, "hour", "duration"), ("half an hour later", "en", 0.5, "hour", "duration"),
    ("3 hours and a half later", "en", 3.5, "hour", "duration"),
    ("un an et demi de travaux", "fr", 1.5, "year", "duration"),
    ("une heure et demie de route", "fr", 1.5, "hour", "duration"),
    ("une demi-heure plus tard", "fr", 0.5, "hour", "duration"),
    ("condamné à trois ans et demi de prison", "fr", 3.5, "year", "duration"),
])
def test_units(text, lang, value, unit, kind):
    figure = one(text, lang)
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(value), unit, kind)


@pytest.mark.parametrize("text, value, unit, kind", [
    ("She broke the British 1500m record.", 1500, "meter", "distance"),
    ("the new 5,000 m indoor record", 5000, "meter", "distance"),
    ("13m people watched.", 13e6, None, "count"), ("a £1,500m deal", 1.5e9, "GBP", "money"),
])
def test_m_after_thousands_is_metres_not_millions(text, value, unit, kind):
    figure = one(text, "en")
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(value), unit, kind)


@pytest.mark.parametrize("text, value, unit, kind", [
    ("une montée de 13,6 m à gravir", 13.6, "meter", "distance"),
    ("un bassin de 25m de long", 25, "meter", "distance"),
    ("une garde à vue de 48 h au commissariat", 48, "hour", "duration"),
    ("3 t de cocaïne saisies au port", 3, "metric_ton", "mass"),
    ("un contrat de 2,5 M€ signé hier", 2.5e6, "EUR", "money"),
    ("un budget de 3 M d'euros voté", 3e6, "EUR", "money"),
    ("un plan de 2 Md€ pour l'hôpital", 2e9, "EUR", "money"),
    ("un billet de 50 € acheté en ligne", 50, "EUR", "money"),
    ("une amende de 1 500 $ réglée", 1500, "USD", "money"),
])
def test_french_short_units_and_currency_symbols_after_the_number(text, value, unit, kind):
    figure = one(text, "fr")
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(value), unit, kind)


def test_english_m_before_a_word_stays_millions_unless_a_currency_follows():
    assert figures("5 m people", "en") == [("5", "count", 5, None, None)]
    assert one("a 5 m euro deal", "en").value == 5e6


@pytest.mark.parametrize("text, lang, value, unit", [
    ("the probe flew 390 million kilometres", "en", 390e6, "kilometer"),
    ("une sonde à 390 millions de kilomètres", "fr", 390e6, "kilometer"),
    ("2,5 millions d'hectares ont brûlé", "fr", 2.5e6, "hectare"),
])
def test_a_unit_after_a_written_scale(text, lang, value, unit):
    figure = one(text, lang)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)
    assert one("3 millions de personnes", "fr").text == "3 millions"


def test_half_past_is_a_clock_time_and_half_alone_still_a_share():
    assert one("Le train part à sept heures et demie.", "fr").iso == "07:30"
    assert figures("half-time", "en") == [] and figures("un demi-frère", "fr") == []
    assert one("half of the voters", "en").kind == "fraction"


def test_a_year_with_a_possessive_is_a_year_not_a_decade():
    assert figures("It was 2019’s best film, a hit of the 1990's kind.", "en") == [
        ("2019", "year", 2019, None, None), ("1990's", "decade", 1990, None, None)]


@pytest.mark.parametrize("text, lang, noun", [
    ("Deux autres pompiers ont été blessés.", "fr", "pompiers"),
    ("Trois nouveaux hôpitaux ouvriront.", "fr", "hôpitaux"),
    ("Deux jeunes ont été arrêtés.", "fr", "jeunes"),
    ("Two other firefighters were hurt.", "en", "firefighters"),
])
def test_the_noun_after_a_premodifier_is_what_a_number_counts(text, lang, noun):
    assert one(text, lang).noun == noun


def test_a_french_month_abbreviation_alone_is_the_number_it_also_spells():
    assert figures("l'équivalent de sept mois de pluie", "fr") == [("sept mois", "duration", 7, "month", None)]
    assert one("le 3 sept. 2024", "fr").iso == "2024-09-03"


@pytest.mark.parametrize("text", ["Prior to October, few voted.", "He attended an April meeting.",
                                  "Their December vote failed.", "It set a record for July."])
def test_a_month_after_a_preposition_or_determiner_is_a_date(text):
    assert one(text, "en").kind == "date"


def test_a_month_that_is_a_name_is_no_date_after_for_or_with():
    assert figures("It was a blow for May, whose talks with June Smith failed.", "en") == []


@pytest.mark.parametrize("text, lang, value, currency", [
    ("a fine of 20 Swiss francs", "en", 20, "CHF"), ("CHF 30 a month", "en", 30, "CHF"),
    ("5 million Japanese yen", "en", 5e6, "JPY"), ("300 francs suisses", "fr", 300, "CHF"),
    ("40 000 roubles", "fr", 40000, "RUB"), ("1,000 Egyptian pounds", "en", 1000, "EGP"),
    ("HK$ 50 per ticket", "en", 50, "HKD"),
])
def test_currencies_of_every_country(text, lang, value, currency):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.unit) == ("money", pytest.approx(value), currency)


# Clock times and durations -----------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, iso", [
    ("la réunion commence à sept heures", "fr", "07:00"), ("rendez-vous vers 19 heures 30", "fr", "19:30"),
    ("at 7 o'clock", "en", "07:00"), ("at 4.30pm", "en", "16:30"), ("à 16h30", "fr", "16:30"),
])
def test_clock_times(text, lang, iso):
    figure = one(text, lang)
    assert (figure.kind, figure.iso) == ("time", iso)


def test_hours_as_a_duration_are_not_a_time():
    figure = one("la grève a duré 8 heures", "fr")
    assert (figure.kind, figure.value, figure.unit) == ("duration", 8, "hour")


def test_a_decimal_is_not_a_clock_time():
    assert one("2.50 million people", "en").kind == "count"


# Ranges ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, expected", [
    ("entre 180 à 250 millions d'euros", "fr", [(180e6, "EUR"), (250e6, "EUR")]),
    ("$2.5-2.6 billion", "en", [(2.5e9, "USD"), (2.6e9, "USD")]),
    ("20-25 km south", "en", [(20, "kilometer"), (25, "kilometer")]),
    ("between 5 and 10 percent", "en", [(5, "%"), (10, "%")]),
])
def test_ranges_share_their_unit_and_scale(text, lang, expected):
    assert [(pytest.approx(f.value), f.unit) for f in extract_figures(text, lang)] == expected


@pytest.mark.parametrize("text, lang, isos", [
    ("du jeudi 17 au vendredi 18 octobre", "fr", ["--10-17", "--10-18"]),
    ("from 3 to 5 March 2024", "en", ["2024-03-03", "2024-03-05"]),
])
def test_date_ranges_share_their_month(text, lang, isos):
    assert [f.iso for f in extract_figures(text, lang) if f.kind == "date"] == isos


def test_ages_in_a_list():
    assert [f.kind for f in extract_figures("two boys aged 15 and 16 were arrested", "en")][-2:] == ["age", "age"]


# Approximate French counts, dozens and magnitudes -----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("une dizaine de blessés", 10), ("une quinzaine de maisons", 15), ("une quarantaine d'élèves", 40),
    ("une centaine de manifestants", 100), ("un millier de personnes", 1000),
])
def test_approximate_french_counts_are_values(text, value):
    figure = one(text, "fr")
    assert (figure.kind, figure.value, figure.qualifier, figure.vague) == ("count", value, "about", False)


def test_a_dozen_is_about_twelve_but_dozens_an_order_of_magnitude():
    assert (one("a dozen shops", "en").value, one("a dozen shops", "en").qualifier) == (12, "about")
    for text, lang in (("dozens of shops", "en"), ("des dizaines de magasins", "fr")):
        [dozens] = extract_figures(text, lang)
        assert (dozens.kind, dozens.unit, dozens.value, dozens.vague) == ("magnitude", "dozens", None, False)


def test_magnitude_words_are_figures():
    assert [(f.kind, f.unit) for f in extract_figures("billions of dollars, des millions de personnes", "en")] \
        == [("magnitude", "billions"), ("magnitude", "millions")]


# Idioms that read as figures ----------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The hosts kept up their 100% start to the campaign.", "en"),
    ("Her side still have a 100 per cent record at home.", "en"),
    ("Le club reste à 100 % de victoires cette saison.", "fr"),
])
def test_a_hundred_percent_record_is_an_idiom_not_a_share(text, lang):
    [figure] = extract_figures(text, lang)
    assert (figure.kind, figure.value, figure.vague) == ("percent", 100, True)


@pytest.mark.parametrize("text, lang", [
    ("Turnout reached 100% in the village.", "en"), ("Costs rose by a 100% increase.", "en"),
    ("They won a 90% share of the vote.", "en"), ("Le taux atteint 100 % des dossiers.", "fr"),
])
def test_other_hundred_percents_are_shares(text, lang):
    assert [kind for _, kind, *_ in figures(text, lang)] == ["percent"]


@pytest.mark.parametrize("text, qualifier, noun", [
    ("The volunteers planted 300-plus trees.", "more than", "trees"),
    ("We met 25+ growers at the fair.", "more than", "growers"),
    ("Sales topped £4m-plus last year.", "more than", None),
])
def test_a_plus_after_a_number_is_a_lower_bound(text, qualifier, noun):
    [figure] = extract_figures(text)
    assert (figure.qualifier, figure.noun) == (qualifier, noun)
    assert [f.value for f in extract_figures("The sum 3+4 is seven.")][:2] == [3, 4]


def test_weekdays_written_in_full_are_soft_figures():
    figures = extract_figures("On Friday-night and Sunday's final, not on Fridays, nor O'Monday.", "en")
    assert [(f.text, f.kind, f.iso, f.vague) for f in figures] == [
        ("Friday", "weekday", "5", True), ("Sunday", "weekday", "7", True)]
    assert [(f.text, f.iso) for f in extract_figures("Il viendra samedi 4 mai ou dimanche.", "fr")
            if f.kind == "weekday"] == [("samedi", "6"), ("dimanche", "7")]


@pytest.mark.parametrize("text, value", [
    ("They lost by an innings-and-52-run margin.", 52), ("It is a one-in-20 chance.", 20),
    ("Un score de deux-sur-3 au premier tour.", 3),
])
def test_a_number_after_a_hyphenated_joining_word_is_read(text, value):
    assert [f.value for f in extract_figures(text) if f.value == value] == [value]


@pytest.mark.parametrize("text", ["The F-16 jets landed.", "The COVID-19 wards reopened.",
                                  "Le vol AF-447 a disparu."])
def test_a_number_after_a_lettered_prefix_is_part_of_a_name(text):
    assert [f for f in extract_figures(text) if not f.vague] == []


# Months, names and units that planted errors change -------------------------------------------------

@pytest.mark.parametrize("text, lang, iso", [
    ("Rebels broke the December ceasefire.", "en", "--12"),
    ("The talks resume every August.", "en", "--08"),
    ("December's capture of the city shocked them.", "en", "--12"),
    ("Prices rose throughout October.", "en", "--10"),
    ("Les combats ont repris en mars dernier.", "fr", "--03"),
    ("La trêve de décembre n'a pas tenu.", "fr", "--12"),
    ("Les ventes reculent depuis mars.", "fr", "--03"),
])
def test_a_month_without_a_day_is_read_where_it_names_a_time(text, lang, iso):
    figure = one(text, lang)
    assert (figure.kind, figure.iso) == ("date", iso)


@pytest.mark.parametrize("text, lang", [
    ("The April Jones case was reopened.", "en"),  # a name follows: the month is a first name
    ("April's mother spoke to reporters.", "en"),
    ("The march was long and cold.", "en"),
    ("La sonde s'est posée sur Mars.", "fr"),
])
def test_a_month_name_that_names_no_month_is_not_read(text, lang):
    assert figures(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("The deal was signed on June 31, 2019.", "en"), ("It happened on March 80.", "en"),
    ("L'accord a été signé le 31 juin.", "fr"), ("They met on 30 February.", "en"),
])
def test_a_day_its_month_does_not_have_is_no_date(text, lang):
    assert all(kind != "date" for _, kind, _, _, _ in figures(text, lang))


@pytest.mark.parametrize("text, lang, value", [
    ("a World War Two veteran", "en", 2), ("during world war 2", "en", 2), ("since World War II", "en", 2),
    ("WWI trenches", "en", 1), ("after the First World War", "en", 1),
    ("pendant la Seconde Guerre mondiale", "fr", 2), ("après la Première Guerre mondiale", "fr", 1),
])
def test_the_world_wars_are_ordinals_of_their_name(text, lang, value):
    figure = one(text, lang)
    assert (figure.kind, figure.value, figure.noun) == ("ordinal", value, "world war")


@pytest.mark.parametrize("text, kind", [
    ("egypt beat uganda 1-0 in their opening game.", "score"),  # lower case: no team name to tell
    ("lyon and nice 2-2 in the league, and lens 3-0", "score"),
    ("a 20-25 cm layer of snow", "distance"),
])
def test_a_dash_pair_that_goes_down_cannot_be_a_range(text, kind):
    assert figures(text, "en")[-1][1] == kind


def test_a_price_per_unit_is_money_and_a_fraction_still_nothing():
    assert figures("It costs $9.99/month or €5/kg.", "en") == [
        ("$9.99", "money", 9.99, "USD", None), ("€5", "money", 5.0, "EUR", None)]
    assert figures("open 24/7 and a 50/50 chance", "en") == []


@pytest.mark.parametrize("text, lang, value, unit, kind", [
    ("It has 8GB of memory.", "en", 8, "gigabyte", "data"), ("a 2 TB drive", "en", 2, "terabyte", "data"),
    ("a 120Hz screen", "en", 120, "hertz", "frequency"), ("a 2.4 GHz chip", "en", 2.4, "gigahertz", "frequency"),
    ("a 4ms response time", "en", 4, "millisecond", "duration"),
    ("un forfait de 5 Go par mois", "fr", 5, "gigabyte", "data"),
])
def test_data_sizes_frequencies_and_milliseconds_are_measures(text, lang, value, unit, kind):
    figure = one(text, lang)
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(value), unit, kind)


def test_ms_before_a_word_is_not_milliseconds():
    assert one("It replied in 5 ms.", "en").unit == "millisecond"
    assert one("The 5 Ms Smiths attended.", "en").kind == "count"
