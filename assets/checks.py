"""Data-quality checks on every warehouse table, beside the assets that write them.

Each check reads small frames from DuckDB (SQL does what needs joins: orphans, page ranges, rows
per pair) and validates them with Great Expectations 1.x expectations in an ephemeral context,
so the rules read as a list of expectations and every failure names the expectation, the
column and a few offending values. All checks are blocking: a failed check stops the assets
downstream of its asset in the same run, so a broken stage never publishes links or metrics.

Checks on per-document assets look only at the documents of the run's partitions (all
documents when the check runs on its own), so a document that a concurrent run is still
processing cannot fail another document's run. Cross-document checks look at whole tables.

Great Expectations is imported on first use: it takes seconds to import, and loading the
Dagster definitions (UI, CLI, sensors) should not pay for it.
"""

import os
from dataclasses import dataclass, field
from typing import Any

import dagster as dg

from pipelines.partitions import DOCUMENTS_PARTITION
from pipelines.resources import EmbeddingModelResource, WarehouseResource

DOCUMENT_STATUSES = ["ok", "failed", "duplicate", "removed"]
TIERS = ["high", "medium", "low", "none"]
PAIR_STATUSES = ["aligned", "local_only", "national_only", "absent"]
MAX_EXAMPLES = 10


@dataclass(frozen=True)
class Expect:
    """One Great Expectations expectation, by class name, built only when a check runs."""

    kind: str
    kwargs: dict[str, Any]

    def label(self) -> str:
        target = self.kwargs.get("column") or self.kwargs.get("column_list")
        if target is None and "column_A" in self.kwargs:
            target = f"{self.kwargs['column_A']}, {self.kwargs['column_B']}"
        return f"{self.kind}({target})"


def not_null(column: str) -> Expect:
    return Expect("ExpectColumnValuesToNotBeNull", {"column": column})


def unique(*columns: str) -> Expect:
    if len(columns) == 1:
        return Expect("ExpectColumnValuesToBeUnique", {"column": columns[0]})
    return Expect("ExpectCompoundColumnsToBeUnique", {"column_list": list(columns)})


def between(column: str, low: float | None = None, high: float | None = None) -> Expect:
    return Expect(
        "ExpectColumnValuesToBeBetween", {"column": column, "min_value": low, "max_value": high}
    )


def in_set(column: str, values: list) -> Expect:
    return Expect("ExpectColumnValuesToBeInSet", {"column": column, "value_set": values})


def at_least(column_a: str, column_b: str) -> Expect:
    """column_a >= column_b on every row where both are present."""
    return Expect(
        "ExpectColumnPairValuesAToBeGreaterThanB",
        {
            "column_A": column_a,
            "column_B": column_b,
            "or_equal": True,
            "ignore_row_if": "either_value_is_missing",
        },
    )


def equal(column_a: str, column_b: str) -> Expect:
    """column_a == column_b on every row where both are present."""
    return Expect(
        "ExpectColumnPairValuesToBeEqual",
        {"column_A": column_a, "column_B": column_b, "ignore_row_if": "either_value_is_missing"},
    )


@dataclass(frozen=True)
class Frame:
    """A query and the expectations its rows must meet.

    `{scope}` in the SQL becomes a filter on `scope_column` to the run's documents (or TRUE).
    Named parameters ($model) are filled from the check's resources.
    """

    name: str
    sql: str
    expectations: list[Expect]
    scope_column: str | None = None


@dataclass(frozen=True)
class CheckSpec:
    asset: str
    name: str
    description: str
    frames: list[Frame]
    blocking: bool = True
    per_document: bool = False


@dataclass
class Outcome:
    frame: str
    expectation: str
    success: bool
    unexpected_count: int | None = None
    examples: list[str] = field(default_factory=list)
    error: str | None = None


