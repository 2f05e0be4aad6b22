#!/usr/bin/env bash
# Fuzz the newspage reader for a bounded time (default 300 s). Seeds: the sample page and
# its pieces; crashes land in fuzz/crashes/ and become regression tests (test_reliability.py).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
python - "$corpus" <<'PY'
import sys, pathlib
page = pathlib.Path("samples/page.txt").read_bytes()
out = pathlib.Path(sys.argv[1])
(out / "page").write_bytes(page)
for i, block in enumerate(page.split(b"\n\n")[:60]):
    (out / f"block{i:03d}").write_bytes(block)
PY
python fuzz/fuzz_newspage.py -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 \
    -artifact_prefix=fuzz/crashes/ "$corpus"
