# concurrency.sh: several processes saving into one database at once: no error, no lost
# update (the full load of 50 processes for a minute is a benchmark: make bench).
. "$(dirname "$0")/lib.sh"

run init
for i in 1 2 3 4 5 6; do run new --title "Bài số $i"; done
"$BUILD/tools/savers" "$TOASOAN_DB" 5 12 0 >"$T/out" 2>"$T/err"; rc=$?
out=$(cat "$T/out")
expect_rc 0 "5 processes saving at once finish without an error"
expect_out "errors=0" "no save failed, busy or not"
expect_out "lost=0" "every attempt is a revision: nothing lost"
check 'grep -q "attempts=120 " "$T/out"' "every attempt was made"
run show 1 --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"body\"].count(\"Dòng\")==12, d[\"body\"]" "$T/out"' "each writer's own article has all of its lines"
run check
expect_rc 0 "the database is intact afterwards"
expect_out "0 problems found" "check reports no problem"
run backup "$T/copy.db"
expect_rc 0 "backup writes a copy"
run --db "$T/copy.db" show 1 --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"body\"].count(\"Dòng\")==12" "$T/out"' "the backup holds the same text"
run backup "$T/copy.db"
expect_rc 1 "backup never overwrites a file"
expect_err "already exists" "the existing file is named"
