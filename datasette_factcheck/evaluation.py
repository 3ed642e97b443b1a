"""Scoring a database against gold annotations, by the rules in the gold README.

A gold figure is located by its quote (whitespace-insensitive) and the figure inside it; an
extracted claim matches it when it is in the same article and the spans overlap.
"""
from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Optional

import numpy as np
import sqlite_utils

from .extract import places

STOP = {
    "the", "a", "an", "of", "and", "in", "on", "for", "to", "by", "at", "its", "s", "local", "official",
    "officials", "group", "news", "agency", "quoted", "citing", "via", "according",
}


def _normalise(text: str):
    """Whitespace-collapsed text and, for each of its characters, the offset in the original."""
    out, index = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
        else:
            out.append(ch)
            index.append(i)
            prev_space = False
    return "".join(out), index


def locate(text: str, quote: str, figure: Optional[str] = None):
    """(start, end) of the figure (or the quote) in text; None when the quote is not found once."""
    norm, index = _normalise(text)
    q = re.sub(r"\s+", " ", quote.strip())
    hits = [m.start() for m in re.finditer(re.escape(q), norm)]
    if len(hits) != 1:
        return None
    qs = hits[0]
    if figure is None:
        return index[qs], index[qs + len(q) - 1] + 1
    f = re.sub(r"\s+", " ", figure.strip())
    fs = norm.find(f, qs, qs + len(q))
    if fs < 0:
        return None
    return index[fs], index[fs + len(f) - 1] + 1


def _same_number(got: Optional[float], gold: float) -> bool:
    return got is not None and abs(got - gold) <= 1e-6 * max(1, abs(gold))


def _words(s: Optional[str]) -> set:
    if not s:
        return set()
    words = {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP}
    return words


def _initials(s: str) -> set:
    """'United Nations' -> {'un'}, so 'UN estimates' and 'the United Nations' agree."""
    words = [w for w in re.findall(r"[A-Za-z]+", s) if w.lower() not in STOP]
    out = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            out.add("".join(w[0] for w in words[i:j]).lower())
    return out


def same_source(pred: Optional[str], gold: Optional[str]) -> bool:
    if not pred or not gold:
        return not pred and not gold
    a, b = _words(pred), _words(gold)
    return bool(a & b) or bool(a & _initials(gold)) or bool(b & _initials(pred))


def same_place(pred: Optional[str], gold: Optional[str]) -> bool:
    if not pred or not gold:
        return not pred and not gold
    p = [x.strip() for x in re.split(r"\s*(?:\+|\band\b|,)\s*", pred) if x.strip()]
    g = [x.strip() for x in re.split(r"\s*(?:\+|\band\b|,)\s*", gold) if x.strip()]
    if len(p) != len(g):
        return False
    return all(any(places.similar(x, y) or x.lower() in y.lower() or y.lower() in x.lower() for y in g) for x in p)


def _story_articles(db, docs: set, story: Optional[str]):
    rows = list(db.query("select id, story, path, text from articles"))
    by_story = {}
    for r in rows:
        stem = Path(r["path"]).stem
        if stem in docs and (story is None or r["story"] == story):
            by_story.setdefault(r["story"], {})[stem] = r
    if not by_story:
        raise ValueError("no article in the database matches the gold's documents")
    return max(by_story.values(), key=len)


def match(claims: list, gold_spans: list, ignored: dict, doc_of: dict) -> dict:
    """Each extracted claim's gold figure (claim id -> gold claim) by overlapping span, each gold
    figure matched once; a claim in an ignored region is marked ``_ignored``."""
    matched, used = {}, set()
    for c in claims:
        doc = doc_of[c["article_id"]]
        if any(c["start"] < ie and c["end"] > is_ for is_, ie in ignored.get(doc, [])):
            c["_ignored"] = True
            continue
        for i, (g, (gs, ge)) in enumerate(gold_spans):
            if g["doc"] == doc and c["start"] < ge and c["end"] > gs and i not in used:
                used.add(i)
                matched[c["id"]] = g
                break
    return matched


