# search.sh: `toasoan search` on a real database: diacritics optional (cau vuot, da nang for
# Đà Nẵng), exact when the query carries marks, phrases and prefixes, ranking, snippets with
# the matches marked, the filters, JSON, reporters seeing only their own and published work,
# the index following saves, the migration indexing articles written before it, and
# look-alike letters of old converted text folded as the query folds them.
. "$(dirname "$0")/lib.sh"

run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add lan --role reporter --name "Lê Thị Lan"
run user add hung --role editor --name "Phạm Văn Hùng"
cat >"$T/a1.txt" <<'X'
Tiêu đề: Hà Nội thông xe cầu vượt Mai Dịch
Sapo: Sau 18 tháng thi công, cầu vượt giúp giảm ùn tắc ở cửa ngõ phía tây.
Chuyên mục: Giao thông

Sáng 26/11, UBND thành phố Hà Nội tổ chức lễ thông xe.

Tin, ảnh: Trần Thị Mai
X
cat >"$T/a2.txt" <<'X'
Tiêu đề: Câu lạc bộ bóng đá Đà Nẵng đổi tên
Sapo: Đội bóng miền Trung có tên mới từ mùa giải tới.
Chuyên mục: Thể thao

Câu lạc bộ công bố tên mới tại Đà Nẵng.
X
cat >"$T/a3.txt" <<'X'
Tiêu đề: Giá xăng tăng
Sapo: Giá xăng tăng lần thứ ba trong tháng.
Chuyên mục: Kinh tế

Người dân đi qua cầu Rồng ở Đà Nẵng than phiền vì giá xăng.
X
run --as mai new "$T/a1.txt"; a1=$out
run --as lan new "$T/a2.txt"; a2=$out
run --as lan new "$T/a3.txt"; a3=$out
run --as lan submit "$a3"; run --as hung approve "$a3"

run search "cau vuot"
expect_rc 0 "a search without marks succeeds"
expect_out "$a1     draft" "cau vuot finds the article about cầu vượt"
expect_out "thông xe «cầu» «vượt» Mai Dịch" "the title's matches are marked"
expect_out "thi công, «cầu» «vượt» giúp" "the snippet marks the matches in the lead"
run search "da nang"
expect_out "«Đà» «Nẵng» đổi tên" "da nang finds Đà Nẵng (đ = d)"
check '[ "$(grep -c "^[0-9]" "$T/out")" = 2 ]' "both articles naming Đà Nẵng are found"
check '[ "$(grep -m1 -o "^[0-9]*" "$T/out")" = "$a2" ]' "the one with Đà Nẵng in its title ranks first"
run search "cầu"
expect_out "Mai Dịch" "a word with marks finds itself"
expect_no_out "Câu lạc bộ" "a word with marks does not find another word (câu)"
run search "câu"
expect_out "«Câu» lạc bộ" "câu finds câu"
expect_no_out "Mai Dịch" "câu does not find cầu"
run search '"cau rong"'
expect_out "Giá xăng" "a quoted phrase matches in the body"
expect_out "«cầu» «Rồng»" "the body's snippet marks the phrase"
run search '"rong cau"'
expect_rc 1 "a phrase in the wrong order finds nothing"
expect_err "no article matches '\"rong cau\"'" "and says so"
run search 'thon*'
expect_out "Mai Dịch" "a prefix finds thông"
run search 'Trần Thị Mai'
expect_out "Tin, ảnh: «Trần» «Thị» «Mai»" "the byline is searched and shown when it is what matches"
run search 'Đà nang' --state published
expect_out "Giá xăng tăng" "--state keeps published articles"
expect_no_out "đổi tên" "--state leaves out drafts"
run search 'da nang' --section "Thể thao"
expect_out "đổi tên" "--section keeps the section"
expect_no_out "Giá xăng" "--section leaves out others"
run search 'da nang' --section "$(printf 'Th\xe1\xbb\x83 thao' | python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFD", sys.stdin.read()))')"
expect_out "đổi tên" "a section written in decomposed form is the same section"
run search "$(printf 'c\xe2u')"
expect_rc 2 "a query that is not UTF-8 is refused"
expect_err "invalid UTF-8 in the search words at byte 1" "and the refusal says so, not that it is empty"
run search 'da nang' --since 2001-01-01
expect_out "đổi tên" "--since in the past keeps everything"
run search 'da nang' --since 2999-01-01
expect_rc 1 "--since in the future finds nothing"
run search 'da nang' --since yesterday
expect_rc 2 "an unreadable date is a usage error"
expect_err "invalid time 'yesterday'" "the date is named, in the words list --since and approve --at use"
run search '*** ,,,'
expect_rc 2 "a query with no word is a usage error"
expect_err "nothing to search for" "and says why"
run search
expect_rc 2 "no query is a usage error"
run search 'da nang' --limit 1
expect_out "(the best 1 shown; --limit N shows more)" "--limit says more may match"

