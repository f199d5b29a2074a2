# keys.sh: the key list printed for the README comes from the same table as the help.
. "$(dirname "$0")/common.bash"
TOASOAN_KEYS=md "$TOASOAN" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "TOASOAN_KEYS=md prints the key list"
expect_out '### Trình soạn thảo' "the editor's keys have a heading"
expect_out '- `C-s`: Lưu bài' "Ctrl-S saves"
expect_out '- `F1, C-g`: Hiện mọi phím tắt' "synonyms are joined"
expect_out '- `M-1..9`: Sửa lỗi theo gợi ý 1..9' "suggestion digits are one line"
expect_out '- `Esc, q`: Đóng' "the history and comparison keys are listed"
TOASOAN_KEYS=md-en "$TOASOAN" >"$T/out" 2>"$T/err"; rc=$?
expect_out '- `a`: Approve and publish now' "the English list"
