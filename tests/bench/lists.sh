# lists.sh: the archive at newsroom scale (ARCHIVE articles, 10,000 unless told; run.sh makes
# it once with genarchive): `list` streaming (first row, whole run, memory) and an open list
# screen on the "all" tab while 100 colleagues journal every second and save every ten
# (processor use and memory), and its memory against the same screen over 1,000 articles.
# Three runs of each. The targets are the project's own.
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T" LANG=C.UTF-8
n=${ARCHIVE:-10000} K="$BUILD/bench/keylat" WRITERS=${BENCH_WRITERS:-100} SECS=${BENCH_LIST_SECONDS:-20}
archive=${BENCH_ARCHIVE:-}
if [ -z "$archive" ]; then
	archive="$T/archive.db"
	"$BUILD/bench/genarchive" "$archive" "$n" >&2 || exit 1
fi
export TOASOAN_DB="$T/bench.db"
cp "$archive" "$TOASOAN_DB"
"$TOASOAN" list --limit 1 >/dev/null # the page cache warm, as on a working server

first=() whole=() mem=() sq=()
for r in 1 2 3; do
	s=$(date +%s%N); "$TOASOAN" list | head -n 1 >/dev/null; e=$(date +%s%N)
	first+=("$(( (e - s) / 1000000 ))")
	/usr/bin/time -f "%e %M" -o "$T/time" "$TOASOAN" list --json >/dev/null
	read -r secs kb <"$T/time"
	whole+=("$secs"); mem+=("$(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}')")
	s=$(date +%s%N)
	sqlite3 "$TOASOAN_DB" "SELECT id, title, state, author, updated_at FROM articles ORDER BY updated_at DESC" >/dev/null
	e=$(date +%s%N); sq+=("$(awk -v d=$(( (e - s) / 1000000 )) 'BEGIN {printf "%.2f", d / 1000}')")
done
row "list: first row, $n articles" ms "${first[*]}" target "50 50 50"
row "list --json: all $n articles" s "${whole[*]}" sqlite3 "${sq[*]}"
row "list --json: peak memory, $n articles" MB "${mem[*]}" - ""

cpu=() rss=()
for r in 1 2 3; do
	cp "$archive" "$TOASOAN_DB"; rm -f "$TOASOAN_DB-wal" "$TOASOAN_DB-shm"
	"$K" -w "C-q" -p '\e[D\e[D' -I "$SECS" -- "$TOASOAN" >"$T/screen" 2>/dev/null &
	sleep 3
	"$BUILD/bench/writers" "$TOASOAN_DB" "$WRITERS" $((SECS - 2)) >&2
	wait
	cat "$T/screen" >&2
	cpu+=("$(field cpu_pct <"$T/screen")")
	rss+=("$(field rss_kb <"$T/screen" | awk '{printf "%.1f", $1 / 1024}')")
done
row "list screen, $n articles, $WRITERS writers: processor" % "${cpu[*]}" target "2 2 2"
row "list screen, $n articles: memory" MB "${rss[*]}" target "16 16 16"

# The screen holds the rows in view, not the list: its memory at rest is the same for a small
# archive and for this one (the peer is the same screen over 1,000 articles).
# The big one is the copy the writers left; nothing at rest writes but a "seen" mark.
small_db="$T/small.db"
"$BUILD/bench/genarchive" "$small_db" 1000 >&2 || exit 1
big=() small=()
for r in 1 2 3; do
	for db in "$TOASOAN_DB" "$small_db"; do
		TOASOAN_DB=$db "$K" -w "C-q" -p '\e[D\e[D\e[F\e[H' -I 3 -- "$TOASOAN" >"$T/screen" \
			2>/dev/null
		kb=$(field rss_kb <"$T/screen" | awk '{printf "%.1f", $1 / 1024}')
		if [ "$db" = "$small_db" ]; then small+=("$kb"); else big+=("$kb"); fi
	done
done
row "list screen at rest after End and Home, $n articles: memory" MB "${big[*]}" \
	"1,000 articles" "${small[*]}"
