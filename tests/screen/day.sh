# day.sh: a reporter's and an editor's day without stumbling: Alt+Backspace, Telex capitals,
# paragraphs, the recovery journal after undo, prompts that take Telex, replace-all that asks,
# the side pane that wraps, returned work that shows, keys that never publish by themselves.
. "$(dirname "$0")/common.bash"
newsroom
printf 'Tiêu đề: Tin ngắn\n\nMột câu.\n' >"$T/a4.txt"
"$TOASOAN" --as mai new "$T/a4.txt" >/dev/null

screen "Alt+Backspace (ESC DEL) deletes the word before the cursor" 80x24 --as mai edit 4 <<'S'
wait Một câu.
send <C-End> một hai ba
wait Một câu. một hai ba
send <M-BS>
wait Một câu. một hai
gone hai ba
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "Telex Ww keeps the capital" 80x24 --as mai edit 4 <<'S'
wait Một câu.
send <C-t>
wait Gõ: Telex
send <C-End> Ww Windows
wait Một câu. W Windows
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "a new article says it is not saved; one article is '1 bài'; a pasted tab is blank" 80x24 --as mai <<'S'
wait Tòa soạn — Bài của tôi
wait 2 bài
send /ngan
wait 1 bài
send <Esc>
wait 2 bài
send n
wait Bài mới
wait Chưa lưu
gone Đã lưu
send <Tab><Tab>
paste Cột một	cột hai
wait Cột một cột hai
send <C-q>
wait Lưu trước khi thoát?
send k
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S

screen "the too-small message breaks between words" 28x6 --as mai <<'S'
wait ít nhất 40x12.
send <C-q>
exit 0
S

"$TOASOAN" --as mai submit 4 >/dev/null
"$TOASOAN" --as hung return 4 --note "Thêm trích dẫn của người dân, ghi rõ tên và tuổi, kiểm tra lại số liệu về lượng mưa ở đoạn ba trước khi gửi lại." >/dev/null
screen "the side pane wraps a long note and the history shows it whole" 80x24 --as mai edit 4 <<'S'
wait Một câu.
wait Bị trả lại: Phạm Văn Hùng
wait ba trước khi gửi lại.”
send <F7>
wait Lịch sử bài #4
wait ở đoạn ba trước khi gửi lại.
send <Down>
gone ở đoạn ba trước khi gửi lại.
send <Esc>
wait Bị trả lại
send <C-q>
exit 0
S

printf 'Tiêu đề: Lặp\n\nHôm nay xử lý các các việc.\n' >"$T/a5.txt"
"$TOASOAN" --as mai new "$T/a5.txt" >/dev/null
screen "a repeated word is fixed by dropping the second copy" 80x24 --as mai edit 5 <<'S'
wait xử lý các các việc.
wait 1 các
send <C-n><M-1>
wait xử lý các việc.
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S

screen "Enter starts a new paragraph; several lines pasted into the title are refused" 80x24 --as mai edit 5 <<'S'
wait xử lý các việc.
send <C-End><Enter>Đoạn hai.<Enter><Enter>Đoạn ba.
wait Đoạn ba.
send <C-Up><C-Up>
send <C-Home>
paste Dòng một\n\nDòng hai
wait Không dán nhiều dòng vào ô "Tiêu đề"
gone Dòng một
send <C-s>
wait Đã lưu bản 3.
send <C-q>
exit 0
S
"$TOASOAN" export 5 --format html >"$T/p.html" 2>&1
check 'grep -q "<p>Đoạn hai.</p>" "$T/p.html" && grep -q "<p>Đoạn ba.</p>" "$T/p.html"' "each Enter is a paragraph of the page"
check '! grep -q "<br>" "$T/p.html"' "no line breaks inside a paragraph"
check '[ "$(field 5 "Tiêu đề")" = "Lặp" ]' "the refused paste left the title alone"

# Type, let the journal take it, undo back to the saved text and quit at once: nothing to
# bring back next time.
screen "undone text is not brought back by the recovery journal" 80x24 --as mai edit 5 <<S
wait Đoạn ba.
send <C-End> Câu sẽ hoàn tác.
wait Câu sẽ hoàn tác.
$(journal_has "Câu sẽ hoàn tác." "article = 5")
send <C-z>
gone Câu sẽ hoàn tác.
send <C-q>
exit 0
S
check '[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from journal where article = 5")" = 0 ]' "the journal entry went with the undo"
screen "reopening after the undo restores nothing" 80x24 --as mai edit 5 <<'S'
wait Đoạn ba.
wait Đã lưu
gone Đã khôi phục
send <C-q>
exit 0
S

