# safety.sh: no word is lost: the journal after SIGKILL, SIGHUP and SIGTERM; locks and a
# take-over between two editors; a conflicting save shown side by side and merged; the
# history with differences and a restore; a full disk while editing.
. "$(dirname "$0")/common.bash"
newsroom

# Polls until the journal holds TEXT (no blind sleep: it returns as soon as it is there).

# SIGKILL: what was typed more than two seconds before is on the next open. The pause is
# the guarantee under test ("text on screen for two seconds"), not a wait for the program.
screen "SIGKILL mid-typing: typing older than 2 s survives" 80x24 --as mai edit 1 <<S
wait Sáng nay
send <End><Enter>Câu gõ trước.
wait Câu gõ trước.
shell sleep 2.1
send  Câu gõ sau
signal KILL
exit
S
screen "reopening after SIGKILL restores the journal, unsaved" 80x24 --as mai edit 1 <<'S'
wait Đã khôi phục văn bản chưa lưu lúc
wait Câu gõ trước.
wait Chưa lưu
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Câu gõ trước."' "the recovered text is saved"

screen "SIGHUP mid-typing: the journal is written at once, the editor exits" 80x24 --as mai edit 1 <<S
wait Câu gõ trước.
send <Home>Mất mạng giữa câu 
wait Mất mạng giữa câu
signal HUP
exit 0
S
check 'sqlite3 "$TOASOAN_DB" "select body from journal" | grep -q "Mất mạng giữa câu"' \
	"SIGHUP wrote the journal"
check '! "$TOASOAN" show 1 | grep -q "Mất mạng giữa câu"' "the journal did not touch the article"

screen "after SIGHUP nothing is lost; quitting without saving drops the journal" 80x24 --as mai edit 1 <<'S'
wait Đã khôi phục văn bản chưa lưu lúc
wait Mất mạng giữa câu
send <C-q>
wait Lưu trước khi thoát?
send k
exit 0
S
check '[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from journal")" = 0 ]' "the dropped text left no journal"

screen "SIGTERM mid-typing: nothing is lost" 80x24 --as lan edit 2 <<S
wait Mưa lớn
send <End><Enter>Đang gõ thì bị tắt
wait Đang gõ thì bị tắt
signal TERM
exit 0
S
screen "reopening after SIGTERM restores every word" 80x24 --as lan edit 2 <<'S'
wait Đã khôi phục văn bản chưa lưu lúc
wait Đang gõ thì bị tắt
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S

# Two editors: the second sees who holds it, read-only; an editor takes over; the first is
# told on screen and keeps her text as a revision.
cat >"$T/hung.vt" <<'S'
wait Sáng nay
wait Chỉ xem: đang được Trần Thị Mai sửa từ
wait M-t Giành quyền
send x
wait Chỉ xem: đang được Trần Thị Mai
send <M-t>
wait Bạn đã giành quyền sửa; bản chưa lưu của Trần
gone M-t Giành quyền
send <Home>Hùng sửa. 
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
screen "an editor takes over; the holder is told and her text is kept" 120x30 --as mai edit 1 <<S
wait Sáng nay
send <Home>Mai viết thêm. 
wait Mai viết thêm.
shell "$VT" -s 80x24 -- "$TOASOAN" --as hung edit 1 <"$T/hung.vt" >"$T/hung.out" || { cat "$T/hung.out"; exit 1; }
timeout 15
wait Chỉ xem: Phạm Văn Hùng đã giành quyền sửa lúc
wait bản của bạn giữ thành bản
timeout 5
send abc
gone abc
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Hùng sửa." && ! "$TOASOAN" show 1 | grep -q "Mai viết thêm."' \
	"the editor's save is the article"
check '"$TOASOAN" history 1 | grep -q takeover' "the history lists the kept revision"
check 'sqlite3 "$TOASOAN_DB" "select body from revisions where reason like \"%lock%\"" | grep -q "Mai viết thêm."' \
	"the writer's text is a revision"

# A conflict: Lan's journal started from version 1; the editor saved version 2 meanwhile.
screen "a writer's session dies with unsaved text" 80x24 --as lan edit 3 <<S
wait Bão mạnh
send <End><Enter>Mưa tiếp diễn.
wait Mưa tiếp diễn.
$(journal_has "Mưa tiếp diễn.")
signal KILL
exit
S
screen "the editor saves a newer version" 80x24 --as hung edit 3 <<'S'
wait Bão mạnh
send <End><Enter>Nguồn: Sở Xây dựng.
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
screen "saving the recovered text shows both texts to merge" 120x30 --as lan edit 3 <<'S'
wait Đã khôi phục văn bản chưa lưu lúc
wait bản 2 mới hơn
send <C-s>
wait Xung đột: có người đã lưu trước bạn
wait Bản đã lưu: bản 2
wait Bản của bạn
expect-attr Nguồn: Sở italic
expect-attr Mưa tiếp diễn bold
expect-attr Bão mạnh !bold !italic
wait t Lấy bản đã lưu
wait m Giữ bản tôi
wait e Sửa tiếp
send m
wait Đã lưu bản
send <C-q>
exit 0
S
check '"$TOASOAN" show 3 | grep -q "Mưa tiếp diễn." && ! "$TOASOAN" show 3 | grep -q "Nguồn"' "keep mine saved on top"
check '"$TOASOAN" history 3 | grep -q conflict' "the conflicting text is a revision"

