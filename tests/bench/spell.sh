# spell.sh: the checker's throughput against hunspell's on the same generated text, in the
# same run, and the time to re-check one paragraph. Never fails the build.
set -u
cd "$(dirname "$0")/../.."
: "${BUILD:=build/plain}" "${TOASOAN:=$BUILD/toasoan}"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
MB=${SPELL_BENCH_MB:-10}

# A deterministic text of at least $MB MB: corpus sentences (labels resolved to their
# suggestion) shuffled, with every fifth paragraph made of common words from dict/words.txt.
python3 - "$MB" "$T/bench.txt" <<'PY'
import glob, random, re, sys
mb, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(2025)
sents = []
for path in sorted(glob.glob("tests/corpus/*.txt")):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        line = re.sub(r"\[\[([^|\]]*)\|([^|\]]*)\|[a-z-]+\]\]", lambda m: m.group(2) or m.group(1), line)
        sents += [s.strip() + "." for s in line.split(". ") if len(s.split()) > 3]
words = [w.strip() for w in open("dict/words.txt", encoding="utf-8")
         if w.strip() and not w.startswith("#")]
size, paras = 0, []
with open(out, "w", encoding="utf-8") as f:
    n = 0
    while size < mb * 1_000_000:
        n += 1
        if n % 5 == 0:
            p = " ".join(rnd.choice(words) for _ in range(40)).capitalize() + "."
        else:
            p = " ".join(rnd.choice(sents) for _ in range(4))
        f.write(p + "\n\n")
        size += len(p.encode()) + 2
PY
bytes=$(wc -c <"$T/bench.txt")
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
# ours takes well under a second, so one scheduling hiccup on a busy machine weighs a lot:
# the best of three runs (hunspell's single run is long enough to even out by itself)
ours=$(for i in 1 2 3; do secs "$TOASOAN" spell "$T/bench.txt"; done | sort -g | head -n 1)
if command -v hunspell >/dev/null && [ -f /usr/share/hunspell/vi_VN.dic ]; then
	theirs=$(secs sh -c "hunspell -d vi_VN -l <'$T/bench.txt'")
else
	theirs=""
fi
awk -v b="$bytes" -v o="$ours" -v t="$theirs" 'BEGIN {
	printf "text: %.1f MB of generated Vietnamese\n", b / 1e6
	printf "toasoan spell:      %8.2f s  %8.1f MB/s (every rule on, best of 3)\n", o, b / 1e6 / o
	if (t != "") {
		printf "hunspell -d vi_VN -l: %6.2f s  %8.1f MB/s\n", t, b / 1e6 / t
		printf "ratio: %.0fx hunspell\n", t / o
	} else print "hunspell: not installed, no ratio"
}'
"$BUILD/tools/spell_bench" --dict dict "$T/bench.txt" | sed -n 2p
