# editor.sh: the editor against a reference editor in the same run: open a 50 KB article in an
# 80x24 pseudo-terminal, type 3,000 characters of Vietnamese, quit. Wall time and peak memory
# of each, and toasoan's as a ratio of the reference's. Live checking is on for toasoan.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="$T/bench.db" XDG_CONFIG_HOME="$T" XDG_DATA_HOME="$T" LANG=C.UTF-8
VT="$BUILD/tools/vt"
ref=$(command -v nano || true)
"$TOASOAN" init >/dev/null
{ echo "Tiêu đề: Bài dài để đo trình soạn thảo"; echo
  for i in $(seq 1 12); do sed -n '/^$/,$p' demo/0$(( (i % 8) + 1 ))-*.txt; done; } | head -c 51200 >"$T/article.txt"
id=$("$TOASOAN" import "$T/article.txt" 2>/dev/null)
line="Người dân miền Trung khẩn trương khắc phục hậu quả sau bão số 6 "
typing() { for i in $(seq 1 45); do echo "send $line<Enter>"; done; echo "send KẾTTHÚC"; echo "wait KẾTTHÚC"; }
{ echo "timeout 60"; echo "wait Nội dung"; echo "send <C-End>"; typing; echo "send <C-q>"; echo "wait Lưu"; echo "send n"; echo "exit"; } >"$T/toasoan.vt"
measure() { # label, script, command...
	local label=$1 script=$2; shift 2
	/usr/bin/time -f "%e %M" -o "$T/$label.time" "$VT" -s 80x24 -T 120 -- "$@" <"$script" >"$T/$label.out" 2>&1 ||
		{ echo "$label: the run failed"; tail -n 20 "$T/$label.out"; return 1; }
	read -r secs kb <"$T/$label.time"
	printf '%-8s %6.2f s  %7d KiB peak\n' "$label" "$secs" "$kb"
}
measure toasoan "$T/toasoan.vt" "$TOASOAN" edit "$id" || exit 0
read -r ts tk <"$T/toasoan.time"
if [ -z "$ref" ]; then
	echo "(no reference editor installed: make bench installs one)"
	exit 0
fi
sed -n '/^$/,$p' "$T/article.txt" >"$T/plain.txt"
{ echo "timeout 60"; echo "settle"; echo "send <M-/>"; typing; echo "send <C-x>"; echo "send n"; echo "exit"; } >"$T/ref.vt"
measure reference "$T/ref.vt" "$ref" --ignorercfiles "$T/plain.txt" || exit 0
read -r rs rk <"$T/reference.time"
awk -v ts="$ts" -v rs="$rs" -v tk="$tk" -v rk="$rk" 'BEGIN {
	printf "ratio    time %.2fx the reference, peak memory %.2fx the reference\n", ts / rs, tk / rk }'
. tests/bench/lib.sh
row "editor: 50 KB article, 3,000 characters typed (one run)" s "$ts" nano "$rs"
row "editor: peak memory of that run" MB "$(awk -v k="$tk" 'BEGIN {printf "%.1f", k / 1024}')" nano \
	"$(awk -v k="$rk" 'BEGIN {printf "%.1f", k / 1024}')"
