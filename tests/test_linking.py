"""The linker: each pair feature, the cannot-link constraints, the clustering, the shipped model
and the determinism of training. Claims are written by hand, as the loader would hand them over."""
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from datasette_factcheck.link import link
from datasette_factcheck.link.cluster import cluster
from datasette_factcheck.link.facts import interval, status_of
from datasette_factcheck.link.features import FEATURES, INDEX, cannot_link, pair_features, prepare, reads_alike
from datasette_factcheck.link.frame import Frame, story_date
from datasette_factcheck.link.model import fit, load, shipped

ROOT = Path(__file__).resolve().parent.parent
VOCAB = {"killed", "injured", "arrested", "missing"}


def claim(article, value, measure="killed", sentence=None, text=None, **kw):
    text = text or f"{value:g}"
    sentence = sentence or f"At least {text} people were {measure} in the attack."
    start = sentence.find(text)
    c = dict(id=f"{article}-{value}-{measure}-{kw.get('place')}-{start}-{sentence[:12]}", article_id=article,
             outlet=article, value=float(value), bound="exact", unit=None, measure=measure, subject=None,
             place=None, source=None, time_frame="event", time_text=None, kind="cardinal", text=text,
             start=start, sentence_text=sentence, sentence_start=0, sentence_kind="body", paragraph=3,
             superseded=0, low=None, high=None)
    c.update(kw)
    return c


def features_of(a, b, claims=None):
    claims = claims or [a, b]
    frame = Frame(claims)
    prepared = {c["id"]: c for c in prepare(claims, frame, VOCAB)}
    pa, pb = prepared[a["id"]], prepared[b["id"]]
    return dict(zip(FEATURES, pair_features(pa, pb, frame))), cannot_link(pa, pb, frame)


def test_same_measure_and_value_are_features():
    f, banned = features_of(claim("a", 57), claim("b", 57))
    assert not banned
    assert f["measure_same"] == 1 and f["value_equal"] == 1 and f["value_equal_distinctive"] == 1
    f, _ = features_of(claim("a", 57, measure="stolen"), claim("b", 57, measure="price"))
    assert f["measure_differ"] == 1 and f["measure_same"] == 0


def test_value_relations():
    f, _ = features_of(claim("a", 39), claim("b", 46))
    assert f["value_equal"] == 0 and f["value_close"] == 1 and 0 < f["value_log_ratio"] < 0.1
    f, _ = features_of(claim("a", 3), claim("b", 300))
    assert f["value_close"] == 0 and f["value_log_ratio"] == pytest.approx(2.0)
    f, _ = features_of(claim("a", 50, bound="at_least"), claim("b", 57))
    assert f["value_overlap"] == 1
    f, _ = features_of(claim("a", 2), claim("b", 2))
    assert f["value_equal"] == 1 and f["value_equal_distinctive"] == 0  # 'two' is no evidence alone


def test_subject_relations():
    f, _ = features_of(claim("a", 9, subject="child"), claim("b", 9, subject="child"))
    assert f["subject_same"] == 1
    f, _ = features_of(claim("a", 9, subject="child"), claim("b", 9))
    assert f["subject_part_one_side"] == 1  # children are a part of a toll
    f, _ = features_of(claim("a", 23, measure="arrested", subject="employee"), claim("b", 23, measure="arrested"))
    assert f["subject_one_side"] == 1 and f["what_overlap"] == 0.5
    f, _ = features_of(claim("a", 9, subject="child"), claim("b", 9, subject="militant"))
    assert f["subject_differ"] == 1


def test_place_relations_read_the_story_hierarchy():
    yida = claim("a", 12, place="Yida", place_in="Unity State")
    unity = claim("b", 12, place="Unity State")
    f, banned = features_of(yida, unity)
    assert f["place_contains"] == 1 and not banned
    f, _ = features_of(claim("a", 12, place="Yida"), claim("b", 12))
    assert f["place_unstated"] == 1
    f, _ = features_of(claim("a", 12, place="Homs", place_from="sentence"), claim("b", 12, place="Aleppo", place_from="clause"))
    assert f["place_unrelated"] == 1
    f, _ = features_of(claim("a", 12, place="Homs", place_from="context"), claim("b", 12, place="Aleppo", place_from="clause"))
    assert f["place_unrelated_weak"] == 1 and f["place_unrelated"] == 0  # a dateline's place is weak evidence


