"""Extraction and linking quality, measured with the project's own evaluation against hand-made gold.

Linking is held by leave-one-story-out cross-validation (``evaluate.py --cv``): every gold story
is linked by a model fitted on the other stories only, so the floors say how the linker carries
to a story it has never seen. The floors are today's cross-validated level (README, Quality), so a
change that makes linking worse on unseen stories fails here; the issue's targets are higher.
Extraction keeps issue 3's floors on the development stories it was built on.
"""
from pathlib import Path

import pytest
import sqlite_utils

from datasette_factcheck.evaluation import corpus_of, cross_validate, evaluate, pooled
from datasette_factcheck.pipeline import SAMPLE_DIR, build

HERE = Path(__file__).parent
GOLD = HERE / "gold"
CLUSTERS = HERE / "data" / "clusters"

# Every gold story's own extraction floor: claim F1 as issue 13's rules left it on 2026-12-02 (the
# lowest story is 0.962) less a margin; bound accuracy is lower where two stories' gold reads 'hit
# 40 million' and 'hit 600,000' two ways (tests/gold/README.md).
CLAIMS = dict(claim_f1=0.95, value_accuracy=0.97, bound_accuracy=0.93)
FLOORS = {
    "seeds": dict(claim_f1=0.95, value_accuracy=0.97, bound_accuracy=0.97, place_accuracy=0.90, source_accuracy=0.85),
    **{p.name[:-len(".gold.json")]: CLAIMS for p in sorted(GOLD.glob("*.gold.json")) if p.name != "seeds.gold.json"},
}
# Extraction pooled (micro-averaged) over all gold stories: every figure counts once.
POOLED_CLAIMS = dict(claim_f1=0.98, value_accuracy=0.99, bound_accuracy=0.99)
# Pooled (micro-averaged) over all gold stories, each linked by a model not trained on it.
CROSS_VALIDATED = dict(pair_precision=0.97, pair_recall=0.80, claim_precision=0.99)
STORY_PAIR_PRECISION = 0.85  # issue 12: no story's leave-one-story-out pair precision below this
SAMPLE_PAIRS = dict(pair_precision=0.95, pair_recall=0.90)  # issue 12: the sample, by a model not trained on it


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("quality") / "quality.db"
    summary = build(path, [SAMPLE_DIR, CLUSTERS], processes=2, stories="folders")
    assert not summary.skipped, summary.skipped
    return path


def gold_file(name):
    return GOLD / ("seeds.gold.json" if name == "seeds" else f"{name}.gold.json")


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FLOORS))
def test_quality_floor(db_path, name):
    result = evaluate(db_path, gold_file(name))
    assert not result["problems"], result["problems"]
    low = {k: round(result[k], 3) for k, v in FLOORS[name].items() if result[k] < v}
    assert not low, f"{name}: below the floor {low}"


@pytest.mark.slow
def test_pooled_extraction_floor(db_path):
    result = pooled([evaluate(db_path, g) for g in sorted(GOLD.glob("*.gold.json"))])
    low = {k: round(result[k], 3) for k, v in POOLED_CLAIMS.items() if result[k] < v}
    assert not low, f"pooled extraction below the floor: {low}"


@pytest.mark.slow
def test_cross_validated_linking_floor(db_path):
    result = cross_validate(db_path, sorted(GOLD.glob("*.gold.json")))
    assert len(result["stories"]) >= 21
    low = {k: round(result[k], 3) for k, v in CROSS_VALIDATED.items() if result[k] < v}
    assert not low, f"leave-one-story-out below the floor: {low}"
    weak = {r["story"]: round(r["pair_precision"], 3) for r in result["stories"] if r["pair_precision"] < STORY_PAIR_PRECISION}
    assert not weak, f"stories linked below precision {STORY_PAIR_PRECISION}: {weak}"
    sample = next(r for r in result["stories"] if r["story"] == "sample")
    low = {k: round(sample[k], 3) for k, v in SAMPLE_PAIRS.items() if sample[k] < v}
    assert not low, f"the sample story, linked by a model not trained on it, below the target: {low}"


