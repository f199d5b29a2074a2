#!/usr/bin/env bash
# Runs every test against each build folder given (build/plain, build/asan) and prints one
# closing line "N passed, N failed". Each unit test program prints Check's summary; each
# shell test prints "ok ..." / "FAIL ..." lines; this script only counts.
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0 failed=0 skipped=0
out=tests/out
rm -rf "$out"; mkdir -p "$out"

count_check() { # $1 = log, $2 = exit code
	local line n f e
	line=$(grep -E '^[0-9]+%: Checks: ' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		failed=$((failed + 1)); echo "FAIL $1: no summary (exit $2)"; tail -n 20 "$1"; return
	fi
	n=$(sed -E 's/.*Checks: ([0-9]+).*/\1/' <<<"$line")
	f=$(sed -E 's/.*Failures: ([0-9]+).*/\1/' <<<"$line")
	e=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$line")
	passed=$((passed + n - f - e)); failed=$((failed + f + e))
	if [ $((f + e)) -gt 0 ] || [ "$2" != 0 ]; then
		grep -E ':[EF]:' "$1" | head -n 20
		[ "$2" != 0 ] && [ $((f + e)) = 0 ] && { failed=$((failed + 1)); echo "FAIL $1: exit $2"; tail -n 20 "$1"; }
	fi
}

count_script() { # $1 = log, $2 = exit code
	local p f
	p=$(grep -c '^ok ' "$1"); f=$(grep -c '^FAIL ' "$1")
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + $(grep -c '^skip ' "$1")))
	grep '^skip ' "$1" | sed 's/^/   /'
	grep -A6 '^FAIL ' "$1" | head -n 60
	if [ "$2" != 0 ] && [ "$f" = 0 ]; then
		failed=$((failed + 1)); echo "FAIL $1: exit $2"; tail -n 20 "$1"
	fi
}

for b in "$@"; do
	tag=$(basename "$b")
	echo "== $tag"
	for t in "$b"/tests/test_*; do
		[ -x "$t" ] || continue
		log="$out/$tag-$(basename "$t").log"
		"$t" >"$log" 2>&1; rc=$?
		count_check "$log" "$rc"
		printf '   %-28s %s\n' "$(basename "$t")" "$(grep -E '^[0-9]+%: ' "$log" | tail -n 1)"
	done
	for s in tests/cli/*.sh tests/screen/*.sh tests/ssh/*.sh; do
		[ -f "$s" ] || continue
		[ "$(basename "$s")" = lib.sh ] && continue
		# Screen tests run on both builds: the curses layer is where memory mistakes hide.
		# SCREEN_ASAN=0 skips them on the sanitizer build.
		case "$s" in tests/screen/*) [ "$tag" = asan ] && [ "${SCREEN_ASAN:-1}" != 1 ] && continue;; esac
		log="$out/$tag-$(basename "$(dirname "$s")")-$(basename "$s" .sh).log"
		TOASOAN="$PWD/$b/toasoan" BUILD="$PWD/$b" bash "$s" >"$log" 2>&1; rc=$?
		count_script "$log" "$rc"
		printf '   %-28s %s ok, %s failed\n' "${s#tests/}" "$(grep -c '^ok ' "$log")" "$(grep -c '^FAIL ' "$log")"
	done
done
# Fuzz targets: replay the saved corpus, then explore briefly (FUZZ_SECONDS each).
if [ -d build/fuzz/fuzz ]; then
	echo "== fuzz"
	for f in build/fuzz/fuzz/fuzz_*; do
		[ -x "$f" ] || continue
		name=${f##*/fuzz_}
		seeds=tests/fuzz/corpus/$name
		work=$(mktemp -d)
		log="$out/fuzz-$name.log"
		if [ -d "$seeds" ] && "$f" -runs=0 "$seeds" >"$log" 2>&1 &&
			"$f" -max_total_time="${FUZZ_SECONDS:-5}" -timeout=10 -rss_limit_mb=2048 "$work" $( [ -d "$seeds" ] && echo "$seeds") >>"$log" 2>&1; then
			passed=$((passed + 1)); printf '   %-28s ok\n' "fuzz_$name"
		else
			failed=$((failed + 1)); echo "FAIL fuzz_$name"; tail -n 30 "$log"
			# keep the crashing input next to the log
			mv crash-* leak-* timeout-* "$out/" 2>/dev/null
		fi
		rm -rf "$work"
	done
fi
if [ "$skipped" = 0 ]; then
	echo "$passed passed, $failed failed"
else
	echo "$passed passed, $failed failed, $skipped skipped"
fi
[ "$failed" = 0 ]