SPECS: list[CheckSpec] = [
    CheckSpec(
        asset="catalog",
        name="catalog_rows_valid",
        description="catalog: doc_id and row_number non-null and unique; catalog_issues rows "
        "name their row, field and message.",
        frames=[
            Frame(
                "catalog",
                "SELECT row_number, doc_id, valid FROM catalog",
                [
                    not_null("doc_id"),
                    unique("doc_id"),
                    not_null("row_number"),
                    unique("row_number"),
                    between("row_number", 1),
                    not_null("valid"),
                ],
            ),
            Frame(
                "catalog_issues",
                "SELECT row_number, field, message FROM catalog_issues",
                [not_null("row_number"), between("row_number", 1), not_null("message")],
            ),
        ],
    ),
    CheckSpec(
        asset="documents",
        name="documents_keys_and_status",
        description="doc_id non-null and unique; known status and review type; ok documents "
        "have pages and a content hash; other statuses carry an error.",
        per_document=True,
        frames=[
            Frame(
                "documents",
                "SELECT doc_id, status FROM documents WHERE {scope}",
                [
                    not_null("doc_id"),
                    unique("doc_id"),
                    in_set("status", DOCUMENT_STATUSES),
                    not_null("status"),
                ],
                scope_column="doc_id",
            ),
            Frame(
                # Metadata is only vouched for on ok documents: a failed row keeps what the
                # catalog said (e.g. country "KE'N") so its error can be read against it.
                "ok_documents",
                "SELECT doc_id, n_pages, sha256, review_type, country_iso3 FROM documents "
                "WHERE status = 'ok' AND {scope}",
                [
                    not_null("n_pages"),
                    between("n_pages", 1),
                    not_null("sha256"),
                    in_set("review_type", ["VLR", "VNR"]),
                    Expect(
                        "ExpectColumnValueLengthsToEqual", {"column": "country_iso3", "value": 3}
                    ),
                ],
                scope_column="doc_id",
            ),
            Frame(
                "problem_documents",
                "SELECT doc_id, error FROM documents WHERE status <> 'ok' AND {scope}",
                [not_null("error")],
                scope_column="doc_id",
            ),
        ],
    ),
    CheckSpec(
        asset="pages",
        name="pages_within_documents",
        description="(doc_id, page) unique; every page belongs to a document and lies within "
        "its n_pages.",
        per_document=True,
        frames=[
            Frame(
                "pages",
                "SELECT p.doc_id, p.page, d.n_pages, d.doc_id AS document FROM pages p "
                "LEFT JOIN documents d ON d.doc_id = p.doc_id WHERE {scope}",
                [
                    not_null("doc_id"),
                    not_null("page"),
                    unique("doc_id", "page"),
                    between("page", 1),
                    not_null("document"),
                    at_least("n_pages", "page"),
                ],
                scope_column="p.doc_id",
            )
        ],
    ),
    CheckSpec(
        asset="passages",
        name="passages_keys_and_pages",
        description="passage_id non-null and unique, (doc_id, ordinal) unique, no orphan "
        "passages, page within the document's n_pages, no empty text.",
        per_document=True,
        frames=[
            Frame(
                "passages",
                "SELECT p.passage_id, p.doc_id, p.ordinal, p.page, d.n_pages, "
                "d.doc_id AS document, length(trim(p.text)) AS text_length FROM passages p "
                "LEFT JOIN documents d ON d.doc_id = p.doc_id WHERE {scope}",
                [
                    not_null("passage_id"),
                    unique("passage_id"),
                    unique("doc_id", "ordinal"),
                    not_null("document"),
                    not_null("page"),
                    between("page", 1),
                    at_least("n_pages", "page"),
                    between("text_length", 1),
                ],
                scope_column="p.doc_id",
            )
        ],
    ),
    CheckSpec(
        asset="passages",
        name="ok_documents_have_passages",
        description="Every ok document has at least one passage.",
        per_document=True,
        frames=[
            Frame(
                "ok_documents",
                "SELECT d.doc_id, count(p.passage_id) AS n_passages FROM documents d "
                "LEFT JOIN passages p ON p.doc_id = d.doc_id WHERE d.status = 'ok' AND {scope} "
                "GROUP BY d.doc_id",
                [between("n_passages", 1)],
                scope_column="d.doc_id",
            )
        ],
    ),
    CheckSpec(
        asset="passage_sdgs",
        name="sdg_tags_valid",
        description="sdg in 1..17, target under its goal, score in [0, 1], one row per "
        "(passage, sdg, target), no tag without its passage.",
        per_document=True,
        frames=[
            Frame(
                "passage_sdgs",
                "SELECT s.passage_id, s.sdg, coalesce(s.target, '') AS target_key, "
                "TRY_CAST(split_part(s.target, '.', 1) AS INTEGER) AS target_goal, s.score, "
                "s.method, p.passage_id AS passage FROM passage_sdgs s "
                "LEFT JOIN passages p ON p.passage_id = s.passage_id WHERE {scope}",
                [
                    not_null("passage_id"),
                    not_null("sdg"),
                    between("sdg", 1, 17),
                    equal("sdg", "target_goal"),
                    unique("passage_id", "sdg", "target_key"),
                    between("score", 0, 1),
                    not_null("method"),
                    not_null("passage"),
                ],
                scope_column="s.doc_id",
            )
        ],
    ),
    CheckSpec(
        asset="passage_embeddings",
        name="tagged_passages_embedded",
        description="Every SDG-tagged passage of an ok document has a unit-length embedding "
        "for the run's model; (model, text_hash) unique.",
        per_document=True,
        frames=[
            Frame(
                "tagged_passages",
                "SELECT p.passage_id, c.text_hash AS cached, "
                "sqrt(array_inner_product(c.embedding, c.embedding)) AS norm FROM passages p "
                "JOIN documents d ON d.doc_id = p.doc_id AND d.status = 'ok' "
                "LEFT JOIN embedding_cache c ON c.text_hash = p.text_hash AND c.model = $model "
                "WHERE p.passage_id IN (SELECT passage_id FROM passage_sdgs) AND {scope}",
                [not_null("cached"), between("norm", 0.99, 1.01)],
                scope_column="p.doc_id",
            ),
            Frame(
                "embedding_cache",
                "SELECT model, text_hash FROM embedding_cache WHERE text_hash IN "
                "(SELECT text_hash FROM passages p WHERE {scope})",
                [not_null("model"), not_null("text_hash"), unique("model", "text_hash")],
                scope_column="p.doc_id",
            ),
        ],
    ),
    CheckSpec(
        asset="passage_links",
        name="links_valid",
        description="Similarity in [-1, 1]; one row per passage pair; both ends exist, in a VLR "
        "and a VNR of the link's country; rank >= 1; every row names its run.",
        frames=[
            Frame(
                "passage_links",
                """
                SELECT l.vlr_passage_id, l.vnr_passage_id, l.similarity, l.rank, l.sdg, l.run_id,
                  coalesce(a.doc_id = l.vlr_doc_id AND da.review_type = 'VLR'
                           AND da.country_iso3 = l.country_iso3, FALSE) AS vlr_end_ok,
                  coalesce(b.doc_id = l.vnr_doc_id AND db.review_type = 'VNR'
                           AND db.country_iso3 = l.country_iso3, FALSE) AS vnr_end_ok
                FROM passage_links l
                LEFT JOIN passages a ON a.passage_id = l.vlr_passage_id
                LEFT JOIN passages b ON b.passage_id = l.vnr_passage_id
                LEFT JOIN documents da ON da.doc_id = a.doc_id
                LEFT JOIN documents db ON db.doc_id = b.doc_id
                """,
                [
                    not_null("vlr_passage_id"),
                    not_null("vnr_passage_id"),
                    unique("vlr_passage_id", "vnr_passage_id"),
                    not_null("similarity"),
                    between("similarity", -1, 1),
                    between("rank", 1),
                    between("sdg", 1, 17),
                    not_null("run_id"),
                    in_set("vlr_end_ok", [True]),
                    in_set("vnr_end_ok", [True]),
                ],
            ),
            Frame(
                "link_fingerprints",
                "SELECT country_iso3, fingerprint FROM link_fingerprints",
                [not_null("country_iso3"), unique("country_iso3"), not_null("fingerprint")],
            ),
        ],
    ),
    CheckSpec(
        asset="sdg_pair_profile",
        name="profile_complete",
        description="Exactly one row per SDG 1..17 for every pair of ok reviews; saliences in "
        "[0, 1]; known tiers and statuses; every row names its run.",
        frames=[
            Frame(
                "pairs",
                "SELECT vlr_doc_id, vnr_doc_id, count(*) AS n_rows, count(DISTINCT sdg) AS n_sdgs "
                "FROM sdg_pair_profile GROUP BY ALL",
                [between("n_rows", 17, 17), between("n_sdgs", 17, 17)],
            ),
            Frame(
                "sdg_pair_profile",
                """
                SELECT s.vlr_doc_id, s.vnr_doc_id, s.sdg, s.vlr_salience, s.vnr_salience,
                  s.vlr_tier, s.vnr_tier, s.status, s.n_links, s.run_id,
                  coalesce(v.status = 'ok' AND v.review_type = 'VLR'
                           AND v.country_iso3 = s.country_iso3, FALSE) AS vlr_ok,
                  coalesce(n.status = 'ok' AND n.review_type = 'VNR'
                           AND n.country_iso3 = s.country_iso3, FALSE) AS vnr_ok
                FROM sdg_pair_profile s
                LEFT JOIN documents v ON v.doc_id = s.vlr_doc_id
                LEFT JOIN documents n ON n.doc_id = s.vnr_doc_id
                """,
                [
                    not_null("vlr_doc_id"),
                    not_null("vnr_doc_id"),
                    unique("vlr_doc_id", "vnr_doc_id", "sdg"),
                    between("sdg", 1, 17),
                    between("vlr_salience", 0, 1),
                    between("vnr_salience", 0, 1),
                    in_set("vlr_tier", TIERS),
                    in_set("vnr_tier", TIERS),
                    in_set("status", PAIR_STATUSES),
                    between("n_links", 0),
                    not_null("run_id"),
                    in_set("vlr_ok", [True]),
                    in_set("vnr_ok", [True]),
                ],
            ),
        ],
    ),
    CheckSpec(
        asset="alignment_metrics",
        name="metrics_in_range",
        description="One value per pair and metric, none missing; rates, overlaps and cosines "
        "in [0, 1], mean_alignment in [-1, 1], counts >= 0; every row names its run.",
        frames=[
            Frame(
                "alignment_metrics",
                "SELECT vlr_doc_id, vnr_doc_id, metric, value, run_id FROM alignment_metrics",
                [
                    not_null("vlr_doc_id"),
                    not_null("vnr_doc_id"),
                    not_null("metric"),
                    unique("vlr_doc_id", "vnr_doc_id", "metric"),
                    not_null("value"),
                    not_null("run_id"),
                ],
            ),
            Frame(
                "shares",
                "SELECT metric, value FROM alignment_metrics WHERE metric LIKE '%_rate' "
                "OR metric LIKE '%_jaccard' OR metric LIKE '%_cosine' OR metric LIKE '%_share'",
                [between("value", 0, 1)],
            ),
            Frame(
                "similarities",
                "SELECT metric, value FROM alignment_metrics WHERE metric = 'mean_alignment'",
                [between("value", -1, 1)],
            ),
            Frame(
                "counts",
                "SELECT metric, value FROM alignment_metrics WHERE metric LIKE 'n\\_%' ESCAPE '\\'",
                [between("value", 0)],
            ),
        ],
    ),
]


