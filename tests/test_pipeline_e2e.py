"""The whole graph on the sample corpus, checked table by table and against planted truth."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb
import polars as pl
import pytest

from models.truth import link_scores, locate_links
from models.warehouse import CONTRACT_TABLES, read_frame, table_columns
from tests.conftest import SAMPLE_CATALOG, TRUTH

CONTRACT_COLUMNS = {
    "documents": [
        "doc_id",
        "review_type",
        "country_iso3",
        "locality",
        "year",
        "language",
        "title",
        "file",
        "sha256",
        "n_pages",
        "status",
        "error",
    ],
    "passages": ["passage_id", "doc_id", "page", "ordinal", "section", "text"],
    "passage_sdgs": ["passage_id", "sdg", "target", "score", "method"],
    "passage_links": [
        "vlr_passage_id",
        "vnr_passage_id",
        "country_iso3",
        "sdg",
        "target",
        "similarity",
        "rank",
    ],
    "sdg_pair_profile": [
        "country_iso3",
        "vlr_doc_id",
        "vnr_doc_id",
        "sdg",
        "vlr_salience",
        "vnr_salience",
        "vlr_tier",
        "vnr_tier",
        "n_links",
        "status",
    ],
    "alignment_metrics": ["country_iso3", "vlr_doc_id", "vnr_doc_id", "metric", "value"],
}


def test_definitions_load():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert set(CONTRACT_TABLES) <= keys
    assert defs.resolve_job_def("documents_job") is not None


@pytest.mark.parametrize("table", CONTRACT_TABLES)
def test_contract_tables_have_their_columns(sample_db, table):
    columns = [r[0] for r in sample_db.execute(f"DESCRIBE {table}").fetchall()]
    assert columns[: len(CONTRACT_COLUMNS[table])] == CONTRACT_COLUMNS[table]
    assert columns == table_columns(table)
    assert sample_db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0  # noqa: S608


def test_every_catalog_document_is_ok(sample_db):
    catalog = pl.read_csv(SAMPLE_CATALOG)
    docs = read_frame(sample_db, "SELECT doc_id, status, n_pages FROM documents")
    assert sorted(docs["doc_id"]) == sorted(catalog["doc_id"])
    assert docs.filter(pl.col("status") != "ok").is_empty(), docs
    assert docs["n_pages"].min() > 1


def test_passages_are_well_formed(sample_db):
    bad = sample_db.execute(
        "SELECT p.passage_id FROM passages p JOIN documents d USING (doc_id) "
        "WHERE p.page NOT BETWEEN 1 AND d.n_pages OR length(trim(p.text)) = 0"
    ).fetchall()
    assert bad == []
    dupes = sample_db.execute(
        "SELECT passage_id FROM passages GROUP BY 1 HAVING count(*) > 1"
    ).fetchall()
    assert dupes == []
    sections = sample_db.execute(
        "SELECT count(*) FILTER (section IS NOT NULL) / count(*) FROM passages"
    ).fetchone()[0]
    assert sections > 0.8


def test_tags_are_valid_and_carry_evidence(sample_db):
    rows = read_frame(sample_db, "SELECT sdg, target, score, method, evidence FROM passage_sdgs")
    assert rows["sdg"].is_between(1, 17).all()
    targets = rows.drop_nulls("target")
    assert (targets["target"].str.split(".").list.first() == targets["sdg"].cast(pl.String)).all()
    assert rows["evidence"].str.len_chars().min() > 2


def test_pair_profile_has_all_17_sdgs_per_pair(sample_db):
    counts = sample_db.execute(
        "SELECT vlr_doc_id, vnr_doc_id, count(DISTINCT sdg) FROM sdg_pair_profile GROUP BY ALL"
    ).fetchall()
    assert counts and all(n == 17 for _, _, n in counts)
    statuses = {
        r[0] for r in sample_db.execute("SELECT DISTINCT status FROM sdg_pair_profile").fetchall()
    }
    assert statuses <= {"aligned", "local_only", "national_only", "absent"}
    assert {"aligned", "local_only", "national_only"} <= statuses


def test_alignment_metrics_cover_every_pair(sample_db):
    metrics = read_frame(sample_db, "SELECT * FROM alignment_metrics")
    pairs = metrics.select("vlr_doc_id", "vnr_doc_id").unique().height
    assert (
        pairs
        == sample_db.execute(
            "SELECT count(*) FROM (SELECT DISTINCT vlr_doc_id, vnr_doc_id FROM sdg_pair_profile)"
        ).fetchone()[0]
    )
    wide = metrics.pivot(on="metric", index=["vlr_doc_id", "vnr_doc_id"], values="value")
    assert wide["integration_rate"].is_between(0, 1).all()
    assert wide["coverage_jaccard"].is_between(0, 1).all()
    assert (wide["integration_rate"] > 0).any()


def test_planted_links_precision_and_recall(sample_db):
    truth = pl.read_csv(TRUTH / "links.csv")
    passages = read_frame(sample_db, "SELECT passage_id, doc_id, text FROM passages")
    located = locate_links(truth, passages)
    links = read_frame(
        sample_db, "SELECT vlr_passage_id, vnr_passage_id, vnr_doc_id, rank FROM passage_links"
    )
    related = locate_links(
        pl.read_csv(TRUTH / "related_pairs.csv").with_columns(kind=pl.lit("related")), passages
    ).select("vlr_pid", "vnr_pid")
    scores = link_scores(located, links, related)
    print(
        f"\nplanted links: precision {scores['precision']:.3f} recall {scores['recall']:.3f} "
        f"({scores['planted']} planted pairs, {scores['judged']} judged rank-1 links, "
        f"{scores['distractors_linked']}/{scores['distractors']} distractor pairs linked, "
        f"{scores['unlocated']} truth rows not located)"
    )
    assert scores["unlocated"] <= 0.05 * truth.height
    assert scores["recall"] >= 0.8
    assert scores["precision"] >= 0.8


def test_rerun_is_idempotent(sample_run, tmp_path):
    from pipelines.runner import run_pipeline

    copy = tmp_path / "rerun.duckdb"
    shutil.copy(sample_run["warehouse"], copy)

    def counts() -> dict[str, int]:
        con = duckdb.connect(str(copy), read_only=True)
        try:
            return {
                t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                for t in (*CONTRACT_TABLES, "pages", "embedding_cache")
            }
        finally:
            con.close()

    before = counts()
    summary = run_pipeline(
        catalog_path=SAMPLE_CATALOG, warehouse_path=copy, instance=dg.DagsterInstance.ephemeral()
    )
    assert summary.success, summary.failure
    assert counts() == before
