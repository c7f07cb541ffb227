#!/usr/bin/env bash
# Refetch the vendored front-end files from the npm registry (with the ordinary npm client) and
# check them against SHA256SUMS. We never reference a CDN: the portal must work on a closed network.
#   bash static/vendor/fetch.sh           fetch, then verify against SHA256SUMS
#   bash static/vendor/fetch.sh --update  fetch and rewrite SHA256SUMS (after a deliberate upgrade)
set -euo pipefail
cd "$(dirname "$0")"

BOOTSTRAP=bootstrap@5.3.9
HTMX=htmx.org@2.0.11
CHARTJS=chart.js@4.6.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unpack() {  # unpack <package@version> -> prints the unpacked folder
    local dir="$work/$1"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
    echo "$dir/package"
}

pkg=$(unpack "$BOOTSTRAP")
mkdir -p bootstrap
cp "$pkg/dist/css/bootstrap.min.css" "$pkg/dist/css/bootstrap.min.css.map" bootstrap/
cp "$pkg/dist/js/bootstrap.bundle.min.js" "$pkg/dist/js/bootstrap.bundle.min.js.map" bootstrap/
cp "$pkg/LICENSE" bootstrap/LICENSE

pkg=$(unpack "$HTMX")
mkdir -p htmx
cp "$pkg/dist/htmx.min.js" htmx/
cp "$pkg/LICENSE" htmx/LICENSE

pkg=$(unpack "$CHARTJS")
mkdir -p chartjs
cp "$pkg/dist/chart.umd.min.js" chartjs/ 2>/dev/null || cp "$pkg/dist/chart.umd.js" chartjs/chart.umd.min.js
# The minified file names its source map; collectstatic's hashed storage fails without it.
cp "$pkg/dist/chart.umd.min.js.map" chartjs/
cp "$pkg/LICENSE.md" chartjs/LICENSE.md

if [[ "${1:-}" == "--update" ]]; then
    find bootstrap htmx chartjs -type f | sort | xargs sha256sum > SHA256SUMS
    echo "Wrote SHA256SUMS"
else
    sha256sum --check --quiet SHA256SUMS && echo "Vendored files match SHA256SUMS"
fi