# ---------------------------------------------------------------- evaluation


def render(frame: Frame, documents: list[str] | None, params: dict[str, Any]) -> tuple[str, dict]:
    """The frame's SQL with its scope filled in, and the named parameters it uses."""
    used = {k: v for k, v in params.items() if f"${k}" in frame.sql}
    if frame.scope_column is None or documents is None:
        return frame.sql.replace("{scope}", "TRUE"), used
    scope = f"{frame.scope_column} IN (SELECT unnest($documents))"
    return frame.sql.replace("{scope}", scope), {**used, "documents": list(documents)}


def validate_frames(
    con, spec: CheckSpec, documents: list[str] | None, params: dict
) -> list[Outcome]:
    """Run every frame's query and validate its rows with Great Expectations."""
    outcomes: list[Outcome] = []
    for frame in spec.frames:
        sql, bound = render(frame, documents, params)
        data = con.execute(sql, bound).df()
        outcomes.extend(_validate(data, frame, f"{spec.name}.{frame.name}"))
    return outcomes


def _gx():
    """Import Great Expectations lazily, without its usage analytics."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx, gxe


def _validate(data, frame: Frame, suite_name: str) -> list[Outcome]:
    gx, gxe = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # A fresh ephemeral context per frame: cheap (milliseconds), nothing on disk, and no state
    # shared between the threads or runs that validate at the same time.
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas(name="warehouse")
    batch = (
        source.add_dataframe_asset(name=frame.name)
        .add_batch_definition_whole_dataframe("all_rows")
        .get_batch(batch_parameters={"dataframe": data})
    )
    suite = gx.ExpectationSuite(
        name=suite_name,
        expectations=[
            getattr(gxe, e.kind)(**e.kwargs, meta={"index": i})
            for i, e in enumerate(frame.expectations)
        ],
    )
    result = batch.validate(
        suite,
        result_format={
            "result_format": "SUMMARY",
            "partial_unexpected_count": MAX_EXAMPLES,
            # The first column identifies a row (doc_id, passage_id, ...): name it in examples.
            "unexpected_index_column_names": [data.columns[0]],
        },
    )
    outcomes = []
    # Results do not come back in suite order: match them by the index stored in `meta`.
    for item in sorted(result.results, key=lambda r: r.expectation_config.meta["index"]):
        expectation = frame.expectations[item.expectation_config.meta["index"]]
        details = item.result or {}
        error = None
        if item.exception_info and item.exception_info.get("raised_exception"):
            error = str(item.exception_info.get("exception_message"))[:300]
        examples = (
            details.get("partial_unexpected_index_list")
            or details.get("partial_unexpected_list")
            or []
        )
        outcomes.append(
            Outcome(
                frame=frame.name,
                expectation=expectation.label(),
                success=bool(item.success),
                unexpected_count=details.get("unexpected_count"),
                examples=[_show(_key_first(v, data.columns[0])) for v in examples[:MAX_EXAMPLES]],
                error=error,
            )
        )
    return outcomes


def _key_first(value: Any, key: str) -> Any:
    if isinstance(value, dict) and key in value:
        return {key: value[key], **{k: v for k, v in value.items() if k != key}}
    return value


def _show(value: Any) -> str:
    """A failing row as `key=value` pairs, numpy scalars as plain numbers."""
    if isinstance(value, dict):
        return " ".join(f"{k}={_show(v)}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    return str(value.item() if hasattr(value, "item") else value)


def to_result(spec: CheckSpec, outcomes: list[Outcome], documents: list[str] | None):
    failed = [o for o in outcomes if not o.success]
    scope = "all documents" if documents is None else f"{len(documents)} document(s)"
    if failed:
        description = (
            f"{len(failed)} of {len(outcomes)} expectations failed ({scope}): "
            + "; ".join(
                f"{o.frame}: {o.expectation}"
                + (f" {o.unexpected_count} rows" if o.unexpected_count else "")
                + (f" e.g. {', '.join(o.examples[:3])}" if o.examples else "")
                + (f" error {o.error}" if o.error else "")
                for o in failed[:5]
            )
        )
    else:
        description = f"all {len(outcomes)} expectations met ({scope})"
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if spec.blocking else dg.AssetCheckSeverity.WARN,
        description=description,
        metadata={
            "expectations": len(outcomes),
            "failed": len(failed),
            "failures": dg.MetadataValue.json(
                [
                    {
                        "frame": o.frame,
                        "expectation": o.expectation,
                        "unexpected_count": o.unexpected_count,
                        "examples": o.examples,
                        "error": o.error,
                    }
                    for o in failed
                ]
            ),
            "scope": scope,
            "validator": "great_expectations",
        },
    )


def run_documents(context: dg.AssetCheckExecutionContext) -> list[str] | None:
    """The documents of the run's partitions, or None when the run is not partitioned."""
    tags = context.run.tags
    if "dagster/partition" in tags:
        return [tags["dagster/partition"]]
    start = tags.get("dagster/asset_partition_range_start")
    end = tags.get("dagster/asset_partition_range_end")
    if start and end:
        keys = list(context.instance.get_dynamic_partitions(DOCUMENTS_PARTITION))
        if start in keys and end in keys:
            return keys[keys.index(start) : keys.index(end) + 1]
    return None


def evaluate(
    spec: CheckSpec,
    warehouse: WarehouseResource,
    embedding_model: EmbeddingModelResource,
    documents: list[str] | None = None,
) -> dg.AssetCheckResult:
    """One check's result; also callable outside Dagster (tests, `vlrlink status`)."""
    with warehouse.connect(read_only=True) as con:
        outcomes = validate_frames(con, spec, documents, {"model": embedding_model.model_name})
    return to_result(spec, outcomes, documents)


def _build(spec: CheckSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=spec.asset,
        name=spec.name,
        description=spec.description,
        blocking=spec.blocking,
        metadata={"validator": "great_expectations"},
    )
    def _check(
        context: dg.AssetCheckExecutionContext,
        warehouse: WarehouseResource,
        embedding_model: EmbeddingModelResource,
    ) -> dg.AssetCheckResult:
        documents = run_documents(context) if spec.per_document else None
        return evaluate(spec, warehouse, embedding_model, documents)

    return _check


CHECKS = {spec.name: _build(spec) for spec in SPECS}
# Module-level names so dg.load_asset_checks_from_modules finds them.
globals().update(CHECKS)
