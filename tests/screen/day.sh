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
