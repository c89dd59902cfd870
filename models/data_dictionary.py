"""The data dictionary: what every warehouse table and column means, in one place.

Exports (`vlrlink export`, the `metric_exports` asset) write these descriptions into the
Frictionless `datapackage.json`, so that a CSV opened years later still says what each column
is. The wording follows docs/warehouse.md (the contract); when a table or column is added to
models/warehouse.py SCHEMA it gets an entry here too (tests/test_export.py fails otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.cycles import CYCLE_METRICS
from models.metrics import PAIR_METRICS

UNDOCUMENTED = "(undocumented column: add it to models/data_dictionary.py)"


@dataclass(frozen=True)
class TableDoc:
    """One table: what a row is, what each column means, and its key where rows are unique."""

    description: str
    fields: dict[str, str]
    primary_key: tuple[str, ...] = field(default_factory=tuple)


def _metric_list(metrics: dict[str, str]) -> str:
    return "; ".join(f"{name}: {meaning.rstrip('.')}" for name, meaning in metrics.items())


# Columns that mean the same in every table that has them.
_RUN_ID = "Dagster run that wrote the row (see the runs table)."
_COUNTRY = "ISO 3166-1 alpha-3 country code."
_VLR = "doc_id of the Voluntary Local Review (VLR) of the pair."
_VNR = "doc_id of the Voluntary National Review (VNR) of the pair."
_SDG = "SDG goal number, 1-17."

TABLES: dict[str, TableDoc] = {
    "catalog": TableDoc(
        "One row per catalog document as read, with its validation result.",
        {
            "row_number": "1-based data row of the catalog CSV.",
            "doc_id": "Catalog identifier (letters, digits, '.', '_', '-').",
            "review_type": "VLR (local/regional review) or VNR (national review).",
            "country_iso3": _COUNTRY,
            "locality": "City or region reviewed by a VLR; empty for VNRs.",
            "year": "Publication year of the review.",
            "language": "ISO 639-1 language of the document.",
            "title": "Title from the catalog.",
            "file": "File path as written in the catalog (relative to the catalog's folder).",
            "url": "Download URL, when the catalog gives one.",
            "sha256": "Expected SHA-256 of the file, when the catalog gives one.",
            "path": "Resolved local path of the file.",
            "file_sha256": "SHA-256 of the local file's content.",
            "valid": "Whether the row passed validation.",
            "errors": "Validation problems of the row (empty when valid).",
            "catalog_path": "Catalog CSV the row came from.",
        },
    ),
    "catalog_issues": TableDoc(
        "One row per problem found in a catalog row, including rows that never became "
        "documents (missing or duplicate doc_id).",
        {
            "row_number": "1-based data row of the catalog CSV.",
            "doc_id": "doc_id of the row, if it has one.",
            "field": "Column the problem is about.",
            "message": "What is wrong, in one line.",
            "catalog_path": "Catalog CSV the row came from.",
        },
    ),
    "documents": TableDoc(
        "One row per catalog document (unique doc_id): metadata, content hash, page count and "
        "processing status.",
        {
            "doc_id": "Catalog identifier (letters, digits, '.', '_', '-').",
            "review_type": "VLR (local/regional review) or VNR (national review).",
            "country_iso3": _COUNTRY,
            "locality": "City or region reviewed by a VLR; NULL for VNRs.",
            "year": "Publication year of the review.",
            "language": "ISO 639-1 language of the document.",
            "title": "Title from the catalog.",
            "file": "File path as written in the catalog (relative to the catalog's folder).",
            "sha256": "SHA-256 of the file content that was processed.",
            "n_pages": "Pages read; NULL when the file could not be read.",
            "status": "ok; failed (see error); duplicate (same content as duplicate_of); "
            "removed (no longer in the catalog, rows kept for audit).",
            "error": "One-line reason when status is not ok.",
            "duplicate_of": "The earlier catalog document with the same content.",
            "extractor_version": "Version of the PDF extraction code that produced the pages.",
            "n_bytes": "File size in bytes.",
            "processed_at": "When this row was written (UTC).",
            "run_id": _RUN_ID,
        },
        ("doc_id",),
    ),
    "pages": TableDoc(
        "One row per page of an ok document: its text blocks in reading order, running "
        "headers, footers and page numbers removed.",
        {
            "doc_id": "Document.",
            "page": "1-based physical page number of the PDF.",
            "n_blocks": "Text blocks on the page.",
            "text": "Blocks joined by newlines.",
            "blocks": "JSON list of {kind, text} blocks in reading order.",
        },
        ("doc_id", "page"),
    ),
    "passages": TableDoc(
        "One row per passage of an ok document, in reading order: 1 to 5 sentences that never "
        "cross a section heading.",
        {
            "passage_id": "{doc_id}:{ordinal:05d}; stable across reruns of the same file and code.",
            "doc_id": "Document.",
            "page": "1-based page (physical page of the PDF) where the passage starts.",
            "ordinal": "0-based position in the document's reading order.",
            "section": "The heading the passage sits under (NULL before the first heading).",
            "text": "Passage text (NFKC-normalised).",
            "kind": "Source block: paragraph, list_item, table_row, footnote, ...",
            "text_hash": "Hash of the normalised text; key of embedding_cache.",
            "n_words": "Word count.",
        },
        ("passage_id",),
    ),
    "passage_sdgs": TableDoc(
        "One row per passage, SDG and target; a goal-level tag has target NULL.",
        {
            "passage_id": "Passage.",
            "sdg": _SDG,
            "target": "Target code under that goal (e.g. 6.2, 11.a) or NULL for a goal-level tag.",
            "score": "Tagger confidence 0-1.",
            "method": "What decided the tag (explicit, terms, classifier, combinations joined "
            "by '+').",
            "evidence": "JSON: matched terms, explicit references, nearest target text and its "
            "similarity, classifier score.",
            "doc_id": "Document of the passage.",
            "tagger_version": "Tagger code version.",
        },
    ),
    "embedding_cache": TableDoc(
        "One row per embedding model and passage text: the L2-normalised sentence embedding.",
        {
            "model": "Embedding model name.",
            "text_hash": "Hash of the normalised passage text (passages.text_hash).",
            "embedding": "L2-normalised embedding vector (384 floats).",
        },
        ("model", "text_hash"),
    ),
    "passage_links": TableDoc(
        "One row per link from a VLR passage to a VNR passage of the same country that shares "
        "an SDG and reaches the calibrated similarity threshold (at most 3 per VLR passage and "
        "VNR).",
        {
            "vlr_passage_id": "Passage of the VLR.",
            "vnr_passage_id": "Passage of the VNR.",
            "country_iso3": "Country of both reviews (ISO 3166-1 alpha-3).",
            "sdg": "The shared SDG both passages are most confident about (1-17).",
            "target": "A target both passages carry under that SDG, else NULL.",
            "similarity": "Cosine similarity of the two passages' embeddings, -1 to 1.",
            "rank": "1 = the VLR passage's best match in this VNR.",
            "vlr_doc_id": "The VLR.",
            "vnr_doc_id": "The VNR.",
            "run_id": "Run that computed the country's links.",
        },
        ("vlr_passage_id", "vnr_passage_id"),
    ),
    "link_fingerprints": TableDoc(
        "One row per country: hash of the inputs its links were computed from (unchanged "
        "countries are not relinked).",
        {
            "country_iso3": _COUNTRY,
            "fingerprint": "Hash of the linker version, settings and tagged passages.",
            "computed_at": "When the links were computed (UTC).",
            "run_id": _RUN_ID,
        },
        ("country_iso3",),
    ),
    "sdg_pair_profile": TableDoc(
        "One row per (VLR, VNR) pair of the same country and SDG, all 17 SDGs for every pair.",
        {
            "country_iso3": _COUNTRY,
            "vlr_doc_id": _VLR,
            "vnr_doc_id": _VNR,
            "sdg": _SDG,
            "vlr_salience": "Share of the VLR's SDG-tagged passages that carry this SDG (0-1).",
            "vnr_salience": "Share of the VNR's SDG-tagged passages that carry this SDG (0-1).",
            "vlr_tier": "VLR salience relative to its top SDG: high > 0.75, medium 0.25-0.75, "
            "low < 0.25, none = 0.",
            "vnr_tier": "VNR salience relative to its top SDG: high > 0.75, medium 0.25-0.75, "
            "low < 0.25, none = 0.",
            "n_links": "VLR passages on this SDG with a rank-1 link into the VNR.",
            "status": "aligned (both reviews cover the SDG), local_only, national_only or "
            "absent; a review covers an SDG from 2 tagged passages on.",
            "vlr_passages": "Tagged passages on this SDG in the VLR.",
            "vnr_passages": "Tagged passages on this SDG in the VNR.",
            "mean_similarity": "Mean similarity of the rank-1 links on this SDG (NULL without "
            "links).",
            "run_id": _RUN_ID,
        },
        ("vlr_doc_id", "vnr_doc_id", "sdg"),
    ),
    "alignment_metrics": TableDoc(
        "Long format: one row per (VLR, VNR) pair and metric.",
        {
            "country_iso3": _COUNTRY,
            "vlr_doc_id": _VLR,
            "vnr_doc_id": _VNR,
            "metric": "Metric name. " + _metric_list(PAIR_METRICS),
            "value": "Value of the metric for the pair.",
            "run_id": _RUN_ID,
        },
        ("vlr_doc_id", "vnr_doc_id", "metric"),
    ),
    "stage_state": TableDoc(
        "One row per document and per-document stage: the fingerprint of the inputs it last "
        "computed from.",
        {
            "doc_id": "Document.",
            "stage": "Pipeline stage (passages, tags, embeddings, ...).",
            "fingerprint": "File hash and code versions the stage's rows were computed from.",
            "updated_at": "When the stage last ran for the document (UTC).",
            "run_id": _RUN_ID,
        },
        ("doc_id", "stage"),
    ),
    "runs": TableDoc(
        "One row per pipeline run: the code, model and catalog that made the numbers.",
        {
            "run_id": "Dagster run id.",
            "started_at": "Start of the run (UTC).",
            "ended_at": "End of the run (UTC).",
            "status": "success or failure.",
            "code_version": "Git commit of the code (+dirty for uncommitted changes).",
            "embedding_model": "Sentence-embedding model used for linking.",
            "embedding_model_hash": "SHA-256 of the model's weights.",
            "catalog_path": "Catalog CSV the run processed.",
            "catalog_sha256": "SHA-256 of the catalog CSV.",
            "counts": "JSON: passages, tags, links, pairs and document statuses.",
        },
        ("run_id",),
    ),
    # ---------------------------------------------------------------- analytics (issue 5)
    "localization_mentions": TableDoc(
        "One row per VNR passage, mention kind and named locality: evidence that the VNR "
        "references VLRs or involves local and regional governments (LRGs).",
        {
            "doc_id": "The VNR.",
            "passage_id": "VNR passage carrying the mention.",
            "page": "1-based page of the passage.",
            "kind": "vlr_reference (names a voluntary local review), lrg_consultation (LRGs "
            "took part in preparing the VNR), lrg_implementation (LRGs implement or localize "
            "the SDGs) or local_data (subnational or disaggregated data).",
            "locality": "Catalog locality named in the sentence(s) carrying the evidence, else "
            "the one nearest to it, else NULL.",
            "resolved_vlr_doc_id": "Catalog VLR of that locality and country (the latest "
            "published no later than the VNR, else the earliest); NULL when it does not resolve.",
            "matched_terms": "JSON list of the passage's words that fired the rules, as written.",
            "score": "Strength of the evidence 0-1; from 0.6 on it counts towards the "
            "involvement level.",
            "quote": "The first evidence sentence naming the locality (else the first evidence "
            "sentence), at most 300 characters.",
            "country_iso3": _COUNTRY,
        },
    ),
    "vnr_involvement": TableDoc(
        "One row per ok VNR: UCLG-style level of local and regional government involvement, "
        "counted from its localization mentions (score >= 0.6).",
        {
            "doc_id": "The VNR.",
            "country_iso3": _COUNTRY,
            "year": "Year of the VNR.",
            "level": "none, weak, consulted or high (rules in docs/localization.md).",
            "reason": "One line saying why the level was given.",
            "n_vlr_reference": "Passages with a vlr_reference mention.",
            "n_lrg_consultation": "Passages with an lrg_consultation mention.",
            "n_lrg_implementation": "Passages with an lrg_implementation mention.",
            "n_local_data": "Passages with a local_data mention.",
            "n_passages": "Passages of the VNR.",
            "n_mention_passages": "Passages with any counted mention.",
            "n_vlrs_referenced": "Distinct catalog VLRs the VNR references by name.",
            "level_score": "The level as a number: none 0, weak 1/3, consulted 2/3, high 1.",
            "run_id": _RUN_ID,
        },
        ("doc_id",),
    ),
    "indicator_values": TableDoc(
        "One row per SDG indicator figure found in a passage or table row of an ok review.",
        {
            "doc_id": "Document.",
            "passage_id": "Passage the figure was found in.",
            "page": "1-based page of the passage.",
            "indicator": "Official indicator code (e.g. 6.1.1).",
            "value": "The figure, scaled by words like 'million' (NULL when only the indicator "
            "is named).",
            "unit": "Canonical unit (%, per 1,000, per 100,000, km², ha, USD, ...) or NULL.",
            "year": "Year the figure refers to, when stated.",
            "matched_text": "The sentence or table row the figure was read from (at most 500 "
            "characters).",
            "sdg": "Goal of the indicator (1-17).",
            "target": "Target of the indicator (e.g. 6.1).",
            "method": "How the indicator was recognised: code (explicit code) or title (name "
            "matched to the official title).",
            "score": "Recognition quality 0-1 (1 for an explicit code).",
            "source": "table (a table row) or text.",
        },
    ),
    "indicator_reuse": TableDoc(
        "One row per (VLR, VNR) pair of a country and SDG indicator both report, with the "
        "local and national figures compared (a common year when both have one, else each "
        "side's latest figure).",
        {
            "country_iso3": _COUNTRY,
            "vlr_doc_id": _VLR,
            "vnr_doc_id": _VNR,
            "indicator": "Official indicator code reported by both reviews.",
            "sdg": "Goal of the indicator (1-17).",
            "target": "Target of the indicator.",
            "local_value": "The VLR's figure.",
            "local_unit": "Unit of the VLR's figure.",
            "local_year": "Year of the VLR's figure.",
            "national_value": "The VNR's figure.",
            "national_unit": "Unit of the VNR's figure.",
            "national_year": "Year of the VNR's figure.",
            "same_unit": "Whether both figures have the same unit.",
            "same_year": "Whether both figures refer to the same year.",
            "difference": "local_value minus national_value when both exist in the same unit.",
            "local_passage_id": "VLR passage of the compared local figure.",
            "local_page": "Page of that VLR passage.",
            "national_passage_id": "VNR passage of the compared national figure.",
            "national_page": "Page of that VNR passage.",
            "local_method": "How the local indicator was recognised (code or title).",
            "national_method": "How the national indicator was recognised (code or title).",
            "local_passages": "JSON list of every VLR passage (id, page) reporting the indicator.",
            "national_passages": "JSON list of every VNR passage (id, page) reporting the "
            "indicator.",
            "vlr_year": "Publication year of the VLR.",
            "vnr_year": "Publication year of the VNR.",
            "run_id": _RUN_ID,
        },
    ),
    "sdg_gaps": TableDoc(
        "One row per gap: an SDG or target one review of a pair reports and the other does not, "
        "an SDG no review of the country covers, or a target reported without an indicator.",
        {
            "country_iso3": _COUNTRY,
            "vlr_doc_id": "The VLR of the pair (NULL for country-level 'uncovered' rows).",
            "vnr_doc_id": "The VNR of the pair (NULL for country-level 'uncovered' rows).",
            "level": "sdg or target.",
            "sdg": _SDG,
            "code": "The SDG number or target code the gap is about.",
            "gap_type": "local_only (VLR reports it, VNR does not), national_only (the "
            "reverse), uncovered (no review of the country covers the SDG) or no_indicator "
            "(the VLR reports the target without an indicator figure).",
            "vlr_passages": "VLR passages on the SDG or target (uncovered: summed over the "
            "country's VLRs).",
            "vnr_passages": "VNR passages on the SDG or target (uncovered: summed over the "
            "country's VNRs).",
            "vlr_indicators": "Distinct indicators of the SDG or target with a figure in the VLR.",
            "vnr_indicators": "Distinct indicators of the SDG or target with a figure in the VNR "
            "(no_indicator: > 0 means the VNR has a national figure the city could localise).",
            "run_id": _RUN_ID,
        },
    ),
    "cycle_metrics": TableDoc(
        "One row per VNR and metric (row_type cycle: the VNR against the VLRs published in or "
        "before its year) and per consecutive pair of a country's VNRs (row_type trend).",
        {
            "country_iso3": _COUNTRY,
            "vnr_doc_id": "The VNR of the cycle.",
            "vnr_year": "Year of the VNR.",
            "row_type": "cycle (the VNR's value) or trend (this cycle minus the previous one).",
            "metric": "Metric name. " + _metric_list(CYCLE_METRICS),
            "value": "The metric's value (trend rows: change since the previous VNR); NULL for "
            "means without prior VLRs.",
            "previous_vnr_doc_id": "The country's previous VNR (trend rows).",
            "previous_vnr_year": "Year of the previous VNR (trend rows).",
            "previous_value": "The metric's value in the previous cycle (trend rows).",
            "prior_vlr_doc_ids": "JSON list of the VLRs published in or before the VNR's year.",
            "run_id": _RUN_ID,
        },
    ),
    "country_momentum": TableDoc(
        "One row per country: the localization momentum index (0-100) and its components, "
        "each mapped onto 0-1 with a fixed scale (models/momentum.py).",
        {
            "country_iso3": _COUNTRY,
            "n_vlrs": "Ok VLRs of the country.",
            "n_vnrs": "Ok VNRs of the country.",
            "latest_vlr_year": "Year of the latest VLR.",
            "latest_vnr_doc_id": "The latest VNR.",
            "latest_vnr_year": "Year of the latest VNR.",
            "reference_year": "Latest review year of the whole corpus (recency is measured "
            "against it).",
            "recency_score": "1 - (reference_year - latest_vlr_year) / 10, floored at 0 "
            "(weight 0.10).",
            "vlr_count_score": "log(1 + n_vlrs) / log(11), capped at 1 (weight 0.15).",
            "integration_rate": "Mean integration_rate of the latest VNR with its prior VLRs.",
            "integration_score": "integration_rate as a component (weight 0.25).",
            "mentions_per_vnr": "Passages with a counted localization mention per VNR.",
            "mention_share": "Share of VNR passages with a counted localization mention (mean "
            "over the VNRs).",
            "mentions_score": "mention_share / 0.2, capped at 1 (weight 0.15).",
            "n_reused_indicators": "Indicators the VLRs report that a VNR also reports.",
            "n_vlr_indicators": "Indicators the VLRs report.",
            "indicator_reuse_rate": "n_reused_indicators / n_vlr_indicators.",
            "indicator_reuse_score": "indicator_reuse_rate as a component (weight 0.15).",
            "involvement_level": "The latest VNR's involvement level (none, weak, consulted, "
            "high).",
            "involvement_score": "The level as a number: none 0, weak 1/3, consulted 2/3, "
            "high 1 (weight 0.20).",
            "momentum_index": "100 x the weighted sum of the six component scores (0-100).",
            "rank": "1 = highest momentum index (ties share a rank).",
            "run_id": _RUN_ID,
        },
        ("country_iso3",),
    ),
    "metric_evidence": TableDoc(
        "One row per metric row and supporting passage: the links, tagged passages, mentions "
        "and indicator figures behind each number, with a page citation.",
        {
            "metric_table": "The table of the metric row the passage supports.",
            "country_iso3": _COUNTRY,
            "vlr_doc_id": "VLR of the metric row (NULL where the table has no such key).",
            "vnr_doc_id": "VNR of the metric row (NULL where the table has no such key).",
            "sdg": "SDG of the metric row (NULL where the table has no such key).",
            "metric": "Metric, status, mention kind or gap type the passage supports.",
            "doc_id": "Document of the supporting passage.",
            "passage_id": "The supporting passage.",
            "page": "1-based page of the passage, for citation.",
            "quote": "Quote from the passage (at most 300 characters).",
            "similarity": "Link similarity when the evidence is a link, else NULL.",
            "code": "Target, indicator, locality, status or gap code the row is about.",
            "score": "Tagger, mention or recognition score of the evidence, if any.",
            "citation": "Citation '{VLR|VNR} {locality or country} {year}, p. {page}', e.g. "
            "'VNR KEN 2024, p. 37'.",
            "run_id": _RUN_ID,
        },
    ),
}


def describe(table: str, column: str) -> str:
    """The description of one column; a visible placeholder when it is missing."""
    doc = TABLES.get(table)
    if doc is None:
        return UNDOCUMENTED
    return doc.fields.get(column, UNDOCUMENTED)


def table_description(table: str) -> str:
    doc = TABLES.get(table)
    return doc.description if doc else "(undocumented table: add it to models/data_dictionary.py)"


def primary_key(table: str) -> tuple[str, ...]:
    doc = TABLES.get(table)
    return doc.primary_key if doc else ()
