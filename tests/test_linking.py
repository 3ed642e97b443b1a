"""Linking rules, each on a small example: what joins one fact, what never does, and how a fact reads."""
import pytest
import json

from datasette_factcheck.linking import link, status_of


def claim(cid, article, value, measure="killed", place="Homs", bound="exact", subject=None, time_frame="event",
          outlet=None, source=None, superseded=0, unit=None, place_in=None, place_scope="local", time_text=None):
    return {
        "id": cid, "article_id": article, "outlet": outlet or article, "value": value, "low": None, "high": None,
        "bound": bound, "measure": measure, "subject": subject, "place": place, "place_in": place_in,
        "place_scope": place_scope if place else None, "time_frame": time_frame, "time_text": time_text,
        "unit": unit, "source": source, "superseded": superseded, "article_dates": "",
    }


def fact_of(facts, cid):
    return next(f for f in facts if cid in f.claim_ids)


def linked(facts, a, b):
    return fact_of(facts, a).id == fact_of(facts, b).id


def test_same_quantity_links_and_reads_as_conflict():
    facts = link([claim("a", "A", 39), claim("b", "B", 46), claim("c", "C", 57)], "s")
    assert linked(facts, "a", "b") and linked(facts, "b", "c")
    f = fact_of(facts, "a")
    assert f.status == "conflict" and f.min_value == 39 and f.max_value == 57 and f.outlet_count == 3
    assert f.label.startswith("killed · Homs")


def test_death_toll_is_not_an_injury_count():
    facts = link([claim("a", "A", 57), claim("b", "B", 100, measure="injured")], "s")
    assert not linked(facts, "a", "b")


def test_civilians_among_the_dead_are_a_different_quantity():
    facts = link([claim("a", "A", 57), claim("b", "B", 39, subject="civilian")], "s")
    assert not linked(facts, "a", "b")


def test_a_suburb_is_its_city_but_a_joint_total_is_not_a_part():
    facts = link([
        claim("a", "A", 83, place="Sayyida Zeinab", place_in="Damascus"),
        claim("b", "B", 62, place="Damascus"),
        claim("c", "C", 140, place="Damascus + Homs"),
    ], "s")
    assert linked(facts, "a", "b")
    assert not linked(facts, "b", "c")


def test_spelling_variants_of_a_place_link():
    facts = link([claim("a", "A", 4, measure="attacks", place="Sayeda Zeinab"),
                  claim("b", "B", 4, measure="attacks", place="Sayyida Zeinab")], "s")
    assert linked(facts, "a", "b") and fact_of(facts, "a").status == "agree"


def test_an_earlier_attack_and_a_running_total_are_their_own_facts():
    facts = link([
        claim("a", "A", 57), claim("b", "B", 60, time_frame="earlier"),
        claim("c", "C", 250000, time_frame="running_total", place="Syria"),
        claim("d", "D", 250000, time_frame="running_total", place="Syria", bound="more_than"),
    ], "s")
    assert not linked(facts, "a", "b")
    assert linked(facts, "c", "d") and fact_of(facts, "c").status == "agree"


def test_overlapping_ranges_are_compatible():
    facts = link([claim("a", "A", 57, bound="at_least"), claim("b", "B", 59)], "s")
    assert fact_of(facts, "a").status == "compatible"
    assert status_of([claim("a", "A", 57, bound="at_most" if False else "up_to"), claim("b", "B", 59)]) == "conflict"


def test_superseded_figure_stays_in_the_fact_but_not_in_its_status():
    facts = link([claim("a", "A", 14, superseded=1), claim("b", "A", 39, outlet="A"), claim("c", "B", 39)], "s")
    assert linked(facts, "a", "c")
    assert fact_of(facts, "a").status == "agree"


def test_a_claim_alone_keeps_a_fact_of_its_own():
    facts = link([claim("a", "A", 3, measure="countries", place="Munich")], "s")
    assert len(facts) == 1 and facts[0].claim_ids == ["a"] and facts[0].status == "single"


def test_different_units_of_length_compare():
    facts = link([claim("a", "A", 10, measure="distance", unit="mile", subject="border"),
                  claim("b", "B", 16, measure="distance", unit="km", subject="border")], "s")
    assert linked(facts, "a", "b") and fact_of(facts, "a").status == "conflict"