screen "s in the lists asks the spelling question; an ignored finding is kept and not counted" 100x24 --as mai <<'S'
wait Tòa soạn — Bài của tôi
send /da nang
wait 1 bài
send <Enter>
send s
wait Bài còn 1 lỗi chính tả chưa sửa. Vẫn gửi duyệt?
send k
wait Đã hủy.
wait Nháp
send <Enter>
wait khai trươngg cây cầu
wait Lỗi (1)
send <F6>
wait ▸ trươngg
send i
wait Bỏ qua "trươngg".
send <C-q>
wait Tòa soạn — Bài của tôi
send <Enter>
wait khai trươngg cây cầu
wait Không thấy lỗi.
send <C-q>
wait Tòa soạn — Bài của tôi
send s
wait Gửi duyệt: xong.
gone Vẫn gửi duyệt?
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "^State: review\|^Trạng thái: review\|review"' "the article went to review"

screen "returned work shows in the writer's list: a mark, the note's first line, the tab's count" 100x24 --as mai <<'S'
wait Bài của tôi (1 bị trả)
wait ↩ Tin ngắn — Thêm trích dẫn của người dân
send <C-q>
exit 0
S

screen "an editor sees which review articles arrived since the last look" 100x24 --as hung <<'S'
wait Chờ duyệt (1 mới)
wait ● Đà Nẵng khai trương cầu mới
send <Tab>
wait Tòa soạn — Hẹn giờ
gone Chờ duyệt (1 mới)
send <S-Tab>
wait Tòa soạn — Chờ duyệt
gone ● Đà Nẵng
send <C-q>
exit 0
S
sleep 1 # times are kept to the second: the submission comes a second after the last look
"$TOASOAN" --as lan submit 2 >/dev/null
screen "the next look marks only what arrived since" 100x24 --as hung <<'S'
wait Chờ duyệt (1 mới)
wait ● Hà Nội mưa lớn
wait Đà Nẵng khai trương cầu mới
gone ● Đà Nẵng
send <C-q>
exit 0
S

screen "p asks, naming the article; no publishes nothing; an empty unpublish reason is refused" 100x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send /ha noi
wait 1 bài
send <Enter>
send p
wait Đăng ngay “Hà Nội mưa lớn” lên trang công khai? (c = có, k = không)
send k
wait Đã hủy.
send a
wait Đăng ngay “Hà Nội mưa lớn” lên trang công khai?
send c
wait Duyệt đăng: xong.
send <Tab><Tab>
wait Tòa soạn — Đã đăng
wait 1 bài
send u
wait Gỡ “Hà Nội mưa lớn” — lý do:
send <Enter>
wait Gỡ bài cần có lý do; bài vẫn đang đăng.
send <Enter>
wait Tòa soạn #2 · Đã đăng
send <C-End> Cập nhật lúc 9 giờ.
wait Cập nhật lúc 9 giờ.
send <C-s>
wait lưu sẽ thay đổi trang công khai ngay. Lưu?
send c
wait Đã lưu bản 2; trang công khai đã được cập nhật.
send <C-q>
wait Tòa soạn — Đã đăng
send <C-q>
exit 0
S
check '"$TOASOAN" show 2 | grep -q "Cập nhật lúc 9 giờ."' "the live article was saved after the question"
check '"$TOASOAN" history 2 | grep -q "review -> published"' "approve published it once asked"

# A viewer kept out by a lock is told when it goes and types on without reopening.
cat >"$T/holder.vt" <<S
wait Một câu.
shell for i in \$(seq 200); do [ -f "$T/go" ] && exit 0; sleep 0.05; done; exit 1
send <C-q>
exit 0
S
"$VT" -s 80x24 -T 60 -- "$TOASOAN" --as mai edit 4 <"$T/holder.vt" >"$T/holder.out" 2>&1 &
holder=$!
for i in $(seq 200); do
	[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from locks where article = 4")" = 1 ] && break
	sleep 0.05
done
screen "a read-only viewer is told when the lock goes and edits without reopening" 80x24 --as hung edit 4 <<S
wait Chỉ xem: đang được Trần Thị Mai sửa từ
shell touch "$T/go"
timeout 12
wait Trần Thị Mai đã đóng bài: gõ để bắt đầu sửa.
timeout 15
send <C-End> Biên tập thêm.
wait Một câu. Biên tập thêm.
gone Chỉ xem
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
wait "$holder"
check '"$TOASOAN" show 4 | grep -q "Một câu. Biên tập thêm."' "the viewer's edit was saved"

cat >"$T/second.vt" <<'S'
wait Đoạn ba.
gone Chỉ xem
send <C-End> Sửa ngay.
wait Đoạn ba. Sửa ngay.
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
screen "submitting lets go of the lock at once" 80x24 --as mai edit 5 <<S
wait Đoạn ba.
send <M-s>
wait Gửi duyệt: xong.
shell "$VT" -s 80x24 -- "$TOASOAN" --as hung edit 5 <"$T/second.vt" >"$T/second.out" || { cat "$T/second.out"; exit 1; }
send <C-q>
exit 0
S

