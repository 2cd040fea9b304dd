#!/usr/bin/env bash
# End-to-end check of the example plugins, through the CLI only.
#
# Run in an environment where govreport is installed (pip install -e .).  It
# installs both example plugins, runs their tests, renders the suggestions
# example to txt/docx/html/md and checks the new subsection is in each, then
# uninstalls the suggestions plugin and checks the same file is refused with
# the unknown-extension error.  Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLE=examples/plugins/shuangpu-2024-suggestions.yaml
TITLE="人大代表建议和政协提案办理结果公开情况"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== install the example plugins"
pip install -q ./plugins/govreport-markdown ./plugins/govreport-suggestions

echo "== their own tests"
(cd plugins/govreport-markdown && python -m pytest -q -p no:cacheprovider)
(cd plugins/govreport-suggestions && python -m pytest -q -p no:cacheprovider)

echo "== govreport plugins lists them with versions"
unset GOVREPORT_DISABLE_PLUGIN_AUTOLOAD
listing=$(govreport plugins)
grep -Eq '^  markdown 0\.[0-9.]+ \[entry point\]' <<<"$listing" || fail "markdown not listed: $listing"
grep -Eq '^  suggestions 0\.[0-9.]+ \[entry point\]' <<<"$listing" || fail "suggestions not listed"

echo "== render txt, docx, html, md"
govreport validate "$EXAMPLE"
govreport render "$EXAMPLE" -f txt -f docx -f html -f md -o "$out"
stem=$(basename "$EXAMPLE" .yaml)
grep -q "（一）$TITLE" "$out/$stem.txt" || fail "subsection missing from txt"
grep -q "$TITLE" "$out/$stem.html" || fail "subsection missing from html"
grep -q "### （一）$TITLE" "$out/$stem.md" || fail "subsection missing from md"
python - "$out/$stem.docx" "$TITLE" <<'PY' || fail "subsection missing from docx"
import sys
from govreport.testing import DocxXml
paragraphs = DocxXml(open(sys.argv[1], "rb").read()).paragraph_texts()
sys.exit(0 if f"（一）{sys.argv[2]}" in paragraphs else 1)
PY
echo "subsection present in txt, docx, html, md"

echo "== without the plugin the same file is refused"
pip uninstall -q -y govreport-suggestions
set +e
err=$(govreport validate "$EXAMPLE" 2>&1)
code=$?
set -e
[ "$code" -eq 1 ] || fail "validate exited $code, expected 1: $err"
grep -q 'D1' <<<"$err" || fail "no D1 finding: $err"
grep -q '未知的扩展 “suggestions”' <<<"$err" || fail "no unknown-extension message: $err"
set +e
govreport render "$EXAMPLE" -f txt -o "$out/again" >/dev/null 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || fail "render exited $code, expected 1"
echo "unknown-extension error: $(grep -m1 '未知的扩展' <<<"$err")"

echo "== reinstall (leave the environment as found)"
pip install -q ./plugins/govreport-suggestions
echo "plugins e2e: OK"