def test_one_article_with_several_figures_for_one_key_keeps_only_the_one_others_give():
    """'four bombs ... two inside the camp ... one on the airstrip': different things counted."""
    facts = link([claim("a", "A", 4, measure="attacks"), claim("b", "A", 2, measure="attacks"),
                  claim("c", "B", 4, measure="attacks")], "s")
    # the figure the other outlet gives stays with it; the article's other figure stands alone
    assert linked(facts, "a", "c") and not linked(facts, "b", "c") and not linked(facts, "a", "b")
    # when the others agree on no figure, none of the article's figures is linked
    facts = link([claim("a", "A", 4, measure="attacks"), claim("b", "A", 2, measure="attacks"),
                  claim("c", "B", 4, measure="attacks"), claim("d", "D", 2, measure="attacks")], "s")
    assert not linked(facts, "a", "c") and not linked(facts, "b", "d")


def test_placeless_figure_joins_the_only_place_but_not_one_of_several():
    facts = link([claim("a", "A", 3, place="Athens"), claim("b", "B", 3, place=None),
                  claim("c", "C", 3, place="Greece", place_scope="country")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "c")
    facts = link([claim("a", "A", 57, place="Homs"), claim("d", "D", 62, place="Damascus"),
                  claim("c", "C", 88, place="Syria", place_scope="country")], "s")
    assert not linked(facts, "c", "a") and not linked(facts, "c", "d")


def test_parts_and_whole_add_up():
    facts = link([
        claim("w", "A", 140, place="Damascus + Homs", bound="at_least"),
        claim("p1", "A", 57, place="Homs"), claim("p2", "A", 83, place="Damascus", bound="at_least"),
        claim("w2", "B", 119, place="Damascus + Homs"),
        claim("q1", "B", 57, place="Homs"), claim("q2", "B", 83, place="Damascus"),
    ], "s")
    whole = fact_of(facts, "w")
    parts = json.loads(whole.parts)
    rows = {r["article_id"]: r for r in parts["articles"]}
    assert rows["A"]["sum"] == 140 and rows["A"]["ok"] is True
    assert rows["B"]["sum"] == 140 and rows["B"]["ok"] is False
    assert whole.parts_ok == 0


def test_vague_words_do_not_spoil_agreement():
    c = claim("c", "C", 24, bound="about")
    c.update(kind="vague", low=24, high=99)
    facts = link([claim("a", "A", 50), claim("b", "B", 50), c], "s")
    f = fact_of(facts, "a")
    assert linked(facts, "a", "c") and f.status == "agree" and f.min_value == 50


def test_figures_ten_times_apart_are_not_one_quantity():
    """$2.6 million stolen on Monday and $136 million stolen in another raid: alike words, other things."""
    facts = link([claim("a", "A", 2.6e6, measure="value", unit="USD", place="Cannes"),
                  claim("b", "B", 136e6, measure="value", unit="USD", place="Cannes")], "s")
    assert not linked(facts, "a", "b")
    facts = link([claim("a", "A", 39), claim("b", "B", 57), claim("c", "C", 2000)], "s")
    assert linked(facts, "a", "b") and not linked(facts, "a", "c")


def test_a_figure_dated_by_its_year_is_another_event():
    facts = link([
        claim("a", "A", 3, measure="robbers", place="Paris"),
        claim("b", "B", 3, measure="robbers", place="Paris", time_frame="earlier", time_text="2008-12"),
        claim("c", "C", 4, measure="robbers", place="Paris", time_frame="earlier", time_text="2013-07"),
        claim("d", "D", 3, measure="robbers", place="Paris", time_frame="earlier", time_text="2008-12"),
    ], "s")
    assert not linked(facts, "a", "b") and not linked(facts, "b", "c")
    assert linked(facts, "b", "d")


def test_a_month_without_a_day_is_the_event_only_in_the_event_month():
    def c(cid, art, text):
        return dict(claim(cid, art, 5, time_frame="dated", time_text=text), article_dates="09-09")
    facts = link([c("a", "A", "09-09"), c("b", "B", "07-00"), c("e", "E", "09-00"),
                  dict(claim("x", "X", 5), article_dates="09-09")], "s")
    assert not linked(facts, "a", "b") and linked(facts, "a", "e") and linked(facts, "a", "x")


def test_a_sum_with_no_word_for_it_joins_the_one_kind_of_sum_others_give():
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("b", "B", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("c", "C", 2e6, measure="amount", unit="EUR", place="Paris"),
                  claim("d", "D", 2e6, measure="amount", unit="EUR", place="Cannes")], "s")
    assert linked(facts, "a", "c") and not linked(facts, "a", "d")
    # two kinds of sum of equal weight: the bare sum could be either, so it stays apart
    facts = link([claim("a", "A", 5e6, measure="damage", unit="USD", place="Paris"),
                  claim("b", "B", 5e6, measure="price", unit="USD", place="Paris"),
                  claim("c", "C", 5e6, measure="amount", unit="USD", place="Paris")], "s")
    assert not linked(facts, "a", "c") and not linked(facts, "b", "c")


