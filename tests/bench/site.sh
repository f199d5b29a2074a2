# site.sh: what one change of the published site costs as the archive grows. Two newsrooms
# are generated (1,000 and BENCH_SITE_N, default 100,000, published articles, 100 a day up to
# now, 8 sections, 200 tags, 50 names), their sites built with `publish --rebuild`; then in
# each, articles are approved and unpublished one at a time, each a whole toasoan process
# timed with /usr/bin/time (wall time and peak memory, the median of BENCH_SITE_RUNS). The
# figures that matter are the ratios big : small, which the issue bounds at 1.5, and
# `publish --due` with 1,000 articles due at once in the big archive (bound: 10 s).
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
big=${BENCH_SITE_N:-100000} runs=${BENCH_SITE_RUNS:-9}
ME=$(id -un)
export TZ=Asia/Ho_Chi_Minh

use() { # use DIR: the newsroom in DIR
	export TOASOAN_DB="$1/db" XDG_CONFIG_HOME="$1/cfg" XDG_DATA_HOME="$1/data" HOME="$1"
}

# gen DIR N: a newsroom with N published articles (the generator of this benchmark; the
# realistic archive generator lives beside it)
gen() {
	mkdir -p "$1/cfg/toasoan"
	printf 'publish:\n  dir: %s/public\n  url: https://bao.example.vn/\n  name: Báo Thử\n' "$1" \
		>"$1/cfg/toasoan/config.yaml"
	use "$1"
	"$TOASOAN" init >/dev/null
	sqlite3 "$1/db" >/dev/null <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2),
  t(now) AS (SELECT CAST(strftime('%s', 'now') AS INTEGER) - 3600)
INSERT INTO articles(title, sapo, body, byline, section, tags, state, author, version, words,
  created_at, updated_at, published_at)
SELECT 'Tin số ' || i || ': ' || substr('Bão lũ miền Trung gây thiệt hại lớn cho nông dân', 1 + i % 9),
  'Lời dẫn của bài số ' || i || ' nói ngắn gọn điều quan trọng nhất.',
  replace(substr(replace(hex(zeroblob(300)), '00', 'Người dân vùng lũ khẩn trương khắc phục hậu quả. '), 1, 1500 + i % 500), '. N', '.' || char(10) || char(10) || 'N'),
  'Tin: Phóng viên ' || (i % 50),
  CASE i % 8 WHEN 0 THEN 'Thời sự' WHEN 1 THEN 'Kinh tế' WHEN 2 THEN 'Xã hội' WHEN 3 THEN 'Thế giới'
    WHEN 4 THEN 'Thể thao' WHEN 5 THEN 'Văn hóa' WHEN 6 THEN 'Giáo dục' ELSE 'Pháp luật' END,
  'chủ đề ' || (i % 200) || ', chủ đề ' || ((i * 7 + 3) % 200),
  'published', '$ME', 1, 300, now - ($2 - i) * 864, now - ($2 - i) * 864, now - ($2 - i) * 864
FROM n, t;
COMMIT;
SQL
}

# children_ms: the processor time (user + system) of every finished child so far, in ms
# (`times` must run in this shell, not in a command substitution)
children_ms() {
	times >"$T/times.now"
	children=$(tail -n 1 "$T/times.now" | awk '{ t = 0; for (i = 1; i <= 2; i++) {
		split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60000 + p[2] * 1000 }
		printf "%d", t }')
}

# timed CMD...: appends "wall-ms cpu-ms KB" of one toasoan run to $T/times. The processor
# time is the steadier figure on a shared machine; the wall time includes waiting for it.
timed() {
	local start end c0 c1
	children_ms; c0=$children; start=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$T/one" "$TOASOAN" "$@" >/dev/null 2>"$T/err" ||
		{ echo "failed: $*: $(cat "$T/err")"; return 1; }
	end=$(date +%s%N); children_ms; c1=$children
	echo "$(((end - start) / 1000000)) $((c1 - c0)) $(cat "$T/one")" >>"$T/times"
}