def test_the_gazetteer_places_a_city_in_its_country():
    f, _ = features_of(claim("a", 12, place="Aden", place_from="sentence"), claim("b", 12, place="Yemen", place_from="sentence"))
    assert f["place_contains"] == 1
    f, _ = features_of(claim("a", 12, place="U.S.", place_from="sentence"), claim("b", 12, place="United States", place_from="sentence"))
    assert f["place_same"] == 1


def test_places_one_article_contrasts_are_a_feature():
    rival = [claim("c", 57, place="Homs"), claim("c", 83, place="Damascus")]
    a, b = claim("a", 57, place="Homs"), claim("b", 60, place="Damascus")
    f, banned = features_of(a, b, [a, b, *rival])
    assert f["place_contrasted"] == 1 and not banned


def test_a_place_inside_another_is_contained_even_where_an_article_gives_both_figures():
    # 'three killed in Athens' beside 'Greece's three dead': an article giving the country a figure
    # of its own (a reading from 'Greek police') does not make the city another quantity
    rival = [claim("c", 3, place="Athens"), claim("c", 5, place="Greece")]
    a, b = claim("a", 3, place="Athens"), claim("b", 3, place="Greece")
    f, banned = features_of(a, b, [a, b, *rival])
    assert f["place_contains"] == 1 and f["place_contrasted"] == 0 and not banned


def test_a_toll_that_counts_the_attacker_never_links_the_victims():
    victims = claim("a", 8, sentence="Eight people died when a man opened fire in the market.", text="Eight")
    with_him = claim("b", 9, sentence="Nine people died in the market, including the gunman, police said.", text="Nine")
    _, banned = features_of(victims, with_him)
    assert banned
    # the same count told with and without the words is one figure; 'not including' counts victims
    _, banned = features_of(claim("a", 9, text="Nine", sentence="Nine people died in the market."), with_him)
    assert not banned
    not_him = claim("c", 8, sentence="Eight people died, not including the attacker, officials said.", text="Eight")
    _, banned = features_of(victims, not_him)
    assert not banned


@pytest.mark.parametrize("sentence,text,part", [
    ("At least 28 people were killed, including nine children.", "nine", True),
    ("At least 28 people were killed, including nine children.", "At least 28", False),  # the whole
    ("Of the 26 who died, 16 of them were militants.", "16", True),
    ("Of the 26 who died, 16 of them were militants.", "26", False),
    ("Children were among 26 dead.", "26", False),
    ("At least 39 of the dead were civilians.", "At least 39", True),
    ("The storm broke all three of the levees.", "three", False),
    ("Three people, one of them a nurse, were killed.", "Three", False),
    ("Eleven were hurt, of whom two were firemen.", "two", True),
])
def test_a_part_is_read_from_the_words_beside_the_figure(sentence, text, part):
    from datasette_factcheck.link.features import is_part
    assert is_part(dict(sentence_text=sentence, sentence_start=0, start=sentence.find(text), text=text)) is part


def test_a_part_that_names_its_group_never_links_a_count_that_does_not():
    toll = claim("a", 39, sentence="Thirty-nine people were killed when two bombs struck the city.", text="Thirty-nine")
    civilians = claim("b", 39, subject="civilian", text="At least 39",
                      sentence="At least 39 of the dead were civilians, the monitor said.")
    _, banned = features_of(toll, civilians)
    assert banned
    # the same group named, in the subject or only in the words after the figure, is the same count
    _, banned = features_of(claim("a", 39, subject="civilian", sentence="39 civilians were killed.", text="39"), civilians)
    assert not banned
    children = claim("a", 2, subject="child", text="two",
                     sentence="Several people, including two children, were inside the church.")
    _, banned = features_of(claim("b", 2, text="two", sentence="Five women and possibly two children were inside."), children)
    assert not banned
    # a count that is no part, or a part without a group, is left to the model
    _, banned = features_of(toll, claim("b", 39, subject="civilian", sentence="The 39 civilians killed were buried."))
    assert not banned


