# pubsafety.sh: a reporter with write access to the publish folder plants links and folders
# where toasoan writes. Nothing planted is ever followed, replaced or removed: the target of
# every link keeps its bytes, and the database never disagrees with the site.
. "$(dirname "$0")/lib.sh"

pub="$T/public"
victim="$T/victim"
mkdir -p "$XDG_CONFIG_HOME/toasoan" "$victim" "$pub"
printf 'publish:\n  dir: %s\n' "$pub" >"$XDG_CONFIG_HOME/toasoan/config.yaml"
echo "ssh-ed25519 AAAA editor@laptop" >"$victim/authorized_keys"
intact() { [ "$(cat "$victim/authorized_keys")" = "ssh-ed25519 AAAA editor@laptop" ] &&
	[ "$(ls -A "$victim")" = authorized_keys ]; }
run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add hung --role editor --name "Phạm Văn Hùng"
review() { # a new article in review; id in $id
	run --as mai new --title "$1"; id=$out
	run --as mai submit "$id"
}
state_is() { run show "$1" --json; grep -q "\"state\":\"$2\"" "$T/out"; }
day=$(date +%Y/%m/%d)

# links named like staged temporary files, for every process id near ours
review "Bài thứ nhất"
for pid in $(seq $$ $(($$ + 400))); do
	ln -s "$victim/authorized_keys" "$pub/.$id-bai-thu-nhat.html.staged.$pid.tmp.$pid"
	ln -s "$victim/authorized_keys" "$pub/.index.json.staged.$pid.tmp.$pid"
done
run --as hung approve "$id"
expect_rc 0 "an approval next to planted links succeeds"
check intact "the links' target is untouched"
check '[ -f "$pub/$day/$id-bai-thu-nhat.html" ] && [ ! -L "$pub/$day/$id-bai-thu-nhat.html" ]' "the page is a file of its own"
check '[ "$(find "$pub" -maxdepth 1 -type l | wc -l)" = 802 ]' "and the planted links are all still there"

# a link where a folder of the site belongs
review "Bài thứ hai"
rm -rf "$pub/${day%%/*}"
ln -s "$victim" "$pub/${day%%/*}"
run --as hung approve "$id"
expect_rc 1 "a link in place of the year folder stops the approval"
expect_err "is in the way" "it says what is in the way"
check 'state_is "$id" review' "the article stays in review"
check intact "nothing was written through the link"
rm "$pub/${day%%/*}"

# a link or a folder where the page belongs
mkdir -p "$pub/$day"
ln -s "$victim/authorized_keys" "$pub/$day/$id-bai-thu-hai.html"
run --as hung approve "$id"
expect_rc 1 "a link named like the page stops the approval"
check 'state_is "$id" review && intact' "nothing changed, the target is untouched"
rm "$pub/$day/$id-bai-thu-hai.html"
mkdir "$pub/$day/$id.json"
run --as hung approve "$id"
expect_rc 1 "a folder named like the ninjs file stops the approval"
check 'state_is "$id" review && [ -d "$pub/$day/$id.json" ]' "and is left alone"
rmdir "$pub/$day/$id.json"

# a link in place of the front page: the article is published, the link is not replaced
ln -s "$victim/authorized_keys" "$pub/index.html.new"
rm -f "$pub/index.html"; ln -s "$victim/authorized_keys" "$pub/index.html"
run --as hung approve "$id"
expect_rc 1 "a link in place of the front page is reported"
expect_err "article $id is saved, but the site is not up to date" "the change itself is kept"
check 'state_is "$id" published && [ -f "$pub/$day/$id-bai-thu-hai.html" ]' "the article and its page are published"
check 'intact && [ -L "$pub/index.html" ]' "the link and its target are untouched"
rm "$pub/index.html" "$pub/index.html.new"
run --as hung publish --due
check '[ "$rc" = 0 ] && [ -f "$pub/index.html" ] && grep -q "Bài thứ hai" "$pub/index.html"' "the next cron run writes the front page"

# unpublishing never removes what toasoan did not write
rm "$pub/$day/$id-bai-thu-hai.html"
ln -s "$victim/authorized_keys" "$pub/$day/$id-bai-thu-hai.html"
run --as hung unpublish "$id" --note "Gỡ thử."
expect_rc 0 "unpublishing next to a planted link succeeds"
check '[ -L "$pub/$day/$id-bai-thu-hai.html" ] && intact' "the link is neither followed nor removed"
rm "$pub/$day/$id-bai-thu-hai.html"

# the race: while approvals run, a reporter (another user, in a folder anyone may write)
# keeps swapping every temporary file and staging folder it can find for links to the target
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	skip "a racing reporter never reaches the target" "needs root to act as a second user"
	exit 0
fi
chmod 755 "$T"; chmod -R a+rwX "$pub"
setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c '
	pub=$1 victim=$2 day=$3; end=$((SECONDS + 30))
	while [ $SECONDS -lt $end ] && [ ! -f "$pub/stop" ]; do
		for f in "$pub"/.*.tmp "$pub"/*/.*.tmp "$pub/$day"/.*.tmp "$pub"/.toasoan-staging.*/*; do
			[ -e "$f" ] && [ ! -L "$f" ] && rm -f "$f" 2>/dev/null && ln -s "$victim/authorized_keys" "$f" 2>/dev/null
		done
		for s in "$pub"/.toasoan-staging.*; do
			[ -d "$s" ] && [ ! -L "$s" ] && mv "$s" "$s.gone" 2>/dev/null && ln -s "$victim" "$s" 2>/dev/null
		done
	done' racer "$pub" "$victim" "$day" &
racer=$!
for i in 1 2 3 4 5 6 7 8; do
	review "Bài đua $i"
	run --as hung approve "$id"
done
touch "$pub/stop"; wait "$racer"
check intact "a racing swap of temporary files never reaches the target"
check '[ -z "$(find "$pub" -path "*.gone" -prune -o \( -type l \( -name "*.html" -o -name "*.json" -o -name "*.atom" \) -print \) | grep -v staged)" ]' "no page of the site became a link"
check 'state_is "$id" published && [ -f "$pub/$day/$id-bai-dua-8.html" ]' "and the approvals went through"