def test_nationwide_figures_are_not_moved_into_a_city():
    facts = link([claim("a", "A", 150, place="nationwide"), claim("b", "B", 189, place="nationwide"),
                  claim("c", "C", 18, place="Chicago"), claim("d", "D", 180, place=None)], "s")
    assert linked(facts, "a", "b") and not linked(facts, "a", "c") and not linked(facts, "c", "d")


def test_one_sum_in_several_currencies_is_one_fact_compared_within_each_currency():
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("b", "B", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("c", "C", 1.7e6, measure="stolen", unit="GBP", place="Paris"),
                  claim("d", "D", 2.6e6, measure="stolen", unit="USD", place="Paris")], "s")
    fact = fact_of(facts, "a")
    assert linked(facts, "a", "c") and linked(facts, "a", "d")
    # no exchange rate is right for every date: euros agree with euros, and nothing is compared across
    assert fact.status == "agree" and fact.unit == "EUR" and fact.min_value == fact.max_value == 2e6
    assert fact.label.startswith("stolen, EUR + GBP + USD")
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("b", "B", 3e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("c", "C", 1.7e6, measure="stolen", unit="GBP", place="Paris")], "s")
    assert fact_of(facts, "a").status == "conflict"
    # outlets round their conversions: $2.5m beside $2.6m does not contest the €2m most outlets give
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("b", "B", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("c", "C", 2.5e6, measure="stolen", unit="USD", place="Paris"),
                  claim("d", "D", 2.6e6, measure="stolen", unit="USD", place="Paris")], "s")
    assert fact_of(facts, "a").status == "agree"
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("c", "C", 1.7e6, measure="stolen", unit="GBP", place="Paris")], "s")
    assert fact_of(facts, "a").status == "compatible"


