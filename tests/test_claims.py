"""Claim extraction on short texts through the real spaCy pipeline: what is counted and when."""
import pytest

from datasette_factcheck.extract.claims import extract_article
from datasette_factcheck.model import Article


def claims_of(pipe, text):
    article = Article(story="s", path="a.txt", text=text)
    _, _, rows = extract_article(article, pipe(text))
    return {r["text"]: r for r in rows}


def test_driving_a_car_is_not_displacement(pipe):
    found = claims_of(pipe, "Police said four men drove a car into the store on Monday.")
    assert found["four"]["measure"] != "displaced"


def test_driven_from_their_homes_is_displacement(pipe):
    found = claims_of(pipe, "The fighting has driven 20,000 people from their homes, officials said.")
    assert found["20,000"]["measure"] == "displaced"


def test_a_figure_dated_by_its_year_belongs_to_an_earlier_event(pipe):
    found = claims_of(pipe, "In December 2008, three men emptied a jewellery store in Paris.")
    assert found["three"]["time_frame"] == "earlier" and found["three"]["time_text"] == "2008-12"


def test_a_figure_dated_by_its_month_carries_the_month(pipe):
    found = claims_of(pipe, "At the end of July, a gunman stole jewels worth $136 million in Cannes.")
    row = found["$136 million"]
    assert row["time_frame"] == "dated" and row["time_text"] == "07-00"


def test_a_running_total_wins_over_the_year_it_began(pipe):
    found = claims_of(pipe, "More than 250,000 people have been killed since the war began in 2011.")
    assert found["More than 250,000"]["time_frame"] == "running_total"


def test_a_part_of_a_part_is_its_own_quantity(pipe):
    found = claims_of(pipe, "Seven of the deaths were of a single family, including three children, who died "
                            "in an explosion.")
    assert "among seven" in (found["three"]["subject"] or "")


def test_a_part_of_the_whole_keeps_its_plain_subject(pipe):
    found = claims_of(pipe, "At least 28 Palestinians, including nine children, have been killed in Gaza.")
    assert "among" not in (found["nine"]["subject"] or "")


def test_a_vague_estimate_of_a_count_is_a_claim(pipe):
    found = claims_of(pipe, "Militants pounded the city with hundreds of rockets overnight.")
    assert found["hundreds"]["measure"] == "strikes" and found["hundreds"]["kind"] == "vague"


def test_a_vague_manner_of_speaking_is_not(pipe):
    assert "several" not in claims_of(pipe, "The town was hit in several previous strikes.")


def test_a_nationwide_figure_does_not_take_a_city_from_the_context(pipe):
    text = ("In Chicago, 100 people were struck by gunfire.\n\n"
            "Across the country, at least 150 people were killed in more than 400 shootings.")
    found = claims_of(pipe, text)
    # the country the article's city lies in (GeoNames), not the city
    assert found["at least 150"]["place"] == "United States" and found["more than 400"]["place"] == "United States"
    assert found["100"]["place"] == "Chicago"


def test_fatally_shot_is_a_death(pipe):
    assert claims_of(pipe, "The weekend left 150 fatally shot in the city.")["150"]["measure"] == "killed"


@pytest.mark.parametrize("text,figure,measure", [
    ("Fifty people lost their lives in the flood.", "Fifty", "killed"),  # a verb and its object, words apart
    ("The crash cost 12 people their lives.", "12", "killed"),
    ("Five men lost their jobs.", "Five", "man"),  # the idiom needs its own object
])
def test_a_verb_and_its_object_say_what_happened(pipe, text, figure, measure):
    assert claims_of(pipe, text)[figure]["measure"] == measure


def test_in_total_is_a_sum_not_a_running_total(pipe):
    found = claims_of(pipe, "In total, there were more than 540 shootings over the holiday weekend.")
    assert found["more than 540"]["time_frame"] != "running_total"


@pytest.mark.parametrize("text,figure,measure", [
    ("The men grabbed jewellery and watches worth an estimated two million euros.", "an estimated two million euros", "stolen"),
    ("AMD said it would buy SeaMicro in a deal worth $334 million.", "$334 million", "price"),
    ("The company, valued at $5bn, reported a loss of $20 million.", "$5bn", "value"),
    ("Robbers made off with a two-million-euro booty.", "two-million-euro", "stolen"),
])
def test_what_a_sum_is(pipe, text, figure, measure):
    """'Worth' only says that a figure is a sum; what is worth it, and what was done to it, says which."""
    assert claims_of(pipe, text)[figure]["measure"] == measure


@pytest.mark.parametrize("text", [
    "If an application needs only two servers, the software finds two available servers.",
    "Imagine the outcry if arson were suspected to have caused a million dollars of damage.",
])
def test_a_figure_in_a_condition_is_an_illustration(pipe, text):
    assert claims_of(pipe, text) == {}


def test_a_figure_beside_a_condition_that_happened_is_still_a_claim(pipe):
    found = claims_of(pipe, "Police said 57 people were killed if the hospital's figures are included.")
    assert found["57"]["measure"] == "killed"


