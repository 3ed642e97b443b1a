"""Sentence kinds: only the reporting is read for claims and for the places of figures."""
import pytest

from datasette_factcheck.extract import segmenting


def kinds(text):
    return [(s.kind, s.text) for s in segmenting.sentences(text)]


@pytest.mark.parametrize("line", [
    "SUNNYVALE, Calif. —2 / 29 / 2012", "BEIRUT (Reuters) -", "NEW YORK, March 3, 2012 --", "PARIS — Sept. 9, 2013",
])
def test_a_dateline_on_its_own_line_is_not_a_headline(line):
    text = f"AMD to acquire SeaMicro\n{line}\nAMD said on Wednesday it would buy SeaMicro for $334 million."
    assert kinds(text)[1] == ("byline", line)
    assert kinds(text)[0][0] == "headline" and kinds(text)[2][0] == "body"


@pytest.mark.parametrize("line", ["US - Syria talks collapse", "Homs bombings kill 57 — officials"])
def test_a_headline_with_a_dash_is_still_a_headline(line):
    assert kinds(f"{line}\nThe talks ended on Sunday.")[0] == ("headline", line)


def test_related_stories_and_captions_are_not_reporting():
    text = ("Blasts kill 57 in Homs\nAt least 57 people were killed on Sunday.\n"
            "A man walks past the site (Photo: Reuters)\nRelated stories\n12 dead in Aleppo")
    assert [k for k, _ in kinds(text)] == ["headline", "body", "caption", "furniture", "furniture"]


@pytest.mark.parametrize("line,kind", [
    ("By Jane Doe", "byline"), ("By Jane Doe and John Roe, Associated Press", "byline"),
    ("By then, all 23 pirates had clambered onto the dhow.", "body"),
    ("By noon, the fire was out.", "body"),
])
def test_a_byline_names_people_a_sentence_starting_with_by_is_reporting(line, kind):
    assert kinds(f"Pirates caught in the Gulf of Aden\n{line}\nThe navy said so on Saturday.")[1] == (kind, line)
