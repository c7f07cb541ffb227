#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright may not download browsers here) and need fonts
# with Vietnamese glyphs. Install them when missing; do nothing when they are there.
set -euo pipefail
needed=()
[[ -x /usr/bin/chromium ]] || needed+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || needed+=(fonts-dejavu-core)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || needed+=(fonts-liberation2)
if ((${#needed[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing ${needed[*]} for the browser tests"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
fi