def test_a_share_counts_what_it_is_a_share_of(pipe):
    """'80%' and '80 percent' are one measure: what the share is of, not the word for per cent."""
    a = claims_of(pipe, "Police said 80% of the jewels were recovered.")["80%"]
    b = claims_of(pipe, "Police said 80 percent of the jewels were recovered.")["80 percent"]
    assert a["measure"] == b["measure"] and "%" not in a["measure"]


def test_a_surname_of_a_person_is_not_a_place(pipe):
    text = ("Sarah Palin's church was set alight on Friday.\n\n"
            "The fire caused $1 million in damage, a year after Palin's run for office.")
    assert claims_of(pipe, text)["$1 million"]["place"] != "Palin"


@pytest.mark.parametrize("text,figure,measure", [
    ("Fire gutted the three-story building on Friday.", "three", "story"),
    ("The 1,000-member church was set alight.", "1,000", "member"),
])
def test_a_hyphened_figure_counts_its_own_word(pipe, text, figure, measure):
    """'the three-story building' is a property of one building, not a count of buildings."""
    assert claims_of(pipe, text)[figure]["measure"] == measure


def test_a_bare_figure_said_of_a_thing_measures_that_thing(pipe):
    found = claims_of(pipe, "Overnight, temperatures were minus 20.")
    assert found["minus 20"]["measure"] == "temperature" and found["minus 20"]["value"] == -20


@pytest.mark.parametrize("text", [
    "Authorities estimate the damage to the church at $1 million.",
    "The fire, estimated to have caused $1 million in damages, was set on Friday.",
])
def test_an_estimate_is_approximate(pipe, text):
    assert claims_of(pipe, text)["$1 million"]["bound"] == "about"


@pytest.mark.parametrize("text", [
    "The server space is one area where AMD can still compete.",
    "It was a bold move, and one that may change the market.",
])
def test_a_word_or_a_reckoning_is_not_a_figure(pipe, text):
    assert claims_of(pipe, text) == {}


def test_one_death_is_still_a_figure(pipe):
    assert claims_of(pipe, "One person was killed in the blast.")["One"]["measure"] == "killed"
    assert "one" in claims_of(pipe, "The victims were two women and one man.")
    assert "more than one" in claims_of(pipe, "The firm drew more than one interested bidder.")


def test_a_reckoning_for_an_imagined_case_is_kept_apart(pipe):
    """'you would need two full racks (84U!)': said, so a claim, but never beside reported figures."""
    found = claims_of(pipe, "To match it with conventional servers you would need two full racks (84U!).")
    assert found["two"]["time_frame"] == "hypothetical" and found["84U"]["time_frame"] == "hypothetical"


def test_a_place_that_describes_someone_is_not_where_the_figure_is(pipe):
    text = ("Thieves stole almost $2 million of jewelry from a jeweler working for Chopard, "
            "one of Switzerland's most famous diamond merchants.")
    assert claims_of(pipe, text)["almost $2 million"]["place"] is None


def test_where_a_place_was_read_is_kept(pipe):
    found = claims_of(pipe, "A car bomb exploded in Homs on Sunday.\n\nThe blast killed 57 people.\n\n"
                            "Officials said 20 were wounded.")
    assert found["57"]["place"] == "Homs" and found["57"]["place_from"] == "previous"
    assert found["20"]["place_from"] == "context"


def test_where_a_company_is_based_is_not_where_its_price_is(pipe):
    found = claims_of(pipe, "AMD will pay US$334 million in cash and stock for SeaMicro, a startup based in Sunnyvale.")
    assert found["US$334 million"]["place"] is None and found["US$334 million"]["subject"] is None
    assert claims_of(pipe, "AMD will pay $281 million in cash.")["$281 million"]["subject"] == "cash"
    assert claims_of(pipe, "AMD is paying $281m in cash and $53m in stock.")["$281m"]["subject"] == "cash"
    assert claims_of(pipe, "The Sunnyvale company said it will pay $334 million for SeaMicro.")["$334 million"]["place"] is None


def test_a_time_in_a_clause_about_some_noun_does_not_date_the_figure(pipe):
    text = ("An Antonov bomber dropped four bombs on Yida, hitting a camp of roughly 21,000 people, some of them "
            "Sudanese who had crossed the border since the rebellion began.")
    found = claims_of(pipe, text)
    assert found["four"]["time_frame"] == "event" and found["roughly 21,000"]["time_frame"] == "event"
    assert claims_of(pipe, "More than 250,000 people have been killed since the war began.")[
        "More than 250,000"]["time_frame"] == "running_total"


def test_robbers_thieves_and_gunmen_are_one_count_of_perpetrators(pipe):
    a = claims_of(pipe, "Four robbers drove a car into the shop.")["Four"]["measure"]
    b = claims_of(pipe, "Four thieves escaped with the jewels.")["Four"]["measure"]
    assert a == b == "perpetrators"


