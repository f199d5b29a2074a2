# badinput.sh: every bad argument and file gets a clear error in the usual style (lower case, what is wrong first) and changes
# nothing.
. "$(dirname "$0")/lib.sh"

run list
expect_rc 1 "no database yet"
expect_err "no database at '$TOASOAN_DB'; create it with: toasoan init" "the missing database names the command"
run init
run frobnicate
expect_rc 2 "an unknown command is a usage error"
expect_err "toasoan: error: unknown command 'frobnicate'" "the unknown command is named"
run --colour list
expect_rc 2 "an unknown global option is a usage error"
run list --bogus
expect_rc 2 "an unknown command option is a usage error"
expect_err "unknown option '--bogus'" "the unknown option is named"
run show abc
expect_rc 2 "a non-numeric id is a usage error"
expect_err "invalid article id 'abc'" "the bad id is named"
run show 999
expect_rc 1 "an unknown id fails"
expect_err "no article with id 999" "the unknown id is named"
run submit 999
expect_rc 1 "acting on an unknown id fails"
run list --state sent
expect_rc 2 "an unknown state is a usage error"
expect_err "invalid state 'sent'" "the bad state is named"
run --help
expect_rc 0 "help"
expect_out "publish" "help lists the commands"
run approve --help
expect_out "usage: toasoan approve ID [--at" "command help shows its usage"
run --version
expect_out "toasoan " "version"

printf 'Ti\xc3\xaau \xc4\x91\xe1\xbb\x81: B\xe1o\n\nabc\n' >"$T/bad.txt"
run import "$T/bad.txt"
expect_rc 1 "invalid UTF-8 is refused"
expect_err "is not valid UTF-8 (first bad byte at offset 14)" "the offset of the first bad byte is given"
: >"$T/empty.txt"
run import "$T/empty.txt"
expect_rc 1 "an empty file is refused"
expect_err "is empty" "the empty file is named"
printf 'abc\0def' >"$T/bin.dat"
run import "$T/bin.dat"
expect_rc 1 "a binary file is refused"
expect_err "a NUL byte at offset 3" "the NUL byte is located"
head -c 5000000 /dev/zero | tr '\0' 'a' >"$T/huge.txt"
run import "$T/huge.txt"
expect_rc 1 "a huge file is refused"
expect_err "is larger than" "the size limit is named"
run import "$T/nope.txt"
expect_rc 1 "a missing file is refused"
expect_err "cannot open '$T/nope.txt'" "the missing file is named"
printf 'Tin một\n\nNội dung.\n' >"$T/good.txt"
printf 'Tin hai\n\nNội dung hai.\n' >"$T/good2.txt"
sqlite3 "$TOASOAN_DB" .dump >"$T/before.sql"
run import "$T/good.txt" "$T/bad.txt"
expect_rc 1 "one bad file among several imports nothing"
run list --json
check '[ "$out" = "[]" ]' "nothing was created"
# The second file is bad only to the desk (a control character): still nothing is created.
printf 'Tin ba\n\nC\xc3\xb3 k\xc3\xbd t\xe1\xbb\xb1 \x1b l\xe1\xba\xa1.\n' >"$T/ctl.txt"
run import "$T/good.txt" "$T/good2.txt" "$T/ctl.txt"
expect_rc 1 "a file the desk refuses, after good ones, imports nothing"
expect_err "ctl.txt" "the refused file is named"
sqlite3 "$TOASOAN_DB" .dump >"$T/after.sql"
check 'cmp -s "$T/before.sql" "$T/after.sql"' "the database is byte for byte unchanged (dump before and after)"
# new --title with a plain file: the title is given apart, so the file is all body.
printf 'Dòng đầu của thân bài.\nDòng thứ hai.\n' >"$T/plain.txt"
run new --title "Tựa riêng" "$T/plain.txt"
expect_rc 0 "new --title with a plain file"
run show "$out" --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"title\"]==\"Tựa riêng\", d; assert d[\"body\"]==\"Dòng đầu của thân bài.\nDòng thứ hai.\", d" "$T/out"' "new --title keeps the body's first line"
printf 'Tiêu đề: Tựa trong tệp\nSapo: Mở đầu.\n\nThân bài.\n' >"$T/headed.txt"
run new --title "Tựa dòng lệnh" "$T/headed.txt"
run show "$out" --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"title\"]==\"Tựa dòng lệnh\" and d[\"sapo\"]==\"Mở đầu.\" and d[\"body\"]==\"Thân bài.\", d" "$T/out"' "new --title overrides a header's title and keeps the rest"
sqlite3 "$TOASOAN_DB" .dump >"$T/before.sql"
run new --title "Tựa" "$T/bad.txt"
expect_rc 1 "new --title with a bad file is refused"
sqlite3 "$TOASOAN_DB" .dump >"$T/after.sql"
check 'cmp -s "$T/before.sql" "$T/after.sql"' "and the database is unchanged"
printf '\xef\xbb\xbfTin c\xc3\xb3 BOM\r\n\r\nD\xc3\xb2ng m\xe1\xbb\x99t.\r\n' >"$T/bom.txt"
run import "$T/bom.txt"
expect_rc 0 "a BOM and CRLF file imports"
run show "$out" --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"title\"]==\"Tin có BOM\", d; assert \"\r\" not in d[\"body\"]" "$T/out"' "the BOM and CR are dropped"
printf 'Vie\xcc\x82\xcc\xa3t Nam\n\nbody\n' >"$T/nfd.txt"
run import "$T/nfd.txt"
run show "$out" --json
check 'python3 -c "import json,sys,unicodedata; d=json.load(open(sys.argv[1])); assert d[\"title\"]==unicodedata.normalize(\"NFC\",\"Việt Nam\")==\"Việt Nam\"" "$T/out"' "decomposed input is stored as NFC"

