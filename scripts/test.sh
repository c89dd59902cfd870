#!/usr/bin/env bash
# Install (if needed), lint, and run the whole test suite. CI runs exactly this.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit $?
.venv/bin/ruff check . || exit $?
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
