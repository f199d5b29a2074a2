# identity.sh: who is acting comes from the real user id, never from $USER; an unregistered
# login is told what an admin must run; --as is for admins only and leaves a trace.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	skip "identity tests" "they need root and setpriv"
	exit 0
fi
chmod 777 "$T"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$TOASOAN" "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; }

run init
chmod 666 "$TOASOAN_DB"
as_nobody list
expect_rc 1 "an unregistered login is refused"
expect_err "'nobody' is not a toasoan user; an admin can add you with: toasoan user add nobody --role reporter" "the error says what an admin must run"
USER=root as_nobody user list
expect_rc 1 "setting USER does not change who you are"
run user add nobody --role reporter --name "Người Dùng Thử"
as_nobody list
expect_rc 0 "a registered reporter can list"
as_nobody --as "$ME" list
expect_rc 1 "a reporter cannot use --as"
expect_err "only admins can act for another user with --as" "the --as rule is named"
as_nobody new --title "Tin thử nghiệm"
expect_rc 0 "the reporter creates a draft as herself"
id=$(cat "$T/out")
run show "$id" --json
check 'grep -q "\"author\":\"nobody\"" "$T/out"' "the author is the real login"
run --as nobody submit "$id"
expect_rc 0 "an admin acts for the reporter with --as"
run history "$id"
expect_out "[by $ME with --as]" "history records the admin behind --as"
printf 'Tiêu đề: Tin do admin viết hộ\n\nMột câu.\n' >"$T/as.txt"
run --as nobody new "$T/as.txt"
expect_rc 0 "an admin creates a draft for the reporter"
as_id=$(cat "$T/out")
run history "$as_id"
check 'grep "revision 1" "$T/out" | grep -qF "[by $ME with --as]"' "the saved revision records the admin behind --as too"
check 'grep "created as" "$T/out" | grep -qF "[by $ME with --as]"' "and so does the creation"