def test_an_article_giving_one_sum_in_two_currencies_is_not_ambiguous():
    facts = link([claim("a", "A", 2e6, measure="stolen", unit="EUR", place="Paris"),
                  claim("a2", "A", 2.6e6, measure="stolen", unit="USD", place="Paris"),
                  claim("b", "B", 2e6, measure="stolen", unit="EUR", place="Paris")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a2", "b")


def test_a_country_figure_never_joins_a_place_the_story_puts_in_another_country():
    located = '[["Yida", "South Sudan"]]'
    claims = [dict(claim(c, c.upper(), v, measure="displaced", place="Yida"), article_located=located)
              for c, v in (("a", 20000), ("b", 22000), ("c", 21000))]
    claims += [claim("e", "E", 15000, measure="displaced", place="Ethiopia", place_scope="country"),
               claim("s", "S", 20000, measure="displaced", place="South Sudan", place_scope="country")]
    facts = link(claims, "s")
    assert linked(facts, "a", "b") and not linked(facts, "a", "e") and linked(facts, "a", "s")


def test_the_text_says_which_country_a_place_is_in():
    from datasette_factcheck import nlp, places
    pipe = nlp.load()
    gaz = places.Gazetteer()
    gaz.add_doc(pipe("Bombs fell on the Yida refugee camp in northern South Sudan. Later, Paris, France."))
    assert gaz.within == {("Yida", "South Sudan"), ("Paris", "France")}
    assert {"South Sudan", "France"} <= gaz.countries  # named as countries without their people


def test_an_undated_earlier_figure_joins_the_one_dated_earlier_event():
    def c(cid, art, v, frame, text=None):
        return dict(claim(cid, art, v, measure="value", unit="EUR", place="Cannes", time_frame=frame, time_text=text),
                    article_dates="09-09")
    facts = link([c("a", "A", 103e6, "dated", "07-28"), c("b", "B", 103e6, "dated", "07-28"),
                  c("x", "X", 103e6, "earlier")], "s")
    assert linked(facts, "a", "x")
    facts = link([c("a", "A", 103e6, "dated", "07-28"), c("b", "B", 50e6, "dated", "05-20"),
                  c("x", "X", 103e6, "earlier")], "s")
    assert not linked(facts, "a", "x") and not linked(facts, "b", "x")


def test_a_place_read_only_from_the_context_counts_only_where_some_outlet_states_it():
    """A dateline's 'Sunnyvale' is where the story is, not the price of the deal; the toll that
    'SANA put at 32' is Homs's when other outlets say 'killed in Homs'."""
    def c(cid, art, v, place=None, how=None, measure="price", unit="USD"):
        return dict(claim(cid, art, v, measure=measure, unit=unit, place=place), place_from=how)
    facts = link([c("a", "A", 334e6, "Sunnyvale", "context"), c("b", "B", 334e6), c("d", "D", 334e6),
                  c("e", "E", 334e6, "Sunnyvale", "context")], "s")
    assert linked(facts, "a", "b") and linked(facts, "e", "d")
    facts = link([c("a", "A", 32, "Homs", "context", measure="killed", unit=None),
                  c("b", "B", 32, "Homs", "clause", measure="killed", unit=None),
                  c("d", "D", 32, "Damascus", "clause", measure="killed", unit=None)], "s")
    assert linked(facts, "a", "b") and not linked(facts, "a", "d")
    # a place let go does not then join another place: Ethiopia's 15,000 are not Yida's
    facts = link([c("x", "X", 15000, "Bunj", "context", measure="displaced", unit=None),
                  c("y", "Y", 20000, "Yida", "clause", measure="displaced", unit=None),
                  c("z", "Z", 21000, "Yida", "clause", measure="displaced", unit=None)], "s")
    assert not linked(facts, "x", "y") and linked(facts, "y", "z")


def test_a_share_price_beside_a_deal_price_does_not_make_the_deal_price_ambiguous():
    facts = link([claim("a", "A", 334e6, measure="price", unit="USD", place=None),
                  claim("a2", "A", 9, measure="price", unit="USD", place=None),
                  claim("b", "B", 334e6, measure="price", unit="USD", place=None),
                  claim("d", "D", 334e6, measure="price", unit="USD", place=None)], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "d") and not linked(facts, "a2", "b")


def test_one_distinct_figure_worded_differently_is_one_fact():
    """'23 pirates were arrested', '23 Somali pirates arrested', '23 brigands', '23 arrested'."""
    facts = link([claim("a", "A", 23, measure="arrested", subject="pirate", place="Gulf of Aden"),
                  claim("b", "B", 23, measure="arrested", subject="somali pirate", place="Gulf of Aden"),
                  claim("c", "C", 23, measure="brigand", place=None),
                  claim("d", "D", 23, measure="arrested", place="Gulf of Aden")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "c") and linked(facts, "a", "d")
    assert fact_of(facts, "a").status == "agree"


@pytest.mark.parametrize("a,b", [
    (dict(v=23, measure="arrested"), dict(v=23, measure="injured")),  # another measure, whatever the figure
    (dict(v=2, subject="pirate"), dict(v=2, subject="somali pirate")),  # a small figure is the same by chance
    (dict(v=23, place="Gulf of Aden"), dict(v=23, place="Yemen")),  # two places stated
    (dict(v=23, subject="somali"), dict(v=23, subject="yemeni")),  # subjects that do not contain each other
])
def test_the_same_figure_is_not_enough_on_its_own(a, b):
    def make(cid, d):
        return claim(cid, cid.upper(), d["v"], measure=d.get("measure", "arrested"), subject=d.get("subject"),
                     place=d.get("place", "Gulf of Aden"))
    assert not linked(link([make("a", a), make("b", b)], "s"), "a", "b")
    if a["v"] == 2:  # the same words with a figure of ten or more do join
        assert linked(link([make("a", dict(a, v=20)), make("b", dict(b, v=20))], "s"), "a", "b")


def test_one_distinctive_sum_under_two_words_is_one_fact():
    facts = link([claim("a", "A", 334e6, measure="price", unit="USD", place=None),
                  claim("b", "B", 334e6, measure="cost", unit="USD", place=None),
                  claim("c", "C", 281e6, measure="price", subject="cash", unit="USD", place=None),
                  claim("d", "D", 281e6, measure="price", subject="part", unit="USD", place=None)], "s")
    assert linked(facts, "a", "b") and linked(facts, "c", "d") and not linked(facts, "a", "c")
    # a round sum is given for different things: $1 million of damage is not a $1 million reward
    facts = link([claim("a", "A", 1e6, measure="damage", unit="USD", place=None),
                  claim("b", "B", 1e6, measure="reward", unit="USD", place=None)], "s")
    assert not linked(facts, "a", "b")


def test_a_bare_earlier_sum_joins_the_one_dated_earlier_sum_of_its_place():
    """'$136M worth of jewels from the Carlton in Cannes', a month before: the July Cannes haul."""
    def c(cid, art, v, measure, unit, frame, text=None):
        return dict(claim(cid, art, v, measure=measure, unit=unit, place="Cannes", time_frame=frame,
                          time_text=text), article_dates="09-09")
    facts = link([c("a", "A", 103e6, "stolen", "EUR", "dated", "07-28"), c("b", "B", 88e6, "stolen", "GBP", "dated", "07-28"),
                  c("x", "X", 136e6, "value", "USD", "earlier")], "s")
    assert linked(facts, "a", "x") and linked(facts, "a", "b")


def test_a_people_named_for_a_city_or_strip_does_not_make_it_a_country():
    from datasette_factcheck import nlp, places
    gaz = places.Gazetteer()
    gaz.add_doc(nlp.load()("Israel killed more than two dozen Gazans in Gaza. Syrians fled Syria."))
    assert "Gaza" not in gaz.countries and {"Israel", "Syria"} <= gaz.countries


def test_a_figure_for_the_region_a_place_lies_in_joins_that_place():
    """'the Yida camp in oil-rich Unity State': a distance given for Unity is the camp's."""
    located = '[["Unity", "South Sudan"], ["Yida", "Unity"]]'
    def c(cid, place, how="clause", v=25):
        return dict(claim(cid, cid.upper(), v, measure="distance", subject="border", place=place), place_from=how,
                    article_located=located)
    facts = link([c("a", "Yida"), c("b", "Yida"), c("d", "Yida"), c("u", "Unity")], "s")
    assert linked(facts, "a", "u")
    facts = link([c("a", "Yida"), c("b", "Yida"), c("d", "Yida"), c("x", "Upper Nile")], "s")
    assert not linked(facts, "a", "x")  # a place the story does not put the camp in
    # a place read from the context and let go may still join the place it contains
    facts = link([c("a", "Yida"), c("b", "Yida"), c("d", "Yida"), c("u", "Unity", how="context")], "s")
    assert linked(facts, "a", "u")


def test_a_list_of_places_is_no_containment():
    from datasette_factcheck import nlp, places
    gaz = places.Gazetteer()
    gaz.add_doc(nlp.load()("Bombs hit Homs, Damascus and Aleppo. The Yida camp in oil-rich Unity State was hit. "
                           "Unity State borders Sudan."))
    assert ("Homs", "Damascus") not in gaz.within


def test_a_figure_naming_only_its_people_joins_the_toll_of_its_place():
    facts = link([claim("a", "A", 28, place="Gaza", subject="palestinians"),
                  claim("b", "B", 24, place="Gaza", subject="gazans", bound="more_than"),
                  claim("c", "C", 28, place="Gaza")], "s")
    assert linked(facts, "a", "c") and linked(facts, "b", "c")


def test_each_people_is_a_part_where_two_nations_dead_are_counted():
    facts = link([claim("a", "A", 72, place="Kabul", subject="afghans"),
                  claim("b", "B", 13, place="Kabul", subject="us military"),
                  claim("c", "C", 90, place="Kabul")], "s")
    assert not linked(facts, "a", "c") and not linked(facts, "b", "c")


def test_a_people_far_smaller_than_the_toll_is_a_part():
    facts = link([claim("a", "A", 2, place="Paris", subject="americans"),
                  claim("c", "C", 130, place="Paris")], "s")
    assert not linked(facts, "a", "c")


def test_distances_from_nothing_stated_are_told_apart_by_value_not_by_place():
    facts = link([claim("a", "A", 150, measure="distance", unit="nmi", place="Gulf of Aden"),
                  claim("b", "B", 150, measure="distance", unit="nmi", place="Somalia", place_scope="country"),
                  claim("c", "C", 277, measure="distance", unit="km", place=None),
                  claim("d", "D", 13, measure="distance", unit="nmi", place="Aden"),
                  claim("e", "E", 13, measure="distance", unit="mile", place="Gulf of Aden")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "c") and linked(facts, "d", "e")
    assert not linked(facts, "a", "d")


def test_a_distance_from_a_stated_thing_keeps_its_place():
    facts = link([claim("a", "A", 10, measure="distance", unit="mile", subject="border", place="Yida"),
                  claim("b", "B", 10, measure="distance", unit="mile", subject="border", place="Unity")], "s")
    assert not linked(facts, "a", "b")


def test_a_distance_told_by_value_is_labelled_without_a_place():
    facts = link([claim("a", "A", 150, measure="distance", unit="nmi", place="Gulf of Aden"),
                  claim("b", "B", 150, measure="distance", unit="nmi", place=None)], "s")
    label = fact_of(facts, "a").label
    assert "place not stated" not in label and "Gulf of Aden" not in label and "150 nmi" in label


def test_a_people_named_in_the_plural_is_the_same_words():
    facts = link([claim("a", "A", 11, measure="yemeni", place=None),
                  claim("b", "B", 11, measure="yemenis", place=None),
                  claim("c", "C", 11, subject="yemenis", measure="arrested", place=None),
                  claim("d", "D", 11, subject="yemeni", measure="arrested", place=None)], "s")
    assert linked(facts, "a", "b") and linked(facts, "c", "d")


def test_a_misworded_figure_joins_the_fact_more_outlets_give_it_for():
    """'23 Somali pirates' beside two outlets' '12 Somali pirates' and three outlets' '23 pirates'."""
    def c(cid, v, subject):
        return claim(cid, cid.upper()[0], v, measure="arrested", subject=subject, place=None)
    facts = link([c("a", 12, "somali pirate"), c("b", 12, "somali pirate"), c("x", 23, "somali pirate"),
                  c("p", 23, "pirate"), c("q", 23, "pirate"), c("r", 23, "pirate")], "s")
    assert linked(facts, "x", "p") and not linked(facts, "x", "a") and linked(facts, "a", "b")
    assert fact_of(facts, "a").status == "agree"
    # without a compatible fact that more articles give, the disagreement stays visible
    facts = link([c("a", 12, "somali pirate"), c("b", 12, "somali pirate"), c("x", 23, "somali pirate"),
                  c("p", 23, "yemeni pirate")], "s")
    assert linked(facts, "x", "a") and fact_of(facts, "a").status == "conflict"


def test_a_country_read_from_the_context_counts_only_where_some_outlet_states_it():
    """'Seven AK-47s' paragraphs after one about Djibouti, another after one about Somalia: the
    weapons were seized at sea, and neither country is where they were counted."""
    def c(cid, art, place=None, how=None):
        return dict(claim(cid, art, 7, measure="ak-47", place=place, place_scope="country"), place_from=how)
    facts = link([c("a", "A", "Djibouti", "context"), c("b", "B", "Somalia", "context"), c("d", "D")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "d")
    # a country some outlet states in the figure's own sentence, or the one before, stays
    facts = link([c("a", "A", "Somalia", "context"), c("b", "B", "Somalia", "clause"), c("d", "D", "Kenya", "previous")], "s")
    assert linked(facts, "a", "b") and not linked(facts, "a", "d")


def test_a_country_from_another_sentence_yields_where_most_outlets_give_no_place():
    """Seven AK-47s seized at sea: one outlet's sentence follows one about Somalia, another's one
    about Bahrain; five say nowhere. The countries are not where the weapons were counted."""
    def c(cid, place=None, how=None):
        return dict(claim(cid, cid.upper(), 7, measure="ak-47", place=place, place_scope="country"), place_from=how)
    facts = link([c("a", "Somalia", "previous"), c("b", "Bahrain", "previous"), c("d"), c("e"), c("f")], "s")
    assert linked(facts, "a", "b") and linked(facts, "a", "d")
    # stated in the figure's own sentence, a country stays; and where most outlets place it, it stays
    facts = link([c("a", "Somalia", "clause"), c("b", "Bahrain", "previous"), c("d"), c("e"), c("f")], "s")
    assert not linked(facts, "a", "d")
    facts = link([c("a", "Somalia", "previous"), c("b", "Somalia", "clause"), c("d", "Somalia", "clause"), c("e")], "s")
    assert linked(facts, "a", "b")


def test_a_date_two_of_many_articles_recall_does_not_date_the_story():
    from datasette_factcheck.linking import story_date

    def arts(*dates):
        return [dict(claim(f"c{i}", f"A{i}", 1), article_dates=d) for i, d in enumerate(dates)]
    assert story_date(arts("08-29", "08-29", *[""] * 18)) is None  # background in 2 of 20
    assert story_date(arts("11-18", "11-19", "11-18", *[""] * 7)) == "11-18"
    assert story_date(arts("02-21", "02-22", "", "", "")) in ("02-21", "02-22")
