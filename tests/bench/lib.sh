# lib.sh: what the benchmark scripts share. Source it after setting nothing; it gives:
#
#   row FIGURE UNIT "TOASOAN RUNS" PEER "PEER RUNS"
#       one row of the table run.sh prints at the end: each side as min/median of its runs
#       (space-separated values, usually 3), and the ratio of the medians (toasoan / peer:
#       below 1 means toasoan takes less). PEER names the program run in the same bench, or
#       "target" for a figure the project set itself; "-" with "" for no comparison.
#   article WORDS FILE   an article of about WORDS words (title line, blank line, body) made
#                        of the test corpus's paragraphs, the mistakes in them kept.
#   median / minimum     of the numbers on standard input.
#
# A row is printed as one line "ROW<TAB>figure<TAB>toasoan<TAB>peer<TAB>ratio"; everything
# else a script prints is its own log. Any script in tests/bench may add rows this way.
set -u
: "${BUILD:=build/plain}" "${TOASOAN:=$BUILD/toasoan}"

minimum() { sort -g | head -n 1; }
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }

row() { # FIGURE UNIT "RUNS" PEER "RUNS"
	local fig=$1 unit=$2 mine=$3 peer=$4 theirs=${5:-}
	local mmin mmed pmin pmed ratio="-" side
	mmin=$(tr ' ' '\n' <<<"$mine" | grep . | minimum); mmed=$(tr ' ' '\n' <<<"$mine" | grep . | median)
	side="$mmin / $mmed $unit"
	[ -z "$mmin" ] && side="(failed)"
	if [ "$peer" = "-" ] || [ -z "$theirs" ]; then
		printf 'ROW\t%s\t%s\t%s\t%s\n' "$fig" "$side" "-" "-"
		return
	fi
	pmin=$(tr ' ' '\n' <<<"$theirs" | grep . | minimum); pmed=$(tr ' ' '\n' <<<"$theirs" | grep . | median)
	[ -n "$mmed" ] && [ -n "$pmed" ] &&
		ratio=$(awk -v a="$mmed" -v b="$pmed" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
	if [ "$peer" = target ]; then
		printf 'ROW\t%s\t%s\t%s\t%s\n' "$fig" "$side" "target $pmed $unit" "$ratio"
	else
		printf 'ROW\t%s\t%s\t%s\t%s\n' "$fig" "$side" "$peer $pmin / $pmed" "$ratio"
	fi
}

article() { # WORDS FILE
	local paras
	paras=$(mktemp)
	for f in tests/corpus/news-*.txt; do
		sed -n '3,$p' "$f" | grep -v '^$' | grep -v '^#' |
			sed 's/\[\[\([^|]*\)|[^]]*\]\]/\1/g'
	done >"$paras"
	{ echo "Tiêu đề: Bài đo tốc độ gõ"; echo
	  awk -v w="$1" '{p[NR] = $0} END {for (i = 0; n < w; i++) {s = p[i % NR + 1];
		n += split(s, x, " "); print s; print ""}}' "$paras"; } >"$2"
	rm -f "$paras"
}

# keylat's "name value" pairs: field NAME < line
field() { awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
