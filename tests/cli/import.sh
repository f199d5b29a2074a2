# import.sh: bulk import of a newsroom's archive: any number of files and folders in a stable
# order, every file checked first (each bad one named with its reason and offset), all or
# nothing unless --skip-bad, legacy encodings detected, --json, --as and --state with their
# role rules, a progress line only on a terminal, and an interruption that leaves whole
# batches. Every refusal also checks that the database did not change.
. "$(dirname "$0")/lib.sh"
run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add hung --role editor --name "Lê Văn Hùng"
dump() { sqlite3 "$TOASOAN_DB" .dump; }
count() { sqlite3 "$TOASOAN_DB" "SELECT count(*) FROM articles ${1:-}"; }
same_db() { # NAME: the database is exactly as it was at the last `dump >"$T/before"`
	dump >"$T/after"
	if cmp -s "$T/before" "$T/after"; then pass "$1"; else fail "$1" "an unchanged database"; fi
}
as() { local who=$1; shift; TOASOAN_TEST_LOGIN= run --as "$who" "$@"; }

# Generated archives: file N has title "Bài số N" and a body of a few sentences.
gen() { # DIR FIRST LAST [EXT]
	python3 - "$@" <<'PY'
import os, sys
d, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ext = sys.argv[4] if len(sys.argv) > 4 else "txt"
os.makedirs(d, exist_ok=True)
for n in range(a, b + 1):
    with open(os.path.join(d, "%05d.%s" % (n, ext)), "w") as f:
        f.write("Bài số %d\n\nNgười dân miền Trung khắc phục hậu quả bão số %d.\n"
                "Nước đã rút ở nhiều xã.\n" % (n, n))
PY
}

