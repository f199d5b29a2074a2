# search.sh: the archive search on the screen: `/` filters titles as one types, C-f searches
# the whole text of what the person may see (from the filter line or straight from the lists); hits show best first with the matching words
# highlighted in their snippet; Enter opens one; Esc goes back to the lists.
. "$(dirname "$0")/common.bash"
newsroom
printf 'Tiêu đề: Giá xăng tăng\nSapo: Giá xăng tăng lần thứ ba.\n\nNgười dân đi qua cầu Rồng ở Đà Nẵng than phiền.\n' >"$T/a4.txt"
"$TOASOAN" --as lan new "$T/a4.txt" >/dev/null
"$TOASOAN" --as lan submit 4 >/dev/null
"$TOASOAN" --as hung approve 4 >/dev/null

screen "an editor searches the archive without diacritics from the lists" 100x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send /
wait C-f: tìm trong cả nội dung
send cau rong
wait Không có bài nào khớp "cau rong".
send <C-f>
wait Tìm trong kho bài: cau rong
wait 1 bài khớp
wait Giá xăng tăng
wait qua cầu Rồng ở Đà Nẵng
expect-attr cầu Rồng bg=214
expect-attr Người dân bg=default
send <Enter>
wait Tòa soạn #4 · Đã đăng
send <C-q>
wait Tìm trong kho bài: cau rong
send <Esc>
wait Tòa soạn — Chờ duyệt
send <C-q>
exit 0
S

screen "da nang finds Đà Nẵng in titles and bodies, best first" 100x24 --as hung <<'S'
wait Tòa soạn
send <C-f>
wait Tìm trong kho bài:
send da nang<Enter>
wait 2 bài khớp
wait Đà Nẵng khai trương
wait Giá xăng tăng
send <C-f>
wait Tìm trong kho bài:
send khong co<Enter>
wait Không có bài nào khớp "khong co" trong kho bài.
send <Esc>
wait Tòa soạn — Chờ duyệt
send <C-q>
exit 0
S

screen "a reporter does not find another reporter's draft" 100x24 --as mai <<'S'
wait Tòa soạn
send /bao so 9<C-f>
wait Không có bài nào khớp "bao so 9" trong kho bài.
gone s Gửi duyệt
send <Esc>
wait Tòa soạn — Bài của tôi
gone Lọc: bao so 9
send <C-f>mua lon<Enter>
wait Không có bài nào khớp "mua lon" trong kho bài.
send <C-q>
exit 0
S
