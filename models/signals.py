"""Localization signals and indicator figures as warehouse frames, one document at a time.

:mod:`models.localization` and :mod:`models.indicators` read one passage; this module runs them
over a review's passages and adds what only the catalog knows:

- which catalog VLR a locality named in a VNR stands for (``resolved_vlr_doc_id``), and one
  mention row per locality a piece of evidence names ("Lakemere was the first city to publish a
  Voluntary Local Review, followed by Kavuli County and Port Tembo" references three VLRs);
- the VNR's involvement level (:func:`involvement_frame`) counted from passages whose mention
  score reaches :data:`MENTION_SCORE_MIN`, so that weak generic cues ("disaggregated data") are
  kept in the table but do not lift a grade;
- indicator reuse between every VLR and VNR of a country, with the passages both figures came
  from (:func:`reuse_frame`).

Everything here is Dagster-free and deterministic; docs/metrics.md documents the rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from models.indicators import IndicatorValue, find_indicator_values, match_indicator_reuse
from models.localization import KINDS, find_mentions, involvement_level, named_localities

# A mention counts towards a VNR's involvement level (and the momentum index) from this score
# on: plain "disaggregated data" (0.55) stays in localization_mentions but is not evidence
# enough that a review used local data.
MENTION_SCORE_MIN = 0.6
QUOTE_MAX = 300

LEVEL_SCORES: dict[str, float] = {"none": 0.0, "weak": 1 / 3, "consulted": 2 / 3, "high": 1.0}

MENTION_SCHEMA = {
    "doc_id": pl.String,
    "passage_id": pl.String,
    "page": pl.Int32,
    "kind": pl.String,
    "locality": pl.String,
    "resolved_vlr_doc_id": pl.String,
    "matched_terms": pl.String,
    "score": pl.Float64,
    "quote": pl.String,
    "country_iso3": pl.String,
}
INVOLVEMENT_SCHEMA = {
    "doc_id": pl.String,
    "country_iso3": pl.String,
    "year": pl.Int32,
    "level": pl.String,
    "reason": pl.String,
    "n_vlr_reference": pl.Int32,
    "n_lrg_consultation": pl.Int32,
    "n_lrg_implementation": pl.Int32,
    "n_local_data": pl.Int32,
    "n_passages": pl.Int32,
    "n_mention_passages": pl.Int32,
    "n_vlrs_referenced": pl.Int32,
    "level_score": pl.Float64,
}
VALUE_SCHEMA = {
    "doc_id": pl.String,
    "passage_id": pl.String,
    "page": pl.Int32,
    "indicator": pl.String,
    "value": pl.Float64,
    "unit": pl.String,
    "year": pl.Int32,
    "matched_text": pl.String,
    "sdg": pl.Int32,
    "target": pl.String,
    "method": pl.String,
    "score": pl.Float64,
    "source": pl.String,
}
REUSE_SCHEMA = {
    "country_iso3": pl.String,
    "vlr_doc_id": pl.String,
    "vnr_doc_id": pl.String,
    "indicator": pl.String,
    "sdg": pl.Int32,
    "target": pl.String,
    "local_value": pl.Float64,
    "local_unit": pl.String,
    "local_year": pl.Int32,
    "national_value": pl.Float64,
    "national_unit": pl.String,
    "national_year": pl.Int32,
    "same_unit": pl.Boolean,
    "same_year": pl.Boolean,
    "difference": pl.Float64,
    "local_passage_id": pl.String,
    "local_page": pl.Int32,
    "national_passage_id": pl.String,
    "national_page": pl.Int32,
    "local_method": pl.String,
    "national_method": pl.String,
    "local_passages": pl.String,
    "national_passages": pl.String,
    "vlr_year": pl.Int32,
    "vnr_year": pl.Int32,
}


@dataclass(frozen=True)
class CatalogVlr:
    """A VLR of the VNR's country, as the catalog names it."""

    doc_id: str
    locality: str
    year: int | None


def resolve_vlr(locality: str | None, vlrs: Sequence[CatalogVlr], year: int | None) -> str | None:
    """The catalog VLR a locality named in a VNR of ``year`` stands for.

    A locality with several VLRs resolves to its latest VLR published no later than the VNR
    (the one the VNR could have read), else to its earliest one.
    """
    if locality is None:
        return None
    own = [v for v in vlrs if v.locality == locality]
    if not own:
        return None
    before = [v for v in own if v.year is not None and year is not None and v.year <= year]
    if before:
        return max(before, key=lambda v: (v.year or 0, v.doc_id)).doc_id
    return min(own, key=lambda v: (v.year or 9999, v.doc_id)).doc_id