run search 'da nang' --json
expect_rc 0 "--json succeeds"
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2; h=d[0]; s=h[\"snippet\"].encode(); m=h[\"marks\"][0]; assert s[m[0]:m[1]].decode() in (\"Đà\",\"Nẵng\",\"đá\"), s[m[0]:m[1]]" "$T/out"' \
	"JSON marks are byte ranges of the matching words in the snippet"
run search 'khong co dau' --json
expect_rc 0 "--json with no hit succeeds"
check '[ "$(cat "$T/out")" = "[]" ]' "and prints an empty array"

# Reporters: their own and what is published, never another reporter's draft.
run --as mai search 'da nang'
expect_out "Giá xăng" "a reporter finds a published article by someone else"
expect_no_out "đổi tên" "a reporter never finds another reporter's draft"
run --as lan search 'cau vuot'
expect_rc 1 "the other reporter does not find mai's draft"
run --as mai search 'cau vuot' --state draft
expect_out "Mai Dịch" "a reporter finds her own draft"

run --as hung unpublish "$a3" --note "Sai số liệu"
run search 'gia xang' --state draft
expect_out "«Giá» «xăng» tăng" "a change of state shows at once in the filters"

# The migration indexes articles written before it: take the index away and go back a version.
sqlite3 "$TOASOAN_DB" "DROP TRIGGER articles_search_insert; DROP TRIGGER articles_search_delete;
	DROP TRIGGER articles_search_update; DROP TABLE search_exact; DROP TABLE search_fold;
	DROP INDEX articles_search_filter;
	PRAGMA user_version = 5;"
sqlite3 "$TOASOAN_DB" "UPDATE articles SET title = 'Cầu Long Biên sửa xong' WHERE id = $a1"
run search 'long bien'
expect_rc 0 "after the migration runs again the archive is searchable"
expect_out "«Long» «Biên» sửa xong" "an article written before the index is found"
check '[ "$(sqlite3 "$TOASOAN_DB" "PRAGMA user_version")" -ge 6 ]' "the schema moved on"
sqlite3 "$TOASOAN_DB" "UPDATE articles SET body = 'Cầu Thăng Long' WHERE id = $a2"
run search 'thang long'
expect_out "đổi tên" "a write by any connection is indexed by the triggers"
run search 'tai da nang'
expect_rc 1 "and the old text is gone from the index"
run check
expect_rc 0 "check finds the indexed database sound"

# Text from an old converted file carries look-alikes (Ð for Đ, ƣ for ư) when it was not
# imported but typed or pasted: the folded index folds them as the query does (a query with
# marks is matched as written, so Đà with its marks does not find Ðà).
printf 'Tiêu đề: Hội chợ ở Ðà Lạt\n\nSinh viên trƣờng nghề bán hoa.\n' >"$T/look.txt"
run --as mai new "$T/look.txt"; look=$out
run --as mai show "$look" --json
check 'grep -q "Ðà Lạt" "$T/out"' "the look-alikes are stored as written"
run --as mai search "da lat"
expect_out "$look " "da lat finds the title written with Ð"
run --as mai search "Ðà Lạt"
expect_out "$look " "the look-alike as written still finds itself"
run --as mai search "truong nghe"
expect_out "$look " "truong finds trƣờng"