@pytest.mark.parametrize("x,y,alike", [
    (15e6, 15.1e6, True), (1500, 1502, True), (600_000, 601_000, True), (2.5e9, 2.46e9, True),
    (39, 40, False),       # two small counts are exact: two tolls
    (1e6, 1.2e6, False),   # a fifth apart is no rounding
    (1500, 1600, False), (15e6, 15e6, False),  # equal is value_equal's
])
def test_a_figure_rounded_by_one_outlet(x, y, alike):
    from datasette_factcheck.link.features import rounds_alike
    assert rounds_alike(x, y) is alike and rounds_alike(y, x) is alike
    f, _ = features_of(claim("a", x, measure="doses"), claim("b", y, measure="doses"))
    assert f["value_rounds_equal"] == float(alike)


def test_a_replaced_figure_joins_the_fact_of_the_figure_that_replaced_it():
    """'The initial toll of 14 had risen': an earlier reading of the article's own toll, whatever
    how far it lies from the other outlets' figures; never a quantity of its own."""
    claims = [
        claim("a", 25, place="Homs", sentence="The governor said 25 people had been killed in Homs.", text="25"),
        claim("a", 14, place="Homs", superseded=1, text="14",
              sentence="He said the initial death toll of 14 had risen as the wounded died."),
        claim("b", 25, place="Homs", sentence="At least 25 people were killed in Homs.", text="25"),
        claim("c", 14, place="Homs", measure="injured", sentence="14 people were injured in Homs.", text="14"),
    ]
    facts = link(claims, "s", vocabulary=VOCAB)
    toll = next(f for f in facts if 25 in {c["value"] for c in claims if c["id"] in f.claim_ids})
    assert {c["id"] for c in claims[:3]} == set(toll.claim_ids)
    assert not any(claims[3]["id"] in f.claim_ids and f is toll for f in facts)
    # a reviewer who keeps them apart is obeyed
    apart = link(claims, "s", vocabulary=VOCAB, cannot=[(claims[0]["id"], claims[1]["id"])])
    assert all(not {claims[0]["id"], claims[1]["id"]} <= set(f.claim_ids) for f in apart)


def test_a_place_holding_parts_the_story_counts_apart_gives_their_total_not_a_part():
    parts = [claim("c", 57, place="Homs", place_in="Syria"), claim("c", 83, place="Damascus", place_in="Syria")]
    syria, homs = claim("a", 88, place="Syria", place_from="sentence"), claim("b", 59, place="Homs", place_from="sentence")
    _, banned = features_of(syria, homs, [syria, homs, *parts])
    assert banned
    # an earlier event's figure at a sibling place is no part of this one's total
    earlier = [claim("c", 57, place="Homs", place_in="Syria"),
               claim("c", 24, place="Damascus", place_in="Syria", time_frame="earlier", time_text="2015")]
    f, banned = features_of(syria, homs, [syria, homs, *earlier])
    assert not banned and f["place_contains"] == 1


def test_a_rise_never_links_a_fall():
    fell = claim("a", 0.5, measure="price (percent change)", sentence="Prices fell 0.5% in May.", text="0.5%", unit="percent")
    rose = claim("b", 0.5, measure="price (percent change)", sentence="Prices rose 0.5% in May.", text="0.5%", unit="percent")
    _, banned = features_of(fell, rose)
    assert banned
    drop = claim("c", 0.5, measure="price (percent change)", sentence="May saw a 0.5% drop in prices.", text="0.5%", unit="percent")
    _, banned = features_of(fell, drop)
    assert not banned
    lost = claim("d", 1, measure="seats", sentence="Texas gained two seats, with Ohio losing one.", text="one")
    gained = claim("e", 1, measure="seats", sentence="Oregon will gain one seat.", text="one")
    assert features_of(lost, gained)[1]


def test_a_count_of_people_never_links_a_count_of_things():
    guns = claim("a", 12, measure="gun", sentence="Marines seized 12 guns.", text="12")
    men = claim("b", 12, measure="arrested", sentence="Marines arrested 12 men.", text="12")
    boats = claim("c", 12, measure="vehicles", sentence="The 12 boats were towed.", text="12")
    for other in (men, boats):
        _, banned = features_of(guns if other is men else men, other)
        assert banned
    _, banned = features_of(claim("d", 12, measure="pirate", sentence="The 12 pirates surrendered.", text="12"), men)
    assert not banned  # pirates are people: a count of them may be the arrests
    somalis = claim("e", 12, measure="somalis", sentence="Of the pirates, 12 were Somalis.", text="12")
    _, banned = features_of(guns, somalis)
    assert banned  # a people's name counts people
    _, banned = features_of(somalis, men)
    assert not banned


