# heartbeat.sh: the edit lock is renewed while the editor sits idle, and while a prompt is
# open, off the key path (on the journal's thread); its renewals and the journal reach the
# database while other programs open and close it meanwhile (a program closing the database
# last must never delete the write-ahead log under an open editor).
. "$(dirname "$0")/common.bash"
newsroom

# A shell line for vt: polls (reading the database the way another program does, over and
# over) until article 1's lock heartbeat is later than it was when the poll began.
renewed() {
	local q="select heartbeat from locks where article = 1"
	echo "shell first=\$(sqlite3 \"\$TOASOAN_DB\" '$q'); [ -n \"\$first\" ] || exit 1;" \
		"for i in \$(seq 400); do now=\$(sqlite3 \"\$TOASOAN_DB\" '$q');" \
		"[ -n \"\$now\" ] && [ \"\$now\" -gt \"\$first\" ] && exit 0; sleep 0.05; done; exit 1"
}

screen "the lock is renewed while the editor is idle and while a prompt is open" 80x24 --as mai edit 1 <<S
wait Sáng nay
$(renewed)
send <C-f>
wait Tìm:
$(renewed)
send <Esc>
gone Tìm:
send <End> Nắng đẹp.
wait Nắng đẹp.
$(journal_has "Nắng đẹp.")
$(renewed)
send <C-s>
wait Đã lưu bản
send <C-q>
exit 0
S
check '[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from locks")" = 0 ]' "leaving lets the lock go"
check '"$TOASOAN" show 1 | grep -q "Nắng đẹp."' "the text typed between renewals is saved"

exit $rc
