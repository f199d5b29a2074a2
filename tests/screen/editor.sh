# editor.sh: writing in the editor: create and type, NFC/NFD input, grapheme deletion, an
# input method's Backspace burst, Telex and VNI, findings underlined and fixed from the pane,
# bracketed paste and undo, copy with OSC 52, mouse, save and quit.
. "$(dirname "$0")/common.bash"
newsroom

screen "a reporter creates and types an article, and saves it" 80x24 --as mai <<'S'
wait Tòa soạn — Bài của tôi
send n
wait Bài mới
wait Chưa lưu
send Bão số 10 đổ bộ<Enter>
wait Bão số 10 đổ bộ
wait Chưa lưu
send Gió giật mạnh.<Enter>
send Người dân đã sơ tán.
wait Người dân đã sơ tán.
send <C-s>
wait Đã tạo bài số 4.
wait Đã lưu
send <C-q>
wait Tòa soạn — Bài của tôi
wait Bão số 10 đổ bộ
send <C-q>
exit 0
S
check '[ "$(field 4 "Tiêu đề")" = "Bão số 10 đổ bộ" ]' "the typed title is stored"
check '[ "$(field 4 Sapo)" = "Gió giật mạnh." ]' "Enter in the title moved to the lead"
check '"$TOASOAN" show 4 | grep -qx "Người dân đã sơ tán."' "the body is stored"

# Decomposed input (as macOS sends it) is stored composed.
nfd=$(printf 'Vie\xcc\x82\xcc\xa3t Nam')
screen "decomposed input is shown and stored composed" 80x24 --as mai edit 4 <<S
wait Người dân đã sơ tán.
send <End> $nfd
wait sơ tán. Việt Nam
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S
check '"$TOASOAN" show 4 | grep -q "sơ tán. Việt Nam"' "the stored text is NFC"

screen "Backspace removes a whole grapheme" 80x24 --as mai edit 4 <<'S'
wait Việt Nam
send <End> xviệ<BS>z
wait Việt Nam xviz
send <End><BS><BS><BS><BS><BS>
wait Việt Nam
gone xvi
send <C-z>
wait Việt Nam xviz
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "an input method's Backspace burst gives the right letters" 80x24 --as mai edit 4 <<'S'
wait Việt Nam
send <End> vie<BS>ê<BS>ệt
wait Việt Nam việt
gone viêệ
send <C-s>
wait Đã lưu bản 3.
send <C-q>
exit 0
S
check '"$TOASOAN" show 4 | grep -q "Việt Nam việt$"' "the burst is stored as typed: việt"

screen "Telex and VNI are built in, shown on the status bar" 80x24 --as mai edit 4 <<'S'
wait Gõ: thường
send <C-t>
wait Gõ: Telex
send <End> vieetj nam windows
wait việt nam windows
send <C-t>
wait Gõ: VNI
send  Ha2 No65i
wait việt nam windows Hà Nội
send <C-t>
wait Gõ: thường
send  dd
wait Hà Nội dd
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S
check '! "$TOASOAN" show 4 | grep -q "windows"' "quitting without saving stored nothing"

screen "a misspelled word is underlined in the error colour" 80x24 --as mai edit 1 <<'S'
wait Lỗi (1)
expect-attr trươngg underline fg=203
expect-attr Sáng nay !underline
wait 1 trương
send <C-q>
exit 0
S

screen "a suggestion is applied from the side pane with one key" 80x24 --as mai edit 1 <<'S'
wait Lỗi (1)
send <F6>
wait ▸ trươngg
send 1
wait Đã sửa thành "trương".
wait khai trương cây cầu
wait Không thấy lỗi.
wait Chưa lưu
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "khai trương cây cầu"' "the corrected word is stored"

screen "Ctrl-N jumps to a finding, Alt-1 applies its suggestion" 80x24 --as mai edit 4 <<'S'
wait Việt Nam
send <End> Hôm nay trờii mưa.
wait Lỗi (1)
send <C-Home><C-n>
wait 1:
send <M-1>
wait Đã sửa thành
wait trời mưa.
send <C-z>
wait trờii mưa.
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "a bracketed paste is one undo step and keeps its lines" 80x24 --as lan edit 2 <<'S'
wait Mưa lớn kéo dài
send <End>
paste \nĐoạn dán một.\n\nĐoạn dán hai.
wait Đoạn dán hai.
wait Đoạn dán một.
send <C-z>
gone Đoạn dán
wait Đã lưu
send <C-q>
exit 0
S

screen "copying sends the selection to the user's clipboard (OSC 52)" 80x24 --as lan edit 2 <<'S'
wait Mưa lớn kéo dài
send <Home><S-Right><S-Right><S-Right>
expect-attr Mưa bg=186
send <C-c>
expect-clip Mưa
wait Đã chép 3 ký tự.
send <C-q>
exit 0
S

screen "a mouse click moves the cursor" 80x24 --as lan edit 2 <<'S'
wait Mưa lớn kéo dài
wait 1:1
click 6 3
wait 1:4
send X
wait MưaX lớn
send <C-q>
wait Lưu trước khi thoát?
send c
exit 0
S
check '"$TOASOAN" show 2 | grep -q "MưaX lớn"' "answering yes to the quit question saved"