median() { # column $1 of $T/times, the median
	cut -d' ' -f"$1" "$T/times" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# measure DIR: sets pub_s pub_kb unpub_s unpub_kb for one approve and one unpublish
measure() {
	use "$1"
	: >"$T/times"
	ids=""
	for k in $(seq 1 "$runs"); do
		printf 'Tiêu đề: Bài đo số %s\nChuyên mục: Kinh tế\nTừ khóa: chủ đề 7, đo\n\nNội dung.\n\nTin: Phóng viên 3\n' "$k" >"$T/a.txt"
		id=$("$TOASOAN" import "$T/a.txt") && "$TOASOAN" submit "$id" >/dev/null || return 1
		timed approve "$id" || return 1
		ids="$ids $id"
	done
	pub_s=$(median 1) pub_cpu=$(median 2) pub_kb=$(median 3)
	: >"$T/times"
	for id in $ids; do timed unpublish "$id" --note "đo" || return 1; done
	unpub_s=$(median 1) unpub_cpu=$(median 2) unpub_kb=$(median 3)
}

rebuild() { # rebuild DIR: seconds of publish --rebuild into $rebuild_s
	use "$1"
	local start
	start=$(date +%s%N)
	"$TOASOAN" publish --rebuild || return 1
	rebuild_s=$(( ($(date +%s%N) - start) / 1000000 ))
}

command -v sqlite3 >/dev/null && [ -x /usr/bin/time ] ||
	{ echo "skipped: needs sqlite3 and /usr/bin/time (make bench installs them)"; exit 0; }
printf '%-34s %12s %12s %8s\n' "published articles" 1000 "$big" "ratio"
gen "$T/small" 1000 && rebuild "$T/small" && small_rebuild=$rebuild_s && measure "$T/small" || exit 1
s_pub=$pub_s s_pcpu=$pub_cpu s_pkb=$pub_kb s_un=$unpub_s s_ucpu=$unpub_cpu s_ukb=$unpub_kb
gen "$T/big" "$big" && rebuild "$T/big" && big_rebuild=$rebuild_s && measure "$T/big" || exit 1
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }'; }
row() { printf '%-34s %12s %12s %8s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
row "approve, one article (ms)" "$s_pub" "$pub_s"
row "approve, processor (ms)" "$s_pcpu" "$pub_cpu"
row "approve, peak memory (KB)" "$s_pkb" "$pub_kb"
row "unpublish, one article (ms)" "$s_un" "$unpub_s"
row "unpublish, processor (ms)" "$s_ucpu" "$unpub_cpu"
row "unpublish, peak memory (KB)" "$s_ukb" "$unpub_kb"
row "publish --rebuild, whole site (ms)" "$small_rebuild" "$big_rebuild"

# 1,000 articles falling due at once in the big archive
use "$T/big"
now=$(date +%s)
sqlite3 "$T/big/db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO articles(title, sapo, body, byline, section, tags, state, author, version, words,
  created_at, updated_at, publish_at)
SELECT 'Bài hẹn giờ ' || i, 'Lời dẫn.', 'Nội dung bài hẹn giờ ' || i || '.', 'Tin: Phóng viên ' || (i % 50),
  CASE i % 2 WHEN 0 THEN 'Thời sự' ELSE 'Kinh tế' END, 'hẹn giờ', 'scheduled', '$ME', 1, 10,
  $now - 600, $now - 600, $now - 60
FROM n;
SQL
: >"$T/times"
timed publish --due || exit 1
printf '%-34s %12s %12s\n' "publish --due, 1,000 due (ms)" "" "$(median 1)"
printf '%-34s %12s %12s\n' "publish --due, processor (ms)" "" "$(median 2)"
printf '%-34s %12s %12s\n' "publish --due, peak memory (KB)" "" "$(median 3)"
