"""A warehouse session keeps one database open; connects inside it are cursors on it."""

import subprocess
import sys
import threading

import duckdb

from models import warehouse


def _other_process_can_write(path) -> bool:
    code = (
        "import duckdb, sys\n"
        "try:\n"
        "    duckdb.connect(sys.argv[1]).execute('SELECT 1').fetchone()\n"
        "except duckdb.IOException:\n"
        "    sys.exit(3)\n"
    )
    return subprocess.run([sys.executable, "-c", code, str(path)], timeout=120).returncode == 0


def test_session_shares_one_database_and_releases_it(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.session(path):
        with warehouse.connect(path) as con:
            con.execute("INSERT INTO runs (run_id, status) VALUES ('r1', 'success')")
        with warehouse.connect(path, read_only=True) as con:
            assert con.execute("SELECT count(*) FROM runs").fetchone() == (1,)
        with warehouse.session(path), warehouse.connect(path) as con:  # nested: free
            assert con.execute("SELECT run_id FROM runs").fetchall() == [("r1",)]
        # While the session is open this process holds DuckDB's file lock.
        assert not _other_process_can_write(path)
    assert _other_process_can_write(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (1,)
    finally:
        con.close()


def test_rolled_back_transaction_inside_a_session(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.session(path):
        try:
            with warehouse.connect(path) as con, warehouse.transaction(con):
                con.execute("INSERT INTO runs (run_id, status) VALUES ('r1', 'success')")
                raise RuntimeError("crash mid-document")
        except RuntimeError:
            pass
        with warehouse.connect(path) as con:
            assert con.execute("SELECT count(*) FROM runs").fetchone() == (0,)


def test_threads_share_a_session_without_losing_rows(tmp_path):
    path = tmp_path / "w.duckdb"
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            with warehouse.session(path):
                for i in range(30):
                    with warehouse.connect(path) as con, warehouse.transaction(con):
                        con.execute(
                            "INSERT INTO runs (run_id, status) VALUES (?, 'success')",
                            [f"{prefix}{i}"],
                        )
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with warehouse.connect(path, read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT run_id) FROM runs").fetchone() == (60,)


def test_session_creates_the_warehouse_folder(tmp_path):
    # A fresh clone has no data/warehouse/: the first run must create it.
    path = tmp_path / "not" / "yet" / "w.duckdb"
    with warehouse.session(path), warehouse.connect(path) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (0,)
    assert path.is_file()
