#!/usr/bin/env bash
# Debian packages the test suite needs. Idempotent: installs only what is missing.
#   gnumeric        – ssconvert, the spreadsheet engine used as an oracle for the cash flow
set -euo pipefail
need=()
command -v ssconvert >/dev/null 2>&1 || need+=(gnumeric)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install ${need[*]}"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
