#!/usr/bin/env bash
# Set-up for a fresh Debian 12 machine, run as root (or with sudo).
#   bash .ci/setup.sh run    install what is missing, build, open the app on the bundled graph
#   bash .ci/setup.sh test   install what is missing, build, run the whole suite (under Xvfb when
#                            there is no display), then again in an AddressSanitizer+UBSan build
#                            with the libFuzzer targets (suite fuzz, 5 s each)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential pkg-config meson ninja-build
  libgtk-4-dev libadwaita-1-dev libigraph-dev libjson-glib-dev libxml2-dev libcairo2-dev zlib1g-dev
  libgraphviz-dev libcsv-dev
  fonts-nanum librsvg2-common shared-mime-info
  xvfb xauth x11-utils xdotool imagemagick librsvg2-bin poppler-utils
  clang libclang-rt-14-dev valgrind
  appstream desktop-file-utils gettext python3 python3-jsonschema
  graphviz
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

# Runs the whole suite in one build folder; one Xvfb around all of it when
# there is no display (starting one per test is flaky).
run_suite() {
  local dir=$1; shift
  if [ -n "${DISPLAY:-}" ]; then
    meson test -C "$dir" --print-errorlogs "$@"
  else
    xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C "$dir" --print-errorlogs "$@"
  fi
}

# meson's summary, and the plain "N passed, N failed" line CI reads; a
# skipped test is a failure here: every check must run.
summarise() {
  python3 - "$@" <<'PY'
import json, sys
passed = failed = 0
import glob
for log in [f for d in sys.argv[1:] for f in sorted(glob.glob(d + "/meson-logs/testlog*.json"))]:
    d = log
    for line in open(log):
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
            print("not passed: %s (%s) in %s" % (json.loads(line)["name"], r, d))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
}

case "${1:-}" in
  run)
    install_packages
    build build -Dwerror=true
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      meson devenv -C build ./src/app/consortia --export sovereign-ai-2025.png
      echo "No display here: wrote build/sovereign-ai-2025.png instead of opening the window."
      exit 0
    fi
    # as if installed: the bundled graph, the schema and the translations
    # of this checkout (meson.build, add_devenv)
    exec meson devenv -C build ./src/app/consortia
    ;;
  test)
    install_packages
    build build -Dwerror=true
    CC=clang build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true -Dfuzzing=true
    status=0
    # Two streams, one test at a time each, so both cores stay busy to the
    # end: the slow suite (100,000 nodes, no display) and then memcheck
    # over the display-free unit tests (tests/valgrind.supp); beside them,
    # everything with a display (one Xvfb at a time): the plain suite and
    # the sanitizer build's, where the same paths run on the smaller graphs
    # of the other suites. Each run keeps its own log (--logbase).
    (
      s=0
      meson test -C build --no-rebuild --suite slow --num-processes 1 --logbase testlog-slow \
        --print-errorlogs || s=1
      meson test -C build --no-rebuild --setup valgrind --suite unit --num-processes 1 \
        --print-errorlogs || s=1
      exit $s
    ) > build/slow-and-valgrind.log 2>&1 &
    background_pid=$!
    run_suite build --no-rebuild --no-suite slow --num-processes 1 || status=1
    run_suite build-asan --no-rebuild --no-suite slow --num-processes 1 || status=1
    wait "$background_pid" || status=1
    cat build/slow-and-valgrind.log
    summarise build build-asan || status=1
    exit $status
    ;;
  *)
    echo "usage: bash .ci/setup.sh run|test" >&2
    exit 2
    ;;
esac
