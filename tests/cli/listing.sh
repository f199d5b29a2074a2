# listing.sh: `list` for scripts: --limit, --offset and --since page through the archive
# newest change first, rows stream as valid JSON, bad values are refused naming them, and an
# open list screen's change number moves with every change of an article and with nothing else.
. "$(dirname "$0")/lib.sh"

run init
for i in 1 2 3 4 5; do run new --title "Bài số $i"; done
# Distinct, known change times: article i changed on 2026-11-0i at 08:00 (Hà Nội time).
sqlite3 "$TOASOAN_DB" "UPDATE articles SET updated_at = strftime('%s', '2026-11-0' || id || ' 01:00:00')"

run list
check '[ "$(awk "{print \$1}" "$T/out" | tr "\n" " ")" = "5 4 3 2 1 " ]' "list shows every article, newest change first"
run list --limit 2
check '[ "$(awk "{print \$1}" "$T/out" | tr "\n" " ")" = "5 4 " ]' "--limit keeps the first rows"
run list --limit 2 --offset 2
check '[ "$(awk "{print \$1}" "$T/out" | tr "\n" " ")" = "3 2 " ]' "--offset skips rows: the next page"
run list --offset 9
expect_rc 0 "an offset past the end is no error"
check '[ ! -s "$T/out" ]' "an offset past the end lists nothing"
run list --since "2026-11-03 08:00"
check '[ "$(awk "{print \$1}" "$T/out" | tr "\n" " ")" = "5 4 3 " ]' "--since keeps the articles changed at or after the time"
run list --since "2026-11-03T01:00:00Z" --limit 1 --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [a[\"id\"] for a in d]==[5], d" "$T/out"' "--since takes ISO 8601 times and combines with --limit in JSON"
run list --since 2026-11-03
check '[ "$(awk "{print \$1}" "$T/out" | tr "\n" " ")" = "5 4 3 " ]' "--since takes a date alone as the start of that day, as search does"
run list --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [a[\"id\"] for a in d]==[5,4,3,2,1]; assert d[0][\"title\"]==\"Bài số 5\"" "$T/out"' "the streamed JSON is one valid array of every row"
run list --json --since "2030-01-01 00:00"
check '[ "$out" = "[]" ]' "an empty JSON list is []"

run list --limit 0
expect_rc 2 "a zero limit is a usage error"
expect_err "invalid limit '0'" "the bad limit is named"
run list --limit -3
expect_rc 2 "a negative limit is a usage error"
run list --offset many
expect_rc 2 "a bad offset is a usage error"
expect_err "invalid offset 'many'" "the bad offset is named"
run list --since yesterday
expect_rc 2 "a bad time is a usage error"
expect_err "'yesterday'" "the bad time is named"

# The change number behind the list screen's refresh.
seq() { sqlite3 "$TOASOAN_DB" "SELECT max(seq) FROM articles"; }
s0=$(seq)
run show 2
run list --json
s1=$(seq)
check '[ "$s1" = "$s0" ]' "reading articles moves no change number"
sqlite3 "$TOASOAN_DB" "INSERT INTO journal(article, login, base_version, title, sapo, body, byline, section, tags, at) VALUES (2, '$ME', 1, 'x', '', 'y', '', '', '', 0)" 2>/dev/null
check '[ "$(seq)" = "$s0" ]' "a journal write moves no change number"
run submit 2
check '[ "$(seq)" -gt "$s0" ]' "a change of state moves the change number"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT id FROM articles ORDER BY seq DESC LIMIT 1")" = 2 ]' "the changed article holds the newest change number"
run new --title "Bài mới"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT id FROM articles ORDER BY seq DESC LIMIT 1")" = 6 ]' "a new article takes the next change number"
