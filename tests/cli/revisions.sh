# revisions.sh: every save is a revision; history lists them with the changes of state, and
# diff shows what changed word by word (plain when piped, coloured on a terminal).
. "$(dirname "$0")/lib.sh"
run init
run new --title "Bài một"
run new --title "Bài chung"
"$BUILD/tools/savers" "$TOASOAN_DB" 1 2 0 >/dev/null
run history 1
expect_out "revision 1 (save): new" "history lists the first revision"
expect_out "revision 3 (save): load test" "history lists later revisions"
expect_out "created as draft" "history lists the creation"
run diff 1
expect_rc 0 "diff without revisions compares the last two"
expect_out "{+" "a piped diff marks insertions in plain text"
check '! grep -q $'"'"'\033'"'"' "$T/out"' "a piped diff has no colour codes"
run diff 1 1 3
expect_out "{+" "diff between two named revisions"
check 'grep -q "Dòng 0" "$T/out" && grep -q "Dòng 1" "$T/out"' "the inserted lines are shown"
run diff 1 9
expect_rc 1 "an unknown revision fails"
expect_err "article 1 has no revision 9" "the unknown revision is named"
run new --title "Chỉ một bản"
run diff 3
expect_rc 1 "an article with one revision has nothing to compare"
expect_err "only one revision" "the message says why"
script -qfec "$TOASOAN diff 1 1 3" /dev/null >"$T/tty" 2>&1 </dev/null
check 'grep -q $'"'"'\033\[32m'"'"' "$T/tty"' "on a terminal insertions are coloured"
