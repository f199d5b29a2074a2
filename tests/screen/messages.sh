# messages.sh: what the desk says reaches the screen in the screen's language: a refusal of
# the rules (a time in the past) is Vietnamese on the Vietnamese screen and English with
# ui.language: en.
. "$(dirname "$0")/common.bash"
newsroom
"$TOASOAN" --as mai submit 1 >/dev/null

screen "the desk's refusal of a past time is Vietnamese on the screen" 80x24 --as hung <<'S'
wait Đà Nẵng khai trương
send h
wait Đăng lúc
send 2001-01-01 10:00
send <Enter>
wait giờ đăng phải ở tương lai
gone must be in the future
send <C-q>
exit 0
S

printf 'ui:\n  language: en\n' >"$T/en.yaml"
screen "and English on the English screen" 80x24 --config "$T/en.yaml" --as hung <<'S'
wait Đà Nẵng khai trương
send h
wait Publish at
send 2001-01-01 10:00
send <Enter>
wait the publishing time must be in the future
send <C-q>
exit 0
S
check '"$TOASOAN" show 1 | grep -q "Trạng thái: review"' "the refused article stays in review"
