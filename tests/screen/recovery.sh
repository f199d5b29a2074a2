# recovery.sh: a new article survives SIGKILL and SIGHUP before its first save; a busy
# database never freezes the keyboard and the save lands once it is free; SIGHUP on a busy
# database keeps every word (in the journal, else in a file); the lock's status-line messages
# (how to take over, the lock back after a taker left unsaved); a session left read-only by
# the person's own dropped one gets its text back; two sessions of one person share the new
# article's journal without one's save dropping the other's text; a saved new article's draft
# is dropped even after a failed background write of it.
. "$(dirname "$0")/common.bash"
newsroom

# How many journal rows a new article (article NULL) has.
new_journals() {
	sqlite3 "$TOASOAN_DB" "select count(*) from journal where article is null"
}

# nothing_offered TEXT: vt lines that find no unsaved new article offered, neither in the
# list nor on n (TEXT, a word of the old draft, absent), and leave.
nothing_offered() {
	printf '%s\n' "wait Tòa soạn — Bài của tôi" "wait Enter Mở" "gone Có bài mới chưa lưu" \
		"send n" "wait Tòa soạn · Bài mới" "wait C-s Lưu" "gone Đã khôi phục" "gone $1" "send <C-q>" \
		"wait Tòa soạn — Bài của tôi" "send <C-q>" "exit 0"
}

# begin_new TITLE BODY: vt lines that open a new article from the list, write TITLE and
# BODY, and wait until the journal holds BODY.
begin_new() {
	printf '%s\n' "wait Tòa soạn — Bài của tôi" "send n" "wait Tòa soạn · Bài mới" \
		"send $1<Enter><Enter>$2" "wait $2"
	journal_has "$2" "article is null"
}

# SIGKILL while writing a new article: the journal has it within two seconds.
screen "a new article is journaled before its first save; SIGKILL" 80x24 --as mai <<S
wait Tòa soạn — Bài của tôi
gone Có bài mới chưa lưu
send n
wait Bài mới
send Lũ quét ở Lào Cai<Enter><Enter>
send Nước dâng nhanh trong đêm.
wait Nước dâng nhanh trong đêm.
$(journal_has "Nước dâng nhanh trong đêm." "article is null")
signal KILL
exit
S
check 'sqlite3 "$TOASOAN_DB" "select title from journal where article is null" | grep -q "Lũ quét ở Lào Cai"' \
	"the journal holds the new article's title"
check '[ "$("$TOASOAN" list --json | grep -c "Lũ quét")" = 0 ]' "no article was created by the journal"

screen "the queue says a new article is unsaved; n brings it back; saving drops the journal" 80x24 --as mai <<'S'
wait Có bài mới chưa lưu — nhấn n để viết tiếp
send n
wait Đã khôi phục bài mới chưa lưu
wait Lũ quét ở Lào Cai
wait Nước dâng nhanh trong đêm.
wait Chưa lưu
send  Hai xã bị cô lập.
wait Hai xã bị cô lập.
send <C-s>
wait Đã tạo bài số 4.
send <C-q>
wait Tòa soạn — Bài của tôi
wait Lũ quét ở Lào Cai
send <C-q>
exit 0
S
check '"$TOASOAN" show 4 | grep -q "Nước dâng nhanh trong đêm. Hai xã bị cô lập."' "the recovered new article is saved"
check '[ "$(new_journals)" = 0 ]' "the first save dropped the new article's journal"

screen "a fresh queue with no unsaved new article says nothing; n starts empty" 80x24 --as mai <<S
$(nothing_offered "Lũ quét")
S

# SIGHUP (the connection drops): the journal is written at once, nothing typed is lost.
screen "SIGHUP while writing a new article writes its journal at once" 80x24 --as lan <<'S'
wait Tòa soạn — Bài của tôi
send n
wait Bài mới
send Chợ nổi Cái Răng<Enter><Enter>Ghe xuồng tấp nập từ sáng sớm, câu cuối
wait câu cuối
signal HUP
exit 0
S
check 'sqlite3 "$TOASOAN_DB" "select body from journal where article is null and login = \"lan\"" | grep -q "tấp nập từ sáng sớm, câu cuối"' \
	"SIGHUP wrote every word of the new article"

screen "toasoan opened again after SIGHUP offers the new article back" 80x24 --as lan <<'S'
wait Có bài mới chưa lưu — nhấn n để viết tiếp
send n
wait Đã khôi phục bài mới chưa lưu
wait Chợ nổi Cái Răng
wait câu cuối
send <C-q>
wait Lưu trước khi thoát?
send k
wait Tòa soạn — Bài của tôi
gone Có bài mới chưa lưu
send <C-q>
exit 0
S
check '[ "$(new_journals)" = 0 ]' "dropping the recovered new article leaves no journal"
check '[ "$("$TOASOAN" list --json | grep -c "Chợ nổi")" = 0 ]' "the dropped new article was never created"

