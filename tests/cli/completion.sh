# completion.sh: the bash completion, driven the way bash drives it: COMP_WORDS and
# COMP_CWORD set, _toasoan called, COMPREPLY read. Commands and options come from the
# program, logins and article ids from the newsroom (honouring --db and --as typed before).
. "$(dirname "$0")/lib.sh"
script=$(cd "$(dirname "$0")/../.." && pwd)/completion/toasoan.bash

run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add hung --role editor --name "Phạm Văn Hùng"
run --as mai new --title "Bài nháp"; draft=$out
run --as mai new --title "Bài chờ duyệt"; review=$out
run --as mai submit "$review"
run --as hung new --title "Bài của biên tập"; other=$out

# complete WORDS...: the last word is the one being completed; prints COMPREPLY sorted.
complete_words() {
	bash -c '
		_toasoan_bin=$1; shift
		. "$0"
		COMP_WORDS=(toasoan "$@"); COMP_CWORD=$#
		_toasoan
		[ ${#COMPREPLY[@]} -gt 0 ] && printf "%s\n" "${COMPREPLY[@]}" | sort
	' "$script" "$TOASOAN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
has() { grep -qx -- "$1" "$T/out"; }

complete_words ""
expect_rc 0 "the completion function runs"
check 'has init && has search && has dict && has unpublish' "commands are completed"
check '[ "$(wc -l <"$T/out")" = "$("$TOASOAN" --help | sed -n "/^commands:/,/^$/p" | grep -c "^  ")" ]' \
	"every command of --help, and nothing else"
complete_words "pu"
check '[ "$(cat "$T/out")" = "$(printf "publish")" ]' "a prefix narrows the commands"
complete_words "--"
check 'has --db && has --as && has --help && has --version' "global options are completed"
complete_words list --
check 'has --state && has --mine && has --json' "a command's options come from its usage line"
complete_words export 1 -
check 'has --format && has -o' "export's options, the short one too"
complete_words list --state ""
check '[ "$(tr "\n" " " <"$T/out")" = "draft published review scheduled " ]' "states are completed"
complete_words export 1 --format ""
check '[ "$(tr "\n" " " <"$T/out")" = "html md ninjs txt " ]' "formats are completed"
complete_words user add x --role ""
check '[ "$(tr "\n" " " <"$T/out")" = "admin editor reporter " ]' "roles are completed"
complete_words spell --style ""
check 'has old && has new && has any' "styles are completed"
complete_words user ""
check 'has add && has list && has role && has disable' "user's subcommands are completed"
complete_words user disable ""
check 'has mai && has hung' "logins are completed, from the newsroom"
complete_words --as ""
check 'has mai && has hung' "--as completes logins"
complete_words show ""
check 'has "$draft" && has "$review" && has "$other"' "article ids are completed for show"
complete_words submit ""
check 'has "$draft" && has "$other" && ! has "$review"' "submit completes drafts only"
complete_words approve ""
check '[ "$(cat "$T/out")" = "$review" ]' "approve completes articles in review only"
complete_words --as mai show ""
check 'has "$draft" && ! has "$other"' "ids follow --as: a reporter is offered only what she may see"
complete_words --db "$T/none.db" show ""
check '[ ! -s "$T/out" ]' "--db typed before is honoured (no database, no ids)"
complete_words return 1 --note ""
check '[ ! -s "$T/out" ]' "a note is free text: nothing is offered"
touch "$T/bai-viet.txt"
complete_words import "$T/bai"
check 'has "$T/bai-viet.txt"' "files are completed for import"
