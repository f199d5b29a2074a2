#!/usr/bin/env bash
# run.sh BUILD: every benchmark in tests/bench. Benchmarks print figures; they never fail
# the build. Figures are ratios against a reference run in the same process where one exists.
set -u
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 BUILD="$PWD/$1" TOASOAN="$PWD/$1/toasoan"
for b in tests/bench/*.sh; do
	[ "$b" = tests/bench/run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	bash "$b" || echo "(benchmark $(basename "$b") stopped early)"
done
