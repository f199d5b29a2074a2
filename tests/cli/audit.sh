# audit.sh: the rest of the security audit. Stored text is shown, never obeyed (every
# control, bidi and zero-width character made visible, byte for byte); C1 and bidi controls
# are refused on input; limits on titles, notes, tags and settings files; rights re-read on
# every write; migrations under concurrency and foreign files; check on a damaged database
# and a full disk; another reporter's draft answers like a missing id. Every refusal also
# leaves the database exactly as it was.
. "$(dirname "$0")/lib.sh"

# The database's dump, to compare before and after a refusal.
dump() { sqlite3 "${1:-$TOASOAN_DB}" .dump; }
same_db() { # NAME: the database is as it was at the last 'dump >"$T/before"'
	dump >"$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else fail "$1" "an unchanged database"; fi
}
# Output checked byte for byte: the file $T/out against the expected text in $1.
same_out() {
	printf '%s' "$1" >"$T/want"
	if cmp -s "$T/want" "$2"; then pass "$3"; else
		fail "$3" "exactly the bytes shown under 'want'"
		diff <(od -c "$T/want") <(od -c "$2") | head -8 | sed 's/^/   /'
	fi
}

run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add lan --role reporter --name "Lê Thị Lan"
run user add hung --role editor --name "Phạm Văn Hùng"

## 1. Terminal injection ------------------------------------------------------------------
ESC=$'\033' BEL=$'\007'
CSI1=$'\xc2\x9b' RLO=$'\xe2\x80\xae' LRI=$'\xe2\x81\xa6' ZWSP=$'\xe2\x80\x8b'
printf 'Tiêu đề: Giá xăng giảm\n\nGiá xăng giảm từ chiều nay.\n' >"$T/a.txt"
run --as mai new "$T/a.txt"
id=$out
dump >"$T/before"
run --as mai new --title "Tin ${CSI1}2J mới"
expect_rc 1 "a C1 control in a title is refused"
expect_err "toasoan: error: the title has a control character (U+009B) at byte 4" "the C1 control is named with its place"
run --as mai new --title "Tin ${RLO}gnôs"
expect_rc 1 "a bidi override in a title is refused"
expect_err "the title has a bidi control (U+202E) at byte 4" "the bidi control is named"
run --as mai new --title "Tin ${ESC}]2;x${BEL}"
expect_rc 1 "an escape sequence in a title is refused"
run --as mai submit "$id"
dump >"$T/before"
run --as hung return "$id" --note "Sửa ${CSI1}lại"
expect_rc 1 "a C1 control in a note is refused"
expect_err "the note has a control character (U+009B) at byte 6" "the note's control character is named"
run --as hung return "$id" --note "Sửa ${LRI}lại"
expect_rc 1 "a bidi isolate in a note is refused"
same_db "refused titles and notes change nothing"
printf 'Tiêu đề: Bài %s đảo\n\nThân bài.\n' "$RLO" >"$T/bidi.txt"
run --as mai import "$T/bidi.txt"
expect_rc 1 "import refuses a bidi override too"
same_db "the refused import changes nothing"

# A database written before these checks, or edited by hand, holds anything: the output
# shows it all, visibly, and never passes it to the terminal.
evil="A ${ESC}]52;c;aGk=${BEL}${ESC}]2;pwn${BEL} ${CSI1}2J ${RLO}Z${ZWSP}"
shown='A <U+001B>]52;c;aGk=<U+0007><U+001B>]2;pwn<U+0007> <U+009B>2J <U+202E>Z<U+200B>'
sqlite3 "$TOASOAN_DB" "UPDATE articles SET title = CAST(x'$(printf '%s' "$evil" | od -An -tx1 | tr -d ' \n')' AS TEXT),
	body = 'Thân' || char(27) || '[31m bài' || char(10) || 'dòng hai' WHERE id = $id;
	UPDATE users SET name = 'Mai' || char(27) || ']2;x' || char(7) WHERE login = 'mai';
	DROP TRIGGER transitions_no_update;
	UPDATE transitions SET note = 'ok' || char(27) || '[2J' || char(10) || 'fake line' WHERE article = $id AND to_state = 'review';"
