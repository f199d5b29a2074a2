# site.sh: the publish folder is a web site. Articles in two sections (one long enough to
# page), a hostile title, credits of every kind; then the whole folder is read as a browser, a
# feed reader and a search engine would (sitecheck.py), served by a real nginx on a free port
# and fetched with curl, unpublished, rebuilt; publish.after gets the changed files.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
pub="$T/public"
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/"
mkdir -p "$XDG_CONFIG_HOME/toasoan"
cat >"$XDG_CONFIG_HOME/toasoan/config.yaml" <<CONF
publish:
  dir: $pub
  url: $url
  name: "Báo <Thử> & 'Tin'"
  after: cat >> $T/after.log; echo sent
CONF
run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add hung --role editor --name "Phạm Văn Hùng"

# publish SECTION TITLE [BYLINE] [TAGS]: a new article, approved; its id in $id
publish() {
	printf 'Tiêu đề: %s\nSapo: Lời dẫn của bài "%s" & <b>đậm</b>.\nChuyên mục: %s\nTừ khóa: %s\nTác giả: %s\n\nĐoạn một <i>không</i> phải HTML.\n\nĐoạn hai.\n' \
		"$2" "$2" "$1" "${4:-}" "${3:-}" >"$T/a.txt"
	run --as mai import "$T/a.txt"; id=$out
	run --as mai submit "$id"
	run --as hung approve "$id"
}

publish "Thời sự" '<script>alert("x")</script> Bão & "lũ" '"'"'số 3'"'" "Tin và ảnh: Trần Thị Mai, Lê Văn Hà" "bão, Quảng Trị"
expect_rc 0 "an article with a hostile title is published"
hostile=$id
publish "Thời sự" "Cầu Mai Dịch thông xe" "Theo TTXVN" "giao thông"
for i in $(seq 1 22); do publish "Kinh tế" "Giá lúa tuần $i" "Bài và ảnh: Lê Hà" "lúa gạo"; done
expect_rc 0 "twenty-two more articles are published"
last_kinh_te=$id
publish "" "Tin không chuyên mục" "Tin: Nguyễn Văn An" ""

page=$(cd "$pub" && ls 20*/*/*/"$hostile"-*.html)
check '[ -n "$page" ]' "the article's page has the date and id in its path"
check '[ -f "$pub/index.html" ] && [ -f "$pub/style.css" ] && [ -f "$pub/feed.atom" ]' "front page, stylesheet and feed"
check '[ -f "$pub/thoi-su/index.html" ] && [ -f "$pub/kinh-te/1.html" ] && [ -f "$pub/kinh-te/2.html" ]' "sections with their pages (20 a page)"
check '[ -f "$pub/kinh-te/feed.atom" ] && [ -f "$pub/sitemap.xml" ] && [ -f "$pub/sitemaps/0.xml" ]' "section feeds and sitemaps"
check '[ "$(grep -c "<li>" "$pub/kinh-te/1.html")" = 20 ] && [ "$(grep -c "<li>" "$pub/kinh-te/2.html")" = 2 ]' "page 1 is full, page 2 has the rest"
check '[ "$(grep -c "<li>" "$pub/chu-de/lua-gao/1.html")" = 20 ] && [ "$(grep -c "<li>" "$pub/chu-de/lua-gao/2.html")" = 2 ] && [ "$(grep -c "<li>" "$pub/chu-de/lua-gao/index.html")" = 20 ]' "a tag has its pages too"
check '[ "$(grep -c "<li>" "$pub/tac-gia/le-ha/1.html")" = 20 ] && grep -q "href=\"2.html\"" "$pub/tac-gia/le-ha/1.html"' "and so has a name, each page linking onward"
check 'grep -q "<span class=\"credit\">Tin và ảnh:</span> <a rel=\"author\"" "$pub/$page"' "the credit kind is kept apart from the names"
check 'grep -q "tac-gia/le-van-ha/index.html\">Lê Văn Hà</a>" "$pub/$page"' "each name links to its page"
check 'grep -q "<link rel=\"canonical\" href=\"$url$page\">" "$pub/$page"' "the page has its canonical address"
check 'grep -q "og:title" "$pub/$page" && grep -q "article:published_time" "$pub/$page"' "and Open Graph tags"
check 'grep -q "\"by\": \"Trần Thị Mai, Lê Văn Hà\"" "$pub/${page%/*}/$hostile.json"' "ninjs names the people without the credit kind"
check '! grep -q "Tin và ảnh" "$pub/${page%/*}/$hostile.json"' "and without 'Tin và ảnh'"
check 'grep -q "&lt;script&gt;alert(&quot;x&quot;)" "$pub/index.html"' "the hostile title is escaped on the front page"
check 'grep -q "Báo &lt;Thử&gt; &amp; &#39;Tin&#39;" "$pub/index.html"' "the site name is escaped by the layout"
"$PY" "$(dirname "$0")/sitecheck.py" "$pub" "$url"

