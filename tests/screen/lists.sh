# lists.sh: lists longer than the rows the screen holds (it keeps those in view and a page or
# so around them and reads the rest as the person scrolls): paging to either end and back,
# the wheel and a click, the filter and the title order over the whole list, the selection
# kept, and rows changed by another session while the person is scrolled down the list.
. "$(dirname "$0")/common.bash"
newsroom
mkdir "$T/many"
for i in $(seq -w 1 300); do
	printf 'Tiêu đề: Tin số %s\n\nNội dung tin số %s.\n' "$i" "$i" >"$T/many/$i.txt"
done
"$TOASOAN" --as lan import "$T/many" >/dev/null
sleep 1.1 # the store keeps whole seconds: a change from now on comes after the import
id_of() { "$TOASOAN" list | awk -v t="Tin số $1" 'substr($0, length($0) - length(t) + 1) == t {print $1}'; }

# Newest first: row k of "Tất cả" is "Tin số (300 - k)", then Bão, Hà Nội, Đà Nẵng; a page
# is 19 rows on 24 lines.
screen "a long list pages to its end and back, the count whole" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Left><Left>
wait Tòa soạn — Tất cả
wait 303 bài
expect-attr Tin số 300 bg=110
send <PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>
expect-attr Tin số 110 bg=110
expect-attr Tin số 111 !reverse bg=default
send <End>
expect-attr Đà Nẵng khai trương bg=110
send <Up>
expect-attr Hà Nội mưa lớn bg=110
send <PgUp><PgUp><PgUp><PgUp><PgUp><PgUp><PgUp><PgUp>
expect-attr Tin số 151 bg=110
send <Down><Down>
expect-attr Tin số 149 bg=110
send <Home>
expect-attr Tin số 300 bg=110
scroll down 8 10
expect-attr Tin số 297 bg=110
click 10 5
expect-attr Tin số 293 bg=110
wait 303 bài
send <C-q>
exit 0
S

screen "the filter finds its matches in the whole list, to the last one" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Left><Left>
wait 303 bài
send /tin so 2
wait Lọc: tin so 2
wait 100 bài
send <Enter>
expect-attr Tin số 299 bg=110
send <End>
expect-attr Tin số 200 bg=110
gone Tin số 199
send <PgUp><PgUp>
expect-attr Tin số 238 bg=110
send /<BS><BS><BS><BS><BS><BS><BS><BS>
wait 303 bài
send <C-q>
exit 0
S

# Title order: Bão, Đà Nẵng, Hà Nội, then "Tin số 001" .. "Tin số 300" (row N + 2).
screen "the title order keeps the selection and pages both ways" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Left><Left>
wait 303 bài
send <PgDn><PgDn>
expect-attr Tin số 262 bg=110
send o
wait Tiêu đề ▲
expect-attr Tin số 262 bg=110
send <Down>
expect-attr Tin số 263 bg=110
send <Home>
expect-attr Bão số 9 vào miền Trung bg=110
send <End>
expect-attr Tin số 300 bg=110
send <PgUp><PgUp><PgUp>
expect-attr Tin số 243 bg=110
send o
gone Tiêu đề ▲
expect-attr Tin số 243 bg=110
send <Down>
expect-attr Tin số 242 bg=110
send <C-q>
exit 0
S

# The reporter's own list, newest first: row k is "Tin số (300 - k)". Five pages down the
# screen shows 223 .. 205, the last one selected.
moved=$(id_of 210)
screen "a row changed elsewhere leaves its place while the person is scrolled down" 80x24 --as lan <<S
wait Tòa soạn — Bài của tôi
wait 302 bài
send <PgDn><PgDn><PgDn><PgDn><PgDn>
expect-attr Tin số 205 bg=110
wait Tin số 223
wait Tin số 210
gone Tin số 204
shell "$TOASOAN" --as lan submit $moved >/dev/null
gone Tin số 210
wait Tin số 204
expect-attr Tin số 205 bg=110
wait Tin số 223
wait 302 bài
send <Home>
expect-attr Tin số 210 bg=110
wait Chờ duyệt
send <C-q>
exit 0
S

# Title order for her: Bão, Hà Nội, then "Tin số N" at row N + 1.
changed=$(id_of 150)
screen "a row changed elsewhere is redrawn in place in the title order" 80x24 --as lan <<S
wait Tòa soạn — Bài của tôi
wait 302 bài
send o
wait Tiêu đề ▲
send <PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>
expect-attr Tin số 151 bg=110
wait Tin số 150
gone Chờ duyệt
shell "$TOASOAN" --as lan submit $changed >/dev/null
wait Chờ duyệt
expect-attr Tin số 151 bg=110
dump
send <C-q>
exit 0
S
if grep "Tin số 150" "$T/vt.out" | grep -q "Chờ duyệt"; then
	echo "ok the changed row shows its new state on its own line"
else
	echo "FAIL the changed row shows its new state on its own line"; sed 's/^/   /' "$T/vt.out"
fi