# Another process holds a write transaction for three seconds while the user types and
# saves: keys show at once, the status line says busy and retrying, the save lands after.
hold_db() { # $1 seconds; touches $T/held once the write lock is taken
	echo "shell rm -f '$T/held'; (printf '.timeout 5000\nBEGIN IMMEDIATE;\nUPDATE articles SET id = id WHERE 0;\n.shell touch $T/held\n'; sleep $1; printf 'COMMIT;\n') | sqlite3 \"\$TOASOAN_DB\" >/dev/null 2>&1 &"
	echo "shell for i in \$(seq 200); do [ -e '$T/held' ] && exit 0; sleep 0.02; done; exit 1"
}
screen "a busy database: keys appear at once, the save is retried and lands" 120x30 --as lan edit 2 <<S
wait Mưa lớn kéo dài
$(hold_db 3)
send <End> Đường ngập sâu.
send <C-s>
timeout 1
wait Đường ngập sâu.
wait Cơ sở dữ liệu đang bận: chưa lưu, sẽ tự thử lại
send  Xe chết máy.
wait Xe chết máy.
wait CSDL bận, sẽ thử lại
timeout 8
wait Đã lưu bản 2 (lần thử lại).
gone CSDL bận
timeout 5
send <C-q>
exit 0
S
check '"$TOASOAN" show 2 | grep -q "Đường ngập sâu. Xe chết máy."' "the retried save stored every word"

# SIGHUP while another process holds the write lock: the last journal write waits for it
# rather than giving up after the screen's short patience, so the last words are kept.
screen "SIGHUP on a busy database: the last write waits and keeps every word" 120x30 --as lan edit 3 <<S
wait Bão mạnh cấp 12.
send <C-End><Enter>Gió giật cấp 14.
wait Gió giật cấp 14.
$(journal_has "Gió giật cấp 14." "article = 3")
$(hold_db 2)
send <Enter>Câu cuối lúc bận.
wait Câu cuối lúc bận.
signal HUP
timeout 15
exit 0
S
check 'sqlite3 "$TOASOAN_DB" "select body from journal where article = 3" | grep -q "Câu cuối lúc bận."' \
	"the journal holds the words typed while the database was busy"

# Busy for longer than any command waits: the text goes to a file in the home folder. (An
# article with no journal, typed into only once the database is held: the journal's own
# thread has nothing on its way that the last write would wait for as well.) Stopped by
# SIGTERM in a terminal that is still there, the terminal is also told where the text is.
busy_stop() { # SIGNAL TEXT [LINE]: stop the editor on a held database, then check the file
	rescued=$2
	screen "SIG$1 on a database busy too long: the text goes to a file" 120x30 --as lan edit 2 <<S
wait Xe chết máy.
$(hold_db 14)
send <C-End><Enter>$2
wait $2
signal $1
timeout 20
${3:-}
exit 0
S
	check 'grep -q "$rescued" "$T"/toasoan-2-*.txt && grep -q "Xe chết máy." "$T"/toasoan-2-*.txt' \
		"the file in the home folder holds the whole text (SIG$1)"
	sqlite3 "$TOASOAN_DB" ".timeout 20000" "BEGIN IMMEDIATE;" "COMMIT;" # the hold is over
}
busy_stop HUP "Chữ cứu ra tệp."
busy_stop TERM "Chữ cứu lần hai." "wait Đã ghi ra"

# Read-only because someone holds the lock: the status line says how to take over, but only
# to those who may (an editor), not to a reporter in a second session.
cat >"$T/hung.vt" <<'S'
wait Chỉ xem: đang được Trần Thị Mai sửa từ
wait M-t để giành quyền sửa.
send <C-q>
exit 0
S
cat >"$T/mai2.vt" <<'S'
wait Chỉ xem: đang được Trần Thị Mai sửa từ
gone để giành quyền sửa
send <C-q>
exit 0
S
screen "a read-only opening says how to take over, only to those who may" 120x30 --as mai edit 1 <<S
wait Sáng nay
shell "$VT" -s 120x30 -- "$TOASOAN" --as hung edit 1 <"$T/hung.vt" >"$T/hung.out" || { cat "$T/hung.out"; exit 1; }
shell "$VT" -s 120x30 -- "$TOASOAN" --as mai edit 1 <"$T/mai2.vt" >"$T/mai2.out" || { cat "$T/mai2.out"; exit 1; }
send <C-q>
exit 0
S

# A taker who leaves without saving leaves no lock row and no new version: the first writer's
# next heartbeat takes the lock back and says so, and her save goes through.
screen "the lock back after a taker left unsaved is told on the status line" 120x30 --as mai edit 1 <<S
wait Sáng nay
send <Home>Tin nóng: 
wait Tin nóng:
shell sqlite3 "\$TOASOAN_DB" "delete from locks where article = 1"
timeout 8
wait Người giành quyền sửa đã rời đi mà không lưu; bạn lại giữ quyền sửa.
timeout 5
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Tin nóng: Sáng nay"' "the writer's save after the lock came back"