# pages never move: taking an article off page 1 leaves page 2 as it was
first_kinh_te=$((last_kinh_te - 21))
cp "$pub/kinh-te/2.html" "$T/page2"
run --as hung unpublish "$first_kinh_te" --note "Trùng bài."
check '[ "$(grep -c "<li>" "$pub/kinh-te/1.html")" = 19 ] && cmp -s "$pub/kinh-te/2.html" "$T/page2"' "unpublishing from page 1 leaves page 2 untouched"
check '[ "$(grep -c "<li>" "$pub/chu-de/lua-gao/1.html")" = 19 ] && [ "$(grep -c "<li>" "$pub/chu-de/lua-gao/2.html")" = 2 ]' "and the tag's pages keep their places"
check '! grep -q "Giá lúa tuần 1<" "$pub/kinh-te/1.html" "$pub/chu-de/lua-gao/index.html"' "and the article leaves its page and its tag's page"
run --as hung publish --due

# publish.after got every changed file, one path a line, relative to the folder
check 'grep -qx "$page" "$T/after.log" && grep -qx "index.html" "$T/after.log"' "publish.after gets the changed files"

# a real web server over the folder
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
	skip "nginx serves the site" "nginx is not installed (Debian: nginx-light)"
else
	mkdir -p "$T/nginx"
	{ [ "$(id -u)" = 0 ] && echo "user root;"
	  echo "pid $T/nginx/pid; error_log $T/nginx/error.log; daemon on;"
	  echo "events {} http { include /etc/nginx/mime.types;"
	  echo " charset_types text/html text/css application/atom+xml application/json text/xml;"
	  echo " access_log off; client_body_temp_path $T/nginx; proxy_temp_path $T/nginx;"
	  echo " fastcgi_temp_path $T/nginx; uwsgi_temp_path $T/nginx; scgi_temp_path $T/nginx;"
	  echo " server { listen 127.0.0.1:$port; root $pub; charset utf-8; } }"; } >"$T/nginx/conf"
	"$nginx_bin" -c "$T/nginx/conf" -e "$T/nginx/error.log" 2>"$T/nginx/start.err"
	for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$T/nginx/pid" ] && break; sleep 0.2; done
	trap '[ -s "$T/nginx/pid" ] && kill "$(cat "$T/nginx/pid")"; rm -rf "$T"' EXIT
	get() { curl -s -o "$T/body" -w '%{http_code} %{content_type}' "$url$1"; }
	check '[ "$(get "")" = "200 text/html; charset=utf-8" ] && grep -q "Cầu Mai Dịch" "$T/body"' "nginx serves the front page"
	check '[ "$(get kinh-te/index.html | cut -d" " -f1)" = 200 ] && grep -q "Giá lúa tuần 22" "$T/body"' "a section page"
	check '[ "$(get feed.atom)" = "200 application/atom+xml; charset=utf-8" ]' "the feed"
	check '[ "$(get "$page" | cut -d" " -f1)" = 200 ] && grep -q "Đoạn một &lt;i&gt;" "$T/body"' "an article"
	run --as hung unpublish "$hostile" --note "Sai tên."
	expect_rc 0 "the article is unpublished"
	check '[ "$(get "$page" | cut -d" " -f1)" = 404 ]' "its address is gone"
	check '[ "$(get "" | cut -d" " -f1)" = 200 ] && ! grep -q "alert" "$T/body"' "and the front page no longer lists it"
fi
[ -f "$pub/$page" ] && run --as hung unpublish "$hostile" --note "Sai tên."
check '! grep -rq "alert" "$pub/thoi-su" "$pub/feed.atom" "$pub/chu-de/bao" 2>/dev/null' "every listing dropped it"
check '[ ! -e "$pub/tac-gia/le-van-ha/index.html" ]' "a name with nothing left loses its page"

"$PY" "$(dirname "$0")/sitecheck.py" "$pub" "$url" | sed 's/^\(ok\|FAIL\) site/\1 site after unpublishing/'

