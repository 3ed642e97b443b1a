"""A figure told for a weekday or a relative day ('on Sunday', 'yesterday') gets that day's date,
counted back from the article's own date; with no article date it keeps its frame."""
from datetime import date

import pytest

from datasette_factcheck.extract.claims import day_told, extract_article
from datasette_factcheck.model import Article

MONDAY = "2016-02-22"  # a Monday: its Sunday is 02-21


def claims_of(pipe, text, published=None):
    article = Article(story="s", path="a.txt", text=text, published=published)
    _, _, rows = extract_article(article, pipe(text))
    return {r["text"]: r for r in rows}


@pytest.mark.parametrize("phrase, published, told", [
    ("Sunday", date(2016, 2, 22), date(2016, 2, 21)),  # the day before a Monday
    ("Sunday", date(2016, 2, 21), date(2016, 2, 21)),  # published on a Sunday: that very day
    ("last Sunday", date(2016, 2, 21), date(2016, 2, 14)),  # 'last' on the day itself: a week back
    ("Monday", date(2016, 2, 22), date(2016, 2, 22)),
    ("Saturday", date(2016, 3, 1), date(2016, 2, 27)),  # across a month's end, in a leap year
    ("Monday", date(2016, 3, 1), date(2016, 2, 29)),
    ("Wednesday", date(2016, 1, 1), date(2015, 12, 30)),  # across a year's end
    ("yesterday", date(2016, 1, 1), date(2015, 12, 31)),
    ("last night", date(2016, 3, 1), date(2016, 2, 29)),
    ("today", date(2016, 2, 22), date(2016, 2, 22)),
])
def test_a_weekday_is_the_latest_such_day_on_or_before_the_article(phrase, published, told):
    assert day_told(phrase, published) == told


@pytest.mark.parametrize("text", [
    "More than 100 people were wounded in the bombings on Sunday, the governor said.",
    "Sunday's attacks wounded more than 100 people in Homs.",
    "Yesterday, more than 100 people were wounded in clashes in the capital.",
])
def test_a_figure_told_for_a_weekday_is_dated_from_the_published_date(pipe, text):
    found = claims_of(pipe, text, MONDAY)
    row = found["more than 100"] if "more than 100" in found else found["More than 100"]
    assert (row["time_frame"], row["time_text"]) == ("dated", "02-21")


def test_without_an_article_date_a_weekday_is_not_guessed(pipe):
    found = claims_of(pipe, "More than 100 people were wounded in the bombings on Sunday, the governor said.")
    assert (found["More than 100"]["time_frame"], found["More than 100"]["time_text"]) == ("event", None)


def test_the_article_date_may_be_the_date_line_it_prints(pipe):
    text = "Fire guts supermarket\nMonday, 22 July 2013\nDozens of firefighters tackled the blaze on Sunday morning."
    assert claims_of(pipe, text)["Dozens"]["time_text"] == "07-21"


def test_a_date_in_the_reporting_is_no_article_date(pipe):
    text = "Jobless claims fall\nClaims hit a record on March 14, 2020.\nOn Thursday, claims fell to 473,000."
    assert claims_of(pipe, text)["473,000"]["time_frame"] == "event"


@pytest.mark.parametrize("day", ["Sunday", "January 26"])
def test_a_day_in_another_figures_clause_is_not_this_figures(pipe, day):
    """The weekday is decided the way a calendar date is: the 30 were wounded that day, not the 12."""
    found = claims_of(pipe, f"While 30 people were wounded on {day}, 12 others died in hospital.", MONDAY)
    assert found["30"]["time_frame"] == "dated"
    assert (found["12"]["time_frame"], found["12"]["time_text"]) == ("event", None)


def test_a_day_in_a_clause_about_another_noun_is_not_the_figures(pipe):
    found = claims_of(pipe, "Officials counted 40 bodies in the village, which rebels had attacked on Sunday.", MONDAY)
    assert found["40"]["time_frame"] == "event"


def test_a_weekday_before_a_calendar_date_leaves_the_date_to_say_the_day(pipe):
    # published on Thursday 25 Feb, a bare 'Monday' is 02-22; 'Monday, Feb. 15' is 02-15
    assert claims_of(pipe, "Police arrested 25 people on Monday, Feb. 15.", "2016-02-25")["25"]["time_text"] == "02-15"
    assert claims_of(pipe, "Police arrested 25 people on Monday.", "2016-02-25")["25"]["time_text"] == "02-22"


@pytest.mark.parametrize("text, figure", [
    ("The Sunday Times said 40 people had died.", "40"),  # a name, not a day
    ("Robert Smith, 24, is due to appear in court on Tuesday.", "24"),  # a day to come
    ("Voters will elect 120 deputies on Sunday.", "120"),
])
def test_a_name_or_a_day_ahead_dates_nothing(pipe, text, figure):
    assert claims_of(pipe, text, MONDAY)[figure]["time_frame"] == "event"


def test_a_forecast_and_a_running_total_keep_their_frames(pipe):
    forecast = claims_of(pipe, "Economists had expected claims to fall to 475,000 on Thursday.", "2021-05-13")
    assert forecast["475,000"]["time_frame"] == "forecast"
    total = claims_of(pipe, "More than 250,000 people have been killed since the war began in 2011, "
                            "the group said on Sunday.", MONDAY)
    assert total["More than 250,000"]["time_frame"] == "running_total"