def test_a_joint_total_never_links_a_part_the_story_counts_apart():
    rival = [claim("c", 57, place="Homs"), claim("c", 83, place="Damascus")]
    total, homs = claim("a", 140, place="Homs + Damascus"), claim("b", 140, place="Homs")
    _, banned = features_of(total, homs, [total, homs, *rival])
    assert banned
    # a place that holds every part may give the total
    syria = claim("d", 140, place="Syria", place_from="sentence")
    f, banned = features_of(total, syria, [total, syria, homs, *rival,
                                           claim("e", 1, place="Homs", place_in="Syria"), claim("e", 2, place="Damascus", place_in="Syria")])
    assert not banned and f["place_contains"] == 1


def test_places_named_together_are_not_a_total_without_evidence():
    """'three cables cut between Europe, the Middle East and Asia' beside 'three cables cut off
    Sicily': nothing in the story counts those places apart."""
    f, banned = features_of(claim("a", 3, measure="cut", place="Europe + Middle East", place_from="clause"),
                            claim("b", 3, measure="cut", place="Sicily", place_from="clause"))
    assert not banned and f["place_unrelated"] == 1
    f, banned = features_of(claim("a", 3, measure="cut", place="Sicily + Tunisia"), claim("b", 3, measure="cut", place="Sicily"))
    assert not banned and f["place_contains"] == 1


def test_the_story_prints_its_own_exchange_rate():
    s = "They made off with 2m euros (£1.7m; $2.6m) in gems."
    printed = [claim("c", 2e6, unit="EUR", measure="stolen", sentence=s, text="2m euros", sentence_id="s1"),
               claim("c", 1.7e6, unit="GBP", measure="stolen", sentence=s, text="£1.7m", kind="conversion", sentence_id="s1"),
               claim("c", 2.6e6, unit="USD", measure="stolen", sentence=s, text="$2.6m", sentence_id="s1")]
    for c in printed:
        c["end"] = c["start"] + len(c["text"])
    frame = Frame(printed)
    assert frame.rates[("EUR", "GBP")] == pytest.approx(0.85) and frame.rates[("EUR", "USD")] == pytest.approx(1.3)
    euros = claim("a", 2e6, unit="EUR", measure="stolen", sentence="A €2m heist.", text="2")
    dollars = claim("b", 2.6e6, unit="USD", measure="stolen", sentence="A $2.6m heist.", text="2.6")
    f, _ = features_of(euros, dollars, [euros, dollars, *printed])
    assert f["value_equal"] == 1
    f, _ = features_of(euros, dollars)  # no rate printed: only 'about as large'
    assert f["value_equal"] == 0 and f["value_close"] == 1


def test_one_figure_each_and_how_far_competing_figures_differ():
    a, b = claim("a", 57, place="Homs"), claim("b", 32, place="Homs")
    f, _ = features_of(a, b)
    assert f["one_figure_each"] == 1 and f["alike_log_ratio"] == pytest.approx(f["value_log_ratio"]) and f["alike_log_ratio"] > 0
    second = claim("a", 12, place="Homs", sentence="Another 12 were killed in a second blast.")
    f, _ = features_of(a, b, [a, b, second])
    assert f["one_figure_each"] == 0  # article a gives two figures for the same key


def test_a_word_for_a_round_number_is_not_distinctive():
    f, _ = features_of(claim("a", 12, text="about a dozen", sentence="He let about a dozen employees leave."),
                       claim("b", 12, text="a dozen", sentence="A dozen employees were at the party."))
    assert f["value_equal"] == 1 and f["value_equal_distinctive"] == 0
    f, _ = features_of(claim("a", 12), claim("b", 12))
    assert f["value_equal_distinctive"] == 1
    f, _ = features_of(claim("a", 5.9, unit="percent"), claim("b", 5.9, unit="percent"))
    assert f["value_equal_distinctive"] == 1  # 5.9% is as telling as 57


def test_a_measure_the_vocabulary_defines_at_one_place_and_time():
    f, _ = features_of(claim("a", 57, place="Homs"), claim("b", 32, place="Homs"))
    assert f["measure_same_known"] == 1 and f["known_alike"] == 1
    f, _ = features_of(claim("a", 3, measure="cable"), claim("b", 2, measure="cable"))
    assert f["measure_same"] == 1 and f["measure_same_known"] == 0 and f["known_alike"] == 0
    f, _ = features_of(claim("a", 57, place="Homs", place_from="sentence"), claim("b", 32, place="Aleppo", place_from="sentence"))
    assert f["measure_same_known"] == 1 and f["known_alike"] == 0
    f, _ = features_of(claim("a", 2, place="Athens", subject="woman"), claim("b", 3, place="Athens"))
    assert f["measure_same_known"] == 1 and f["known_alike"] == 0  # two women are a part of three dead


