# queue.sh: the article lists: views by role, oldest first in review, filter without
# diacritics, Vietnamese title order, refresh when someone else changes the database, help.
. "$(dirname "$0")/common.bash"
newsroom
"$TOASOAN" --as lan submit 3 >/dev/null   # the older one in review
sleep 1.1                                 # the store keeps whole seconds
"$TOASOAN" --as lan submit 2 >/dev/null

screen "a reporter sees only her own list and the published one" 80x24 --as mai <<'S'
wait Tòa soạn — Bài của tôi
wait Đà Nẵng khai trương cầu
wait Trần Thị Mai · Phóng viên
gone Chờ duyệt
gone Tất cả
gone Bão số 9
send <Tab>
wait Tòa soạn — Đã đăng
wait Không có bài nào.
send <C-q>
exit 0
S

screen "an editor starts on the review queue, oldest first" 100x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
wait Bão số 9 vào miền Trung
wait 2 bài
expect-attr Bão số 9 vào miền Trung bg=110
expect-attr Hà Nội mưa lớn !reverse bg=default
send <Down>
expect-attr Hà Nội mưa lớn bg=110
send <Tab><Tab><Tab>
wait Tòa soạn — Tất cả
wait 3 bài
send <C-q>
exit 0
S

screen "the filter ignores diacritics and đ" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Tab><Tab><Tab>
wait 3 bài
send /da nang
wait Lọc: da nang
wait 1 bài
wait Đà Nẵng khai trương
gone Hà Nội mưa lớn
send <Esc>
wait 3 bài
send /le thi lan
wait 2 bài
send <Esc>
wait 3 bài
send /xyz
wait Không có bài nào khớp "xyz".
send <C-q>
exit 0
S

screen "titles sort in Vietnamese order" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Left><Left>
wait Tòa soạn — Tất cả
send o
wait Tiêu đề ▲
settle
dump
send <C-q>
exit 0
S
# After sorting: Bão < Đà (đ after d) < Hà.
b=$(grep -n "Bão số 9" "$T/vt.out" | head -1 | cut -d: -f1)
d=$(grep -n "Đà Nẵng" "$T/vt.out" | head -1 | cut -d: -f1)
h=$(grep -n "Hà Nội" "$T/vt.out" | head -1 | cut -d: -f1)
if [ -n "$b" ] && [ -n "$d" ] && [ -n "$h" ] && [ "$b" -lt "$d" ] && [ "$d" -lt "$h" ]; then
	echo "ok sorted titles come as Bão, Đà Nẵng, Hà Nội"
else
	echo "FAIL sorted titles come as Bão, Đà Nẵng, Hà Nội"; sed 's/^/   /' "$T/vt.out"
fi

# Another reporter submits while the editor watches the review queue: it appears by itself.
screen "the review queue shows what another reporter just submitted" 80x24 --as hung <<S
wait Tòa soạn — Chờ duyệt
wait 2 bài
shell "$TOASOAN" --as mai submit 1 >/dev/null
wait 3 bài
wait Đà Nẵng khai trương
send <C-q>
exit 0
S

# The list reads only what changed: an article approved elsewhere leaves the review queue and
# shows among the published, while the other rows stay.
screen "an article approved elsewhere leaves the review queue, the others stay" 80x24 --as hung <<S
wait Tòa soạn — Chờ duyệt
wait 3 bài
wait Đà Nẵng khai trương
shell "$TOASOAN" --as hung approve 1 >/dev/null
wait 2 bài
gone Đà Nẵng khai trương
send <Right>
wait Tòa soạn — Hẹn giờ
send <Right>
wait Tòa soạn — Đã đăng
wait Đà Nẵng khai trương
send <C-q>
exit 0
S

screen "F1 shows every key, Escape closes" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <F1>
wait Phím tắt (Esc để đóng)
wait Danh sách bài
send <PgDn>
wait Duyệt và đăng ngay
send <PgDn><PgDn><PgDn><PgDn>
wait Ô nhập
# a description wider than 80 columns goes on under itself, none of it cut
wait                      gõ thường, Telex, VNI
send <Esc>
wait Tòa soạn — Chờ duyệt
send <C-g>
wait Phím tắt
send q
gone Phím tắt
send <C-q>
exit 0
S
