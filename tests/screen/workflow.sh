# workflow.sh: the newsroom's day in the full screen: a reporter submits from the editor, an
# editor returns it with a note from the queue, the reporter reads the note, fixes and
# resubmits, the editor approves without leaving the editor; actions not allowed are absent.
. "$(dirname "$0")/common.bash"
newsroom

screen "a reporter submits from the editor, warned of the mistake still marked" 80x24 --as mai edit 1 <<'S'
wait Tòa soạn #1 · Nháp
wait M-s Gửi duyệt
send <M-s>
wait Bài còn 1 lỗi chính tả chưa sửa. Vẫn gửi duyệt?
send k
gone Vẫn gửi duyệt?
wait Tòa soạn #1 · Nháp
send <M-s>
wait Vẫn gửi duyệt?
send c
wait Gửi duyệt: xong.
wait Tòa soạn #1 · Chờ duyệt
gone M-s Gửi duyệt
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Trạng thái: review"' "the article is in review"

screen "a reporter is not offered the editor's actions" 80x24 --as mai <<'S'
wait Đà Nẵng khai trương
wait w Rút về
gone a Duyệt
gone r Trả bài
send a
wait Bạn không thể "Duyệt đăng" bài này.
send <C-q>
exit 0
S

screen "an editor returns it from the queue with a note" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
wait Đà Nẵng khai trương
wait r Trả bài
send r
wait — ghi chú cho phóng viên:
send Cần thêm nguồn tin
wait Cần thêm nguồn tin
send <Enter>
wait Trả bài: xong.
wait Không có bài nào.
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Trạng thái: draft"' "the returned article is a draft again"

screen "the reporter sees the note beside her text, fixes and resubmits" 120x30 --as mai <<'S'
wait Đà Nẵng khai trương
send <Enter>
wait Ghi chú và lịch sử
wait “Cần thêm nguồn tin”
wait Phạm Văn Hùng: Chờ duyệt → Nháp
wait │
send <End> Theo Sở Giao thông.
wait Theo Sở Giao
send <C-n>
send <M-1>
wait khai trương cây
wait Lỗi (0)
send <M-s>
wait Gửi duyệt: xong.
send <C-q>
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Theo Sở Giao thông."' "submitting saved the unsaved fix first"

screen "an editor approves from the editor without leaving it" 80x24 --as hung <<'S'
wait Đà Nẵng khai trương
send <Enter>
wait Tòa soạn #1 · Chờ duyệt
wait M-a Duyệt
send <M-a>
wait Đăng ngay “Đà Nẵng khai trương cầu mới” lên trang công khai?
send c
wait Duyệt đăng: xong.
wait Tòa soạn #1 · Đã đăng
send <C-q>
wait Tòa soạn — Chờ duyệt
send <Tab><Tab>
wait Tòa soạn — Đã đăng
wait Đà Nẵng khai trương
send <C-q>
exit 0
S

"$TOASOAN" --as lan submit 2 >/dev/null
screen "an editor approves for a later time from the queue" 80x24 --as hung <<'S'
wait Hà Nội mưa lớn
send h
wait Đăng lúc
send 2099-01-01 08:00<Enter>
wait Đã hẹn đăng “Hà Nội mưa lớn” lúc 2099-01-01 08:00.
send <Tab>
wait Tòa soạn — Hẹn giờ
wait Hà Nội mưa lớn
send <C-q>
exit 0
S

screen "a bad time is refused with the time named" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send <Tab><Tab><Tab>
wait Tòa soạn — Tất cả
wait Bão số 9
send /bao
wait 1 bài
send <Enter>
send s
wait Gửi duyệt: xong.
send <Left><Left><Left>
wait Tòa soạn — Chờ duyệt
wait Bão số 9
send h
wait Đăng lúc
send hôm qua<Enter>
wait Không hiểu thời gian "hôm qua".
send <C-q>
exit 0
S

"$TOASOAN" --as lan submit 3 >/dev/null 2>&1 || true
screen "an editor returns an article from inside the editor" 80x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
wait Bão số 9
send <Enter>
wait Tòa soạn #3 · Chờ duyệt
send <M-r>
wait — ghi chú cho phóng viên:
send Thiếu ảnh<Enter>
wait Trả bài: xong.
wait Tòa soạn #3 · Nháp
wait “Thiếu ảnh”
send <C-q>
wait Tòa soạn — Chờ duyệt
send <C-q>
exit 0
S
