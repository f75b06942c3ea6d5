#!/usr/bin/env bash
# CI entry point of the Python pipeline: the venv (ensure-venv.sh), then the pytest suite on tiny
# synthetic data (a few minutes on 2 CPU cores). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
./ensure-venv.sh
OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}" exec .venv/bin/python -m pytest -q -p no:cacheprovider tests "$@"
