#!/usr/bin/env bash
# Sets entente up on Debian 12: installs the missing packages, builds, and runs.
#   ./setup.sh          install, build a Release binary, run the main job on the embedded dataset
#   ./setup.sh --test   the same, then every test: the Release build's and an ASan+UBSan build's,
#                       and a one-minute libFuzzer run of each fuzz target (clang)
set -euo pipefail
cd "$(dirname "$0")"

mode=run
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "setup.sh: unknown option '$1' (try --help)" >&2; exit 1 ;;
esac

packages=(cmake g++ make pkg-config libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
          libicu-dev doctest-dev libcli11-dev coinor-libcbc-dev libexpat1-dev libcpp-httplib-dev)
# The tests also check drawings with an XML parser, build the fuzz targets with clang, run a
# few checks in Python, and build and test the Python module (pybind11; pandas, NetworkX,
# matplotlib for the notebook example; sqlite3 runs the SQL `entente import events --emit-sql`
# writes; chromium drives `entente serve`'s page headless through chromium-driver and selenium).
[ "$mode" = test ] && packages+=(libxml2-utils clang libclang-rt-14-dev python3 python3-networkx python3-igraph
                                python3-scipy pybind11-dev python3-dev python3-pytest
                                python3-pandas python3-matplotlib sqlite3
                                chromium chromium-driver python3-selenium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup.sh: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: run as root to install packages" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
tests=OFF
[ "$mode" = test ] && tests=ON

# The test pass also builds the Python module (build/release/python/entente) and runs its pytest.
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_TESTS=$tests \
      -DENTENTE_PYTHON=$tests >/dev/null
cmake --build build/release -j "$jobs"

# The main job on the embedded dataset: check it, then who aligns with whom among the states,
# and how Russia and Pakistan align, with the claims behind it, drawn into russia-pakistan.svg.
./build/release/src/entente validate
./build/release/src/entente align --matrix
./build/release/src/entente align russia pakistan --diagram build/russia-pakistan.svg

if [ "$mode" = test ]; then
  ctest --test-dir build/release --output-on-failure -j "$jobs"
  # No Python module here: a sanitized extension loads into python only with the ASan runtime
  # preloaded (LD_PRELOAD), and python's own allocations would then be reported too; the
  # module's C++ is the library and the CLI's JSON code, which this build's tests cover.
  cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DENTENTE_SANITIZE=ON \
        -DENTENTE_BUILD_TESTS=ON -DENTENTE_PYTHON=OFF >/dev/null
  cmake --build build/sanitize -j "$jobs"
  ctest --test-dir build/sanitize --output-on-failure -j "$jobs"
  # libFuzzer needs clang; the fuzz build is ASan+UBSan too, and any crash fails the run.
  cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DENTENTE_FUZZ=ON >/dev/null
  cmake --build build/fuzz -j "$jobs" --target fuzz_loader fuzz_assume fuzz_compiled entente
  tests/fuzz/smoke.sh build/fuzz 60
fi