# An SSH drop leaves the old session alive and holding the lock: the reporter reconnects and
# finds her own article read-only. When the old session gets SIGHUP at last, it journals its
# text and lets go; the new session brings that text back rather than journaling its first
# key over the only copy of it.
cat >"$T/again.vt" <<S
wait Chỉ xem: đang được Trần Thị Mai sửa từ
shell touch "$T/again-open"
timeout 15
wait Đã khôi phục văn bản chưa lưu lúc
wait đã đóng bài: gõ để bắt đầu sửa.
wait Chữ trước khi rớt.
send <C-End>
send <Enter>Chữ sau khi nối lại.
wait Chữ sau khi nối lại.
$(journal_has "Chữ sau khi nối lại." "article = 1")
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
rm -f "$T/again.rc"
screen "after an SSH drop the new session gets the old one's unsaved text back" 120x30 --as mai edit 1 <<S
wait Sáng nay
send <C-End><Enter>Chữ trước khi rớt.
wait Chữ trước khi rớt.
$(journal_has "Chữ trước khi rớt." "article = 1")
shell ("$VT" -s 120x30 -- "$TOASOAN" --as mai edit 1 <"$T/again.vt" >"$T/again.out" 2>&1; echo \$? >"$T/again.rc") &
shell for i in \$(seq 200); do [ -e "$T/again-open" ] && exit 0; sleep 0.05; done; exit 1
signal HUP
exit 0
S
for i in $(seq 600); do [ -e "$T/again.rc" ] && break; sleep 0.05; done
check '[ "$(cat "$T/again.rc" 2>/dev/null)" = 0 ] || { sed "s/^/   /" "$T/again.out" | head -n 45; false; }' \
	"the reconnected session restored the text and went on writing"
check '"$TOASOAN" show 1 | grep -q "Chữ trước khi rớt." && "$TOASOAN" show 1 | grep -q "Chữ sau khi nối lại."' \
	"the saved article has the words typed before and after the drop"

# One person in two sessions: the second's n brings back the new article the first is still
# writing (it is one journal row for both), and writes its own text there. The first one's
# save must not drop that row: the second session's text outlives its SIGKILL.
cat >"$T/two.vt" <<S
wait Tòa soạn — Bài của tôi
send n
wait Đã khôi phục bài mới chưa lưu
wait Phiên một viết.
send <C-End><Enter>Phiên hai viết thêm.
wait Phiên hai viết thêm.
$(journal_has "Phiên hai viết thêm." "article is null")
shell touch "$T/two-written"
shell for i in \$(seq 400); do [ -e "$T/one-saved" ] && exit 0; sleep 0.05; done; exit 1
signal KILL
exit
S
rm -f "$T/two.rc"
screen "one session's save keeps the new article another session wrote" 120x30 --as mai <<S
$(begin_new "Tin hai phiên" "Phiên một viết.")
shell ("$VT" -s 120x30 -- "$TOASOAN" --as mai <"$T/two.vt" >"$T/two.out" 2>&1; echo \$? >"$T/two.rc") &
shell for i in \$(seq 400); do [ -e "$T/two-written" ] && exit 0; sleep 0.05; done; exit 1
send <C-s>
wait Đã tạo bài số
shell touch "$T/one-saved"
send <C-q>
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S
for i in $(seq 600); do [ -e "$T/two.rc" ] && break; sleep 0.05; done
check '[ "$(cat "$T/two.rc" 2>/dev/null)" = 0 ] || { sed "s/^/   /" "$T/two.out" | head -n 45; false; }' \
	"the second session restored the new article and wrote on"
check 'sqlite3 "$TOASOAN_DB" "select body from journal where article is null and login = \"mai\"" | grep -q "Phiên hai viết thêm."' \
	"the second session's text is still journaled after the first one's save"

# A background journal write that fails (here a trigger refuses a title, as a full disk
# would refuse the row) leaves the row holding the text written before. Saving the new
# article must drop that row: it is this session's last written text, not another
# session's, and a draft offered again for an article already saved would be a copy.
sqlite3 "$TOASOAN_DB" "CREATE TRIGGER journal_refuses BEFORE INSERT ON journal
	WHEN new.title LIKE '%ZZLOI%' BEGIN SELECT RAISE(ABORT, 'the test refuses this row'); END;"
screen "a failed journal write does not keep a saved new article's draft" 120x30 --as lan <<S
$(begin_new "Tin ghi hỏng" "Câu đầu đã ghi.")
send <C-Home><End> ZZLOI
wait Không ghi được bản dự phòng
send <C-s>
wait Đã tạo bài số
send <C-q>
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S
sqlite3 "$TOASOAN_DB" "DROP TRIGGER journal_refuses"
check '[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from journal where article is null and login = \"lan\"")" = 0 ]' \
	"saving the new article dropped its journal row after a failed write"
screen "the saved new article is not offered again as a draft" 120x30 --as lan <<S
$(nothing_offered "Câu đầu đã ghi.")
S