def test_figures_read_alike_only_at_one_place_over_one_period_and_neither_adding_to_the_other():
    def alike(a, b):
        f, _ = features_of(a, b)
        return reads_alike([f[name] for name in FEATURES])
    assert alike(claim("a", 57, place="Homs"), claim("b", 25, place="Homs"))
    assert not alike(claim("a", 57, place="Homs"), claim("b", 25, place="Syria"))  # one holds the other
    assert not alike(claim("a", 57, place="Homs"), claim("b", 25, place="Homs", subject="child"))
    assert not alike(claim("a", 3, measure="cable"), claim("b", 2, measure="cable"))  # a measure no vocabulary defines
    assert not alike(claim("a", 20, place="Homs", sentence="At least 20 people were killed in the attack."),
                     claim("b", 20, place="Homs", sentence="Another 20 people were killed in the attack."))
    assert not alike(claim("a", 5, measure="injured", place="Homs", period="month"),
                     claim("b", 9, measure="injured", place="Homs", period="year"))


def test_a_figure_that_calls_itself_other_never_links_the_one_it_adds_to():
    _, banned = features_of(claim("a", 12, measure="present", text="another dozen", sentence="There were another dozen people there."),
                            claim("b", 12, measure="present", text="a dozen", sentence="A dozen people were at the party."))
    assert banned
    _, banned = features_of(claim("a", 2, measure="buildings", subject="other"), claim("b", 2, measure="buildings"))
    assert banned
    _, banned = features_of(claim("a", 100, text="more than 100"), claim("b", 100, text="100"))
    assert not banned  # 'more than' is a bound, not another quantity


def test_an_earlier_events_figure_beside_this_events():
    f, _ = features_of(claim("a", 2, measure="rescued"), claim("b", 2, measure="rescued", time_frame="earlier"))
    assert f["time_earlier"] == 1 and f["time_same"] == 0
    f, _ = features_of(claim("a", 2, measure="rescued"), claim("b", 2, measure="rescued"))
    assert f["time_earlier"] == 0 and f["time_same"] == 1


def test_forecast_and_actual_never_link():
    actual = claim("a", 473000, measure="claims", sentence="Jobless claims fell to 473,000 last week.", text="473,000")
    forecast = claim("b", 473000, measure="claims", sentence="Economists had expected 473,000 claims.", text="473,000",
                     time_frame="forecast")  # as the extractor reads it (tests/test_claims_economy.py)
    _, banned = features_of(actual, forecast)
    assert banned
    # 'far short of forecasts' near an actual figure does not make it one
    short = claim("c", 473000, measure="claims", sentence="Claims fell to 473,000, far short of forecasts.", text="473,000")
    _, banned = features_of(actual, short)
    assert not banned
    _, banned = features_of(actual, dict(actual, id="x", article_id="b"))
    assert not banned


def test_an_aftershock_never_links_the_main_shock():
    main = claim("a", 4.6, measure="magnitude", sentence="A magnitude 4.6 quake struck on Thursday.", text="4.6")
    after = claim("b", 4.6, measure="magnitude", sentence="It was followed by a 4.6 aftershock an hour later.", text="4.6")
    _, banned = features_of(main, after)
    assert banned
    _, banned = features_of(after, dict(after, id="x", article_id="c"))
    assert not banned  # two outlets' aftershock


def test_figures_dated_to_different_days_never_link():
    claims = [claim("a", 100, measure="injured", time_frame="dated", time_text="01-26",
                    sentence="On January 26, 100 people were injured in a car bombing.", text="100"),
              claim("b", 100, measure="injured", time_frame="dated", time_text="02-21",
                    sentence="On Sunday 100 people were injured in the bombings.", text="100")]
    _, banned = features_of(*claims, claims=claims)
    assert banned
    month = claim("c", 100, measure="injured", time_frame="dated", time_text="01-00",
                  sentence="In January, 100 people were injured in a car bombing.", text="100")
    _, banned = features_of(claims[0], month, claims=claims + [month])
    assert not banned  # a month holds its days
    _, banned = features_of(claims[1], month, claims=claims + [month])
    assert banned  # and no other month's
    _, banned = features_of(claims[0], dict(claims[0], id="x", article_id="c", time_text="01-27"))
    assert not banned  # a day either side: a report filed after midnight