def located_gold(db, gold: dict, story: Optional[str] = None):
    """The gold's articles in the database (stem -> row), its figures with their spans, its
    not-claims' spans and its ignored regions, and what could not be located."""
    docs = {c["doc"] for c in gold["claims"]} | {c["doc"] for c in gold.get("not_claims", [])}
    articles = _story_articles(db, docs, story)
    problems = []

    # ignored regions: after an ignore_after mark, or only its line
    ignored = {}
    for ig in gold.get("ignore_after", []):
        art = articles.get(ig["doc"])
        if not art:
            continue
        span = locate(art["text"], ig["quote"])
        if span is None:
            problems.append(f"ignore_after quote not found once: {ig['doc']}: {ig['quote']!r}")
            continue
        if ig.get("only_line"):
            line_end = art["text"].find("\n", span[1])
            ignored.setdefault(ig["doc"], []).append((span[0], line_end if line_end >= 0 else len(art["text"])))
        else:
            ignored.setdefault(ig["doc"], []).append((span[0], len(art["text"])))

    gold_spans = []
    for g in gold["claims"]:
        art = articles.get(g["doc"])
        span = locate(art["text"], g["quote"], g["figure"]) if art else None
        if span is None:
            problems.append(f"gold claim not located: {g['doc']}: {g['quote']!r}")
            continue
        gold_spans.append((g, span))
    not_spans = []
    for n in gold.get("not_claims", []):
        art = articles.get(n["doc"])
        span = locate(art["text"], n["quote"], n["figure"]) if art else None
        if span is not None:
            not_spans.append((n, span))

    return articles, gold_spans, not_spans, ignored, problems


def evaluate(db_path, gold_path, story: Optional[str] = None) -> dict:
    gold = json.loads(Path(gold_path).read_text())
    db = sqlite_utils.Database(db_path)
    articles, gold_spans, not_spans, ignored, problems = located_gold(db, gold, story)
    doc_of = {a["id"]: stem for stem, a in articles.items()}
    claims = list(db.query(
        f"select * from claims where article_id in ({','.join('?' * len(doc_of))}) order by article_id, start",
        list(doc_of),
    ))

    matched = match(claims, gold_spans, ignored, doc_of)
    false_claims, counted = [], []
    for c in claims:
        doc = doc_of[c["article_id"]]
        if c.get("_ignored"):
            continue
        if c["id"] in matched:
            hit_gold = matched[c["id"]]
            if not hit_gold.get("optional"):
                counted.append(c)
            continue
        why = next((n.get("why") for n, (ns, ne) in not_spans if n["doc"] == doc and c["start"] < ne and c["end"] > ns), None)
        false_claims.append({"doc": doc, "text": c["text"], "start": c["start"], "why": why or "not in the gold"})
        counted.append(c)

    required = [(g, s) for g, s in gold_spans if not g.get("optional")]
    required_hit = {id(g) for g in matched.values() if not g.get("optional")}
    misses = [{"doc": g["doc"], "figure": g["figure"], "quote": g["quote"]} for g, _ in required if id(g) not in required_hit]
    tp = len([c for c in counted if c["id"] in matched])
    precision = tp / len(counted) if counted else 1.0
    recall = len(required_hit) / len(required) if required else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    pairs_ok = [(c, matched[c["id"]]) for c in claims if c["id"] in matched and not matched[c["id"]].get("optional")]
    def acc(fn):
        if not pairs_ok:
            return 1.0
        return sum(1 for c, g in pairs_ok if fn(c, g)) / len(pairs_ok)
    wrong = {"value": [], "bound": [], "place": [], "source": []}
    checks = {
        "value": lambda c, g: all(_same_number(c.get(k), g[k]) for k in ("value", "low", "high") if k in g),
        "bound": lambda c, g: (c["bound"] or "exact") == (g.get("bound") or "exact"),
        "place": lambda c, g: same_place(c["place"], g.get("place")),
        "source": lambda c, g: same_source(c["source"], g.get("source")),
    }
    for name, fn in checks.items():
        for c, g in pairs_ok:
            if not fn(c, g):
                got = c["value"] if name == "value" else c[name]
                wrong[name].append({"doc": g["doc"], "figure": g["figure"], "got": got, "gold": g.get(name)})

    # cross-article pairs
    gold_pairs = set()
    req = [(g, s) for g, s in required if g.get("fact")]
    for (g1, _), (g2, _) in combinations(req, 2):
        if g1["doc"] != g2["doc"] and g1["fact"] == g2["fact"]:
            gold_pairs.add(frozenset((id(g1), id(g2))))
    predicted, correct, wrong_pairs = 0, 0, []
    found_gold = set()
    linked = [c for c in claims if c.get("fact_id")]
    for c1, c2 in combinations(linked, 2):
        if c1["article_id"] == c2["article_id"] or c1["fact_id"] != c2["fact_id"]:
            continue
        g1, g2 = matched.get(c1["id"]), matched.get(c2["id"])
        if c1.get("_ignored") or c2.get("_ignored") or g1 is None or g2 is None:
            predicted += 1
            wrong_pairs.append((c1["text"], doc_of[c1["article_id"]], c2["text"], doc_of[c2["article_id"]]))
            continue
        same = g1.get("fact") is not None and g1.get("fact") == g2.get("fact")
        if (g1.get("optional") or g2.get("optional")) and same:
            continue  # neither right nor wrong
        predicted += 1
        if same and not g1.get("optional") and not g2.get("optional"):
            correct += 1
            found_gold.add(frozenset((id(g1), id(g2))))
        else:
            wrong_pairs.append((c1["text"], doc_of[c1["article_id"]], c2["text"], doc_of[c2["article_id"]]))
    pair_p = correct / predicted if predicted else 1.0
    pair_r = len(found_gold & gold_pairs) / len(gold_pairs) if gold_pairs else 1.0
    pair_f = 2 * pair_p * pair_r / (pair_p + pair_r) if pair_p + pair_r else 0.0
    missed_pairs = []
    by_id = {id(g): g for g, _ in req}
    for pair in gold_pairs - found_gold:
        a, b = (by_id[i] for i in pair)
        missed_pairs.append((a["figure"], a["doc"], b["figure"], b["doc"], a["fact"]))
    # each gold fact's claims, with the fact the linker put them in: why a pair was missed
    labels = {f["id"]: f["label"] for f in db.query(
        "select id, label from facts where id in (select fact_id from claims where article_id in "
        f"({','.join('?' * len(doc_of))}))", list(doc_of))}
    gold_facts = {}
    for c in claims:
        g = matched.get(c["id"])
        if g is not None and g.get("fact") and not g.get("optional"):
            gold_facts.setdefault(g["fact"], []).append({
                "doc": g["doc"], "figure": g["figure"], "fact_id": c.get("fact_id"),
                "label": labels.get(c.get("fact_id")),
            })
    return {
        "gold": str(gold_path), "articles": len(articles), "extracted": len(claims),
        "claim_precision": precision, "claim_recall": recall, "claim_f1": f1,
        "value_accuracy": acc(checks["value"]), "bound_accuracy": acc(checks["bound"]),
        "place_accuracy": acc(checks["place"]), "source_accuracy": acc(checks["source"]),
        "pair_precision": pair_p, "pair_recall": pair_r, "pair_f1": pair_f,
        "gold_pairs": len(gold_pairs), "predicted_pairs": predicted,
        "right_pairs": correct, "found_pairs": len(found_gold & gold_pairs),
        "checked": len(pairs_ok), "claims_counted": len(counted), "claims_right": tp, "required": len(required), "required_hit": len(required_hit),
        "misses": misses, "false_claims": false_claims, "wrong": wrong,
        "wrong_pairs": wrong_pairs, "missed_pairs": missed_pairs, "problems": problems,
        "gold_facts": gold_facts,
    }


