# audit.sh: the audit's items in the full screen: an editor disabled while the list is open
# cannot publish from it; a hostile title is drawn visibly, never passed to the terminal;
# another reporter's draft opens like a missing id; a theme of 500 KB of '[' is refused at
# once with file:line:column; a save to an article a colleague published meanwhile asks first.
. "$(dirname "$0")/common.bash"
newsroom
"$TOASOAN" --as lan submit 3 >/dev/null

screen "an editor disabled while the list is open cannot publish from it" 100x24 --as hung <<S
wait Tòa soạn — Chờ duyệt
wait Bão số 9 vào miền Trung
shell "$TOASOAN" user disable hung >/dev/null
send p
wait lên trang công khai?
send c
wait tài khoản 'hung' đã bị khóa
send <C-q>
exit
S
check '"$TOASOAN" show 3 | grep -q "Trạng thái: review"' "the article stays in review"
"$TOASOAN" user role hung editor >/dev/null

sqlite3 "$TOASOAN_DB" "UPDATE articles SET title = 'Bão' || char(27) || ']2;pwn' || char(7) || ' số' || char(8238) || '9' WHERE id = 3"
screen "a hostile title is drawn visibly" 100x24 --as hung <<'S'
wait Tòa soạn — Chờ duyệt
wait Bão?]2;pwn? số?9
send <C-q>
exit
S

# The same words, whether the article is someone else's draft or does not exist.
"$VT" -s 80x24 -T 10 -- "$TOASOAN" --as lan edit 1 >/dev/null 2>&1 <<'S'
wait không có bài số 1
exit 1
S
vrc=$?
check '[ "$vrc" = 0 ]' "editing another reporter's draft says there is no such article"
"$VT" -s 80x24 -T 10 -- "$TOASOAN" --as lan edit 99 >/dev/null 2>&1 <<'S'
wait không có bài số 99
exit 1
S
vrc=$?
check '[ "$vrc" = 0 ]' "editing a missing id says the same"

python3 -c "print('[' * 500000)" >"$T/deep.yaml"
printf 'ui:\n  theme: %s\n' "$T/deep.yaml" >"$T/deep-theme.yaml"
screen "a theme nested 500,000 deep is refused at once" 100x24 --config "$T/deep-theme.yaml" --as hung <<S
timeout 10
wait nested deeper than 32 levels
wait Tòa soạn — Chờ duyệt
send <C-q>
exit
S

# On a terminal, export and the coloured diff show hostile text visibly too; only the diff's
# own colours reach the terminal as escape sequences.
"$TOASOAN" --as lan new --title "Bài sạch" >/dev/null
sqlite3 "$TOASOAN_DB" "UPDATE articles SET body = 'Thân' || char(27) || ']2;pwn' || char(7) || 'xong' WHERE id = 4"
screen "export on a terminal shows hidden characters" 100x24 export 4 --format txt <<'S'
wait Thân<U+001B>]2;pwn<U+0007>xong
exit 0
S
screen "a coloured diff on a terminal shows them too" 100x24 diff 4 1 <<'S'
wait Thân<U+001B>]2;pwn<U+0007>xong
expect-attr Thân<U+001B> fg=2
exit 0
S

printf 'Tiêu đề: Giá xăng giảm\n\nGiá xăng giảm từ chiều nay.\n' >"$T/live.txt"
live=$("$TOASOAN" --as lan new "$T/live.txt")
"$TOASOAN" --as lan submit "$live" >/dev/null
screen "a save after a colleague published the article asks first" 100x24 --as hung edit "$live" <<S
wait Tòa soạn #$live · Chờ duyệt
shell "$TOASOAN" approve $live >/dev/null
send <C-End> Ghi chú nội bộ.
wait Ghi chú nội bộ.
send <C-s>
wait Bài đang đăng: lưu sẽ thay đổi trang công khai ngay.
send k
wait Đã hủy.
send <C-s>
wait Bài đang đăng: lưu sẽ thay đổi trang công khai ngay.
send c
wait trang công khai đã được cập nhật
send <C-q>
exit
S
check '"$TOASOAN" history "$live" | grep -q "revision 2"' "the save went through only once asked"
