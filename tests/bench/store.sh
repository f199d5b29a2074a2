# store.sh: the database under the full load: 50 processes each saving every second for a
# minute (BENCH_SECONDS to change), plus a shared article they all race on.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="$T/bench.db" XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T"
procs=${BENCH_PROCS:-50} secs=${BENCH_SECONDS:-60}
"$TOASOAN" init >/dev/null
for i in $(seq 1 $((procs + 1))); do "$TOASOAN" new --title "Bài $i" >/dev/null; done
echo "savers: $procs processes x $secs saves, one a second, into one SQLite file"
"$BUILD/tools/savers" "$TOASOAN_DB" "$procs" "$secs" 1000 | tee "$T/savers"
cd "$(dirname "$0")/../.." && . tests/bench/lib.sh
for k in errors lost; do
	row "store: $procs sessions saving every second: $k" "" \
		"$(tr ' ' '\n' <"$T/savers" | sed -n "s/^$k=//p")" target "0"
done