# --------------------------------------------------------------------------------------------
# Sentences and quotes

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[^a-z\s])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a passage (a break needs . ! or ? then a space and a
    character that is not a lower-case letter)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def clip_quote(text: str, limit: int = QUOTE_MAX) -> str:
    """Whitespace-normalised text, cut at a word boundary with an ellipsis beyond ``limit``."""
    clean = " ".join((text or "").split())
    if len(clean) <= limit:
        return clean
    cut = clean[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


# --------------------------------------------------------------------------------------------
# Localization mentions


def passage_mentions(
    text: str, language: str, vlrs: Sequence[CatalogVlr], vnr_year: int | None
) -> list[dict]:
    """Mention rows of one VNR passage: one per kind and catalog locality named as its evidence.

    A kind's localities are the catalog localities named in the sentences that carry its
    matched terms ("Lakemere ... Voluntary Local Review ... Kavuli County ... Port Tembo" gives
    three ``vlr_reference`` rows), else the locality find_mentions names nearest, else NULL.
    Rows carry kind, locality, resolved_vlr_doc_id, matched_terms (JSON list), score and quote
    (the first evidence sentence naming the locality, at most QUOTE_MAX characters).
    """
    if not text or not text.strip():
        return []
    names = sorted({v.locality for v in vlrs if v.locality})
    spans = sentence_spans(text) or [(0, len(text))]

    def sentence_of(pos: int) -> int:
        for i, (a, b) in enumerate(spans):
            if pos < b or i == len(spans) - 1:
                return i if pos >= a else max(i - 1, 0)
        return 0

    located: dict[int, list[str]] = {}
    for name, start, _end in named_localities(text, names):
        bucket = located.setdefault(sentence_of(start), [])
        if name not in bucket:
            bucket.append(name)

    rows = []
    for m in find_mentions(text, language, names):
        sents = sorted({sentence_of(text.find(t)) for t in m.matched_terms if t in text})
        locs = list(dict.fromkeys(loc for i in sents for loc in located.get(i, [])))
        if not locs and m.locality:
            locs = [m.locality]
        for locality in locs or [None]:
            chosen = [i for i in sents if locality in located.get(i, [])]
            a, b = spans[(chosen or sents or [0])[0]]
            rows.append(
                {
                    "kind": m.kind,
                    "locality": locality,
                    "resolved_vlr_doc_id": resolve_vlr(locality, vlrs, vnr_year),
                    "matched_terms": json.dumps(list(m.matched_terms), ensure_ascii=False),
                    "score": round(float(m.score), 3),
                    "quote": clip_quote(text[a:b]),
                }
            )
    return rows


def mention_frame(
    passages: pl.DataFrame,
    *,
    language: str,
    country_iso3: str,
    vlrs: Sequence[CatalogVlr],
    vnr_year: int | None,
) -> pl.DataFrame:
    """localization_mentions rows of one VNR; ``passages`` has doc_id, passage_id, page, text."""
    records = []
    for row in passages.iter_rows(named=True):
        for found in passage_mentions(row["text"], language, vlrs, vnr_year):
            records.append(
                {
                    "doc_id": row["doc_id"],
                    "passage_id": row["passage_id"],
                    "page": row["page"],
                    "country_iso3": country_iso3,
                    **found,
                }
            )
    return pl.DataFrame(records, schema=MENTION_SCHEMA)


def involvement_frame(mentions: pl.DataFrame, vnrs: pl.DataFrame) -> pl.DataFrame:
    """vnr_involvement rows: one per VNR in ``vnrs`` (doc_id, country_iso3, year, n_passages).

    Kinds are counted in distinct passages with a mention scoring at least MENTION_SCORE_MIN.
    """
    counted = mentions.filter(pl.col("score") >= MENTION_SCORE_MIN)
    records = []
    for vnr in vnrs.iter_rows(named=True):
        own = counted.filter(pl.col("doc_id") == vnr["doc_id"])
        counts = {
            kind: own.filter(pl.col("kind") == kind)["passage_id"].n_unique() for kind in KINDS
        }
        level, reason = involvement_level(
            {k: v for k, v in counts.items() if v}, int(vnr["n_passages"] or 0)
        )
        referenced = own.filter(
            (pl.col("kind") == "vlr_reference") & pl.col("resolved_vlr_doc_id").is_not_null()
        )["resolved_vlr_doc_id"].n_unique()
        records.append(
            {
                "doc_id": vnr["doc_id"],
                "country_iso3": vnr["country_iso3"],
                "year": vnr["year"],
                "level": level,
                "reason": reason,
                **{f"n_{k}": counts[k] for k in KINDS},
                "n_passages": vnr["n_passages"],
                "n_mention_passages": own["passage_id"].n_unique(),
                "n_vlrs_referenced": referenced,
                "level_score": LEVEL_SCORES[level],
            }
        )
    return pl.DataFrame(records, schema=INVOLVEMENT_SCHEMA)


# --------------------------------------------------------------------------------------------
# Indicator values and reuse


def _target_of(code: str) -> tuple[int, str]:
    parts = code.split(".")
    return int(parts[0]), f"{parts[0]}.{parts[1]}"


def indicator_frame(passages: pl.DataFrame, language: str) -> pl.DataFrame:
    """indicator_values rows of one document; ``passages`` has doc_id, passage_id, page, text,
    kind (a ``table_row`` passage, or text with " | " cells, is a table source)."""
    records = []
    for row in passages.iter_rows(named=True):
        text = row["text"] or ""
        source = "table" if row.get("kind") == "table_row" or " | " in text else "text"
        for v in find_indicator_values(text, language):
            sdg, target = _target_of(v.indicator)
            records.append(
                {
                    "doc_id": row["doc_id"],
                    "passage_id": row["passage_id"],
                    "page": row["page"],
                    "indicator": v.indicator,
                    "value": v.value,
                    "unit": v.unit,
                    "year": v.year,
                    "matched_text": clip_quote(v.matched_text, 500),
                    "sdg": sdg,
                    "target": target,
                    "method": v.method,
                    "score": float(v.score),
                    "source": source,
                }
            )
    return pl.DataFrame(records, schema=VALUE_SCHEMA)


def _values_of(frame: pl.DataFrame) -> list[tuple[IndicatorValue, dict]]:
    out = []
    for r in frame.sort("page", "passage_id").iter_rows(named=True):
        value = IndicatorValue(
            r["indicator"],
            r["value"],
            r["unit"],
            r["year"],
            r["matched_text"] or "",
            r["method"] or "code",
            float(r["score"] if r["score"] is not None else 1.0),
        )
        out.append((value, r))
    return out


def _passages_json(rows: list[dict]) -> str:
    seen: dict[str, int] = {}
    for r in rows:
        seen.setdefault(r["passage_id"], r["page"])
    return json.dumps([{"passage_id": p, "page": g} for p, g in seen.items()])


def reuse_frame(values: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """indicator_reuse rows: per (VLR, VNR) pair of ``pairs`` (country_iso3, vlr_doc_id,
    vnr_doc_id, vlr_year, vnr_year), one row per indicator both report.

    The compared figures are chosen by :func:`match_indicator_reuse`; ``local_passages`` and
    ``national_passages`` list every passage (id, page) reporting the indicator on each side.
    """
    records = []
    by_doc = {key[0]: frame for key, frame in values.group_by("doc_id")} if values.height else {}
    for pair in pairs.iter_rows(named=True):
        local = _values_of(by_doc.get(pair["vlr_doc_id"], values.clear()))
        national = _values_of(by_doc.get(pair["vnr_doc_id"], values.clear()))
        if not local or not national:
            continue
        # match_indicator_reuse returns the very objects it was given: map them back by identity.
        source = {id(v): r for v, r in local + national}
        for reuse in match_indicator_reuse([v for v, _ in local], [v for v, _ in national]):
            lr, nr = source[id(reuse.local)], source[id(reuse.national)]
            sdg, target = _target_of(reuse.indicator)
            records.append(
                {
                    "country_iso3": pair["country_iso3"],
                    "vlr_doc_id": pair["vlr_doc_id"],
                    "vnr_doc_id": pair["vnr_doc_id"],
                    "indicator": reuse.indicator,
                    "sdg": sdg,
                    "target": target,
                    "local_value": reuse.local.value,
                    "local_unit": reuse.local.unit,
                    "local_year": reuse.local.year,
                    "national_value": reuse.national.value,
                    "national_unit": reuse.national.unit,
                    "national_year": reuse.national.year,
                    "same_unit": reuse.same_unit,
                    "same_year": reuse.same_year,
                    "difference": reuse.difference,
                    "local_passage_id": lr["passage_id"],
                    "local_page": lr["page"],
                    "national_passage_id": nr["passage_id"],
                    "national_page": nr["page"],
                    "local_method": reuse.local.method,
                    "national_method": reuse.national.method,
                    "local_passages": _passages_json(
                        [r for v, r in local if v.indicator == reuse.indicator]
                    ),
                    "national_passages": _passages_json(
                        [r for v, r in national if v.indicator == reuse.indicator]
                    ),
                    "vlr_year": pair.get("vlr_year"),
                    "vnr_year": pair.get("vnr_year"),
                }
            )
    return pl.DataFrame(records, schema=REUSE_SCHEMA)