def test_measures_the_vocabulary_knows_apart_never_link():
    _, banned = features_of(claim("a", 53, measure="killed"), claim("b", 53, measure="injured"))
    assert banned


def test_a_depth_never_links_a_distance():
    depth = claim("a", 19.3, measure="depth", unit="km", sentence="The quake struck 12 miles deep.", text="12 miles")
    away = claim("b", 19.3, measure="distance", unit="km", subject="from Cloverdale",
                 sentence="It was centred twelve miles east of Cloverdale.", text="twelve miles")
    _, banned = features_of(depth, away)
    assert banned
    _, banned = features_of(away, dict(away, id="x", article_id="c"))
    assert not banned


def test_units_never_mix():
    _, banned = features_of(claim("a", 5, unit="percent"), claim("b", 5))
    assert banned
    f, banned = features_of(claim("a", 2, unit="EUR", measure="stolen"), claim("b", 2.6, unit="USD", measure="stolen"))
    assert not banned and f["currency_differ"] == 1


def test_one_articles_two_figures_are_two_quantities_unless_one_was_replaced():
    _, banned = features_of(claim("a", 46), claim("a", 14, sentence="Earlier, 14 were killed."))
    assert banned
    _, banned = features_of(claim("a", 46), claim("a", 14, superseded=1, sentence="Earlier, 14 were killed."))
    assert not banned


def test_qualifiers_and_periods():
    monthly = claim("a", 5, sentence="Prices rose 5 percent from the previous month.", text="5", period="month")
    yearly = claim("b", 5, sentence="Prices rose 5 percent over the past year.", text="5", period="year")
    f, _ = features_of(monthly, yearly)
    assert f["period_mismatch"] == 1 and f["earlier_mismatch"] == 1  # the period as the extractor read it
    f, _ = features_of(claim("a", 2, measure="buildings", sentence="At least two buildings caught fire."),
                       claim("b", 2, measure="buildings", sentence="At least two other buildings caught fire."))
    assert f["additional_mismatch"] == 1


def test_context_similarity_and_lead():
    a = claim("a", 23, sentence="The navy arrested 23 pirates in the Gulf of Aden.", sentence_kind="headline")
    b = claim("b", 23, sentence="Indian navy arrested 23 pirates off Yemen.", paragraph=0)
    c = claim("c", 23, sentence="Shares fell 23 cents on Tuesday.")
    fab, _ = features_of(a, b)
    fac, _ = features_of(a, c)
    assert fab["context_similarity"] > fac["context_similarity"] and fab["both_lead"] == 1 and fac["both_lead"] == 0


def test_story_date_needs_support():
    claims = [claim(str(i), 1, article_dates="02-21") for i in range(4)] + [claim("x", 1, article_dates="08-29")]
    assert story_date(claims) == "02-21"
    assert story_date([claim("x", 1, article_dates="08-29"), *[claim(str(i), 1) for i in range(9)]]) is None


def _edges(P):
    return {(i, j): P[i][j] for i in range(len(P)) for j in range(i + 1, len(P)) if P[i][j]}


def test_cluster_respects_cannot_links_and_threshold():
    P = [[0, .9, .9], [.9, 0, .9], [.9, .9, 0]]
    groups = cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.5)
    assert [g for g, _ in groups] == [[0, 1, 2]] and groups[0][1] == pytest.approx(0.9)
    edges = _edges(P)
    del edges[(0, 2)]
    groups = [g for g, _ in cluster(["a", "b", "c"], edges, lambda i, j: (i, j) == (0, 2), 0.5)]
    assert not any({0, 2} <= set(g) for g in groups)
    assert [g for g, _ in cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.95)] == [[0], [1], [2]]


def test_cluster_average_linkage_keeps_a_weak_member_out():
    P = [[0, .95, .2], [.95, 0, .3], [.2, .3, 0]]
    groups = [g for g, _ in cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.6)]
    assert [0, 1] in groups and [2] in groups