def report_facts(r: dict) -> str:
    """For each gold fact, the linker's facts its claims landed in (one line per claim)."""
    lines = []
    for name, members in sorted(r["gold_facts"].items()):
        groups = {m["fact_id"] for m in members}
        lines.append(f"{name}: {len(members)} claims in {len(groups)} facts")
        for m in sorted(members, key=lambda m: (m["label"] or "", m["doc"])):
            lines.append(f"  {m['label']}  <-  {m['figure']!r} ({m['doc']})")
    return "\n".join(lines)


def report(r: dict, details: bool = True) -> str:
    lines = [
        f"gold: {r['gold']} ({r['articles']} articles, {r['extracted']} claims extracted)",
        f"claims   P {r['claim_precision']:.3f}  R {r['claim_recall']:.3f}  F1 {r['claim_f1']:.3f}",
        f"accuracy value {r['value_accuracy']:.3f}  bound {r['bound_accuracy']:.3f}  "
        f"place {r['place_accuracy']:.3f}  source {r['source_accuracy']:.3f}",
        f"pairs    P {r['pair_precision']:.3f}  R {r['pair_recall']:.3f}  F1 {r['pair_f1']:.3f}  "
        f"(gold {r['gold_pairs']}, predicted {r['predicted_pairs']})",
    ]
    if details:
        for m in r["misses"]:
            lines.append(f"  miss   {m['doc']}: {m['figure']!r} in {m['quote']!r}")
        for f in r["false_claims"]:
            lines.append(f"  false  {f['doc']}: {f['text']!r} ({f['why']})")
        for name, items in r["wrong"].items():
            for w in items:
                lines.append(f"  {name:<6} {w['doc']}: {w['figure']!r} got {w['got']!r}, gold {w['gold']!r}")
        for a, da, b, db_, in r["wrong_pairs"]:
            lines.append(f"  wrong pair  {a!r} ({da}) ~ {b!r} ({db_})")
        for a, da, b, db_, fact in r["missed_pairs"]:
            lines.append(f"  missed pair {a!r} ({da}) ~ {b!r} ({db_}) [{fact}]")
        for p in r["problems"]:
            lines.append(f"  problem {p}")
    return "\n".join(lines)


