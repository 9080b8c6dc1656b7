#!/usr/bin/env bash
# Debian packages the test suite needs. Idempotent: installs only what is missing.
#   gnumeric        – ssconvert, the spreadsheet engine used as an oracle for the cash flow
#   redis-server    – the BullMQ job queue of distributed Monte Carlo runs (tests start one on loopback)
#   chromium        – headless browser for the end-to-end UI tests and the PDF report
#   patch           – applies the unified diffs of the scenario store's diff test
set -euo pipefail
need=()
command -v ssconvert >/dev/null 2>&1 || need+=(gnumeric)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v patch >/dev/null 2>&1 || need+=(patch)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install ${need[*]}"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
