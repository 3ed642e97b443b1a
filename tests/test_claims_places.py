"""Where a figure is: the place read for each claim, on short invented texts through the real spaCy
pipeline."""
from datasette_factcheck.extract import places
from test_claims import claims_of


def test_a_country_has_one_spelling_whichever_an_outlet_uses(pipe):
    assert claims_of(pipe, "In the U.S., 40 million cases were recorded.")["40 million"]["place"] == "United States"
    assert claims_of(pipe, "In the US, 12 people were hurt.")["12"]["place"] == "United States"
    assert claims_of(pipe, "In Britain, 20 people died in the floods.")["20"]["place"] == "United Kingdom"
    assert places.country_name("Homs") is None and places.country_name("Syria") == "Syria"


def test_a_nationwide_figure_is_for_the_country_the_article_is_about(pipe):
    text = ("Americans marked the holiday with parades.\n\n"
            "At least 150 people were killed in shootings across the country.")
    assert claims_of(pipe, text)["At least 150"]["place"] == "United States"
    # the country its phrase names wins over the one the article names most
    text = "Greeks and Greeks again. There were 400 shootings across the U.S. this weekend."
    assert claims_of(pipe, text)["400"]["place"] == "United States"
    # an article that names no country is in the one its cities lie in
    text = "In Toronto, 12 people were shot.\n\nNationwide, 90 people were shot over the weekend."
    assert claims_of(pipe, text)["90"]["place"] == "Canada"
    assert claims_of(pipe, "At least 150 people were killed across the country.")["At least 150"]["place"] == "nationwide"


FILLER = "\n\nOfficials spoke.\n\nNeighbours watched.\n\nThe pastor prayed.\n\nThe mayor visited.\n\n"


def test_a_figure_far_from_any_place_named_is_where_the_article_is(pipe):
    text = "Church fire\n\nA fire destroyed a church in Springfield on Friday." + FILLER + "The fire caused $2 million in damage."
    assert claims_of(pipe, text)["$2 million"]["place"] == "Springfield"
    # a company's seat is not where anything happened
    text = "A deal\n\nAcme said it will buy Widgetco, a startup based in Springfield." + FILLER + "The deal is worth $3 million."
    assert claims_of(pipe, text)["$3 million"]["place"] is None
    # an article that names no place but its country more than once is in that country
    text = ("Benefits rise\n\nAmericans on pensions will get more." + FILLER + "Millions of Americans will see it."
            + FILLER + "The increase is $92 a month.")
    assert claims_of(pipe, text)["$92"]["place"] == "United States"


def test_a_nationality_of_the_people_counted_is_not_where_they_are(pipe):
    text = ("Pirates attacked a ship in the Gulf of Aden.\n\n"
            "The navy says it has arrested 23 Somali and Yemeni pirates who tried to storm a ship.\n\n"
            "Twenty-three personnel (12 Somali and 11 Yemeni) surrendered on boarding, the navy said.\n\n"
            "They will be handed over to Yemen.")
    found = claims_of(pipe, text)
    assert found["23"]["place"] == found["11"]["place"] == "Gulf of Aden"
    # a people named on their own still says where: 'Syrians' in a text that names Syria
    assert claims_of(pipe, "Syria is at war. Syrians lost 40 homes.")["40"]["place"] == "Syria"


def test_a_distance_is_where_what_it_locates_is_else_what_it_is_measured_from(pipe):
    text = "Quake\n\nThe quake struck 14 miles northeast of Millbrook early on Friday."
    assert claims_of(pipe, text)["14 miles"]["place"] == "Millbrook"
    text = "Ferndale, the mayor's home town, is 40 miles north of Springfield."
    assert claims_of(pipe, text)["40 miles"]["place"] == "Ferndale"
    # another distance's reference is not what this one locates
    text = "The quake began two miles east of Fresno and five miles west of Modesto."
    found = claims_of(pipe, text)
    assert found["two miles"]["place"] == "Fresno" and found["five miles"]["place"] == "Modesto"
    # a place inside the reference ('the border with Sudan') is not where the distance is measured from
    text = "Refugees reached Yida.\n\nThe camp lies 25 km from the border with Sudan."
    assert claims_of(pipe, text)["25 km"]["place"] != "Sudan"
    # a ship named like a place is no reference: 'the warship Mysore, which'
    text = "Pirates struck in the Gulf of Aden.\n\nThe warship Kochi, which was on patrol, was 13 nautical miles from the Kochi."
    assert claims_of(pipe, text)["13 nautical miles"]["place"] == "Gulf of Aden"
    assert places.craft_names("The Indian warship Mysore, which carried out the raid.") == {"Mysore"}


def test_a_place_that_modifies_a_site_its_people_or_what_is_counted_says_where(pipe):
    assert claims_of(pipe, "A gunman opened fire at a Vancouver office on Friday, killing one man.")["one"]["place"] == "Vancouver"
    assert claims_of(pipe, "The U.S. population was 331 million.")["331 million"]["place"] == "United States"
    # the parties of a conflict are not where the dead are; the people's own place is
    found = claims_of(pipe, "Gaza militants and children among 26 dead amid Israel and Hamas conflict")
    assert found["26"]["place"] == "Gaza"
    # a nationality of service members says whose, not where
    assert claims_of(pipe, "The toll included 11 U.S. Marines.")["11"]["place"] is None


def test_a_country_that_tallies_is_where_the_tally_is(pipe):
    assert claims_of(pipe, "The U.S. has logged 40 million cases.")["40 million"]["place"] == "United States"
    # a deed's doer is not where it struck: 'Israel's strikes'
    found = claims_of(pipe, "Israel's latest strikes hit two towers in Gaza.")
    assert found["two"]["place"] == "Gaza"


def test_a_site_named_after_its_town_is_in_that_town_and_the_rest_of_its_name_is_no_place(pipe):
    found = claims_of(pipe, "Damage to the Wasilla Bible Church was estimated at $1 million.")
    assert found["estimated at $1 million"]["place"] == "Wasilla"
    assert claims_of(pipe, "Damage to the Enough Project office was $1 million.")["$1 million"]["place"] is None
    found = claims_of(pipe, "Thirteen states will gain or lose seats in the House of Representatives.")
    assert found["Thirteen"]["place"] != "House"


def test_the_ends_of_a_route_are_its_place_only_when_the_sentence_names_no_other(pipe):
    found = claims_of(pipe, "Three cables between Italy and Egypt in the Mediterranean Sea were damaged.")
    assert found["Three"]["place"] == "Mediterranean Sea"
    # traffic between two regions is for both of them, 'the' or not
    found = claims_of(pipe, "Close to 90 percent of data traffic between Europe and the Middle East was cut.")
    assert found["Close to 90 percent"]["place"] == "Europe + Middle East"


def test_only_a_lede_borrows_the_place_of_the_sentences_after_it(pipe):
    text = ("Navy foils attack\n\nPirates attacked a ship in the Gulf of Aden." + FILLER
            + "The navy recovered seven rifles.\n\nThe pirates will be handed to authorities in Djibouti.")
    assert claims_of(pipe, text)["seven"]["place"] == "Gulf of Aden"
    text = "Navy foils attack\n\nThe navy recovered seven rifles.\n\nThe raid took place in the Gulf of Aden."
    assert claims_of(pipe, text)["seven"]["place"] == "Gulf of Aden"