screen "find ignoring diacritics, replace all, go to line" 80x24 --as mai edit 1 <<'S'
wait Sáng nay
send <C-f>
wait Tìm:
wait Tìm bỏ dấu: tắt
send <C-t>
wait Tìm bỏ dấu: bật
send song han<Enter>
expect-attr sông Hàn bg=186
send <C-r>
wait Tìm: song han
wait Tìm bỏ dấu: tắt
send <C-t>
wait Tìm bỏ dấu: bật
send <Enter>
wait Thay bằng:
send sông Hồng<Enter>
wait Thay 1 chỗ trong ô “Nội dung”?
send c
wait Đã thay 1 chỗ.
wait qua sông Hồng.
send <C-_>
wait Đến dòng:
send 1<Enter>
wait 1:1
send <C-f>
send xyz<Enter>
wait Không tìm thấy "xyz".
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "SIGTERM ends the editor cleanly" 80x24 --as mai edit 1 <<'S'
wait Sáng nay
signal TERM
exit 0
S

screen "SIGHUP (the SSH link dropped) ends the queues cleanly" 80x24 --as mai <<'S'
wait Tòa soạn
signal HUP
exit 0
S

screen "clicking a finding in the pane selects it; Enter jumps there" 80x24 --as mai edit 4 <<'S'
wait Việt Nam
send <End> mộtt haii
wait Lỗi (2)
wait • haii
click 20 3
wait ▸ haii
send <Enter>
wait 1:41
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

LANG= LC_ALL= screen "Vietnamese shows right without a UTF-8 locale" 80x24 --as mai <<'S'
wait Tòa soạn — Bài của tôi
wait Đà Nẵng khai trương
send <C-q>
exit 0
S

# Two sessions on one article: the second is read-only and cannot save over the first.
cat >"$T/other.vt" <<'S'
wait Sáng nay
wait Chỉ xem: đang được Trần Thị Mai sửa từ
send <End> Bản của phiên kia.
wait Chỉ xem
send <C-s>
gone Đã lưu bản
send <C-q>
exit 0
S
screen "a second session of an article is read-only and saves nothing" 80x24 --as mai edit 1 <<S
wait Sáng nay
shell "$VT" -s 80x24 -- "$TOASOAN" --as mai edit 1 <"$T/other.vt" >/dev/null
send <End> Bản của tôi.
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Bản của tôi." && ! "$TOASOAN" show 1 | grep -q "Bản của phiên kia."' \
	"only the lock holder's text is stored"

# (mai's "kqzvb" is ignored in article 4 from now on: the editor adds another word)
screen "ignoring a finding hides it; a reporter may not add words" 80x24 --as mai edit 4 <<'S'
wait Việt Nam
send <End> kqzvb
wait Lỗi (1)
send <F6>
wait ▸ kqzvb
send +
wait phóng viên không sửa được từ điển tòa soạn
send <F6>
wait Lỗi (1)
send <F6>
send i
wait Bỏ qua "kqzvb".
wait Lỗi (0)
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S

screen "an editor adds a word to the newsroom dictionary from the pane" 80x24 --as hung edit 4 <<'S'
wait Việt Nam
send <End> xqzvb
wait Lỗi (1)
send <F6>
send +
wait Đã thêm "xqzvb" vào từ điển tòa soạn.
wait Lỗi (0)
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S
check '! echo "Ở đây có xqzvb." | "$TOASOAN" spell - | grep -q "spelling: xqzvb"' \
	"the command line's checker accepts the added word too"

# Tags, byline and section are names and lists: a lower-case start there is no mistake, while
# the same start in the body is.
printf 'Tiêu đề: Thời tiết\nChuyên mục: thời sự\nTừ khoá: bão, mưa lớn\n\nmưa lớn kéo dài.\n' >"$T/tags.txt"
"$TOASOAN" --as mai import "$T/tags.txt" >"$T/tags.id"
screen "lower-case tags and section are not sentence starts; the body's is" 80x24 --as mai edit "$(cat "$T/tags.id")" <<'S'
wait Lỗi (1)
wait đầu câu chưa viết hoa
wait 1 Mưa
send <C-q>
exit 0
S

# Mixing both tone placements is judged over the whole article: a title in the old placement
# among a body in the new one is the odd one out.
printf 'Tiêu đề: Hòa giải ở xã\n\nHoà giải viên khoẻ mạnh. Thuỷ lợi tốt. Mùa màng hoà thuận.\n' >"$T/mix.txt"
"$TOASOAN" --as mai import "$T/mix.txt" >"$T/mix.id"
screen "a title in the other tone placement than the body is flagged" 80x24 --as mai edit "$(cat "$T/mix.id")" <<'S'
wait Lỗi (1)
wait • Hòa
wait 1 Hoà
send <C-q>
exit 0
S

# The counters (words, characters, the cursor's place) stay still while keys come, so that a
# typed key redraws its own text alone, and catch up as soon as the keys pause.
printf 'Tiêu đề: Rét đậm\n\nMưa lớn kéo dài từ đêm qua.\n' >"$T/count.txt"
id=$("$TOASOAN" --as mai new "$T/count.txt")
screen "the pane's word and character counts follow the typing" 120x30 --as mai edit "$id" <<'S'
wait Số chữ: 9
wait Ký tự: 34
send <C-End>
send  Trời rét
wait Số chữ: 11
wait Ký tự: 43
wait Nội dung 1:37
send <BS><BS><BS><BS>
wait Số chữ: 10
wait Nội dung 1:33
send <C-q>
send n
exit 0
S
