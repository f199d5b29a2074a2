# redraw.sh: a key redraws only the rows it changed; what the terminal shows must still be
# exactly what a full redraw (C-l) shows: after typing and deleting in the middle of a long
# wrapped paragraph (its rows re-wrap and the paragraphs below move), after a finding's
# underline moves with the text, after a mark joins the letter before it, a deletion, wide
# letters and a selection at the end of a row, and after a resize. Each pair of dumps is compared whole.
. "$(dirname "$0")/common.bash"
newsroom

long="Sáng nay thành phố Đà Nẵng khai trương cây cầu mới bắc qua sông Hàn, nối hai quận"
long="$long ở hai bờ và rút ngắn đường đi của hàng vạn người dân mỗi ngày. Cây cầu dài gần"
long="$long một cây số, có sáu làn xe và hai làn đường dành cho người đi bộ, được xây trong"
long="$long ba năm với tổng vốn đầu tư hơn hai nghìn tỉ đồng từ ngân sách của thành phố."
{ printf 'Tiêu đề: Cầu mới qua sông Hàn\n\n%s\n\n' "$long"
  printf 'Người dân hai bên bờ đã đến xem từ sáng sớm.\n\n'
  printf 'Lễ khánh thành có sự tham dự của lãnh đạo thành phố.\n'; } >"$T/long.txt"
id=$("$TOASOAN" --as mai new "$T/long.txt" 2>/dev/null)

# Prints dump number N (1-based) of the last screen's output.
nth_dump() {
	awk -v n="$1" '/^---- screen/ {k++} k == n {print} k == n && /^----$/ {exit}' "$T/vt.out"
}
# same_dumps A B NAME: the two dumps are identical, and hold TEXT when given.
same_dumps() {
	if [ -n "$(nth_dump "$1")" ] && [ "$(nth_dump "$1")" = "$(nth_dump "$2")" ]; then
		echo "ok $3"
	else
		echo "FAIL $3"
		diff <(nth_dump "$1") <(nth_dump "$2") | sed 's/^/   /' | head -n 40
	fi
}

screen "typing, deleting and resizing in a long paragraph" 120x30 --as mai edit "$id" <<'S'
wait Lỗi (0)
send <C-Right><C-Right><C-Right>
send thật nhiều chữ chen vào giữa đoạn văn dài này để đẩy các dòng bên dưới xuống 
wait chen vào giữa
settle
dump
send <C-l>
settle
dump
send <BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>
settle
send khaii 
wait Lỗi (1)
expect-attr khaii underline
settle
dump
send <C-l>
settle
dump
send <C-End> Trời đẹp.
wait thành phố. Trời đẹp.
settle
dump
send <C-l>
settle
dump
send  xe
wait đẹp. xe
send ́
wait đẹp. xé
send <BS>
gone đẹp. xé
send 中文 ab
wait đẹp. x中文 ab
settle
send <S-Left>
settle
dump
send <C-l>
settle
dump
send <BS><BS><BS><BS><BS><BS>
gone x中
wait Lỗi (1)
resize 90x26
wait Lỗi (1)
settle
dump
send <C-l>
settle
dump
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S
same_dumps 1 2 "after typing mid-paragraph, every row below is what a full redraw shows"
same_dumps 3 4 "after deleting and a new finding, the rows are what a full redraw shows"
same_dumps 5 6 "after typing at the end of a row, the row is what a full redraw shows"
same_dumps 7 8 "after a mark joins the last letter, a deletion, wide letters and a selection at the end of a row, the row is what a full redraw shows"
same_dumps 9 10 "after a resize, everything is redrawn"
check 'nth_dump 1 | grep -q "Người dân hai bên bờ" && nth_dump 1 | grep -q "Lễ khánh thành"' \
	"the paragraphs below the edit are on screen"

# Scrolling a row or two at a time moves the rows that stay on screen instead of drawing them:
# a longer article (findings, a wide letter), scrolled down by typing at its end and up by
# moving the cursor past the top row; a moved row keeps its finding's underline.
{ printf 'Tiêu đề: Một bài dài\n\n'
  for i in $(seq 40); do printf 'Đoạn %s nói về cầu mới, khaii trương 中文 hôm nay.\n\n' "$i"; done
} >"$T/many.txt"
many=$("$TOASOAN" --as mai new "$T/many.txt" 2>/dev/null)
screen "scrolling a row at a time" 120x30 --as mai edit "$many" <<'S'
wait Lỗi (
send <C-End>
wait Đoạn 40
settle
send <Enter>Một dòng mới.
wait Một dòng mới.
settle
expect-attr khaii underline
dump
send <C-l>
settle
dump
send <Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up>
settle
send <Up><Up><Up><Up><Up><Up><Up><Up>
settle
send <Up>
settle
dump
send <C-l>
settle
dump
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S
same_dumps 1 2 "after scrolling down a row or two, the text area is what a full redraw shows"
same_dumps 3 4 "after scrolling up a row at a time, the text area is what a full redraw shows"
check 'nth_dump 3 | grep -q "Đoạn 27" && ! nth_dump 3 | grep -q "Một dòng mới"' \
	"scrolled up: the rows above came into view"

exit $rc