def labelled_pairs(db, gold_path, vocabulary=()):
    """A gold story's extracted claims, as the linker sees them, and its trainable pairs: the
    features of every cross-article pair that may link, labelled 1 when both figures report the
    same gold fact and 0 when a link would be scored wrong (pairs with an optional figure of the
    same fact are neither, and left out)."""
    from .link import pairs as link_pairs
    from .storage import story_claims

    gold = json.loads(Path(gold_path).read_text())
    articles, gold_spans, _, ignored, _ = located_gold(db, gold)
    story = next(iter(articles.values()))["story"]
    claims = story_claims(db, story)
    doc_of = {a["id"]: stem for stem, a in articles.items()}
    claims = [c for c in claims if c["article_id"] in doc_of]
    matched = match(claims, gold_spans, ignored, doc_of)
    prepared, _, index, X = link_pairs(claims, vocabulary)
    keep, y = [], []
    for row, (i, j) in enumerate(index):
        a, b = prepared[i], prepared[j]
        ga, gb = matched.get(a["id"]), matched.get(b["id"])
        if a.get("_ignored") or b.get("_ignored") or ga is None or gb is None:
            keep.append(row), y.append(0)
            continue
        same = ga.get("fact") is not None and ga.get("fact") == gb.get("fact")
        if same and (ga.get("optional") or gb.get("optional")):
            continue
        keep.append(row), y.append(1 if same else 0)
    return story, claims, X[keep], np.array(y, dtype=float)


def corpus_of(gold_path) -> str:
    """The corpus a gold story comes from, by its file name ('ecbplus__05_athens...' is ecbplus)."""
    name = Path(gold_path).name
    return name.split("__")[0] if "__" in name else name.split(".")[0]


def cross_validate(db_path, gold_paths, l2: Optional[float] = None, threshold: Optional[float] = None, progress=None,
                   fold_of=None) -> dict:
    """Leave one story out: for each gold story, fit the linker on all the others, link that story
    with it, and score it. Pooled pair scores are micro-averaged over stories. ``fold_of`` (a gold
    path to a key) holds out every story of a key at once: by corpus, no story is linked by a model
    that saw its corpus's outlets and annotators."""
    import shutil
    import tempfile

    from . import plugins, storage
    from .link import facts_to_rows, link
    from .link.model import L2, fit, shipped

    threshold = shipped().threshold if threshold is None else threshold
    l2 = L2 if l2 is None else l2
    vocabulary = set(plugins.measures())
    tmp = Path(tempfile.mkdtemp()) / "cv.db"
    shutil.copy(db_path, tmp)
    db = sqlite_utils.Database(tmp)
    data = {str(g): labelled_pairs(db, g, vocabulary) for g in gold_paths}
    rows = []
    fold_of = fold_of or str
    for g in gold_paths:
        others = [data[k] for k in data if fold_of(k) != fold_of(str(g))]
        model = fit(np.vstack([o[2] for o in others]), np.concatenate([o[3] for o in others]), l2=l2, threshold=threshold,
                    alike_threshold=shipped().alike_threshold)
        story, claims, _, _ = data[str(g)]
        facts = link(claims, story, model=model, vocabulary=vocabulary)
        storage.write_facts(db, story, *facts_to_rows(facts, claims))
        r = evaluate(tmp, g)
        r["story"] = story
        rows.append(r)
        if progress:
            progress(r)
    shutil.rmtree(tmp.parent, ignore_errors=True)
    t = pooled(rows)
    return {"stories": rows, **{k: t[k] for k in ("pair_precision", "pair_recall", "pair_f1", "claim_precision",
                                                  "claim_recall", "claim_f1", "claims_counted", "claims_right",
                                                  "required", "required_hit")},
            "predicted": t["predicted_pairs"], "correct": t["right_pairs"], "gold": t["gold_pairs"],
            "found": t["found_pairs"]}


def pooled(results: list) -> dict:
    """Micro-averaged scores over several stories' results: every claim and pair counts once."""
    total = {k: sum(r[k] for r in results) for k in ("claims_counted", "claims_right", "required", "required_hit",
                                                      "checked", "gold_pairs", "predicted_pairs", "right_pairs",
                                                      "found_pairs")}

    def ratio(a, b):
        return total[a] / total[b] if total[b] else 1.0

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    def weighted(key):
        return sum(x[key] * x["checked"] for x in results) / total["checked"] if total["checked"] else 1.0
    p, r = ratio("claims_right", "claims_counted"), ratio("required_hit", "required")
    pp, pr = ratio("right_pairs", "predicted_pairs"), ratio("found_pairs", "gold_pairs")
    return dict(total, claim_precision=p, claim_recall=r, claim_f1=f1(p, r),
                value_accuracy=weighted("value_accuracy"), bound_accuracy=weighted("bound_accuracy"),
                place_accuracy=weighted("place_accuracy"), pair_precision=pp, pair_recall=pr, pair_f1=f1(pp, pr))
