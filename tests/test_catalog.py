from pathlib import Path

import pytest

from models.catalog import CatalogError, read_catalog

HEADER = "doc_id,review_type,country_iso3,locality,year,language,title,file\n"


def _catalog(tmp_path: Path, rows: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.pdf").write_bytes(b"%PDF-1.4 fake")
    path = tmp_path / "catalog.csv"
    path.write_text(HEADER + rows)
    return path


def test_valid_rows_pass(tmp_path):
    catalog = read_catalog(
        _catalog(
            tmp_path,
            "a,VLR,KEN,Riverton,2022,en,Riverton VLR,docs/a.pdf\n"
            "b,VNR,KEN,,2024,en,Kenya VNR,docs/a.pdf\n",
        )
    )
    assert [r.valid for r in catalog.rows] == [True, True]
    assert catalog.rows[0].file_sha256 == catalog.rows[1].file_sha256
    assert catalog.issues_frame().is_empty()


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("x,VLR,XXX,Town,2022,en,t,docs/a.pdf", "country_iso3"),
        ("x,VLR,KEN,Town,1890,en,t,docs/a.pdf", "year"),
        ("x,VLR,KEN,Town,20x2,en,t,docs/a.pdf", "year"),
        ("x,VLR,KEN,Town,2022,zz,t,docs/a.pdf", "language"),
        ("x,VLR,KEN,Town,2022,en,t,docs/missing.pdf", "file"),
        ("x,VLR,KEN,Town,2022,en,t,../../etc/passwd", "file"),
        ("x,VLR,KEN,,2022,en,t,docs/a.pdf", "locality"),
        ("x,VNR,KEN,Town,2022,en,t,docs/a.pdf", "locality"),
        ("x,ABC,KEN,Town,2022,en,t,docs/a.pdf", "review_type"),
    ],
)
def test_bad_rows_are_recorded_not_raised(tmp_path, row, field):
    catalog = read_catalog(_catalog(tmp_path, "ok,VNR,KEN,,2024,en,t,docs/a.pdf\n" + row + "\n"))
    assert catalog.rows[0].valid
    bad = catalog.rows[1]
    assert not bad.valid
    assert field in {f for f, _ in bad.errors}, bad.errors


def test_duplicate_and_missing_doc_ids_become_issues(tmp_path):
    catalog = read_catalog(
        _catalog(
            tmp_path,
            "a,VNR,KEN,,2024,en,t,docs/a.pdf\n"
            "a,VNR,KEN,,2023,en,t,docs/a.pdf\n"
            ",VNR,KEN,,2023,en,t,docs/a.pdf\n"
            "bad id!,VNR,KEN,,2023,en,t,docs/a.pdf\n",
        )
    )
    assert [r.doc_id for r in catalog.rows] == ["a"]
    messages = [m for _, _, _, m in catalog.issues]
    assert len(messages) == 3
    assert "duplicate doc_id" in messages[0]


def test_sha256_mismatch_is_an_error(tmp_path):
    path = tmp_path / "c.csv"
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 fake")
    path.write_text(HEADER.strip() + ",sha256\n" + "a,VNR,KEN,,2024,en,t,a.pdf," + "0" * 64 + "\n")
    assert "sha256" in {f for f, _ in read_catalog(path).rows[0].errors}


def test_missing_columns_fail_the_whole_catalog(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("doc_id,file\na,a.pdf\n")
    with pytest.raises(CatalogError, match="lacks columns"):
        read_catalog(path)
