# workflow.sh: the life of an article through every command, with three people: the real
# user (root in CI: the first admin), a reporter and an editor acted for with --as. Every
# refusal in the workflow table is tried and must exit 1 naming the rule.
. "$(dirname "$0")/lib.sh"

run init
expect_rc 0 "init creates the database"
expect_out "database ready" "init says where the database is"
run init
expect_rc 0 "init twice is safe"

# A first `init` on a personal account, with nothing given: the default database goes in the
# data folder, made for it.
( unset TOASOAN_DB; XDG_DATA_HOME="$T/fresh/share" "$TOASOAN" init >"$T/out" 2>"$T/err" ); rc=$?
expect_rc 0 "init with no database named makes the default one's folder"
expect_out "$T/fresh/share/toasoan/toasoan.db" "and says where the database is"
check '[ -s "$T/fresh/share/toasoan/toasoan.db" ]' "the default database exists"

run user add mai --role reporter --name "Trần Thị Mai"
expect_rc 0 "admin adds a reporter"
run user add lan --role reporter --name "Lê Thị Lan"
expect_rc 0 "admin adds a second reporter"
run user add hung --role editor --name "Phạm Văn Hùng"
expect_rc 0 "admin adds an editor"
run user add mai --role reporter
expect_rc 1 "adding a user twice is refused"
expect_err "user 'mai' already exists" "the duplicate user is named"
run user add Bad!Login --role reporter
expect_rc 1 "a bad login is refused"
run user add x --role chief
expect_rc 2 "an unknown role is a usage error"
run user list
expect_out "Trần Thị Mai" "user list shows display names with diacritics"
run --as mai user list
expect_rc 1 "reporters cannot list users"
expect_err "only admins can manage users" "the rule is named"

cat >"$T/a.txt" <<'EOF'
Tiêu đề: Hà Nội thông xe cầu vượt Mai Dịch mới
Sapo: Sau 18 tháng thi công, cầu vượt giúp giảm ùn tắc ở cửa ngõ phía tây.
Chuyên mục: Giao thông
Từ khóa: giao thông, Hà Nội

Sáng 26/11, UBND thành phố Hà Nội tổ chức lễ thông xe.

Theo người dân, tình trạng ùn tắc giờ cao điểm đã giảm rõ rệt.

Tin, ảnh: Trần Thị Mai
EOF
run --as mai import "$T/a.txt"
expect_rc 0 "a reporter imports an article"
id=$out
check '[ "$id" -gt 0 ] 2>/dev/null' "import prints the new id"
run --as mai show "$id" --json
expect_rc 0 "the reporter shows her article"
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"title\"].startswith(\"Hà Nội thông xe\"); assert d[\"state\"]==\"draft\"; assert d[\"byline\"]==\"Tin, ảnh: Trần Thị Mai\"; assert d[\"section\"]==\"Giao thông\"; assert d[\"author\"]==\"mai\"; [d[k] for k in (\"id\",\"sapo\",\"body\",\"tags\",\"version\",\"created_at\",\"updated_at\",\"publish_at\",\"published_at\")]" "$T/out"' "show --json has every field, parsed from the header block"

