# spell_news.sh: the checker on natural news text, when the shared news corpus is on this
# machine: its held-out articles (never trained on; real paragraphs, each once, full of names
# and foreign words). Prints, as CPU time in the same run: throughput against
# `hunspell -d vi_VN -l` on the same megabyte, suggestions included; check time against size
# (10 KB .. 4 MB), each size as a fresh checker's first check and warm (after other text,
# its words forgotten), with the fixed cost of a first check after loading printed apart;
# the same sizes as the instructions each check executes, counted (a figure the machine's
# caches and page faults do not move);
# the language model's load and lookup cost; and the start of
# `toasoan spell` with 5 million published pairs in the database against none; and the
# same sizes checked by `toasoan spell` as a user runs it, a new process each time. Never
# fails the build.
set -u
cd "$(dirname "$0")/../.."
: "${BUILD:=build/plain}" "${TOASOAN:=$BUILD/toasoan}"
corpus=""
for c in "${TOASOAN_CORPUS:-}" ../shared/corpus/vi-news.tar.xz ../../shared/corpus/vi-news.tar.xz; do
	if [ -n "$c" ] && [ -f "$c" ]; then corpus=$c; break; fi
done
if [ -z "$corpus" ]; then
	echo "skip: the shared news corpus is not here (set TOASOAN_CORPUS to vi-news.tar.xz)"
	exit 0
fi
. tests/bench/lib.sh
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/c"
tar -xJf "$corpus" -C "$T/c"
python3 dict/build/build_model.py "$T/c" --heldout "$T/held" --split-only 2>/dev/null
cat "$T"/held/test/*.txt "$T"/held/dev/*.txt | awk '!seen[$0]++' | head -c 4200000 >"$T/news.txt"
head -c 1000000 "$T/news.txt" | sed '$d' >"$T/1mb.txt"
cpu() { /usr/bin/time -f '%U %S' -o "$T/time" "$@" >/dev/null 2>&1; tail -n 1 "$T/time" | awk '{print $1 + $2}'; }
bytes=$(wc -c <"$T/1mb.txt")
runs=$(for i in 1 2 3; do cpu "$TOASOAN" spell --json "$T/1mb.txt"; done)
ours=$(minimum <<<"$runs")
if command -v hunspell >/dev/null && [ -f /usr/share/hunspell/vi_VN.dic ]; then
	theirs=$(cpu sh -c "hunspell -d vi_VN -l <'$T/1mb.txt'")
else
	theirs=""
fi
awk -v b="$bytes" -v o="$ours" -v t="$theirs" 'BEGIN {
	printf "natural news: %.2f MB of held-out articles\n", b / 1e6
	printf "toasoan spell --json: %7.2f s CPU %8.2f MB/s (every rule, suggestions; best of 3)\n", o, b / 1e6 / o
	if (t != "") {
		printf "hunspell -d vi_VN -l: %7.2f s CPU %8.2f MB/s\n", t, b / 1e6 / t
		printf "ratio: %.0fx hunspell\n", t / o
	} else print "hunspell: not installed, no ratio"
}'
if [ -n "$theirs" ]; then
	row "spell: 1 MB of natural news, CPU (the peer: one run)" s "$runs" "hunspell -d vi_VN -l" "$theirs"
fi
"$BUILD/tools/spell_bench" --dict dict --sizes "$T/news.txt" | tee "$T/sizes"
# The project's target: each size's time per MB within 1.5 times the largest's.
sed -nE 's/^rounds +[0-9]+ bytes: fresh ([0-9. ]+) \| warm ([0-9. ]+)$/\1|\2/p' "$T/sizes" |
	paste -d '|' - <(printf '%s\n' "10 KB" "100 KB" "1 MB") |
	while IFS='|' read -r fresh warm size; do
		[ -n "$size" ] || continue
		row "spell: $size check, time per MB / 4 MB's (fresh, 9 rounds)" x "$fresh" target "1.5"
		row "spell: $size check, time per MB / 4 MB's (warm, 9 rounds)" x "$warm" target "1.5"
	done
# The same sizes as work: the instructions a fresh checker's first check executes, counted
# inside spell_check_paragraph, per byte against the 4 MB check's. The count does not move
# with the machine's caches or its page faults, which the time rows above carry whole.
if command -v valgrind >/dev/null; then
	per_byte() { # BYTES: "instructions bytes" of one check
		local out="$T/cg.$1" checked
		checked=$(valgrind -q --tool=callgrind --toggle-collect=spell_check_paragraph \
			--callgrind-out-file="$out" "$BUILD/tools/spell_bench" --dict dict \
			--once "$1" "$T/news.txt" 2>/dev/null | sed -nE 's/^checked ([0-9]+) bytes.*/\1/p')
		echo "$(sed -nE 's/^totals: ([0-9]+)$/\1/p' "$out") $checked"
	}
	read -r bins bbytes <<<"$(per_byte 4000000)"
	for size in "10000 10 KB" "100000 100 KB" "1000000 1 MB" "4000000 4 MB"; do
		set -- $size
		if [ "$1" = 4000000 ]; then ins=$bins bytes=$bbytes; else read -r ins bytes <<<"$(per_byte "$1")"; fi
		read -r per ratio < <(awk -v i="$ins" -v b="$bytes" -v bi="$bins" -v bb="$bbytes" \
			'BEGIN { if (b && bi) printf "%.0f %.2f\n", i / b, (i / b) / (bi / bb) }')
		echo "counted: check of $bytes bytes: $ins instructions, $per per byte, ${ratio}x the 4 MB check's"
		[ "$1" = 4000000 ] || row "spell: $2 $3 check, instructions per byte / 4 MB's" x "$ratio" target "1.5"
	done