printf 'Tiêu đề: Mưa ở Huế\n\nMưa ở Huế kéo dài. Huế ngập.\n' >"$T/a6.txt"
"$TOASOAN" --as mai new "$T/a6.txt" >/dev/null
screen "Telex in prompts; replace-all asks with the count and keeps to the field" 100x24 --as mai edit 6 <<'S'
wait Huế ngập.
send <C-t>
wait Gõ: Telex
send <C-r>
wait Tìm:
wait Tìm bỏ dấu: tắt
send Huees
wait Tìm: Huế
send <Enter>
wait Thay bằng:
send Ddaf Nawngx
wait Thay bằng: Đà Nẵng
send <Enter>
wait Thay 2 chỗ trong ô “Nội dung”? (c = có, t = mọi ô: 3 chỗ, k = không)
send c
wait Đã thay 2 chỗ.
wait Mưa ở Đà Nẵng kéo dài. Đà Nẵng ngập.
send <C-f>
wait Tìm bỏ dấu: tắt
send <C-t>
wait Tìm bỏ dấu: bật
send <Esc>
gone Tìm bỏ dấu
send <C-r>
wait Tìm bỏ dấu: tắt
send <Right>
send <C-a>
send Mwa
wait Tìm: Mưa
send <Esc>
gone Tìm:
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S
check '[ "$(field 6 "Tiêu đề")" = "Mưa ở Huế" ]' "the title was left alone"

screen "the status line names the field; messages fade; C-l redraws; F1 stays on a narrow bar" 40x12 --as mai edit 6 <<'S'
wait Nội dung 1:1
wait F1 Trợ giúp
send <S-Tab>
wait Sapo 1:1
send <S-Tab>
wait Tiêu đề 1:1
send <C-l>
wait Tiêu đề 1:1
gone Đến dòng
send <C-_>
wait Đến dòng:
send <Esc>
gone Đến dòng:
send <F6>
wait Khung bên 1:1
send <Esc>
wait Tiêu đề 1:1
send <C-End>
wait Nội dung
send <M-g>
wait Đến dòng:
send <Esc>
gone Đến dòng:
send x<BS>
send <C-s>
wait Đã lưu bản 3.
timeout 9
gone Đã lưu bản 3.
timeout 15
send <C-q>
exit 0
S

"$TOASOAN" --as mai submit 6 >/dev/null
screen "a return note typed in Telex from the lists" 100x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
send /mua o
wait 1 bài
send <Enter>
send r
wait — ghi chú cho phóng viên:
send <C-t>
wait Gõ: Telex
send Theem nguoonf tin<Enter>
wait Trả bài: xong.
send <C-q>
exit 0
S
check '"$TOASOAN" history 6 | grep -q "Thêm nguồn tin"' "the note was stored as Vietnamese"

screen "what was ignored before a new article's first save stays ignored" 100x24 --as lan <<'S'
wait Tòa soạn — Bài của tôi
send n
wait Bài mới
send Tin mới<Enter>
send <C-End>Gặp ông ở chợ xzqwe.
wait Lỗi (1)
send <F6>
send i
wait Bỏ qua "xzqwe".
send <Esc>
wait Gõ: thường Nội dung
send <C-s>
wait Đã tạo bài số 7.
send <C-q>
wait Tòa soạn — Bài của tôi
send <Enter>
wait Gặp ông ở chợ xzqwe.
wait Không thấy lỗi.
send <C-q>
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S

screen "the history names the admin behind --as on a saved revision" 120x24 --as lan edit 7 <<S
wait Đã lưu
send <F7>
wait Lịch sử bài #7
wait Lê Thị Lan lưu bản 1 ($ME làm thay, --as)
send <Esc>
gone Lịch sử bài #7
wait Nội dung 1:1
send <C-q>
exit 0
S

screen "the lead takes a wrapped paste but not several paragraphs" 100x24 --as lan edit 7 <<'S'
wait Gặp ông ở chợ
send <S-Tab>
wait Sapo 1:1
paste Dòng một\nnối dòng hai
wait Dòng một nối dòng hai
paste Đoạn một\n\nĐoạn hai
wait Không dán nhiều dòng vào ô "Sapo"
gone Đoạn hai
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

# A list stays open all day: a word the desk adds meanwhile counts at once for the question.
printf 'Tiêu đề: Lễ hội hoa ven sông\n\nNgười dân đến xemm lễ hội hoa.\n' >"$T/a9.txt"
"$TOASOAN" --as mai new "$T/a9.txt" >/dev/null
screen "the lists' spelling question knows a word added while they were open" 100x24 --as mai <<S
wait Tòa soạn — Bài của tôi
send /le hoi hoa
wait 1 bài
send <Enter>
send s
wait Bài còn 1 lỗi chính tả chưa sửa. Vẫn gửi duyệt?
send k
wait Đã hủy.
shell "$TOASOAN" --as hung dict add xemm >/dev/null
send s
wait Gửi duyệt: xong.
gone Vẫn gửi duyệt?
send <C-q>
exit 0
S