def test_other_rifles_and_a_model_are_their_own_counts(pipe):
    found = claims_of(pipe, "The cache included seven AK-47 rifles and three other rifles.")
    assert found["seven"]["measure"] == "ak-47" and found["three"]["subject"] == "other"
    assert claims_of(pipe, "They confiscated seven AK-47s.")["seven"]["measure"] == "ak-47"
    assert claims_of(pipe, "Nine assault rifles were seized.")["Nine"]["subject"] is None


def test_what_was_done_to_ships_says_which_ships_are_counted(pipe):
    held = claims_of(pipe, "Pirates are holding about a dozen ships.")["about a dozen"]
    attacked = claims_of(pipe, "Pirates have attacked nearly 100 ships this year.")["nearly 100"]
    assert held["measure"] == attacked["measure"] == "vehicles" and held["subject"] != attacked["subject"]
    assert attacked["time_frame"] == "running_total"
    assert claims_of(pipe, "Shootings kill more than 180 this year.")["more than 180"]["time_frame"] == "event"


def test_each_figure_counts_the_people_named_beside_it(pipe):
    found = claims_of(pipe, "Marine commandos boarded the vessels to nab 12 Somali and 11 Yemeni pirates.")
    assert found["12"]["measure"] == found["11"]["measure"] == "arrested"
    assert "somali" in found["12"]["subject"] and "yemeni" in found["11"]["subject"]


def test_a_headline_gives_its_place_not_the_country_named_first(pipe):
    text = ("Sudan Bombs Yida Refugee Camp in South Sudan\n"
            "Planes attacked the Yida refugee camp on Thursday.\nOfficials said.\nWitnesses spoke.\nNo one was hurt.\n"
            "At least four bombs were reportedly dropped.")
    assert claims_of(pipe, text)["At least four"]["place"] == "Yida"


def test_a_part_of_the_deaths_named_by_whose_they_were(pipe):
    found = claims_of(pipe, "Seven of the deaths were of a single family, officials said.")
    assert found["Seven"]["measure"] == "killed" and found["Seven"]["subject"] == "family"


def test_those_who_flee_are_counted_where_they_shelter_not_where_they_fled(pipe):
    text = ("The UN condemned the bombing of a refugee camp in South Sudan sheltering more than 20,000 "
            "civilians fleeing from conflict in neighbouring Sudan's Nuba Mountains.")
    found = claims_of(pipe, text)["more than 20,000"]
    assert found["place"] == "South Sudan" and found["subject"] is None and found["measure"] == "displaced"
    # civilians among the dead are still a part of the toll
    assert claims_of(pipe, "Thirty-nine of the dead were civilians.")["Thirty-nine"]["subject"] == "civilian"


def test_when_bombs_fell_does_not_say_which_bombs(pipe):
    assert claims_of(pipe, "Four bombs dropped within moments of each other.")["Four"]["subject"] is None


def test_a_noun_in_apposition_renames_the_people_the_verb_says_what_happened(pipe):
    found = claims_of(pipe, "Militants fired rockets at the town, killing two women, the first casualties of the fighting.")
    assert found["two"]["measure"] == "killed" and found["two"]["subject"] == "woman"


def test_a_fronted_partitive_says_what_a_bare_figure_counts(pipe):
    found = claims_of(pipe, "Of the 26 people who died, 16 of them were militants and at least nine were "
                            "children, health officials said.")
    assert (found["16"]["measure"], found["16"]["subject"]) == ("killed", "militant")
    assert (found["at least nine"]["measure"], found["at least nine"]["subject"]) == ("killed", "child")
    assert found["26"]["subject"] is None


def test_a_partitive_not_fronted_is_left_to_the_figure_own_words(pipe):
    found = claims_of(pipe, "The police said 16 of them were arrested near the border.")
    assert found["16"]["subject"] != "militant" and found["16"]["measure"] == "arrested"


def test_a_share_of_them_is_a_share_of_what_they_are(pipe):
    found = claims_of(pipe, "The company employs 80 people, and about half of them are engineers.")
    assert found["about half"]["measure"] == "engineer (share)"


def test_peoples_joined_by_and_name_all_of_those_counted(pipe):
    found = claims_of(pipe, "The navy said it has captured 23 Somali and Yemeni pirates who attacked a ship.")
    assert found["23"]["subject"] == "pirate"
    found = claims_of(pipe, "Commandos boarded the boat to nab 12 Somali and 11 Yemeni pirates.")
    assert found["12"]["subject"] == "somali pirate" and found["11"]["subject"] == "yemeni pirate"


@pytest.mark.parametrize("text", [
    "The pirates, said to be in a fishing vessel named Salaluddin, fired at the ship. Commandos seized seven rifles.",
    "Marine commandos boarded the pirate dhow, Salahaddin, and seized seven rifles.",
    "Indian sailors boarded the Salahaddin and seized seven rifles.",
])
def test_a_name_given_to_a_vessel_is_not_a_place(pipe, text):
    assert claims_of(pipe, text)["seven"]["place"] not in ("Salaluddin", "Salahaddin")