else
	echo "counted: valgrind is not installed, so the checker's work per byte is not counted"
fi
# A user's whole run: a new process each time, its start and loading included (CPU).
python3 - "$TOASOAN" "$T" <<'PY'
import os, resource, subprocess, sys
exe, tmp = sys.argv[1], sys.argv[2]
env = dict(os.environ, XDG_CONFIG_HOME=tmp + "/proc", XDG_DATA_HOME=tmp + "/proc", HOME=tmp)
def cpu(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime,
            r1.ru_minflt - r0.ru_minflt)
text = open(os.path.join(tmp, "news.txt"), "rb").read()
for want in (0, 10000, 100000, 1000000, 4000000):
    cut = text[:want]
    if want:
        cut = cut[:cut.rfind(b"\n") + 1]
    path = os.path.join(tmp, "proc.txt")
    open(path, "wb").write(cut)
    runs = [cpu([exe, "spell", "--json", path]) for _ in range(7 if want < 1000000 else 3)]
    best = min(runs)
    print("toasoan spell --json of %7d bytes, a new process: %7.1f ms CPU, %5d page faults (best of %d)"
          % (len(cut), best[0] * 1e3, best[1], len(runs)))
PY
"$BUILD/tools/spell_bench" --dict dict --lookups "$T/news.txt"

# Start with a newsroom archive of 5 million published pairs: nothing is loaded at start.
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T"
head -c 2000 "$T/news.txt" | sed '$d' >"$T/small.txt"
"$TOASOAN" --db "$T/big.db" init >/dev/null 2>&1
sqlite3 "$T/big.db" "WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < 5000000)
	INSERT INTO bigrams(pair, n) SELECT 'a' || (x % 7919) || ' b' || x, 1 + x % 40 FROM k;"
pairs=$(sqlite3 "$T/big.db" "SELECT count(*) FROM bigrams")
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
"$TOASOAN" --db "$T/empty.db" init >/dev/null 2>&1
for f in /dev/null "$T/small.txt"; do
	withs=$(for i in 1 2 3; do wall "$TOASOAN" --db "$T/big.db" spell "$f"; done)
	with=$(minimum <<<"$withs")
	without=$(for i in 1 2 3; do wall "$TOASOAN" --db "$T/empty.db" spell "$f"; done | minimum)
	echo "spell $( [ "$f" = /dev/null ] && echo "of nothing (the start)" || echo "of 2 KB"): $with ms with $pairs published pairs, $without ms with none (best of 3)"
	if [ "$f" = /dev/null ]; then
		row "spell: start with $pairs published pairs (wall)" ms "$withs" target 50
	fi
done
