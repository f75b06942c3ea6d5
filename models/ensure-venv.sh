#!/usr/bin/env bash
# Makes models/.venv from requirements.txt when it is missing or the requirements changed.
set -euo pipefail
cd "$(dirname "$0")"
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet -r requirements.txt
  echo "$want" > "$stamp"
fi