def test_parts_in_brackets_are_not_a_conversion(pipe):
    found = claims_of(pipe, "The arrest of the 23 pirates (12 Somali and 11 Yemeni) was the largest. "
                            "The ship was 150 nautical miles (277km) off the coast.")
    assert found["12"]["kind"] != "conversion" and found["277km"]["kind"] == "conversion"


def test_those_who_surrender_are_captured_unless_they_surrender_something(pipe):
    assert claims_of(pipe, "Twenty-three men surrendered on Saturday.")["Twenty-three"]["measure"] == "arrested"
    found = claims_of(pipe, "The two men surrendered their passports to the court.")
    assert "two" not in found or found["two"]["measure"] != "arrested"


# ---- levels, changes and forecasts of statistics (issue 13) ------------------------------------

def test_a_bare_figure_a_verb_takes_to_is_the_level_of_its_subject(pipe):
    found = claims_of(pipe, "New jobless claims fell to 473,000 for the week, the department said.")
    assert found["473,000"]["measure"] == "jobless claims"


def test_a_figure_a_verb_moves_by_is_a_change_apart_from_the_level(pipe):
    found = claims_of(pipe, "Ticket sales rose 0.9% in May. The vacancy rate stood at 5.4% in June.")
    assert found["0.9%"]["measure"] == "ticket sale (percent change)"
    assert found["5.4%"]["measure"] == "vacancy rate (percent)"


def test_the_average_of_something_is_its_own_measure(pipe):
    found = claims_of(pipe, "The seven-day average of new cases stood at 132,135 on Sunday.")
    assert found["132,135"]["measure"] == "average cases"


def test_a_predicative_figure_names_what_it_is_put_at(pipe):
    found = claims_of(pipe, "The survey put the magnitude at 6.1.")
    assert found["6.1"]["measure"] == "magnitude"


def test_a_percentage_a_change_noun_is_said_to_be_is_a_change(pipe):
    found = claims_of(pipe, "Next year's cost-of-living adjustment will be 5.9%, the agency said.")
    assert found["5.9%"]["measure"] == "adjustment (percent change)"


def test_a_percentage_after_the_is_a_figure_not_a_reference(pipe):
    found = claims_of(pipe, "The 3.8% unemployment rate is the lowest in years.")
    assert "3.8%" in found


def test_a_figure_inside_what_is_expected_is_a_forecast(pipe):
    found = claims_of(pipe, "Claims fell to 473,000. Economists had expected claims to fall to 475,000.")
    assert found["475,000"]["time_frame"] == "forecast"
    assert found["473,000"]["time_frame"] == "event"


def test_a_figure_whose_future_is_expected_is_not_a_forecast(pipe):
    found = claims_of(pipe, "The toll, 57, is expected to rise, officials said.")
    assert found["57"]["time_frame"] == "event"


def test_a_measure_of_the_vocabulary_names_a_counted_noun(pipe):
    found = claims_of(pipe, "Health officials reported 132,000 new cases on Monday.")
    assert found["132,000"]["measure"] == "cases"


def test_the_age_of_the_person_a_story_is_about_is_a_claim(pipe):
    found = claims_of(pipe, "Robert Pitman, 24, is accused of arson. A 61-year-old man was charged.")
    assert found["24"]["measure"] == "age" and found["24"]["unit"] == "year"
    assert found["61-year-old"]["measure"] == "age"


def test_the_age_of_a_speaker_is_not(pipe):
    found = claims_of(pipe, "It was terrible, said 61-year-old Anargyros Bizianis.")
    assert "61-year-old" not in found


def test_the_age_of_a_thing_is_not_an_age(pipe):
    found = claims_of(pipe, "The 18-year-old civil war has left the country without a government.")
    assert all(r["measure"] != "age" for r in found.values())


# ---- reference periods (issue 13) --------------------------------------------------------------

def test_a_monthly_and_a_yearly_change_carry_their_periods(pipe):
    found = claims_of(pipe, "Ticket prices rose 0.7% from the month before and 8.2% from a year earlier.")
    assert (found["0.7%"]["period"], found["8.2%"]["period"]) == ("month", "year")
    # the base of a comparison is not when the figure happened
    assert found["8.2%"]["time_frame"] == "event"


@pytest.mark.parametrize("sentence,figure", [
    ("The census counted 52,000 residents, an increase of 3.1% from 2015.", "52,000"),
    ("The census counted 52,000 residents, an increase of 3.1% from 2015.", "3.1%"),
    ("Sales rose 2% from 2019, the dealers said.", "2%"),
])
def test_a_year_after_from_a_change_is_a_comparison_base_not_the_figures_time(pipe, sentence, figure):
    assert not claims_of(pipe, sentence)[figure]["time_frame"].startswith("earlier")


