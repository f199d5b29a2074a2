# import.sh: bulk import of an archive: 10,000 files of 1,000 words (IMPORT_BENCH_FILES to
# change), a tenth of them in TCVN3 or VNI, into a fresh database. Prints the time (the goal is
# at most 60 s), files a second, the ratio to just reading the same files (cat, the floor any
# importer has), and the peak memory against an import of a tenth as many files: one
# transaction per batch keeps it flat, so the ratio stays near 1. Never fails the build.
set -u
cd "$(dirname "$0")/../.."
: "${BUILD:=build/plain}" "${TOASOAN:=$BUILD/toasoan}"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T"
N=${IMPORT_BENCH_FILES:-10000}

# Deterministic articles from the corpus sentences, 1,000 words each.
python3 - "$N" "$T/src" <<'PY'
import glob, os, random, re, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(13)
sents = []
for path in sorted(glob.glob("tests/corpus/*.txt")):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        line = re.sub(r"\[\[([^|\]]*)\|([^|\]]*)\|[a-z-]+\]\]", lambda m: m.group(2) or m.group(1), line)
        sents += [s.strip() + "." for s in line.split(". ") if len(s.split()) > 3]
for k in range(n):
    d = os.path.join(out, "%04d" % (k // 500))
    os.makedirs(d, exist_ok=True)
    words, paras = 0, []
    while words < 1000:
        p = " ".join(rnd.choice(sents) for _ in range(4))
        words += len(p.split())
        paras.append(p)
    with open(os.path.join(d, "%05d.txt" % k), "w", encoding="utf-8") as f:
        f.write("Tiêu đề: Bài lưu trữ số %d\nChuyên mục: Lưu trữ\n\n%s\n" % (k, "\n\n".join(paras)))
PY
# Every tenth file in a legacy encoding, as an old archive has them.
i=0
for f in $(find "$T/src" -name '*.txt' | sort); do
	i=$((i + 1))
	[ $((i % 20)) = 0 ] && { "$BUILD/tools/encode" tcvn3 <"$f" >"$f.x" && mv "$f.x" "$f"; }
	[ $((i % 20)) = 10 ] && { "$BUILD/tools/encode" vni <"$f" >"$f.x" && mv "$f.x" "$f"; }
done
mb=$(du -sm "$T/src" | cut -f1)

measure() { # DB ARGS...: prints "seconds peak-KiB"
	local db=$1; shift
	TOASOAN_DB="$db" "$TOASOAN" init >/dev/null
	TOASOAN_DB="$db" /usr/bin/time -f "%e %M" -o "$T/time" "$TOASOAN" import "$@" \
		>"$T/ids" 2>"$T/err" || { echo "import failed:"; tail -n 3 "$T/err"; }
	cat "$T/time"
}
start=$(date +%s.%N)
find "$T/src" -name '*.txt' -print0 | xargs -0 cat >/dev/null
read_s=$(echo "$(date +%s.%N) - $start" | bc)
read -r small_s small_kb < <(measure "$T/small.db" "$T/src/0000")
read -r s kb < <(measure "$T/bench.db" "$T/src")
ids=$(wc -l <"$T/ids")
echo "import: $ids of $N files of 1,000 words ($mb MB, a tenth TCVN3/VNI) in $s s" \
     "($(echo "$ids / $s" | bc) files/s; goal: at most 60 s)"
echo "import: $(echo "scale=1; $s / $read_s" | bc)x the time to read the files with cat ($read_s s)"
echo "import: peak memory $((kb / 1024)) MiB for $N files, $((small_kb / 1024)) MiB for" \
     "$(find "$T/src/0000" -name '*.txt' | wc -l) files: ratio $(echo "scale=2; $kb / $small_kb" | bc)"
