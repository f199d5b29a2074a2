# common.bash: helpers for the screen tests (sourced; not a test itself). Each test drives
# the real binary in a pseudo-terminal through tests/tools/vt and prints "ok NAME" or
# "FAIL NAME" with the screen vt printed when a check failed.
#
#   newsroom              a database with reporters mai and lan, editor hung, three articles
#   screen NAME SIZE ARGS...   runs toasoan ARGS in a SIZE (COLSxROWS) terminal; the vt
#                         script comes on standard input; passes if every check in it held
#   field ID NAME         prints one field of a stored article (from 'toasoan show')
. "$(dirname "$0")/../cli/lib.sh"
VT="${BUILD:?BUILD must name the build folder}/tools/vt"
rc=0 # the exit code check() reports; vt prints its own details

screen() {
	local name=$1 size=$2
	shift 2
	"$VT" -s "$size" -T "${VT_LIMIT:-90}" -- "$TOASOAN" "$@" >"$T/vt.out" 2>&1
	local vrc=$?
	if [ "$vrc" = 0 ]; then
		echo "ok $name"
	else
		echo "FAIL $name"
		sed 's/^/   /' "$T/vt.out" | head -n 45
	fi
}

# journal_has TEXT [WHERE]: a vt shell line that waits (20 s at most) until a journal row
# (WHERE: an SQL condition on it, e.g. "article = 5") holds TEXT, reading the database as
# another program would, over and over.
journal_has() {
	local where=${2:+ where $2}
	echo "shell for i in \$(seq 400); do sqlite3 \"\$TOASOAN_DB\" 'select body from journal$where' | grep -qF '$1' && exit 0; sleep 0.05; done; exit 1"
}

field() {
	"$TOASOAN" show "$1" 2>/dev/null | sed -n "s/^$2: //p"
}

newsroom() {
	"$TOASOAN" init >/dev/null
	"$TOASOAN" user add mai --role reporter --name "Trần Thị Mai" >/dev/null
	"$TOASOAN" user add lan --role reporter --name "Lê Thị Lan" >/dev/null
	"$TOASOAN" user add hung --role editor --name "Phạm Văn Hùng" >/dev/null
	printf 'Tiêu đề: Đà Nẵng khai trương cầu mới\n\nSáng nay thành phố Đà Nẵng khai trươngg cây cầu mới bắc qua sông Hàn.\n' >"$T/a1.txt"
	printf 'Tiêu đề: Hà Nội mưa lớn\n\nMưa lớn kéo dài từ đêm qua.\n' >"$T/a2.txt"
	printf 'Tiêu đề: Bão số 9 vào miền Trung\n\nBão mạnh cấp 12.\n' >"$T/a3.txt"
	"$TOASOAN" --as mai new "$T/a1.txt" >/dev/null
	"$TOASOAN" --as lan new "$T/a2.txt" >/dev/null
	"$TOASOAN" --as lan new "$T/a3.txt" >/dev/null
}