run --as lan show "$id"
expect_rc 1 "another reporter cannot see a draft"
expect_err "no article with id $id" "another reporter's draft answers like a missing id"
run --as lan submit "$id"
expect_rc 1 "another reporter cannot submit it"
run --as mai approve "$id"
expect_rc 1 "reporters cannot approve"
expect_err "reporters cannot approve articles" "the approve rule is named"
run --as mai withdraw "$id"
expect_rc 1 "a draft cannot be withdrawn"
expect_err "only articles in review can be withdrawn" "the state rule is named"
run --as mai submit "$id"
expect_rc 0 "the reporter submits"
run --as mai submit "$id"
expect_rc 1 "submitting twice is refused"
expect_err "only drafts can be submitted" "the submit state rule is named"
run --as mai withdraw "$id"
expect_rc 0 "the reporter withdraws"
run --as mai submit "$id"
expect_rc 0 "and submits again"
run --as mai return "$id" --note "x"
expect_rc 1 "reporters cannot return"
expect_err "reporters cannot return articles" "the return rule is named"
run --as mai publish "$id"
expect_rc 1 "reporters cannot publish"
run --as hung return "$id"
expect_rc 2 "return without a note is a usage error"
run --as hung return "$id" --note "   "
expect_rc 1 "a blank note is refused"
run --as hung return "$id" --note "Thiếu ý kiến của Sở GTVT, bổ sung giúp."
expect_rc 0 "the editor returns with a note"
run --as mai list --state draft --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [a[\"id\"] for a in d]==[int(sys.argv[2])]" "$T/out" "$id"' "the returned article is a draft again"
run --as mai submit "$id"
expect_rc 0 "the reporter resubmits"

run --as hung approve "$id" --at "2020-01-01 08:00"
expect_rc 1 "a time in the past is refused"
expect_err "must be in the future" "the past time is explained"
run --as hung approve "$id" --at "2026-02-30 08:00"
expect_rc 2 "an impossible date is a usage error"
expect_err "invalid time '2026-02-30 08:00'" "the bad date is named"
at=$(date -d '+2 seconds' '+%Y-%m-%d %H:%M:%S')
run --as hung approve "$id" --at "$at"
expect_rc 0 "the editor schedules"
expect_out "scheduled for" "scheduling says when"
run --as mai list --state scheduled --json
check 'grep -q "\"publish_at\":\"20" "$T/out"' "the publish time is listed"
run --as mai publish --due
expect_rc 1 "reporters cannot publish due articles"
run publish --due now
expect_rc 2 "publish --due with an argument is a usage error"
expect_err "'--due' takes no arguments" "and says the option takes none"
sleep 3
pubdir="$XDG_DATA_HOME/toasoan/public"
run --as hung publish --due & run --as hung publish --due & wait
run --as hung publish --due
expect_rc 0 "a later run finds nothing left"
check '[ -z "$out$err" ]' "a cron run that finds nothing prints nothing"
run show "$id" --json
check 'grep -q "\"state\":\"published\"" "$T/out"' "the due article is published"
check '[ -f "$pubdir/index.json" ]' "publishing writes index.json"
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d[\"items\"])==1" "$pubdir/index.json"' "index.json lists the article once"
check 'find "$pubdir" -name "$id-*.html" | grep -q .' "publishing writes the HTML page"
run history "$id"
check '[ "$(grep -c "scheduled -> published" "$T/out")" = 1 ]' "two publish --due runs at once publish once"
run --as lan show "$id"
expect_rc 0 "any reporter sees a published article"
run --as mai unpublish "$id" --note "x"
expect_rc 1 "reporters cannot unpublish"
run --as hung unpublish "$id"
expect_rc 2 "unpublish needs a note"
run --as hung unpublish "$id" --note "Sai số liệu, cần kiểm tra lại."
expect_rc 0 "the editor unpublishes with a note"
check '! ls "$pubdir" | grep -q "^$id.*\.html$"' "unpublishing removes the page"
run history "$id"
expect_out "published -> draft: Sai số liệu" "history shows the unpublish note"
expect_out "review -> draft: Thiếu ý kiến" "history shows the return note"
expect_out "created as draft" "history starts at creation"
check '[ "$(head -n1 "$T/out" | grep -c created)" = 1 ]' "history is oldest first"

run --as mai submit "$id"
expect_rc 0 "resubmitted after unpublishing"
run --as hung publish "$id"
expect_rc 0 "the editor publishes at once"
run export "$id" --format ninjs
expect_rc 0 "export ninjs"
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"language\"]==\"vi\"; assert d[\"headlines\"][0][\"value\"].startswith(\"Hà Nội\"); assert \"uri\" in d and \"versionCreated\" in d" "$T/out"' "ninjs is valid JSON with the headline"
run export "$id" --format html
expect_out "<!doctype html>" "export html"
expect_out "Hà Nội thông xe" "the HTML keeps Vietnamese text"
run export "$id" --format md
expect_out "# Hà Nội thông xe" "export markdown"
run export "$id" --format txt -o "$T/back.txt"
expect_rc 0 "export txt to a file"
check 'grep -q "^Tiêu đề: Hà Nội thông xe" "$T/back.txt"' "the text export has the header block"
run --as mai import "$T/back.txt"
expect_rc 0 "the text export imports again"
id2=$out
run --as mai show "$id2" --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"byline\"]==\"Tin, ảnh: Trần Thị Mai\"; assert d[\"tags\"]==\"giao thông, Hà Nội\"" "$T/out"' "export and import round-trip"
run export "$id" --format pdf
expect_rc 2 "an unknown format is a usage error"

run --as mai list --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert {a[\"author\"] for a in d}=={\"mai\"}" "$T/out"' "a reporter's list holds her own and published articles"
run --as mai list --mine
expect_out "Hà Nội thông xe" "list --mine"
run --as lan list --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [a[\"state\"] for a in d]==[\"published\"]" "$T/out"' "another reporter sees only what is published"

run --as mai new --title "Bão số 9 gây mưa lớn ở miền Trung"
expect_rc 0 "new with a title"
id3=$out
run --as hung approve "$id3"
expect_rc 1 "a draft cannot be approved"
expect_err "only articles in review can be approved" "the approve state rule is named"
run --as mai submit "$id3"
run --as hung approve "$id3"
expect_rc 0 "the editor approves now"
run show "$id3" --json
check 'grep -q "\"state\":\"published\"" "$T/out"' "approve without a time publishes"
run --as hung return "$id3" --note "x"
expect_rc 1 "a published article cannot be returned"

run user role mai editor
expect_rc 0 "admin changes a role"
run --as mai return "$id3" --note "x"
expect_rc 1 "still refused by state, now as editor"
expect_err "only articles in review or scheduled can be returned" "the state rule applies"
run user role "$ME" reporter
expect_rc 1 "the last admin cannot demote themself"
expect_err "is the last admin" "the last admin is protected"
run user disable lan
expect_rc 0 "admin disables a user"
run --as lan list
expect_rc 1 "a disabled user is refused"
expect_err "disabled" "the disabled account is named"
run --as ghost list
expect_rc 1 "an unknown --as login is refused"
expect_err "'ghost' is not a toasoan user" "the unknown login is named"
run history "$id"
run --as hung history "$id"
expect_rc 0 "editors read history"

# The publish folder never disagrees with the database. A folder planted where the page
# belongs stops the approval before anything changes; a listing that cannot be written after
# the commit is reported, and the next cron run brings the site in line.
run --as mai new --title "Tin kiểm tra thư mục đăng"
idp=$out
run --as mai submit "$idp"
page="$(date +%Y/%m/%d)/$idp-tin-kiem-tra-thu-muc-dang.html"
mkdir -p "$pubdir/$page"
run --as hung approve "$idp"
expect_rc 1 "an approval whose page is blocked by a folder fails"
expect_err "'$pubdir/$page' is in the way" "the folder in the way is named"
run show "$idp" --json
check 'grep -q "\"state\":\"review\"" "$T/out"' "the failed approval left the article in review"
check '[ -d "$pubdir/$page" ]' "the folder toasoan did not make is left alone"
check '! grep -q "thu-muc-dang" "$pubdir/index.html"' "and the front page does not list it"
rmdir "$pubdir/$page"
run --as hung approve "$idp"
expect_rc 0 "the approval succeeds once the way is clear"
check '[ -f "$pubdir/$page" ]' "the page is there"
check 'grep -q "thu-muc-dang" "$pubdir/index.html"' "the front page lists it"
rm -f "$pubdir/index.html"; mkdir "$pubdir/index.html"
run --as hung unpublish "$idp" --note "Thử gỡ."
expect_rc 1 "an unpublish whose front page cannot be written says so"
expect_err "article $idp is saved, but the site is not up to date" "the message says the change is done"
run show "$idp" --json
check 'grep -q "\"state\":\"draft\"" "$T/out"' "the database keeps the unpublish"
check '[ ! -f "$pubdir/$page" ]' "the page is gone with it"
rmdir "$pubdir/index.html"
run --as hung publish --due
expect_rc 0 "the next cron run succeeds"
check '[ -z "$out" ]' "quietly"
check '[ -f "$pubdir/index.html" ] && ! grep -q "thu-muc-dang" "$pubdir/index.html"' "and the front page no longer lists the article"
