#!/usr/bin/env bash
# Everything the tests need on a fresh Debian machine: Debian's chromium (for the browser tests; Playwright's
# own browser download is not used) and the project with its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install -q -e ".[test,dask]"  # dask: the cluster tests run a real LocalCluster
