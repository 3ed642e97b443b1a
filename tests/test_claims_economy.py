"""Economic indicators (issue 13): one quantity however worded, kept apart from its forecast and
from the same quantity over another period. Sentences are invented."""
import pytest

from test_claims import claims_of


def reading(pipe, text, figure):
    return claims_of(pipe, text)[figure]


# ---- jobs added ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("The economy added 183,000 jobs in June, the department said.", "183,000"),
    ("Employers created 183,000 new jobs.", "183,000"),
    ("Nonfarm payrolls rose by 183,000 last month.", "183,000"),
    ("Payrolls increased by 183,000 in June.", "183,000"),
    ("Payrolls were up 183,000 in June.", "183,000"),
    ("Employers added a solid 183,000 in June.", "183,000"),
    ("The U.S. economy added 183,000 in June.", "183,000"),
])
def test_jobs_added_however_worded_is_one_measure(pipe, text, figure):
    assert reading(pipe, text, figure)["measure"] == "jobs added"


def test_an_expected_number_of_jobs_is_the_forecast_of_jobs_added(pipe):
    row = reading(pipe, "Economists had expected 450,000 jobs in June.", "450,000")
    assert (row["measure"], row["time_frame"]) == ("jobs added", "forecast")


@pytest.mark.parametrize("text,figure,forecast", [
    ("Unemployment fell to 5.9%, below the 6.1% economists had expected.", "6.1%", True),
    ("Unemployment fell to 5.9%, below the 6.1% economists had expected.", "5.9%", False),
    ("Payrolls rose by 559,000, below the forecast of 650,000.", "650,000", True),
    ("The consensus forecast was for 671,000 jobs.", "671,000", True),
    ("Prices rose 0.6% in May, as analysts polled by a wire service had expected.", "0.6%", False),  # met, not forecast
    ("Police arrested 12 economists who had protested.", "12", False),
    ("The toll, 57, is expected to rise.", "57", False),
])
def test_a_figure_someone_forecast_is_a_forecast(pipe, text, figure, forecast):
    assert (reading(pipe, text, figure)["time_frame"] == "forecast") is forecast


def test_a_growing_economy_in_percent_is_not_jobs_added(pipe):
    assert reading(pipe, "The economy grew 2.4% in the quarter.", "2.4%")["measure"] != "jobs added"


def test_jobs_people_hold_are_not_jobs_added(pipe):
    found = claims_of(pipe, "Many families here have two and three jobs to get by.")
    assert all(r["measure"] != "jobs added" for r in found.values())


# ---- inflation ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("Consumer prices rose 3.7% over the past year.", "3.7%"),
    ("The consumer price index rose 3.7 percent compared with one year ago.", "3.7 percent"),
    ("Prices climbed 3.7% from a year earlier.", "3.7%"),
    ("Annual inflation hit 3.7% in June.", "3.7%"),
])
def test_a_yearly_rise_in_prices_is_the_inflation_rate(pipe, text, figure):
    row = reading(pipe, text, figure)
    assert (row["measure"], row["period"]) == ("inflation (percent)", "year")
    assert row["time_frame"] != "earlier"  # 'over the past year' is its period, not an earlier event


def test_a_monthly_rise_in_prices_has_its_own_period(pipe):
    found = claims_of(pipe, "Consumer prices rose 0.5% from the month before and 3.7% from a year earlier.")
    assert (found["0.5%"]["measure"], found["0.5%"]["period"]) == ("inflation (percent)", "month")
    assert found["3.7%"]["period"] == "year"


def test_a_rise_in_some_prices_is_not_inflation(pipe):
    assert reading(pipe, "Ticket prices rose 0.7% in June.", "0.7%")["measure"] == "ticket price (percent change)"


# ---- unemployment -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("The unemployment rate rose to 5.2% in June.", "5.2%"),
    ("Unemployment ticked up to 5.2 percent.", "5.2 percent"),
    ("Joblessness stood at 5.2%.", "5.2%"),
    ("The 5.2% unemployment rate is the highest in a year.", "5.2%"),
    ("Unemployment hit a dismal 5.2 percent.", "5.2 percent"),
])
def test_the_unemployment_rate_however_worded_is_one_measure(pipe, text, figure):
    assert reading(pipe, text, figure)["measure"] == "unemployment rate (percent)"


@pytest.mark.parametrize("text,figure", [
    ("Unemployment ticked up to 5.2 percent.", "5.2 percent"),
    ("The jobless rate edged up to 5.2%.", "5.2%"),
])
def test_up_to_after_a_verb_of_change_is_the_level_reached_not_a_hedge(pipe, text, figure):
    row = reading(pipe, text, figure)
    assert (row["bound"], row["value"]) == ("exact", 5.2)


def test_up_to_alone_is_still_a_hedge(pipe):
    assert reading(pipe, "Up to 40 people were hurt.", "Up to 40")["bound"] == "up_to"


# ---- the month reported on ----------------------------------------------------------------------

@pytest.mark.parametrize("text,figure", [
    ("The economy added 183,000 jobs in June.", "183,000"),
    ("Nonfarm payrolls rose by 183,000 last month.", "183,000"),
])
def test_the_month_a_report_is_on_is_the_figures_own_period_not_an_earlier_event(pipe, text, figure):
    row = reading(pipe, text, figure)
    assert (row["time_frame"], row["period"]) == ("event", "month")


def test_a_month_still_dates_a_figure_that_is_no_indicator(pipe):
    row = reading(pipe, "Police arrested 40 people last month.", "40")
    assert row["time_frame"] == "earlier"
