# search.sh: the archive search at 100,000 articles (BENCH_ARTICLES to change). The archive is
# written straight into the database (one transaction, through the same triggers that index
# every save), from the newsroom's own word list and corpus, with common words common (Zipf).
# Each query runs through the real command, as an editor and as a reporter; the figures are
# the median wall and CPU time of the whole command over five runs, against the same lookup
# done the naive way (LIKE over title, lead and body, sqlite3) in the same run.
# BENCH_DB=FILE keeps the generated archive in FILE and reuses it on the next run.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="${BENCH_DB:-$T/bench.db}" XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T"
n=${BENCH_ARTICLES:-100000}
if [ -n "${BENCH_DB:-}" ] && [ -s "$BENCH_DB" ]; then
	n=$(sqlite3 "$BENCH_DB" "SELECT count(*) FROM articles")
	echo "archive: $n articles reused from $BENCH_DB"
else
"$TOASOAN" init >/dev/null
"$TOASOAN" user add mai --role reporter --name "Trần Thị Mai" >/dev/null
"$TOASOAN" user add hung --role editor --name "Phạm Văn Hùng" >/dev/null
start=$EPOCHREALTIME
python3 - "$TOASOAN_DB" "$n" "$(id -un)" <<'PY'
import random, re, sqlite3, sys, glob
db, n, me = sys.argv[1], int(sys.argv[2]), sys.argv[3]
words = [l.strip() for l in open("dict/words.txt", encoding="utf-8")
         if l.strip() and not l.startswith("#")]
for f in glob.glob("tests/corpus/*.txt"):
    words += re.findall(r"\w+", re.sub(r"\[\[([^|\]]*)\|[^\]]*\]\]", r"\1", open(f, encoding="utf-8").read()))
vocab = list(dict.fromkeys(words))
random.seed(12)
random.shuffle(vocab)
weights = [1.0 / (i + 1) for i in range(len(vocab))]
def text(k):
    return " ".join(random.choices(vocab, weights, k=k))
states = ["draft", "review", "scheduled", "published", "published", "published"]
sections = ["Thời sự", "Kinh tế", "Thể thao", "Giao thông", "Văn hóa"]
authors = ["mai", "hung", me]
con = sqlite3.connect(db)
con.execute("BEGIN")
rows = []
for i in range(n):
    t = 1700000000 + i * 60
    rows.append((text(10).capitalize(), text(30), text(160) + (" cầu vượt Mai Dịch" if i % 997 == 0 else ""),
                 "Tin: " + text(3).title(), random.choice(sections), random.choice(states),
                 random.choice(authors), t, t))
    if len(rows) == 5000:
        con.executemany("INSERT INTO articles(title, sapo, body, byline, section, state, author,"
                        " version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)", rows)
        rows = []
con.executemany("INSERT INTO articles(title, sapo, body, byline, section, state, author,"
                " version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)", rows)
con.commit()
con.execute("INSERT INTO search_fold(search_fold) VALUES ('optimize')")
con.execute("INSERT INTO search_exact(search_exact) VALUES ('optimize')")
con.commit()
PY
secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
echo "archive: $n articles written and indexed in ${secs} s; database $(du -m "$TOASOAN_DB" | cut -f1) MB"
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# time5 CMD...: five runs; prints the median wall time and the median CPU time (user + sys),
# in milliseconds. CPU time shows the work itself when other processes share the cores.
time5() {
	local i t
	: >"$T/wall"; : >"$T/cpu"
	for i in 1 2 3 4 5; do
		t=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$T/err" || echo FAILED >&2; } 2>&1 )
		case $t in *FAILED*) echo "failed: $(head -c 200 "$T/err")" >&2; echo "- -"; return ;; esac
		awk '{ printf "%.1f\n", $1 * 1000 }' <<<"$t" >>"$T/wall"
		awk '{ printf "%.1f\n", ($2 + $3) * 1000 }' <<<"$t" >>"$T/cpu"
	done
	echo "$(median <"$T/wall") $(median <"$T/cpu")"
}
naive() { # the same words looked up with LIKE, as one would without the index
	sqlite3 "$TOASOAN_DB" "SELECT id, title FROM articles WHERE title LIKE '%$1%'
		OR sapo LIKE '%$1%' OR body LIKE '%$1%' LIMIT 20"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall times grow with it; CPU times do not)"
printf '%-44s %16s %16s %16s %7s\n' "query (median of 5, whole command)" "editor wall/cpu" \
	"reporter wall/cpu" "LIKE wall/cpu" "ratio"
worst=0 worst_cpu=0
# QUERY|OPTIONS
for line in "cau vuot|" "cầu vượt|" '"cau vuot mai dich"|' "ha noi|" "thanh pho|" "giao*|" \
	"Đà Nẵng|" "kinh te|--state published" "cau|--section Thể thao --since 2023-11-20"; do
	query=${line%%|*} opts=${line#*|}
	q="$query${opts:+ $opts}"
	IFS='|' read -r -a optv <<<"$(sed 's/ --/|--/g; s/^|//' <<<"$opts" | sed -E 's/(--[a-z]+) /\1|/g')"
	set -- "$query" "${optv[@]}"
	read -r ew ec <<<"$(time5 "$TOASOAN" --as hung search "$@")"
	read -r rw rc <<<"$(time5 "$TOASOAN" --as mai search "$@")"
	read -r lw lc <<<"$(time5 naive "${query//\"/}")"
	printf '%-44s %7s/%5s ms %7s/%5s ms %7s/%5s ms %6sx\n' "$q" "$ew" "$ec" "$rw" "$rc" "$lw" "$lc" \
		"$(awk -v a="$lw" -v b="$ew" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "-" }')"
	worst=$(awk -v w="$worst" -v e="$ew" -v r="$rw" 'BEGIN { m = e > r ? e : r; print (m > w ? m : w) }')
	worst_cpu=$(awk -v w="$worst_cpu" -v e="$ec" -v r="$rc" 'BEGIN { m = e > r ? e : r; print (m > w ? m : w) }')
done
echo "slowest search: $worst ms wall, $worst_cpu ms CPU for the whole command (target: 50 ms at $n articles)"