mkdir -p "$T/config/toasoan"
printf 'database: x.db\npublish:\n  dir: [unclosed\n' >"$T/config/toasoan/config.yaml"
run list
expect_rc 1 "a malformed config is refused"
expect_err "$T/config/toasoan/config.yaml:3:8: did not find expected ',' or ']' at 4:1, while parsing a flow sequence that starts here" "the config error names file:line:column where the unclosed list opens"
printf 'database: x.db\ncolour: red\n' >"$T/config/toasoan/config.yaml"
run list
expect_rc 1 "an unknown config key is refused"
expect_err "config.yaml:2:1: unknown setting 'colour'" "the unknown key is named with its place"
printf 'spell:\n  style: mixed\n' >"$T/config/toasoan/config.yaml"
run list
expect_err "config.yaml:2:10: 'spell.style' must be one of old, new, any" "a bad value is named with its place"
rm -f "$T/config/toasoan/config.yaml"
printf 'database: %s\n' "$T/other.db" >"$T/my.yaml"
TOASOAN_DB= run --config "$T/my.yaml" init
check '[ -f "$T/other.db" ]' "the config file sets the database path"
run --db "$T/third.db" init
check '[ -f "$T/third.db" ]' "--db overrides the environment"

sqlite3 "$T/newer.db" 'PRAGMA user_version = 99; CREATE TABLE users(x); CREATE TABLE articles(x);'
cp "$T/newer.db" "$T/newer.copy"
run --db "$T/newer.db" list
expect_rc 1 "a database from a newer version is refused"
expect_err "was made by a newer toasoan" "the newer schema is explained"
check 'cmp -s "$T/newer.db" "$T/newer.copy"' "the newer database is left untouched"
echo "not a database" >"$T/notdb.db"
cp "$T/notdb.db" "$T/notdb.copy"
run --db "$T/notdb.db" list
expect_rc 1 "a file that is not a database is refused"
expect_err "is not a toasoan database (not an SQLite file)" "the wrong file is named"
run --db "$T/notdb.db" init
expect_rc 1 "init does not turn a file that is not a database into one"
check 'cmp -s "$T/notdb.db" "$T/notdb.copy" && [ ! -e "$T/notdb.db-wal" ] && [ ! -e "$T/notdb.db-shm" ]' \
	"the file is left as it was, with no database files beside it"

# A missing system dictionary: the checker runs on its own rules and says what is off.
printf 'spell:\n  system: /nonexistent\n' >"$T/nodict.yaml"
echo "Nứơc ta đẹp." >"$T/nodict.txt"
run --config "$T/nodict.yaml" spell "$T/nodict.txt"
expect_rc 1 "the checker still runs without the system dictionary"
expect_out "Nứơc -> Nước" "its own syllable rules still find the misplaced mark"
expect_err "vi_VN" "it says the system dictionary is missing"
printf 'database: [a, b]\n' >"$T/list.yaml"
run --config "$T/list.yaml" list
expect_rc 1 "a setting of the wrong type is refused"
expect_err "list.yaml:1:11: 'database' must be a single value" "the wrong type is named with its place"
run show 9999999999999999999
expect_rc 2 "an id too large for a number is a usage error, not another article"
expect_err "invalid article id '9999999999999999999'" "the overflowing id is named"
