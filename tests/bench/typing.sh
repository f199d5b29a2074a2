# typing.sh: the editor against nano and vim -u NONE in the same pseudo-terminal (120x40):
# keystrokes typed one at a time at the end of a 500, 5,000 and 50,000-word article (each
# timed from its write to the last byte of the screen update), the same in the middle of the
# 50,000-word one, the longest stall, and opening
# a 10,000-word article (time to the first full screen, memory). Keystrokes in rounds (below),
# opening in three runs.
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="$T/bench.db" XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T" LANG=C.UTF-8
K="$BUILD/bench/keylat" KEYS=${BENCH_KEYS:-120}
"$TOASOAN" init >/dev/null
declare -A id
for w in 500 5000 50000 10000; do
	article "$w" "$T/a$w.txt"
	sed -n '3,$p' "$T/a$w.txt" >"$T/p$w.txt"
	id[$w]=$("$TOASOAN" import "$T/a$w.txt" 2>/dev/null)
done
cp "$T/bench.db" "$T/clean.db"
fresh() { cp "$T/clean.db" "$T/bench.db"; rm -f "$T/bench.db-wal" "$T/bench.db-shm"; }
have_nano=$(command -v nano || true) have_vim=$(command -v vim || true)

# runs OUT KEYLAT-ARGS...: three runs, one keylat line each, into OUT
runs() {
	local out=$1; shift
	: >"$out"
	for r in 1 2 3; do fresh; "$K" "$@" >>"$out" 2>/dev/null; done
	cat "$out" >&2
}
# one OUT KEYLAT-ARGS...: one more run, its keylat line added to OUT
one() {
	local out=$1; shift
	fresh; "$K" "$@" >>"$out" 2>/dev/null
}
vals() { field "$1" <"$2" | tr '\n' ' '; }

# Keystrokes are timed in rounds, each round typing once in toasoan, nano and vim in turn: on
# a shared host one process runs up to half again as fast as the next, so three runs of one
# program then three of the next compare the host's moments as much as the editors. The
# median of ROUNDS rounds takes both kinds of moment for every editor alike.
ROUNDS=${BENCH_TYPING_ROUNDS:-7}
goto_end='\e[1;5F' # C-End: the end of the body
for w in 500 5000 50000; do
	: >"$T/t$w"; : >"$T/n$w"; : >"$T/v$w"
	for r in $(seq "$ROUNDS"); do
		one "$T/t$w" -n "$KEYS" -p "$goto_end" -- "$TOASOAN" edit "${id[$w]}"
		[ -n "$have_nano" ] && one "$T/n$w" -n "$KEYS" -p '\e/' -- nano --ignorercfiles "$T/p$w.txt"
		[ -n "$have_vim" ] && one "$T/v$w" -n "$KEYS" -p 'GA' -- vim -u NONE -n "$T/p$w.txt"
	done
	cat "$T/t$w" "$T/n$w" "$T/v$w" >&2
	row "keystroke p50, $w words ($ROUNDS rounds)" ms "$(vals p50_ms "$T/t$w")" nano "$(vals p50_ms "$T/n$w" 2>/dev/null)"
	row "keystroke p50, $w words ($ROUNDS rounds)" ms "$(vals p50_ms "$T/t$w")" vim "$(vals p50_ms "$T/v$w" 2>/dev/null)"
	[ "$w" = 5000 ] && row "keystroke p99, $w words ($ROUNDS rounds)" ms "$(vals p99_ms "$T/t$w")" target "2 2 2"
	row "longest keystroke, $w words ($ROUNDS rounds)" ms "$(vals max_ms "$T/t$w")" nano "$(vals max_ms "$T/n$w" 2>/dev/null)"
done

# The same in the middle of the article: a sentence typed at the start of its middle
# paragraph, reached with go-to-line (C-_ in both), so the text after the cursor is half the
# article (an editor that moves it on every key shows it here, not at the end).
w=50000
mid=$(( $(wc -l <"$T/p$w.txt") / 2 | 1 )) # an odd line: a paragraph, not a blank line
goto_mid="\\x1f$mid\\r"
: >"$T/tm$w"; : >"$T/nm$w"
for r in $(seq "$ROUNDS"); do
	one "$T/tm$w" -n "$KEYS" -p "$goto_mid" -- "$TOASOAN" edit "${id[$w]}"
	[ -n "$have_nano" ] && one "$T/nm$w" -n "$KEYS" -p "$goto_mid" -- nano --ignorercfiles "$T/p$w.txt"
done
cat "$T/tm$w" "$T/nm$w" >&2
row "keystroke p50, mid-article, $w words ($ROUNDS rounds)" ms "$(vals p50_ms "$T/tm$w")" nano "$(vals p50_ms "$T/nm$w" 2>/dev/null)"
row "longest keystroke, mid-article, $w words ($ROUNDS rounds)" ms "$(vals max_ms "$T/tm$w")" nano "$(vals max_ms "$T/nm$w" 2>/dev/null)"

# Opening: the first full screen (the key bar, the file name, the help line) and the memory.
runs "$T/to" -n 0 -w "F1" -- "$TOASOAN" edit "${id[10000]}"
[ -n "$have_vim" ] && runs "$T/vo" -n 0 -w "p10000.txt" -- vim -u NONE -n "$T/p10000.txt"
row "open a 10,000-word article" ms "$(vals open_ms "$T/to")" vim "$(vals open_ms "$T/vo" 2>/dev/null)"
kb_mb() { field rss_kb <"$1" | awk '{printf "%.1f ", $1 / 1024}'; }
row "editor memory, 10,000-word article" MB "$(kb_mb "$T/to")" vim "$(kb_mb "$T/vo" 2>/dev/null)"