@pytest.mark.slow
def test_linking_holds_on_a_corpus_the_model_never_saw(db_path):
    """Harsher than leave-one-story-out: every story of a corpus (its outlets, its annotators) is
    linked by a model trained on the other corpora only; holding out ECB+ takes away more than half
    of the training pairs."""
    golds = sorted(GOLD.glob("*.gold.json"))
    assert {corpus_of(g) for g in golds} >= {"allsides_neus", "ecbplus", "ecb"}
    result = cross_validate(db_path, golds, fold_of=corpus_of)
    assert result["pair_precision"] >= 0.92 and result["pair_recall"] >= 0.75, result["pair_precision"]
    weak = {r["story"]: round(r["pair_precision"], 3) for r in result["stories"] if r["pair_precision"] < STORY_PAIR_PRECISION}
    assert not weak, f"stories linked below precision {STORY_PAIR_PRECISION} with their corpus held out: {weak}"


@pytest.mark.slow
@pytest.mark.parametrize("name,figure", [
    ("ecbplus__05_athens_marfin_bank_firebomb_2010-05-05", 3),
    ("basil__04_orlando_shooting_political_reaction_2016-06-12", 50),
    ("basil__04_orlando_shooting_political_reaction_2016-06-12", 53),
    ("ecbplus__12_indian_navy_captures_pirates_gulf_of_aden_2008-12-13", 23),
    ("ecbplus__13_wasilla_bible_church_arson_2008-12-12", 1_000_000),
    ("ecbplus__14_amd_acquires_seamicro_2012-02-29", 334_000_000),
])
def test_agreement_controls_show_agreement(db_path, name, figure):
    """The agreement controls of the data README: every outlet gives the same main figure, so the
    fact most outlets report it in gives one number and never reports a conflict. It says agree
    only where every bound is the same too ('3' beside 'at least three' is compatible)."""
    db = sqlite_utils.Database(db_path)
    row = next(db.query(
        "select id, status, outlet_count, spread from facts where story = ? and exists "
        "(select 1 from claims where claims.fact_id = facts.id and claims.value = ?) "
        "order by outlet_count desc limit 1", [name, figure]))
    assert row["outlet_count"] >= 2 and row["spread"] == 0
    bounds = {r["b"] for r in db.query(
        "select distinct coalesce(bound, 'exact') as b from claims where fact_id = ? and superseded = 0",
        [row["id"]])}
    assert row["status"] == ("agree" if len(bounds) == 1 else "compatible")


@pytest.mark.slow
def test_sample_story_homs_toll_is_contested_and_kept_from_other_quantities(db_path):
    """The sample's Homs death toll is reported as 25, 32, 39, 46, 57 and 59: the figures linked
    to it conflict, and no total, injury count or Damascus figure is among them."""
    db = sqlite_utils.Database(db_path)
    facts = list(db.query("select * from facts where story = 'sample' and measure = 'killed' and place = 'Homs' "
                          "and time_frame = 'event' and subject is null order by claim_count desc"))
    assert facts and facts[0]["status"] == "conflict"
    values = {r["value"] for r in db.query("select value from claims where fact_id = ?", [facts[0]["id"]])}
    assert len(values) >= 2 and values <= {25, 32, 39, 46, 57, 59, 14}


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_sum_in_several_currencies_is_compared_in_one(db_path):
    """The Paris raid's haul, given as €2m, £1.7m and $2.6m: one fact, compared in euros, the
    pounds and dollars shown apart with their currency."""
    from datasette.app import Datasette

    db = sqlite_utils.Database(db_path)
    fact = next(db.query("select * from facts where story like 'ecbplus__11%' and measure = 'stolen' "
                         "and label like '%EUR + %' order by claim_count desc limit 1"))
    assert fact["unit"] == "EUR" and fact["status"] in ("agree", "compatible")
    ds = Datasette([str(db_path)])
    url = f"/quality/-/factcheck/fact/{fact['id']}"
    data = (await ds.client.get(url + ".json")).json()
    words = {f["words"] for g in data["groups"] for f in g["figures"]}
    assert any(w.endswith(" EUR") for w in words) and any(w.endswith(" GBP") or w.endswith(" USD") for w in words)
    html = (await ds.client.get(url)).text
    assert "Compared in EUR" in html and html.count('<figure class="fc-chart-currency">') >= 2