# ---- any number of files, in a stable order ----
gen "$T/many" 1 100
run import "$T"/many/*.txt
expect_rc 0 "a hundred files on the command line import (more than the old limit of 64)"
check '[ "$(printf "%s\n" "$out" | wc -l)" = 100 ]' "one id a line for each file"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT group_concat(title, \"|\") FROM (SELECT title FROM articles ORDER BY id)")" = "$(for i in $(seq 1 100); do printf "Bài số %d|" $i; done | sed "s/|$//")" ]' "ids follow the order the files were named"

mkdir -p "$T/tree/2019/03" "$T/tree/2020" "$T/tree/.hidden"
gen "$T/tree/2020" 1 2
gen "$T/tree/2019/03" 3 3 md
gen "$T/tree/2019" 4 4
gen "$T/tree/.hidden" 5 5
printf "\x00\x01" >"$T/tree/2020/notes.doc"
printf 'Bài số 6\n\nThân bài.\n' >"$T/tree/2020/UPPER.TXT"
before=$(count)
run import "$T/tree"
expect_rc 0 "a folder imports recursively"
check '[ "$(count) " = "$((before + 5)) " ]' "only .txt and .md files, hidden entries skipped"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT group_concat(title, \"|\") FROM (SELECT title FROM articles WHERE id > $before ORDER BY id)")" = "Bài số 4|Bài số 3|Bài số 1|Bài số 2|Bài số 6" ]' "a folder is walked in name order, depth first"
run import --glob '*.doc' "$T/tree"
expect_rc 1 "--glob chooses the files (here one that is not an article)"
expect_err "notes.doc" "the file it chose is the one checked"
run import --glob '*.xyz' "$T/tree"
expect_rc 1 "a folder with no matching file is an error"
expect_err "no files to import" "it says there was nothing to import"
dump >"$T/before"
run import "$T/many/00001.txt" "$T/many" "$T/many/00001.txt"
check '[ "$(printf "%s\n" "$out" | wc -l)" = 100 ]' "a file named twice is imported once"

# ---- every file checked first; all or nothing ----
mkdir -p "$T/mixed"
gen "$T/mixed" 1 5
printf 'Ti\xc3\xaau \xc4\x91\xe1\xbb\x81: B\xe1o\n\nabc\n' >"$T/mixed/00002x.txt"
printf 'abc\0def' >"$T/mixed/00003x.txt"
: >"$T/mixed/00004x.txt"
printf 'Tiêu đề: Một\nTiêu đề: Hai\n\nThân.\n' >"$T/mixed/00005x.txt"
head -c 5000000 /dev/zero | tr '\0' 'a' >"$T/mixed/00006x.txt"
dump >"$T/before"
run import "$T/mixed" "$T/nope.txt"
expect_rc 1 "one bad file among many imports nothing"
expect_err "00002x.txt' is not valid UTF-8 (first bad byte at offset 14)" "invalid UTF-8 is named with its offset"
expect_err "00003x.txt' is not a text file (a NUL byte at offset 3)" "a binary file is named with its offset"
expect_err "00004x.txt' is empty" "an empty file is named"
expect_err "line 2: 'Tiêu đề' is given twice" "a bad header is named with its line"
expect_err "00006x.txt' is larger than" "a huge file is named"
expect_err "cannot open '$T/nope.txt'" "a missing file is named"
expect_err "6 of 11 files cannot be imported; nothing was imported" "the count of bad files is said"
check '[ -z "$out" ]' "no id is printed"
same_db "nothing was stored when any file was bad"

# --skip-bad: the good ones go in, the bad ones are listed at the end, exit 1.
run import --skip-bad "$T/mixed"
expect_rc 1 "--skip-bad exits 1 when files were skipped"
check '[ "$(printf "%s\n" "$out" | wc -l)" = 5 ]' "--skip-bad imports the good files"
check 'tail -n 6 "$T/err" | head -n 1 | grep -q "5 of 10 files were skipped:"' "the skipped files are counted at the end"
check 'tail -n 5 "$T/err" | grep -q "00003x.txt.*NUL byte"' "and listed with their reasons"

# --json: file, id or error, encoding.
mkdir -p "$T/enc"
cat >"$T/src.txt" <<'EOT'
Tiêu đề: Người dân miền Trung khẩn trương khắc phục hậu quả bão
Sapo: Nước đã rút ở nhiều xã, nhưng hàng nghìn ngôi nhà vẫn còn ngập bùn.

Sáng nay, lực lượng quân đội cùng người dân dọn dẹp trường học để học sinh sớm trở lại lớp.
Chính quyền địa phương đã hỗ trợ gạo, nước uống và thuốc men cho những hộ bị thiệt hại nặng.
EOT
for enc in tcvn3 vni; do "$BUILD/tools/encode" "$enc" <"$T/src.txt" >"$T/enc/$enc.txt"; done
cp "$T/mixed/00003x.txt" "$T/enc/zbad.txt"
gen "$T/enc" 1 1
run import --json --skip-bad "$T/enc"
expect_rc 1 "a JSON report with a skipped file exits 1"
check 'python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
assert [x[\"file\"].rsplit(\"/\", 1)[1] for x in r] == [\"00001.txt\", \"tcvn3.txt\", \"vni.txt\", \"zbad.txt\"], r
assert [x[\"encoding\"] for x in r] == [\"utf-8\", \"tcvn3\", \"vni\", None], r
assert all(isinstance(x[\"id\"], int) and x[\"error\"] is None for x in r[:3]), r
assert r[3][\"id\"] is None and \"NUL byte at offset 3\" in r[3][\"error\"], r
" "$T/out"' "the report gives each file its id or error and the encoding detected"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[1]["id"])' "$T/out")
run show "$id" --json
expect_out '"title":"Người dân miền Trung khẩn trương khắc phục hậu quả bão"' "a TCVN3 file arrives as Unicode"

# ---- who may do what ----
gen "$T/two" 1 2
dump >"$T/before"
as mai import --as hung "$T/two"
expect_rc 1 "a reporter cannot import for someone else"
expect_err "only admins can import articles for another writer" "the rule is named"
as hung import --as mai "$T/two"
expect_rc 1 "an editor cannot import for someone else"
as hung import --state published "$T/two"
expect_rc 1 "an editor cannot import straight to published"
expect_err "only admins can import articles straight to published" "the publishing rule is named"
as mai import --state published "$T/two"
expect_rc 1 "a reporter cannot import straight to published"
run import --as nobody "$T/two"
expect_rc 1 "importing for an unknown user fails"
expect_err "no user 'nobody'" "the unknown user is named"
run import --state scheduled "$T/two"
expect_rc 1 "scheduled is refused: each article needs its own time"
run import --state sent "$T/two"
expect_rc 2 "an unknown state is a usage error"
same_db "no refusal changed the database"
as mai import --state review "$T/two"
expect_rc 0 "a reporter imports her own files for review"
run list --state review --json
check '[ "$(python3 -c "import json,sys; print(sum(1 for a in json.load(open(sys.argv[1])) if a[\"author\"]==\"mai\"))" "$T/out")" = 2 ]' "they are in review, hers"
run import --as mai "$T/two"
expect_rc 0 "an admin imports for a writer"
id=$(printf '%s\n' "$out" | head -n 1)
run show "$id" --json
expect_out '"author":"mai"' "the article is credited to the writer"
run history "$id"
expect_out "[by $ME with --as]" "the history names the admin too"
check 'grep -q "revision 1 (save): import \[by $ME with --as\]" "$T/out"' "so does the first revision"
printf 'Tiêu đề: Lịch tuần sau\nNgày đăng: 2099-01-01\n\nBài viết trước.\n' >"$T/later.txt"
as mai import "$T/later.txt"
expect_rc 0 "a draft whose file is dated in the future is imported (a draft keeps no date)"
run import --state published "$T/later.txt"
expect_rc 1 "published with a date in the future is refused"
expect_err "its publishing date is in the future" "the refusal says why"

mkdir -p "$T/site"
printf 'publish:\n  dir: %s\n' "$T/site" >"$T/site.yaml"
run --config "$T/site.yaml" import --state published "$T/two" "$T/many/00050.txt"
expect_rc 0 "an admin imports an archive straight to published"
check '[ "$(find "$T/site" -path "$T/site/[0-9][0-9][0-9][0-9]/*" -name "*.html" | wc -l)" = 3 ]' "every page is written"
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s=json.dumps(d, ensure_ascii=False); assert s.count(\"Bài số\") >= 3, s" "$T/site/index.json"' "the index lists them"
check '[ -z "$(find "$T/site" -name "*.tmp" -o -name ".toasoan-staging*")" ]' "no staged file is left behind"

# An archive keeps the date each article was first published.
mkdir -p "$T/dated"
printf 'Tiêu đề: Bài cũ một\nNgày đăng: 26/11/2014 08:30\n\nThân bài.\n' >"$T/dated/1.txt"
printf 'Tiêu đề: Bài cũ hai\nDate: 2015-01-02\n\nThân bài.\n' >"$T/dated/2.txt"
run --config "$T/site.yaml" import --state published "$T/dated"
expect_rc 0 "an archive with publishing dates imports"
run show "$(sqlite3 "$TOASOAN_DB" "SELECT id FROM articles WHERE title = 'Bài cũ một'")" --json
expect_out '"published_at":"2014-11-26T08:30:00+07:00"' "a DD/MM/YYYY date with a time is kept"
run show "$(sqlite3 "$TOASOAN_DB" "SELECT id FROM articles WHERE title = 'Bài cũ hai'")" --json
expect_out '"published_at":"2015-01-02T00:00:00+07:00"' "a date alone is midnight"
printf 'Tiêu đề: Bài lỗi\nNgày đăng: hôm qua\n\nThân.\n' >"$T/dated/3.txt"
printf 'Tiêu đề: Bài tương lai\nNgày đăng: 2999-01-01\n\nThân.\n' >"$T/dated/4.txt"
dump >"$T/before"
run --config "$T/site.yaml" import --state published "$T/dated"
expect_rc 1 "a bad or future date refuses the import"
expect_err "3.txt': line 2: 'Ngày đăng' is not a date" "the bad date is named with its line"
expect_err "4.txt': its publishing date is in the future" "the future date is named"
same_db "and nothing was stored"

# ---- a progress line on a terminal, quiet otherwise ----
check '! grep -q "importing" "$T/err"' "no progress line when standard error is not a terminal"
python3 - "$TOASOAN" "$T/many" >"$T/tty" 2>&1 <<'PY'
import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.run([sys.argv[1], "import", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
data = b""
try:
    while True:
        chunk = os.read(m, 65536)
        if not chunk:
            break
        data += chunk
except OSError:
    pass
sys.stdout.write(data.decode("utf-8", "replace"))
PY
check 'grep -q "checking \[" "$T/tty" && grep -q "importing \[#" "$T/tty"' "a terminal shows a progress bar for both passes"
check 'grep -q "100/100" "$T/tty"' "with the counts"
check 'grep -q "left" "$T/tty"' "and the time left"

# ---- interrupted half way: whole batches or nothing ----
# A named pipe among the files holds the import where the test wants it: the check waits for
# the pipe to be written, the import waits on it again in the third batch (files 401-600).
rm -rf "$T/big"; gen "$T/big/a" 1 449; gen "$T/big/b" 451 1000; mkfifo "$T/big/pipe.txt"
before=$(count); first=$(sqlite3 "$TOASOAN_DB" "SELECT coalesce(max(id), 0) + 1 FROM articles")
"$TOASOAN" import "$T/big/a" "$T/big/pipe.txt" "$T/big/b" >"$T/out" 2>"$T/err" &
pid=$!
timeout 60 sh -c 'printf "Bài số 450\n\nThân bài.\n" >"$1"' sh "$T/big/pipe.txt"
for _ in $(seq 1 600); do [ "$(wc -l <"$T/out")" -ge 400 ] && break; sleep 0.1; done
sleep 0.3
kill -INT "$pid"; wait "$pid"; rc=$?
expect_rc 1 "an interrupted import exits 1"
expect_err "interrupted before '$T/big/a/00401.txt' (file 401 of 1000); 400 articles in 2 whole batches were imported (ids $first to $((first + 399)))" "it says where it stopped and what is in"
check '[ "$(wc -l <"$T/out")" = 400 ]' "the ids of the whole batches were printed"
check '[ "$(count)" = "$((before + 400))" ]' "exactly the whole batches are stored"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT count(*) FROM articles a WHERE id >= $first AND (body NOT LIKE \"Người dân%Nước đã rút ở nhiều xã.\" OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article = a.id) OR NOT EXISTS (SELECT 1 FROM transitions t WHERE t.article = a.id))")" = 0 ]' "every stored article is whole, with its revision and history"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT title FROM articles ORDER BY id DESC LIMIT 1")" = "Bài số 400" ]' "nothing after the last whole batch"

dump >"$T/before"
"$TOASOAN" import "$T/big/a" "$T/big/pipe.txt" "$T/big/b" >"$T/out" 2>"$T/err" &
pid=$!
sleep 0.5
kill -INT "$pid"; wait "$pid"; rc=$?
expect_rc 1 "an import interrupted while checking exits 1"
expect_err "interrupted while checking the files; nothing was imported" "it says nothing was imported"
same_db "an import interrupted while checking stores nothing"

# ---- ten thousand files, legacy encodings and bad ones among them ----
rm -rf "$T/archive"
gen "$T/archive/utf8" 1 9974
for n in $(seq 1 10); do
	for enc in tcvn3 vni; do
		"$BUILD/tools/encode" "$enc" <"$T/src.txt" >"$T/archive/$enc-$n.txt"
	done
done
for n in $(seq 1 5); do printf 'abc\0' >"$T/archive/utf8/bad-$n.txt"; done
printf 'Ti\xc3\xaau \xc4\x91\xe1\xbb\x81: B\xe1o\n\nabc\n' >"$T/archive/utf8/bad-6.txt"
before=$(count)
run import --skip-bad --json "$T/archive"
expect_rc 1 "10,000 files with 6 bad ones: the others import, exit 1"
check 'python3 -c "
import json, sys, collections
r = json.load(open(sys.argv[1]))
assert len(r) == 10000, len(r)
c = collections.Counter(x[\"encoding\"] for x in r if x[\"id\"])
assert c == {\"utf-8\": 9974, \"tcvn3\": 10, \"vni\": 10}, c
bad = [x for x in r if x[\"error\"]]
assert len(bad) == 6 and all(x[\"id\"] is None for x in bad), bad
assert sum(\"offset\" in x[\"error\"] for x in bad) == 6, bad
ids = [x[\"id\"] for x in r if x[\"id\"]]
assert ids == sorted(ids) and len(set(ids)) == 9994
" "$T/out"' "the report has every file, its encoding, and the six errors with their offsets"
check '[ "$(count)" = "$((before + 9994))" ]' "9,994 articles are stored"