def test_a_year_after_from_is_still_a_date_without_a_change(pipe):
    found = claims_of(pipe, "Records from 2015 show 52,000 residents.")
    assert found["52,000"]["time_frame"] == "earlier" and found["52,000"]["time_text"] == "2015"


@pytest.mark.parametrize("text,figure,period", [
    ("Home sales were up 4.5% year over year.", "4.5%", "year"),
    ("Orders climbed 2.2% year-on-year in the quarter.", "2.2%", "year"),
    ("Output grew at an annual rate of 3.3%.", "3.3%", "year"),
    ("The pension rises to $1,210 a month.", "$1,210", "month"),
    ("Rents rose 9% in the past 12 months.", "9%", "year"),
    ("Donations fell 3% from the previous quarter.", "3%", "quarter"),
    ("The plan adds $4 billion in spending over the next decade.", "$4 billion", "decade"),
    ("The levy would raise $90 million over the next ten years.", "$90 million", "decade"),
])
def test_a_period_phrase_gives_the_figure_its_period(pipe, text, figure, period):
    assert claims_of(pipe, text)[figure]["period"] == period


def test_a_figure_without_a_period_phrase_has_none(pipe):
    assert claims_of(pipe, "Rescuers pulled 14 people from the rubble.")["14"]["period"] is None


def test_since_after_a_superlative_is_a_record_not_a_running_total(pipe):
    found = claims_of(pipe, "Inflation reached 7.9% in March 1982, the highest since 1961.")
    assert (found["7.9%"]["time_frame"], found["7.9%"]["time_text"]) == ("earlier", "1982-03")
    found = claims_of(pipe, "More than 4,000 homes have been destroyed since 1998.")
    assert (found["More than 4,000"]["time_frame"], found["More than 4,000"]["time_text"]) == ("running_total", "since 1998")


def test_a_month_named_dates_the_figure(pipe):
    row = claims_of(pipe, "Police arrested 559 people in May.")["559"]
    assert (row["time_frame"], row["time_text"]) == ("dated", "05-00")
    # an indicator's month is the month reported on: its own figure (test_claims_economy.py)
    row = claims_of(pipe, "Employers added 559,000 jobs in May.")["559,000"]
    assert (row["time_frame"], row["time_text"]) == ("event", "05-00")


# ---- vague crowds (issue 13) -------------------------------------------------------------------

@pytest.mark.parametrize("text,figure,measure", [
    ("Several hundred marchers blocked the bridge.", "Several hundred", "marcher"),
    ("A few hundred fans waited outside the stadium.", "A few hundred", "fan"),
    ("Looters emptied hundreds of shops overnight.", "hundreds", None),
    ("Dozens of schools were closed by the storm.", "Dozens", None),
])
def test_a_vague_crowd_of_a_dozen_or_more_is_an_estimate(pipe, text, figure, measure):
    row = claims_of(pipe, text)[figure]
    assert (row["kind"], row["bound"]) == ("vague", "about")
    if measure:
        assert row["measure"] == measure


def test_a_few_or_several_people_is_a_manner_of_speaking(pipe):
    assert "Several" not in claims_of(pipe, "Several neighbours said they heard a bang.")
    assert "a few" not in claims_of(pipe, "She saw a few cars on the road.")


# ---- votes, polls and headlines (issue 13) -----------------------------------------------------

@pytest.mark.parametrize("text,yes,no", [
    ("The council voted 7-2 to close the library.", "7", "2"),
    ("The measure was approved 51 to 48 on Tuesday.", "51", "48"),
])
def test_a_tally_gives_the_votes_for_then_against(pipe, text, yes, no):
    found = claims_of(pipe, text)
    assert (found[yes]["measure"], found[no]["measure"]) == ("votes for", "votes against")


def test_a_score_is_no_tally(pipe):
    found = claims_of(pipe, "The visitors won 3-1 after extra time.")
    assert all(r["measure"] not in ("votes for", "votes against") for r in found.values())


def test_a_poll_sample_and_its_margin_of_error(pipe):
    found = claims_of(pipe, "The survey of 1,200 adults has a margin of error of 2.8 percentage points.")
    assert found["1,200"]["measure"] == "poll sample"
    assert found["2.8 percentage points"]["measure"] == "margin of error"


def test_a_headline_in_title_case_keeps_its_toll(pipe):
    found = claims_of(pipe, "Storm Kills 12 In Coastal Towns\n\nThe storm came ashore on Monday.")
    assert found["12"]["measure"] == "killed"


def test_part_of_a_sum():
    from datasette_factcheck.extract.claims import _part_of_a_sum
    from datasette_factcheck.extract.numbers import find_quantities

    def part(text):
        return _part_of_a_sum(find_quantities(text)[0], text)
    assert part("$40 million in cash, the rest in shares") == "cash"
    assert part("$90 million in cash and stock") is None
    assert part("including $12 million for repairs") == "part"
    assert part("$3 million of the total went to staff") == "part"
    assert part("$3 million for the new bridge") is None


