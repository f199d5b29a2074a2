#!/usr/bin/env bash
# run.sh BUILD: every benchmark in tests/bench, then one table of their figures. Benchmarks
# print figures; they never fail the build. Each figure is a ratio against a peer run in the
# same bench (or the project's own target), min/median of three runs.
#
# A script adds rows to the table by printing "ROW<TAB>figure<TAB>toasoan<TAB>peer<TAB>ratio"
# lines (lib.sh's `row` does it); the rest of its output is shown as it runs.
# ARCHIVE=N (default 10000) sets the size of the generated archive the scripts share.
set -u
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 BUILD="$PWD/$1" TOASOAN="$PWD/$1/toasoan" ARCHIVE=${ARCHIVE:-10000}
rows=$(mktemp); trap 'rm -f "$rows"' EXIT
# The shared archive, made once per size (with the generator it was made by).
export BENCH_ARCHIVE="$BUILD/bench/archive-$ARCHIVE.db"
if [ ! -f "$BENCH_ARCHIVE" ] || [ "$BUILD/bench/genarchive" -nt "$BENCH_ARCHIVE" ]; then
	rm -f "$BENCH_ARCHIVE"
	echo "== archive: $ARCHIVE articles"
	"$BUILD/bench/genarchive" "$BENCH_ARCHIVE" "$ARCHIVE" || rm -f "$BENCH_ARCHIVE"
fi
for b in tests/bench/*.sh; do
	case $b in tests/bench/run.sh|tests/bench/lib.sh) continue ;; esac
	[ -n "${BENCH_ONLY:-}" ] && [ "$(basename "$b" .sh)" != "$BENCH_ONLY" ] && continue
	echo "== $(basename "$b" .sh)"
	bash "$b" 2>&1 | tee -a "$rows" | grep -v '^ROW	'
	[ "${PIPESTATUS[0]}" = 0 ] || echo "(benchmark $(basename "$b") stopped early)"
done
echo
echo "== figures (min / median of 3 runs, or of the rounds a figure names; ratio = toasoan's median / the peer's)"
grep '^ROW	' "$rows" | cut -f2- |
	awk -F'\t' 'BEGIN {printf "%-52s %-22s %-26s %s\n", "figure", "toasoan", "peer", "ratio"}
		{printf "%-52s %-22s %-26s %s\n", $1, $2, $3, $4}'