# History: revisions and moves; the difference with the current text; restore.
screen "the history lists revisions; a difference and a restore" 120x30 --as hung edit 3 <<'S'
wait Mưa tiếp diễn.
send <F7>
wait Lịch sử bài #3
wait Bản xung đột
wait Phạm Văn Hùng lưu bản 2
wait Enter So sánh
send <Down>
wait Bản xung đột
send <Down>
send <Enter>
wait so với văn bản hiện tại
wait Văn bản hiện tại
expect-attr Nguồn: Sở italic
send <Esc>
wait Lịch sử bài #3
send r
wait Khôi phục bản 2 thành bản mới?
send c
wait Đã khôi phục bản 2 thành bản
send <Esc>
wait Nguồn: Sở Xây dựng.
send <C-q>
exit 0
S
check '"$TOASOAN" show 3 | grep -q "Nguồn: Sở Xây dựng."' "the restored text is current"
check '"$TOASOAN" history 3 | grep -q restore' "the restore is a new revision"

# A full disk while editing: the text stays, the user is told, a file can be written, and the
# save goes through by itself once there is room again.
mkdir -p "$T/small"
if mount -t tmpfs -o size=1m tmpfs "$T/small" 2>/dev/null; then
	"$TOASOAN" backup "$T/small/db.db" >/dev/null
	big=$(printf 'Dòng dài để làm đầy ổ đĩa. %.0s' $(seq 1 120))
	screen "a full disk keeps the text, writes it to a file, and saves when room returns" 80x24 --db "$T/small/db.db" --as mai edit 1 <<S
wait Hùng sửa.
shell dd if=/dev/zero of="$T/small/fill" bs=4k >/dev/null 2>&1; true
send <C-End>
paste $big
paste $big
paste $big
send  Chữ cuối cùng.
wait Chữ cuối cùng.
send <C-s>
wait Chưa lưu được:
wait đĩa đầy
wait Chưa lưu
send <C-o>
wait Ghi ra tệp:
wait toasoan-1-
send <Enter>
wait Đã ghi ra
shell rm -f "$T/small/fill"
timeout 15
wait Đã lưu bản
timeout 5
send <C-q>
exit 0
S
	check 'grep -q "Chữ cuối cùng." "$T"/toasoan-1-*.txt' "the file holds the text"
	check '"$TOASOAN" --db "$T/small/db.db" show 1 | grep -q "Chữ cuối cùng."' "the retried save stored it"
	umount "$T/small"
else
	skip "full disk while editing" "no tmpfs mount here"
fi

# A long paste is journaled from the editor's own text rather than a copy of it: the journal
# holds all of it, byte for byte, and a SIGKILL leaves it for the next open. (Not under the
# sanitizers, which read a paste this long too slowly.)
case $BUILD in
*/asan) skip "a long paste's journal" "too slow under the sanitizers" ;;
*)
	python3 - "$T/long.txt" <<'P'
import sys
line = "Chiều nay đoàn xe cứu trợ đã đến các xã vùng lũ ở miền Trung. "
out = [line * 8 for _ in range(1500)] + ["Cuối bản dán dài."]
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(out))
P
	VT_LIMIT=120 screen "a long paste is journaled whole; SIGKILL keeps it" 120x30 --as mai edit 1 <<S
wait Sáng nay
send <C-End>
paste-file $T/long.txt
timeout 60
send <C-End>
wait Cuối bản dán dài.
$(journal_has "Cuối bản dán dài." "article = 1")
signal KILL
exit
S
	check 'python3 - "$T/long.txt" <<"P"
import os, sqlite3, sys
want = open(sys.argv[1], encoding="utf-8").read()
body = sqlite3.connect(os.environ["TOASOAN_DB"]).execute("select body from journal where article = 1").fetchone()[0]
body = body.decode() if isinstance(body, bytes) else body
assert len(want.encode()) > 512 * 1024 and body.endswith(want), (len(body), len(want))
P' "the journal holds the whole paste"
	screen "reopening restores the long paste" 120x30 --as mai edit 1 <<'S'
wait Đã khôi phục văn bản chưa lưu lúc
wait Chưa lưu
send <C-End>
timeout 60
wait Cuối bản dán dài.
signal KILL
exit
S
	;;
esac
