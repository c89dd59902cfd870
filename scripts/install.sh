#!/usr/bin/env bash
# Create .venv and install vlrlink with its dependencies. Safe to rerun: it only reinstalls
# when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
python_bin=${PYTHON:-$(command -v python3.11 || command -v python3)}
if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "vlrlink needs Python 3.11 (found $("$python_bin" --version 2>&1)); set PYTHON=..." >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
stamp=.venv/.vlrlink-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing vlrlink into .venv (first time: a few minutes)..." >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  # torch first and pinned: pip takes the local CPU wheel; unpinned it would pull a CUDA build.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check torch==2.13.0
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  echo "$want" > "$stamp"
fi
export DAGSTER_HOME=${DAGSTER_HOME:-$PWD/data/dagster_home}
mkdir -p "$DAGSTER_HOME"
[ -e "$DAGSTER_HOME/dagster.yaml" ] || cp dagster.yaml "$DAGSTER_HOME/dagster.yaml"