def test_the_verb_that_governs_a_figure_measures_it_not_a_later_one(pipe):
    found = claims_of(pipe, "A driver who hit two cyclists and killed one woman was charged on Monday.")
    assert found["one"]["measure"] == "killed"


@pytest.mark.parametrize("text,figure", [
    ("The restaurant, which had at least a dozen people inside enjoying a meal, was closed.", "at least a dozen"),
    ("The staff and a dozen other people who were there for a dinner managed to get out.", "a dozen"),
    ("There were 30 people at the meeting when the roof fell.", "30"),
])
def test_people_said_to_be_there_are_a_count_of_those_present(pipe, text, figure):
    assert claims_of(pipe, text)[figure]["measure"] == "present"


def test_there_were_n_counts_the_noun_it_brings_in_past_its_modifiers(pipe):
    found = claims_of(pipe, "In the yard there were five totally kitted out, tooled up riot officers with guns drawn.")
    assert found["five"]["measure"] == "officer"


@pytest.mark.parametrize("text,figure,offence", [
    ("A 40-year-old woman was charged on Monday with one count of second-degree murder.", "one", "second-degree murder"),
    ("He faces three counts of fraud.", "three", "fraud"),
])
def test_a_numbered_count_of_an_offence_is_a_charge(pipe, text, figure, offence):
    found = claims_of(pipe, text)[figure]
    assert (found["measure"], found["subject"]) == ("charged", offence)


@pytest.mark.parametrize("text,figure", [
    ("A 4.6 quake shook the valley on Monday.", "4.6"),
    ("4.6 Earthquake Shakes Valley Towns", "4.6"),
    ("An earthquake measuring 4.6 struck the valley.", "4.6"),
    ("The largest quake ever recorded there was 4.5.", "4.5"),
    ("It was followed by a 2.9 aftershock at noon and a 2.2 at 12:05.", "2.2"),
    ("Two aftershocks, magnitude 2.9 and 2.2, followed.", "2.2"),
])
def test_a_bare_figure_of_a_quake_is_its_magnitude(pipe, text, figure):
    found = claims_of(pipe, text)[figure]
    assert (found["unit"], found["measure"]) == ("magnitude", "magnitude")


@pytest.mark.parametrize("text,figure", [
    ("Two earthquakes hit the town.", "Two"), ("Doctors treated 3 quake victims.", "3"),
])
def test_a_count_of_quakes_or_of_their_victims_is_no_magnitude(pipe, text, figure):
    assert claims_of(pipe, text)[figure]["unit"] is None


@pytest.mark.parametrize("text,figure,measure", [
    ("Pensions will see the largest rise in their payments in four decades.", "four decades", "record span"),
    ("Prices jumped the most in 39 years.", "39 years", "record span"),
    ("Arrests hit a 21-year high in June.", "21-year", "record span"),
    ("He could face up to two years in prison.", "up to two years", "prison term"),
])
def test_a_span_a_record_holds_over_and_a_prison_term_are_figures(pipe, text, figure, measure):
    assert claims_of(pipe, text)[figure]["measure"] == measure


@pytest.mark.parametrize("text,figure", [
    ("The euro fell below a dollar for the first time in over a year.", "over a year"),
    ("The best players stayed for two hours.", "two hours"),
    ("He has lived in the west for 20 years.", "20 years"),
])
def test_a_duration_that_says_when_is_no_figure(pipe, text, figure):
    assert figure not in claims_of(pipe, text)


def test_from_and_to_after_a_verb_of_change_are_two_levels_not_a_range(pipe):
    found = claims_of(pipe, "The prior month's total was revised up by 4,000 from 310,000 to 314,000.")
    assert {k: (v["value"], v["measure"]) for k, v in found.items()} == {
        "4,000": (4000, "total (change)"), "310,000": (310000, "total"), "314,000": (314000, "total")}


def test_from_and_to_of_a_count_is_still_a_range(pipe):
    assert claims_of(pipe, "Between 30 and 40 people died, and from 20 to 30 were hurt.")["from 20 to 30"]["kind"] == "range"


@pytest.mark.parametrize("text,figure", [
    ("Crews on the scene called another three engines to the depot fire.", "another three"),
    ("The first officers called in five ambulances.", "five"),
    ("The crews called 12 engines to the blaze.", "12"),
])
def test_a_count_after_called_is_no_phone_number(pipe, text, figure):
    assert figure in claims_of(pipe, text)


def test_a_number_dialled_is_still_no_figure(pipe):
    assert "999" not in claims_of(pipe, "A passer-by called 999 after seeing smoke.")


@pytest.mark.parametrize("text,figure,measure", [
    ("The blaze gutted a one-storey warehouse on the estate.", "one", "storey"),
    ("She rents a one-bedroom flat near the station.", "one", "bedroom"),
])
def test_one_hyphened_to_a_part_counts_the_parts(pipe, text, figure, measure):
    found = claims_of(pipe, text)
    assert (found[figure]["value"], found[figure]["measure"]) == (1, measure)