def test_a_pair_never_compared_counts_against_a_merge():
    # 0-1 and 1-2 are likely, 0-2 was never compared (too far apart in size): the average of the
    # three pairs decides, so 2 stays out
    groups = [g for g, _ in cluster(["a", "b", "c"], {(0, 1): .95, (1, 2): .7}, lambda i, j: False, 0.6)]
    assert [0, 1] in groups and [2] in groups


def test_groups_that_read_alike_merge_at_the_lower_bar_and_only_they():
    # 0 and 1 are one outlet's toll and another's; 2 is a third outlet's far lower figure of the
    # same measure, people, place and time (0.4 with each): below the threshold, above the lower bar
    P = [[0, .95, .4], [.95, 0, .4], [.4, .4, 0]]
    alike = {(0, 1), (0, 2), (1, 2)}
    groups = cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.55, alike=alike, alike_threshold=0.35)
    assert [g for g, _ in groups] == [[0, 1, 2]] and groups[0][1] == pytest.approx(0.4)  # its weakest merge
    # one pair that does not read alike (another subject, a place that contains the other) keeps 2 out
    groups = [g for g, _ in cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.55,
                                    alike=alike - {(1, 2)}, alike_threshold=0.35)]
    assert [0, 1] in groups and [2] in groups
    # a cannot-link wins over the lower bar, and without it the threshold alone decides
    groups = [g for g, _ in cluster(["a", "b", "c"], {(0, 1): .95, (1, 2): .4}, lambda i, j: (i, j) == (0, 2), 0.55,
                                    alike=alike, alike_threshold=0.35)]
    assert [0, 1] in groups and [2] in groups
    assert [2] in [g for g, _ in cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.55)]
    # and below the lower bar nothing merges, whatever reads alike
    P = [[0, .95, .3], [.95, 0, .3], [.3, .3, 0]]
    assert [2] in [g for g, _ in cluster(["a", "b", "c"], _edges(P), lambda i, j: False, 0.55,
                                         alike=alike, alike_threshold=0.35)]


def test_linking_stays_near_linear_on_a_figure_repeated_thousands_of_times():
    claims = [claim(f"a{i % 50}", 1000.5, start=i) for i in range(3000)]
    for i, c in enumerate(claims):
        c["id"] = f"c{i}"
    facts = link(claims, "s", vocabulary=VOCAB)
    assert sum(f.claim_count for f in facts) == 3000


def test_fit_learns_the_sign_of_each_evidence_and_is_deterministic():
    rng = np.random.default_rng(0)
    X = np.zeros((400, len(FEATURES)))
    X[:, INDEX["bias"]] = 1
    X[:, INDEX["value_equal"]] = rng.integers(0, 2, 400)
    X[:, INDEX["subject_differ"]] = rng.integers(0, 2, 400)
    y = ((X[:, INDEX["value_equal"]] == 1) & (X[:, INDEX["subject_differ"]] == 0)).astype(float)
    m1, m2 = fit(X, y), fit(X, y)
    assert m1.weights["value_equal"] > 1 and m1.weights["subject_differ"] < -1
    assert m1.to_json() == m2.to_json()


def test_shipped_model_is_complete_and_says_what_it_weighs():
    data = json.loads((ROOT / "datasette_factcheck" / "link" / "linker.json").read_text())
    assert data["features"] == FEATURES and set(data["weights"]) == set(FEATURES)
    m = shipped()
    assert 0 < m.threshold < 1
    assert m.weights["value_equal"] > 0 and m.weights["value_log_ratio"] < 0 and m.weights["subject_differ"] < 0


def test_link_groups_one_quantity_and_keeps_others_apart():
    claims = [
        claim("a", 57, place="Homs"), claim("b", 57, place="Homs"), claim("c", 57, place="Homs"),
        claim("a", 100, measure="injured", place="Homs", sentence="More than 100 people were injured."),
        claim("b", 100, measure="injured", place="Homs", sentence="About 100 people were injured."),
    ]
    facts = link(claims, "s", vocabulary=VOCAB)
    by_measure = {f.measure: f for f in facts if f.claim_count > 1}
    assert by_measure["killed"].claim_count == 3 and by_measure["killed"].status == "agree"
    assert by_measure["injured"].claim_count == 2
    assert all(0 < f.confidence <= 1 for f in by_measure.values())
    assert len({f.id for f in facts}) == len(facts)


