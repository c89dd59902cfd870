"""vlrlink benchmarks: speed and memory as ratios against baselines measured in the same run.

Run `.venv/bin/python -m benchmarks --size small|full` (or `vlrlink bench`). Results are printed
as a table and written as JSON to benchmarks/results/ (git-ignored).
"""
