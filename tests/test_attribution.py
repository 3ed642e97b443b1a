"""Who gives a figure (extract/attribution.py), read from invented sentences by the real pipeline."""
import pytest

from test_claims import claims_of


@pytest.mark.parametrize("text,figure,source", [
    ("At least 46 people were killed, the monitoring group said.", "At least 46", "monitoring group"),
    ("Police said 12 people were arrested on Sunday.", "12", "Police"),
    ("At least 57 people died, according to the health ministry.", "At least 57", "health ministry"),
    ("The state news agency put the death toll at 32.", "32", "state news agency"),
    ("Of the 26 who died, 16 were militants, Gazan health officials said.", "16", "Gazan health officials"),  # officials who name themselves
    ("A tremor of magnitude 4.6 was recorded by the Geological Survey on Thursday.", "magnitude 4.6", "Geological Survey"),
])
def test_the_speaker_of_a_figure(pipe, text, figure, source):
    assert claims_of(pipe, text)[figure]["source"] == source


@pytest.mark.parametrize("text,figure", [
    ("A tremor with a preliminary magnitude of 4.6 was recorded in the valley this morning.", "magnitude of 4.6"),  # passive, no agent
    ("4.6 Tremor Recorded Near Riverton", "4.6"),  # a headline: the figure is no speaker of itself
    ("Forty-one people were killed in the blast.", "Forty-one"),  # the outlet's own statement
])
def test_no_speaker_is_made_up(pipe, text, figure):
    assert claims_of(pipe, text)[figure]["source"] is None


def test_a_pronoun_speaker_is_the_last_named_one(pipe):
    found = claims_of(pipe, "The governor told reporters that the city was calm. He said 25 people had been killed.")
    assert found["25"]["source"] == "governor"


def test_a_bare_noun_stands_for_the_speaker_named_before(pipe):
    found = claims_of(pipe, "The Pension Administration announced the rise on Wednesday. "
                            "The agency said the average check will be $1,657 a month.")
    assert found["$1,657"]["source"] == "Pension Administration"
    # a noun with words of its own names its speaker itself
    found = claims_of(pipe, "The admiral announced the capture on Monday. "
                            "The Indian government said 23 pirates were held.")
    assert found["23"]["source"] == "Indian government"


def test_a_quotation_over_two_sentences_is_its_closing_speakers(pipe):
    found = claims_of(pipe, "The company spoke on Monday. `` We've lost three out of four lines. "
                            "If the last one breaks, we face a blackout, '' said Mr Wright.")
    assert found["three"]["source"] == "Mr Wright"
    found = claims_of(pipe, "“We have lost 12 boats. The rest are safe,” the captain said.")
    assert found["12"]["source"] == "captain"


def test_quotation_marks_that_do_not_pair_attribute_nothing(pipe):
    found = claims_of(pipe, "“The shock was tremendous. Forty people were rescued. "
                            "Rescuers searched the building. Firefighters came at dawn. "
                            "It was over by noon,” a witness said.")
    assert found["Forty"]["source"] is None  # the quotation ran too long to be sure who spoke