def test_only_figures_that_read_alike_merge_at_the_lower_bar():
    """Four outlets' tolls of one event at one place, a state agency's 25 beside a monitor's 57 and
    59, read alike (one defined measure, the same people, place and time). With a threshold no
    pair reaches, only the lower bar merges, and only what reads alike; the fact shows its weak link."""
    careful = dataclasses.replace(shipped(), threshold=0.999, alike_threshold=0.05)
    toll = [claim("a", 57, place="Homs"), claim("b", 59, place="Homs"), claim("c", 57, place="Homs"),
            claim("d", 25, place="Homs", source="SANA",
                  sentence="SANA quoted the governor as saying that 25 people had been killed.")]
    facts = [f for f in link(toll, "s", model=careful, vocabulary=VOCAB) if f.claim_count > 1]
    assert len(facts) == 1 and facts[0].claim_count == 4 and facts[0].status == "conflict"
    assert facts[0].confidence < careful.threshold
    # 25 children, 25 killed at a place that holds Homs, 25 injured: none reads alike
    for kw in (dict(subject="child", sentence="SANA said 25 children had been killed."),
               dict(place="Syria"), dict(measure="injured", sentence="SANA said 25 people were injured.")):
        other = dict(dict(toll[3], **kw), id="d-other")
        facts = [f for f in link(toll[:3] + [other], "s", model=careful, vocabulary=VOCAB) if "d-other" in f.claim_ids]
        assert facts[0].claim_count == 1, kw


def test_link_is_stable_across_runs_and_orders():
    claims = [claim("a", 57, place="Homs"), claim("b", 57, place="Homs"), claim("c", 12, measure="arrested")]
    one = sorted((f.id, tuple(sorted(f.claim_ids))) for f in link(claims, "s", vocabulary=VOCAB))
    two = sorted((f.id, tuple(sorted(f.claim_ids))) for f in link(list(reversed(claims)), "s", vocabulary=VOCAB))
    assert one == two


def test_status_of():
    assert status_of([claim("a", 57), claim("b", 57)]) == "agree"
    assert status_of([claim("a", 57), claim("b", 50, bound="at_least")]) == "compatible"
    assert status_of([claim("a", 57), claim("b", 39)]) == "conflict"
    assert status_of([claim("a", 57)]) == "single"
    # the same number with another bound is not the same figure: it only overlaps
    assert status_of([claim("a", 300, bound="about"), claim("b", 300, bound="more_than")]) == "compatible"
    assert status_of([claim("a", 3), claim("b", 3, bound="at_least")]) == "compatible"
    assert status_of([claim("a", 3, bound="at_least"), claim("b", 3, bound="at_least")]) == "agree"
    assert interval(claim("a", 10, bound="about")) == (9.0, 11.0)


def test_a_plugin_linker_gets_the_vocabulary():
    from datasette_factcheck import plugins
    from datasette_factcheck.hookspecs import hookimpl

    seen = {}

    class Linker:
        @hookimpl(tryfirst=True)
        def factcheck_link(self, claims, story, vocabulary):
            seen["vocabulary"] = vocabulary
            return []

    pm = plugins.get_plugin_manager()
    pm.register(Linker(), name="test-linker")
    try:
        assert pm.hook.factcheck_link(claims=[], story="s", vocabulary={"killed"}, must=set(), cannot=set()) == []
        assert seen["vocabulary"] == {"killed"}
    finally:
        pm.unregister(name="test-linker")


@pytest.mark.slow
def test_training_twice_gives_the_same_file_byte_for_byte(tmp_path):
    from datasette_factcheck.pipeline import SAMPLE_DIR, build

    db = tmp_path / "s.db"
    build(db, [SAMPLE_DIR], processes=1)
    outs = []
    for n in (1, 2):
        out = tmp_path / f"m{n}.json"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "train_linker.py"), str(db),
                        str(ROOT / "tests" / "gold" / "seeds.gold.json"), "--out", str(out)], check=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert load(tmp_path / "m1.json").weights.keys() == set(FEATURES)


def test_a_us_city_lies_in_its_state_and_labels_keep_the_storys_spelling():
    f, _ = features_of(claim("a", 49, place="Orlando", place_from="sentence"),
                       claim("b", 49, place="Florida", place_from="sentence"))
    assert f["place_contains"] == 1
    claims = [claim("a", 250000, place="Syria"), claim("b", 250000, place="Syria"), claim("c", 250000, place="Syria")]
    assert {f.place for f in link(claims, "s", vocabulary=VOCAB)} == {"Syria"}