run list
sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' "$T/out" >"$T/list"
same_out "$(printf '%-5s %-9s TIME  %-12s %s' "$id" review mai "$shown")"$'\n' "$T/list" "list shows a hostile title visibly, byte for byte"
run --as mai list
check '! grep -q "$ESC" "$T/out"' "no escape byte reaches the terminal from list"
run show "$id"
sed -n '/^---$/,$p' "$T/out" >"$T/body"
same_out "---
Tiêu đề: $shown
Sapo:
Tác giả:
Chuyên mục:
Từ khóa:

Thân<U+001B>[31m bài
dòng hai
" "$T/body" "show shows the title and body visibly, keeping the body's lines"
check 'grep -qF "Tác giả (tài khoản): Mai<U+001B>]2;x<U+0007> (mai)" "$T/out"' "show makes the author's name visible"
run history "$id"
check 'grep -qF ": ok<U+001B>[2J<U+000A>fake line" "$T/out"' "history shows a note visibly, on its own line"
check '[ "$(grep -c . "$T/out")" = 3 ]' "a newline in a note cannot forge a history line"
run user list
check 'grep -qE "^mai +reporter +active +Mai<U\+001B>\]2;x<U\+0007>$" "$T/out"' "user list makes a name visible"
run diff "$id" 1
check 'grep -qF "{+Thân<U+001B>[31m+}" "$T/out"' "diff shows inserted hostile text visibly"
check '! grep -q "$ESC" "$T/out"' "no escape byte in the diff"
run list --json
check 'python3 -c "import json,sys; t=json.load(open(sys.argv[1]))[0][\"title\"]; assert t==sys.argv[2], repr(t)" "$T/out" "$evil"' "JSON keeps the exact title"
check '! grep -q "$ESC\|$CSI1\|$RLO\|$ZWSP" "$T/out"' "JSON escapes every hidden character"
check 'grep -qF "\u001b]52;c;aGk=\u0007" "$T/out" && grep -qF "\u202eZ\u200b" "$T/out"' "JSON escapes them as \\u sequences"
run export "$id" --format txt
check 'grep -qF "$evil" "$T/out"' "export to a pipe keeps the exact bytes (it is data)"
printf 'Hôm nay trời đẹp %s]2;pwn%s và %s nứơc.\n' "$ESC" "$BEL" "$RLO" >"$T/spell.txt"
run spell "$T/spell.txt"
check '! grep -q "$ESC\|$RLO" "$T/out"' "spell never prints a hidden character raw"
run show 999999
run --db "/tmp/x${ESC}]2;pwn${BEL}/db" list
expect_err "no database at '/tmp/x<U+001B>]2;pwn<U+0007>/db'" "errors quote names visibly"

## 8. Another reporter's draft = a missing id ------------------------------------------------
run --as mai new --title "Nháp riêng của Mai"
draft=$out
dump >"$T/before"
for cmd in show history diff submit export; do
	extra=""; [ "$cmd" = export ] && extra="--format txt"
	run --as lan $cmd "$draft" $extra
	hid_rc=$rc hid_err=$(sed "s/$draft/ID/g" "$T/err")
	run --as lan $cmd 999999 $extra
	mis_rc=$rc mis_err=$(sed "s/999999/ID/g" "$T/err")
	check '[ "$hid_rc" = "$mis_rc" ] && [ "$hid_err" = "$mis_err" ] && [ -n "$hid_err" ]' "'$cmd' on another reporter's draft answers like a missing id"
done
same_db "asking for another reporter's draft changes nothing"

## 3. Rights re-read on every write -------------------------------------------------------
run --as mai submit "$draft"
run user disable hung
dump >"$T/before"
run --as hung publish "$draft"
expect_rc 1 "a disabled editor cannot publish"
expect_err "the account 'hung' is disabled; ask an admin" "the refusal says the account is disabled"
same_db "the disabled editor's attempt changes nothing"
run user role hung editor
expect_out "hung is now editor, and the disabled account is enabled again" \
	"giving a disabled account a role says that it enables the account"
run user role hung editor
expect_no_out "enabled again" "a role given to an active account says only the role"
run user add tu --role editor --name "Tú"
run user role tu reporter
dump >"$T/before"
run --as tu publish "$draft"
expect_rc 1 "a demoted editor cannot publish"
same_db "the demoted editor's attempt changes nothing"

## 5. Limits -------------------------------------------------------------------------------
long_title=$(printf 'ă%.0s' $(seq 501))
tags=$(for i in $(seq 31); do printf 'thẻ %s, ' "$i"; done)
long_tag=$(printf 'a%.0s' $(seq 101))
note=$(printf 'n%.0s' $(seq 10001))
dump >"$T/before"
run --as mai new --title "$long_title"
expect_rc 1 "a 501-character title is refused"
expect_err "the title is too long: 501 characters, at most 500" "the title limit is named"
printf 'Tiêu đề: Nhiều thẻ\nTừ khóa: %s\n\nThân bài.\n' "$tags" >"$T/tags.txt"
run --as mai import "$T/tags.txt"
expect_rc 1 "31 tags are refused"
expect_err "too many tags: 31, at most 30" "the tag count is named"
printf 'Tiêu đề: Thẻ dài\nTừ khóa: %s\n\nThân bài.\n' "$long_tag" >"$T/tag.txt"
run --as mai import "$T/tag.txt"
expect_rc 1 "a 101-character tag is refused"
expect_err "the tag is too long: 101 characters, at most 100" "the tag length is named"
run return "$draft" --note "$note"
expect_rc 1 "a note of 10,001 characters is refused"
expect_err "the note is too long: 10001 characters, at most 10000" "the note limit is named"
same_db "refused limits change nothing"
run --as mai new --title "$(printf 'ă%.0s' $(seq 500))"
expect_rc 0 "a 500-character title is accepted"

# Settings files.
dump >"$T/before"
conf() { printf "$1" >"$T/c.yaml"; run --config "$T/c.yaml" list; }
conf 'ui:\n  language: vi\n  language: en\n'
expect_rc 1 "a duplicate key is an error"
expect_err "toasoan: error: $T/c.yaml:3:3: duplicate key 'language' (first at line 2)" "the duplicate key is named with file:line:column"
conf 'ui:\n  theme: default\n---\nui:\n  theme: light\n'
expect_err "$T/c.yaml:3:1: a second YAML document; the file must hold one" "a second document is an error"
conf 'database: "a\\0b"\n'
expect_err "$T/c.yaml:1:11: a NUL character inside a value" "a NUL inside a value is an error"
python3 -c "print('[' * 500000)" >"$T/c.yaml"
run --config "$T/c.yaml" list
expect_err "$T/c.yaml:1:33: nested deeper than 32 levels" "deep nesting is refused at once"
head -c 1048577 /dev/zero | tr '\0' '#' >"$T/c.yaml"
run --config "$T/c.yaml" list
expect_rc 1 "a config file over 1 MiB is refused"
same_db "bad settings files change nothing"

## 4. Migrations ---------------------------------------------------------------------------
for i in 1 2 3 4 5 6 7 8; do
	("$TOASOAN" --db "$T/c8.db" init >"$T/init.$i" 2>&1; echo $? >"$T/init.rc.$i") &
done
wait
check '[ "$(cat "$T"/init.rc.* | sort -u)" = 0 ]' "8 concurrent init on a new file all succeed"
check '! grep -q error "$T"/init.[0-9]' "none of them reports an error"
"$TOASOAN" --db "$T/ref.db" init >/dev/null 2>&1
schema=$(sqlite3 "$T/ref.db" "PRAGMA user_version")
check '[ "$(sqlite3 "$T/c8.db" "PRAGMA user_version; SELECT count(*) FROM users WHERE role = '"'admin'"'")" = "$(printf "%s\n1" "$schema")" ]' "one schema, one first admin"
: >"$T/empty.db"
run --db "$T/empty.db" list
expect_rc 1 "a command other than init refuses an empty file"
expect_err "'$T/empty.db' is an empty file, not a toasoan database; nothing was changed (make it one with: toasoan init)" "it says it found an empty file"
check '[ ! -s "$T/empty.db" ] && [ ! -e "$T/empty.db-wal" ]' "the empty file is left empty"
sqlite3 "$T/other.db" "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('x');"
sum=$(md5sum <"$T/other.db")
for cmd in list "new --title X" init; do
	run --db "$T/other.db" $cmd
	expect_rc 1 "'$cmd' refuses another program's SQLite file"
done
expect_err "'$T/other.db' is an SQLite database of another program (1 table, schema version 0, no toasoan tables); nothing was changed" "it says what it found"
check '[ "$(md5sum <"$T/other.db")" = "$sum" ] && [ ! -e "$T/other.db-wal" ]' "the foreign file is untouched"
sqlite3 "$T/blank.db" "PRAGMA user_version = 0; VACUUM;"
run --db "$T/blank.db" new --title X
expect_err "is an empty SQLite database, not a toasoan database" "an empty SQLite file is not made a newsroom by 'new'"

## 7. check on a damaged database; a full disk ---------------------------------------------
cp "$TOASOAN_DB" "$T/dmg.db"
sqlite3 "$T/dmg.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
page=$(sqlite3 "$T/dmg.db" "SELECT rootpage FROM sqlite_master WHERE name = 'users'")
psize=$(sqlite3 "$T/dmg.db" "PRAGMA page_size")
printf '\377\377\377\377' | dd of="$T/dmg.db" bs=1 seek=$(( (page - 1) * psize )) conv=notrunc 2>/dev/null
rm -f "$T/dmg.db-wal" "$T/dmg.db-shm"
sum=$(md5sum <"$T/dmg.db")
run --db "$T/dmg.db" list
expect_rc 1 "a damaged users table stops ordinary commands"
run --db "$T/dmg.db" check
expect_rc 1 "check on a damaged database fails"
expect_err "cannot read users" "check says what failed"
expect_out "Page $page: btreeInitPage() returns error code 11" "check still reports the integrity check's findings"
expect_out "problems found; the database is damaged: restore a backup" "check says what to do"
check '[ "$(md5sum <"$T/dmg.db")" = "$sum" ]' "looking at the damaged file changes none of its bytes"

# Damage where the users still load: the check runs through and lists what it found.
cp "$TOASOAN_DB" "$T/dmg2.db"
sqlite3 "$T/dmg2.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
page=$(sqlite3 "$T/dmg2.db" "SELECT rootpage FROM sqlite_master WHERE name = 'articles'")
head -c "$psize" /dev/zero | tr '\0' '\377' | dd of="$T/dmg2.db" bs=1 seek=$(( (page - 1) * psize )) conv=notrunc 2>/dev/null
rm -f "$T/dmg2.db-wal" "$T/dmg2.db-shm"
run --db "$T/dmg2.db" check
expect_rc 1 "check on a damaged articles table reports problems"
expect_out "Page $page: btreeInitPage() returns error code 11" "the damaged page is named"
expect_out "problems found; 0 dead locks cleared" "the check runs to its end"

mkdir -p "$T/small"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=2m tmpfs "$T/small" 2>/dev/null; then
	small="$T/small/db.db"
	run --db "$small" init
	run --db "$small" new --title "Một"
	dump "$small" >"$T/before"
	dd if=/dev/zero of="$T/small/fill" bs=4k 2>/dev/null
	run --db "$small" new --title "Hai"
	expect_rc 1 "writing on a completely full disk fails"
	expect_err "the disk is full (where '$small' is); free some space and try again" "a full disk says the disk is full"
	check '! grep -q "disk I/O error" "$T/err"' "not a bare disk I/O error"
	run --db "$small" list
	expect_err "disk is full" "reading on a full disk says the disk is full too"
	rm -f "$T/small/fill"
	dump "$small" >"$T/after"
	check 'cmp -s "$T/before" "$T/after"' "the database is unchanged after the disk filled"
	umount "$T/small"
else
	skip "a completely full disk" "needs root to mount a small tmpfs"
fi
