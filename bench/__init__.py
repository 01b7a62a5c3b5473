"""Scale benchmark: bench/run.py generates, loads, times queries and page renders; writes docs/benchmarks.md."""
