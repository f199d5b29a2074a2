# pressure.sh: the database under pressure: another writer holding the lock, a read-only
# file, a full disk. Each is waited out or refused with a clear message, and nothing already
# saved is damaged.
. "$(dirname "$0")/lib.sh"
run init
run new --title "Bài đầu tiên"
id=$out

# A writer holds the database for two seconds: we wait, we do not fail.
(echo "BEGIN IMMEDIATE; INSERT INTO words(word, added_by, at) VALUES ('khoá', 'x', 0);"; sleep 2; echo "COMMIT;") |
	sqlite3 "$TOASOAN_DB" &
sleep 0.5
run new --title "Bài viết trong lúc bận"
wait
expect_rc 0 "a busy database is waited for, not reported as locked"
check '! grep -qi "locked" "$T/err"' "no 'database is locked' reaches the user"

# A read-only database: reading works, writing says why.
cp "$TOASOAN_DB" "$T/ro.db"
chmod 444 "$T/ro.db"
if [ "$(id -u)" = 0 ]; then
	# root ignores file modes; make the file immutable-like by a read-only bind instead
	mkdir -p "$T/rodir"; cp "$T/ro.db" "$T/rodir/ro.db"
	if mount --bind -o ro "$T/rodir" "$T/rodir" 2>/dev/null && mount -o remount,ro,bind "$T/rodir" 2>/dev/null; then
		rodb="$T/rodir/ro.db"
	else
		rodb=""
	fi
else
	rodb="$T/ro.db"
fi
if [ -n "$rodb" ]; then
	run --db "$rodb" new --title "Không ghi được"
	expect_rc 1 "writing to a read-only database fails"
	expect_err "read-only" "the message says the database is read-only"
	umount "$T/rodir" 2>/dev/null
else
	skip "read-only database" "no read-only mount here"
fi

# A full disk: a small tmpfs fills up; the error says so and earlier articles stay intact.
mkdir -p "$T/small"
if mount -t tmpfs -o size=400k tmpfs "$T/small" 2>/dev/null; then
	small="$T/small/db.db"
	run --db "$small" init
	body=$(head -c 30000 /dev/urandom | base64 -w 100)
	full=""
	for i in $(seq 1 60); do
		printf 'Bài số %s\n\n%s\n' "$i" "$body" >"$T/big.txt"
		run --db "$small" import "$T/big.txt"
		if [ "$rc" != 0 ]; then full=$i; break; fi
	done
	check '[ -n "$full" ]' "the small disk fills up"
	expect_err "disk is full" "the error says the disk is full"
	run --db "$small" check
	expect_rc 0 "the database is intact after the disk filled"
	run --db "$small" list --json
	check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==int(sys.argv[2])-1, len(d)" "$T/out" "$full"' "every article saved before the disk filled is there"
	umount "$T/small"
else
	skip "full disk" "no tmpfs mount here"
fi
