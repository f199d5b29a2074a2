# paste.sh: a 2 MB bracketed paste into the editor against nano, in the same pseudo-terminal:
# the time to the last byte drawn, and the memory it took above what the editor held before
# (the target: at most three times the pasted size). Three runs of each.
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="$T/bench.db" XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T" LANG=C.UTF-8
K="$BUILD/bench/keylat" BYTES=${BENCH_PASTE_BYTES:-2000000}
"$TOASOAN" init >/dev/null
article 500 "$T/a.txt"
sed -n '3,$p' "$T/a.txt" >"$T/p.txt"
id=$("$TOASOAN" import "$T/a.txt" 2>/dev/null)
article $((BYTES / 5)) "$T/big.txt"
sed -n '3,$p' "$T/big.txt" | LC_ALL=C awk -v max="$BYTES" '{n += length($0) + 1; print; if (n >= max) exit}' >"$T/paste.txt"
cp "$T/bench.db" "$T/clean.db"
for r in 1 2 3; do
	cp "$T/clean.db" "$T/bench.db"; rm -f "$T/bench.db-wal" "$T/bench.db-shm"
	timeout 300 "$K" -P "$T/paste.txt" -p '\x0c999999\r\e[F' -- "$TOASOAN" edit "$id" >>"$T/t" 2>/dev/null
	command -v nano >/dev/null &&
		timeout 300 "$K" -P "$T/paste.txt" -p '\e/' -- nano --ignorercfiles "$T/p.txt" >>"$T/n" 2>/dev/null
done
cat "$T/t" "$T/n" >&2 2>/dev/null
secs() { field paste_ms <"$1" | awk '{printf "%.2f ", $1 / 1000}'; }
above() { awk '{for (i = 1; i < NF; i++) { if ($i == "hwm_kb") h = $(i + 1); if ($i == "base_kb") b = $(i + 1) }
	printf "%.1f ", (h - b) / 1024}' "$1"; }
mb=$(awk -v b="$(stat -c %s "$T/paste.txt")" 'BEGIN {printf "%.1f", b / 1048576}')
row "paste $mb MB (bracketed)" s "$(secs "$T/t")" nano "$(secs "$T/n" 2>/dev/null)"
t3=$(awk -v m="$mb" 'BEGIN {printf "%.1f", 3 * m}')
row "paste $mb MB: memory above the open editor" MB "$(above "$T/t")" target "$t3 $t3 $t3"
row "paste $mb MB: memory above the open editor" MB "$(above "$T/t")" nano "$(above "$T/n" 2>/dev/null)"