# a quiet cron run, and a rebuild into a new folder switched in at once
run --as hung publish --due
check '[ "$rc" = 0 ] && [ -z "$out$err" ]' "a cron run with nothing due prints nothing"
echo "User-agent: *" >"$pub/robots.txt"
ln -s /etc/passwd "$pub/planted"
before=$(stat -c %i "$pub")
run --as hung publish --rebuild
expect_rc 0 "publish --rebuild"
check '[ -z "$out$err" ]' "quietly when not on a terminal"
check '[ "$(stat -c %i "$pub")" != "$before" ]' "the rebuilt site is a new folder"
check '[ -f "$pub/robots.txt" ] && [ -L "$pub/planted" ]' "what toasoan did not write is carried over, not followed"
check '[ -z "$(ls -a "$T" | grep rebuild)" ]' "the old tree is removed"
"$PY" "$(dirname "$0")/sitecheck.py" "$pub" "$url" | sed 's/^\(ok\|FAIL\) site/\1 site after the rebuild/'
run --as mai publish --rebuild
expect_rc 1 "reporters cannot rebuild the site"
if command -v script >/dev/null; then
	script -qec "'$TOASOAN' --as hung publish --rebuild" /dev/null >"$T/tty" 2>&1
	check 'grep -q "rebuilding the site \[#*" "$T/tty" && grep -q "100%" "$T/tty"' "with a progress bar on a terminal"
else
	skip "a progress bar on a terminal" "script(1) is not installed"
fi

# the newsroom's own layout: a broken one is refused before anything changes
mkdir -p "$T/tpl"
printf '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">\n<title>{{titel}}</title></head><body>{{{content}}}</body></html>\n' >"$T/tpl/layout.html"
printf '  templates: %s\n' "$T/tpl" >>"$XDG_CONFIG_HOME/toasoan/config.yaml"
run --as hung publish --rebuild
expect_rc 1 "a layout with an unknown name is refused"
expect_err "$T/tpl/layout.html:3: unknown name 'titel'" "the file and line are named"
run --as mai new --title "Tin với khuôn hỏng"; tid=$out
run --as mai submit "$tid"
run --as hung approve "$tid"
expect_rc 1 "no article is published with a broken layout"
check 'state_is_review() { run show "$tid" --json; grep -q "\"state\":\"review\"" "$T/out"; }; state_is_review' "it stays in review"
printf '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">\n<title>{{title}}</title>\n<link rel="stylesheet" href="{{root}}style.css">{{{head}}}</head>\n<body><main>{{{content}}}</main><footer>Tòa soạn {{site_name}}</footer></body></html>\n' >"$T/tpl/layout.html"
printf 'body{color:#123}\n' >"$T/tpl/style.css"
run --as hung publish --rebuild
expect_rc 0 "a rebuild with the newsroom's layout"
check 'grep -q "<footer>Tòa soạn Báo &lt;Thử&gt;" "$pub/index.html" && grep -q "color:#123" "$pub/style.css"' "uses its layout and stylesheet"
"$PY" "$(dirname "$0")/sitecheck.py" "$pub" "$url" | sed 's/^\(ok\|FAIL\) site/\1 site in the newsroom layout/'

# publish.after failing: reported, logged, the database kept, retried by the next run
sed -i "s|after: .*|after: echo no route to web1 >\&2; exit 3|" "$XDG_CONFIG_HOME/toasoan/config.yaml"
publish "Thời sự" "Tin sau khi lỗi" "" ""
expect_rc 1 "a failing publish.after is reported"
expect_err "publish.after command failed (exit status 3: no route to web1;" "with its exit status and its last line"
run show "$id" --json
check 'grep -q "\"state\":\"published\"" "$T/out"' "the database keeps the publication"
sed -i "s|after: .*|after: cat > $T/retry.log|" "$XDG_CONFIG_HOME/toasoan/config.yaml"
run --as hung publish --due
expect_rc 0 "the next cron run retries"
check 'grep -q "$id-tin-sau-khi-loi.html" "$T/retry.log"' "and sends the pending files"

# exporting a draft makes up no time of publication: two exports are the same bytes
run --as mai new --title "Bản nháp chưa đăng"
draft=$out
for f in html md ninjs; do
	run --as mai export "$draft" --format "$f"; first=$out
	sleep 1
	run --as mai export "$draft" --format "$f"
	check '[ "$out" = "$first" ] && ! grep -q "<time\|Đăng lúc" "$T/out"' "export of a draft as $f stamps no publication time"
done