@pytest.mark.parametrize("text", ["It was a one-sided contest.", "They got a one-off payment on a one-way street."])
def test_one_hyphened_to_other_words_is_a_word(pipe, text):
    assert claims_of(pipe, text) == {}


@pytest.mark.parametrize("text,figure,measure", [
    ("Sensors showed that between 3,000 and 5,000 Internet routes in the region were down on Friday.",
     "between 3,000 and 5,000", "route"),
    ("Between 200 and 300 mobile phone masts were knocked out.", "Between 200 and 300", "mast"),
])
def test_a_range_counts_the_noun_its_first_end_is_tied_to(pipe, text, figure, measure):
    assert claims_of(pipe, text)[figure]["measure"] == measure


def test_figures_listed_before_one_verb_share_the_first_ones_hedge(pipe):
    found = claims_of(pipe, "At the peak as much as 40 percent of phone traffic in Kenya, 35 percent in Uganda "
                            "and 60 percent in Tanzania was cut, the operator said.")
    first = found["as much as 40 percent"]["measure"]
    assert [(found[f]["bound"], found[f]["high"], found[f]["measure"]) for f in ("35 percent", "60 percent")] == [
        ("up_to", 35, first), ("up_to", 60, first)]


@pytest.mark.parametrize("text,figure", [
    ("At least 10 people died in the north, 3 in the south and 4 in the east.", "3"),
    ("Witnesses saw at least one truck bomb and two gunmen wearing masks.", "two"),
])
def test_a_figure_with_its_own_verb_or_noun_keeps_its_own_bound(pipe, text, figure):
    assert claims_of(pipe, text)[figure]["bound"] == "exact"


def test_a_currency_sign_lost_as_a_question_mark_takes_the_articles_currency(pipe):
    found = claims_of(pipe, "A cleaner who earns? 700 a month lost a bonus of 1,000 euros.")
    assert (found["? 700"]["value"], found["? 700"]["unit"], found["? 700"]["kind"]) == (700, "EUR", "money")


def test_a_question_before_a_count_keeps_its_question_mark(pipe):
    assert claims_of(pipe, "Why did it fail? 3 engineers were blamed.")["3"]["kind"] == "cardinal"


def test_a_distance_says_what_it_is_measured_from(pipe):
    found = claims_of(pipe, "The tremor struck 9 miles east of Millbrook at a depth of 2.5 miles, "
                            "and residents in Oakdale, 30 miles from Lake Verna, felt it. It began 4 miles below ground.")
    assert found["9 miles"]["measure"] == "distance" and found["9 miles"]["subject"] == "from Millbrook"
    assert found["30 miles"]["subject"] == "from Lake Verna"
    assert found["2.5 miles"]["measure"] == "depth" and found["4 miles"]["measure"] == "depth"


def test_a_quake_measuring_a_figure_gives_its_magnitude_whatever_follows(pipe):
    found = claims_of(pipe, "An earthquake measuring 4.6 rattled Marin and Napa counties early Friday, officials said.")
    assert found["4.6"]["measure"] == "magnitude"


def test_a_bare_figure_counts_the_noun_of_a_parallel_clause(pipe):
    found = claims_of(pipe, "Ohio opened three factories and Iowa closed four, the agency said.")
    assert found["four"]["measure"] == found["three"]["measure"] == "factory"
    found = claims_of(pipe, "The Greens won 14 seats while the Liberals lost one.")
    assert found["one"]["measure"] == "seats"


def test_a_clause_final_one_with_nothing_parallel_is_no_figure(pipe):
    assert claims_of(pipe, "The old bridge was a wooden one.") == {}


def test_a_headcount_like_a_population_has_a_level_and_a_change(pipe):
    found = claims_of(pipe, "Officials said the town's population was 12,400, an increase of 3.1% from 2000.")
    assert found["3.1%"]["measure"] == "population (percent change)"
    assert found["12,400"]["measure"] == "population"
    assert claims_of(pipe, "The population fell to 40,000 after the war.")["40,000"]["measure"] == "population"


def test_people_a_report_gives_are_a_headcount(pipe):
    found = claims_of(pipe, "The agency reported 12,000 people in the camps on Friday.")
    assert found["12,000"]["measure"] == "people"
    assert claims_of(pipe, "She gave 30 people a lift to the station.") == {}


def test_a_ratio_to_another_quantity_is_a_claim(pipe):
    found = claims_of(pipe, "Admissions over the holiday were more than double last year's.")
    assert (found["more than double"]["value"], found["more than double"]["bound"]) == (2, "more_than")
    assert claims_of(pipe, "Rents are twice as high as in 2015.")["twice"]["value"] == 2


def test_a_pronoun_whose_level_is_told_stands_for_the_thing_named_before(pipe):
    found = claims_of(pipe, "Analysts prefer the monthly average of sales. It rose to 81,500 in July.")
    assert found["81,500"]["measure"] == "sale"
    found = claims_of(pipe, "Traders track the benchmark price. This dropped to 640 on Friday.")
    assert found["640"]["measure"] == "price"


