# lib.sh: helpers for the command-line tests. Source it; each check prints "ok NAME" or
# "FAIL NAME" with what was expected and what came, and tests/run.sh counts those lines.
#
#   run ARGS...          runs $TOASOAN with ARGS; sets $rc, $out, $err
#   expect_rc N NAME     the last run exited N
#   expect_out TEXT NAME / expect_err TEXT NAME   stdout / stderr contains TEXT
#   expect_no_out TEXT NAME                       stdout does not contain TEXT
#   check COND NAME      a shell condition
#   skip NAME WHY        a check this machine cannot make
set -u
: "${TOASOAN:?TOASOAN must name the binary}"
export LC_ALL=C.UTF-8 TZ=Asia/Ho_Chi_Minh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export TOASOAN_DB="$T/test.db" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T"
ME=$(id -un)

run() {
	"$TOASOAN" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	out=$(cat "$T/out"); err=$(cat "$T/err")
}
run_in() { # run with stdin from $1
	local input=$1; shift
	"$TOASOAN" "$@" >"$T/out" 2>"$T/err" <"$input"
	rc=$?
	out=$(cat "$T/out"); err=$(cat "$T/err")
}
pass() { echo "ok $1"; }
# A check this machine cannot make (no root, no tmpfs): said as skipped, never counted as passed.
skip() { echo "skip $1 ($2)"; }
fail() {
	echo "FAIL $1"
	echo "   command exit $rc"
	echo "   stdout: $(head -c 600 "$T/out")"
	echo "   stderr: $(head -c 600 "$T/err")"
	[ $# -gt 1 ] && echo "   expected: $2"
	return 0
}
expect_rc() { if [ "$rc" = "$1" ]; then pass "$2"; else fail "$2" "exit $1"; fi; }
expect_out() { if grep -qF -- "$1" "$T/out"; then pass "$2"; else fail "$2" "stdout has '$1'"; fi; }
expect_err() { if grep -qF -- "$1" "$T/err"; then pass "$2"; else fail "$2" "stderr has '$1'"; fi; }
expect_no_out() { if grep -qF -- "$1" "$T/out"; then fail "$2" "stdout without '$1'"; else pass "$2"; fi; }
check() { if eval "$1"; then pass "$2"; else fail "$2" "$1"; fi; }