def test_the_figure_a_participle_tells_of_counts_the_noun_its_verb_counted(pipe):
    found = claims_of(pipe, "Officials said 9,120 visitors were counted in June, up from the 8,455 counted in May.")
    assert found["8,455"]["measure"] == found["9,120"]["measure"] == "visitor"


def test_the_doses_one_person_gets_define_whom_a_figure_counts(pipe):
    found = claims_of(pipe, "The state aims to give at least one vaccine shot to 65% of residents by May.")
    assert "at least one" not in found and found["65%"]["value"] == 65
    assert claims_of(pipe, "Clinics gave out 30,000 booster shots in May.")["30,000"]["measure"] == "doses"
    assert claims_of(pipe, "Police said three shots were fired.")["three"]["measure"] != "doses"


# ---- issue 13, breadth: classes of figure still misread ----------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("Officials Say 40-Foot Wave Hit Harbor Town\n\nThe wave struck at dawn.", "40-Foot"),
    ("Crews Battle 300-Acre Wildfire Near Reno\n\nThe fire began on Sunday.", "300-Acre"),
])
def test_a_headline_unit_in_capitals_is_no_code(pipe, text, figure):
    assert figure in claims_of(pipe, text)


def test_a_figure_with_a_unit_is_no_name_whatever_entity_a_headline_gets(pipe):
    """Title case makes spaCy call a headline a product; a figure with a unit is a measurement."""
    from spacy.tokens import Span
    text = "5.3-Magnitude Earthquake Recorded Near Ukiah"
    doc = pipe(text)
    doc.ents = [Span(doc, 0, len(doc), label="PRODUCT")]
    _, _, rows = extract_article(Article(story="s", path="a.txt", text=text), doc)
    assert [(r["text"], r["measure"]) for r in rows] == [("5.3-Magnitude", "magnitude")]


@pytest.mark.parametrize("text,part,whole", [
    ("The company said it had lost three out of four lines to Egypt.", "three", "four"),
    ("Two out of three engines failed on the flight.", "Two", "three"),
])
def test_a_part_out_of_a_set_of_things_is_two_counts(pipe, text, part, whole):
    found = claims_of(pipe, text)
    assert (found[part]["value"], found[whole]["value"]) == (int(parse(part)), int(parse(whole)))
    assert found[part]["kind"] == found[whole]["kind"] == "cardinal"


@pytest.mark.parametrize("text,figure,value", [
    ("Three out of four voters backed the plan.", "Three out of four", 0.75),
    ("Four out of five Americans said they would vote.", "Four out of five", 0.8),
    ("One out of every three lamps was broken.", "One out of every three", 1 / 3),
])
def test_a_part_out_of_people_or_out_of_every_stays_a_share(pipe, text, figure, value):
    assert claims_of(pipe, text)[figure]["value"] == pytest.approx(value)


def parse(words):
    from datasette_factcheck.extract.numbers import parse_number
    return parse_number(words)


def test_one_crewman_is_a_person_counted(pipe):
    assert claims_of(pipe, "One crewman was rescued after two days at sea.")["One"]["measure"] == "rescued"


def test_a_figure_tied_to_an_adjective_counts_the_noun_after_it(pipe):
    found = claims_of(pipe, "Seismographs indicated at least 20 smaller earthquakes followed throughout the night.")
    assert found["at least 20"]["measure"] == "earthquake"


@pytest.mark.parametrize("text,figure,measure", [
    ("This year, pirates have attacked nearly 100 vessels off the coast and hijacked nearly 40, the bureau said.",
     "nearly 40", "vehicles"),
    ("Out of 23 arrested smugglers, 12 are reportedly from Libya and 11 from Chad.", "12", "smuggler"),
    ("Out of 23 arrested smugglers, 12 are reportedly from Libya and 11 from Chad.", "11", "smuggler"),
])
def test_a_bare_figure_counts_the_noun_an_earlier_figure_of_its_clause_named(pipe, text, figure, measure):
    assert claims_of(pipe, text)[figure]["measure"] == measure


def test_a_bare_figure_after_a_parallel_verb_is_what_its_own_verb_did(pipe):
    found = claims_of(pipe, "This year, pirates have attacked nearly 100 vessels off the coast and hijacked nearly 40.")
    assert found["nearly 40"]["subject"] != found["nearly 100"]["subject"]


@pytest.mark.parametrize("text,figure", [
    ("Hard-working people hold two and three jobs to make ends meet.", "three"),
    ("Fire gutted two buildings, one used by the tax office.", "one"),
])
def test_a_figure_listed_with_another_or_a_one_of_them_counts_no_elided_noun(pipe, text, figure):
    assert figure not in claims_of(pipe, text)


def test_one_of_something_per_unit_is_a_rate_and_a_figure(pipe):
    found = claims_of(pipe, "Regulators allow one inspection per plant per year.")
    assert found["one"]["measure"] == "inspection"
    assert "one" not in claims_of(pipe, "There was one area where it could compete.")
