# shell.sh: `toasoan shell LOGIN` (the forced command of an SSH key) without an SSH server:
# the command comes in SSH_ORIGINAL_COMMAND exactly as sshd hands it over. Also the key
# commands (validation, fingerprints, the authorized_keys rewrite that keeps foreign lines),
# `doctor`, the umask and the refusal to run setuid or setgid. tests/ssh/ssh.sh does the same
# through a real SSH server.
. "$(dirname "$0")/lib.sh"

AK="$T/home/.ssh/authorized_keys"
cat >"$T/server.yaml" <<YAML
database: $T/test.db
publish:
  dir: $T/public
ssh:
  authorized_keys: $AK
  command: /usr/local/bin/toasoan --config /etc/toasoan/server.yaml
  sshd_config: $T/sshd_config
YAML
srv() { run --config "$T/server.yaml" "$@"; }
# shell LOGIN with the command line as sshd passes it; stdin from $IN (default /dev/null)
as() {
	local login=$1; shift
	SSH_ORIGINAL_COMMAND="$*" "$TOASOAN" --config "$T/server.yaml" shell "$login" \
		>"$T/out" 2>"$T/err" <"${IN:-/dev/null}"
	rc=$?; out=$(cat "$T/out"); err=$(cat "$T/err")
}
dump() { sqlite3 "$T/test.db" "SELECT * FROM articles; SELECT * FROM users; SELECT * FROM keys;"; }

srv init
srv user add mai --role reporter
srv user add lan --role reporter
srv user add hung --role editor

# --- the door
as mai list
expect_rc 0 "a key's login runs a command"
as mai new --title "'Tin của Mai'"
expect_rc 0 "quotes group words as a shell would"
mai_id=$out
srv show "$mai_id" --json
check 'grep -q "\"title\":\"Tin của Mai\"" "$T/out" && grep -q "\"author\":\"mai\"" "$T/out"' \
	"the article is mai's, titled without the quotes"
as mai new --title '"Tin \"nóng\" nhất"'
srv show "$out" --json
check 'grep -qF "\"title\":\"Tin \\\"nóng\\\" nhất\"" "$T/out"' "double quotes and backslashes are read as a shell would"
as mai new --title "Tin\ một\ từ"
srv show "$out" --json
check 'grep -qF "\"title\":\"Tin một từ\"" "$T/out"' "a backslash keeps a space inside a word"
USER=hung LOGNAME=hung as mai approve "$mai_id"
expect_rc 1 "identity is the key's login, never \$USER"
as mai --help
check '[ "$rc" = 0 ] && grep -q "^usage: ssh -t ACCOUNT@SERVER" "$T/out" && grep -q "^  key " "$T/out" && ! grep -q "^  init " "$T/out"' \
	"help over SSH lists the commands that work over SSH"
as nobody list
expect_rc 1 "an unknown login is refused at the door"
expect_err "'nobody' is not a toasoan user" "the door says why"
as mai --as hung list
expect_rc 1 "--as stays admin-only over SSH"
as mai --as
expect_rc 2 "--as without a login over SSH is a usage error"
expect_err "'--as' needs a value" "and says that a login is missing"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	chmod 666 "$T/test.db"; chmod 755 "$T"
	SSH_ORIGINAL_COMMAND="user list" setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$TOASOAN" --config "$T/server.yaml" shell "$ME" >"$T/out" 2>"$T/err" </dev/null; rc=$?
	expect_rc 1 "another Unix user cannot run the shell as an admin, even on a writable file"
	expect_err "runs only as the account that owns the database" "the shell says who may run it"
	chmod 640 "$T/test.db"; chmod 700 "$T"
else
	skip "shell run by another user" "it needs root and setpriv"
fi

before=$(dump)
for cmd in "sh" "bash -i" "scp -f /etc/passwd" "scp -t /tmp" "rsync --server -e.Lsfx . /tmp" \
	"git-upload-pack '/srv/x'" "/usr/lib/openssh/sftp-server" "internal-sftp" "ls" "shell mai" "init"; do
	as mai "$cmd"
	if [ "$rc" = 2 ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -q "^toasoan: error: " "$T/err"; then
		pass "'$cmd' is refused in one line with exit 2"
	else
		fail "'$cmd' is refused in one line with exit 2"
	fi
done
as mai "list; sh"
expect_rc 2 "a shell separator is a word, not a second command"
as mai 'list --json $(id)'
check '[ "$rc" = 2 ] && ! grep -q uid= "$T/out"' "no command substitution: the words go to toasoan as they are"
as mai "'unclosed"
expect_err "a single quote is not closed" "an unclosed quote is named"
for cmd in "--db /tmp/x list" "--db=/tmp/x list" "--config /tmp/c.yaml list" \
	"new /etc/passwd" "new --title T $T/server.yaml" "import /etc/passwd" "import - /etc/hostname" \
	"export $mai_id --format md -o $T/leak" "export $mai_id --format md --output=$T/leak" \
	"backup $T/copy.db" "spell /etc/shadow"; do
	as mai "$cmd"
	expect_rc 2 "'$cmd' naming a server path is refused"
done
check '[ ! -e "$T/leak" ] && [ ! -e "$T/copy.db" ]' "no file was written on the server"
expect_err "over SSH toasoan reads and writes no file on the server" "the refusal says why"
check '[ "$before" = "$(dump)" ]' "refused commands change nothing in the database"
n=$(sqlite3 "$T/test.db" "SELECT count(*) FROM audit WHERE what = 'ssh refused' AND by = 'mai'")
check '[ "$n" -ge 20 ]' "every refusal is in the audit log ($n rows)"
check 'sqlite3 "$T/test.db" "SELECT note FROM audit WHERE what = '"'"'ssh refused'"'"'" | grep -qx "scp -f /etc/passwd"' \
	"the audit row holds the command as sent"
printf 'Tiêu đề: Bài gửi qua SSH\n\nThân bài.\n' >"$T/in.txt"
IN="$T/in.txt" as mai import -
expect_rc 0 "import reads standard input"
IN="$T/in.txt" as mai new -
expect_rc 0 "new reads standard input"
as mai export "$mai_id" --format md -o -
expect_out "Tin của Mai" "export -o - writes to standard output"
SSH_ORIGINAL_COMMAND= "$TOASOAN" --config "$T/server.yaml" shell mai </dev/null >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "no command and no terminal: a clear usage error"
expect_err "connect with 'ssh -t'" "it says how to get the screen"
TOASOAN_DB="$T/other.db" XDG_CONFIG_HOME="$T/evil" as mai list
check '[ "$rc" = 0 ] && [ ! -e "$T/other.db" ]' "TOASOAN_DB and XDG_* from the environment are ignored"

# --- keys
ssh_keygen() { ssh-keygen -q -t "$1" -N '' -C "$2" -f "$T/$2" </dev/null >/dev/null; }
if command -v ssh-keygen >/dev/null; then
	ssh_keygen ed25519 mai-laptop; ssh_keygen rsa mai-phone; ssh_keygen ecdsa lan-desk
	mkdir -p "$T/home/.ssh"; chmod 700 "$T/home/.ssh"
	printf '# the account owner\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnotmanagedbytoasoan owner@host\n' >"$AK"
	srv key add mai "$T/mai-laptop.pub"
	expect_rc 0 "an admin adds a key from a file"
	fp=$(ssh-keygen -lf "$T/mai-laptop.pub" | awk '{print $2}')
	expect_out "$fp" "the fingerprint is the one the key tools print"
	IN="$T/mai-phone.pub" as mai key add mai -
	expect_rc 1 "a reporter cannot add keys"
	run_in "$T/mai-phone.pub" --config "$T/server.yaml" key add mai -
	expect_rc 0 "a key from standard input"
	run_in "$T/lan-desk.pub" --config "$T/server.yaml" key add lan
	expect_rc 0 "an ecdsa key"
	check 'grep -qx "# the account owner" "$AK" && grep -q "owner@host$" "$AK"' "lines toasoan does not manage are kept"
	check '[ "$(grep -c "^restrict,pty,command=\"/usr/local/bin/toasoan --config /etc/toasoan/server.yaml shell mai\" ssh-" "$AK")" = 2 ]' \
		"each of mai's keys is forced to 'toasoan shell mai' with restrict"
	check '[ "$(stat -c %a "$AK")" = 600 ] && [ "$(stat -c %a "$T/home/.ssh")" = 700 ]' "authorized_keys 0600 in a 0700 folder"
	srv key list
	check '[ "$(grep -c . "$T/out")" = 3 ] && grep -q "mai-phone" "$T/out"' "key list shows every key with its comment"
	srv key list lan
	check '[ "$(grep -c . "$T/out")" = 1 ] && grep -q "$(ssh-keygen -lf "$T/lan-desk.pub" | awk "{print \$2}")" "$T/out"' "key list LOGIN shows one person's keys"
	srv key list nobody
	expect_err "no user 'nobody'" "key list of an unknown login says so"
	cp "$AK" "$T/ak.before"; before=$(dump)
	bad_key() { printf '%s' "$1" >"$T/bad.pub"; srv key add mai "$T/bad.pub"; expect_rc 1 "$2"; }
	bad_key "command=\"/bin/sh\" $(cat "$T/mai-laptop.pub")" "a key with injected options is refused"
	expect_err "options before the key are not accepted" "the options are named"
	bad_key "restrict $(cat "$T/mai-laptop.pub")" "a key behind a bare option word is refused"
	bad_key "$(cat "$T/mai-laptop.pub")
$(cat "$T/lan-desk.pub")" "two lines are refused"
	bad_key "$(cut -d' ' -f1,2 "$T/mai-laptop.pub") x\rcommand=\"sh\" ssh-ed25519 AAAA" "a carriage return inside is refused"
	bad_key "ssh-ed25519 AAAA!!notbase64 x" "bad base64 is refused"
	bad_key "ssh-dss AAAAB3NzaC1kc3MAAACBAP x" "an unknown type is refused"
	bad_key "ssh-ed25519 $(cut -d' ' -f2 "$T/mai-phone.pub") x" "a blob of another type is refused"
	expect_err "is not a 'ssh-ed25519' key" "the type mismatch is named"
	bad_key "$(cat "$T/lan-desk.pub")" "a key registered to someone else is refused"
	expect_err "already registered to 'lan'" "its owner is named"
	check 'cmp -s "$AK" "$T/ak.before" && [ "$before" = "$(dump)" ]' "refused keys change neither the file nor the database"
	fp2=$(ssh-keygen -lf "$T/mai-phone.pub" | awk '{print $2}')
	srv key remove mai "$fp2"
	expect_rc 0 "key remove by fingerprint"
	check '! grep -q mai-phone "$AK" && grep -q mai-laptop "$AK"' "only that key left the file"
	srv key remove lan "$fp"
	expect_rc 1 "removing someone else's fingerprint from lan fails"
	srv user disable mai
	check '! grep -q "shell mai\"" "$AK" && grep -q "shell lan\"" "$AK" && grep -q owner@host "$AK"' \
		"user disable removes that person's keys, and only them"
	srv key list mai
	check '[ -z "$out" ]' "the database holds no key of a disabled login"
	as mai list
	expect_rc 1 "a disabled login is refused at the door"
	expect_err "disabled" "the door says the account is disabled"
	srv user role mai reporter
	rm "$AK"; ln -s "$T/target" "$AK"; : >"$T/target"
	srv key add mai "$T/mai-laptop.pub"
	check '[ "$rc" = 1 ] && [ ! -s "$T/target" ]' "a symbolic link in place of authorized_keys is refused, not followed"
	rm "$AK"
else
	skip "key tests" "ssh-keygen (openssh-client) is not installed"
fi

# --- doctor
mkdir -p "$T/public" "$T/home/.ssh"; chmod 700 "$T/home/.ssh"; : >"$AK"; chmod 600 "$AK"
printf 'PermitUserEnvironment no\nAcceptEnv LANG LC_*\n' >"$T/sshd_config"
chmod 750 "$T"; chmod 2755 "$T/public"
as mai doctor
expect_rc 1 "doctor is for admins"
srv doctor
if [ "$(stat -c %u "$(dirname "$T")")" = 0 ] && [ "$(stat -c %a "$(dirname "$T")")" = 1777 ]; then
	expect_rc 0 "doctor passes a sound setup"
else
	skip "doctor on a sound setup" "the temporary folder's parent is not root's sticky /tmp"
fi
chmod 755 "$T"; chmod 664 "$T/test.db"; chmod 777 "$T/public"; chmod 666 "$T/server.yaml"
printf 'PermitUserEnvironment yes\nAcceptEnv LANG LC_* TOASOAN_DB\n' >"$T/sshd_config"
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnotmanagedbytoasoan owner@host' >>"$AK"
echo 'restrict,pty,command="/nonexistent/toasoan shell ghost" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnotmanagedbytoasoan x' >>"$AK"
srv doctor
expect_rc 1 "doctor finds problems"
expect_out "fix: chmod 0750 '$T'" "a folder others can read, with the fix"
expect_out "fix: chmod 0640 '$T/test.db'" "a database others can write, with the fix"
expect_out "the settings file '$T/server.yaml' can be changed by someone other" "a settings file others can write"
expect_out "the publish folder '$T/public' has mode 2777: others can write" "a publish folder others can write"
expect_out "PermitUserEnvironment yes" "PermitUserEnvironment is caught"
expect_out "the variable 'TOASOAN_DB'" "AcceptEnv beyond LANG LC_* is caught"
expect_out "line 1 of '$AK' is not a toasoan key" "a key without toasoan's restrictions is caught"
expect_out "line 2 of '$AK' lets in a key of 'ghost' that toasoan does not hold" "a toasoan line the database does not know is caught"
expect_out "the forced command '/nonexistent/toasoan' is not a program the account can run" "a forced command that cannot run is caught"
if [ "$(id -u)" = 0 ] && [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null; then
	ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" </dev/null
	echo "HostKey $T/hostkey" >>"$T/sshd_config"
	# sshd -T wants its privilege-separation folder, which only a started server has made
	mkdir -p /run/sshd; chmod 755 /run/sshd
	srv doctor
	expect_out "$T/sshd_config (as 'sshd -T' reads it)" "as root, doctor asks sshd -T for the settings in force"
	expect_out "the variable 'TOASOAN_DB'" "sshd -T's AcceptEnv is checked"
else
	skip "doctor with sshd -T" "it needs root and openssh-server"
fi
chmod 640 "$T/test.db"

# --- file modes and privileges
(umask 000; "$TOASOAN" --db "$T/fresh.db" init >/dev/null 2>&1)
check '[ "$(stat -c %a "$T/fresh.db")" = 640 ]' "the database is 0640 even under umask 000"
if [ "$(id -u)" = 0 ] && getent group nogroup >/dev/null; then
	mkdir -p "$T/bin"; cp "$TOASOAN" "$T/bin/toasoan"; chgrp nogroup "$T/bin/toasoan"
	chmod 2755 "$T/bin/toasoan"
	"$T/bin/toasoan" --version >"$T/out" 2>"$T/err"; rc=$?
	if [ "$(stat -c %a "$T/bin/toasoan")" = 2755 ] && ! findmnt -no OPTIONS -T "$T" | grep -q nosuid; then
		expect_rc 1 "a setgid binary refuses to run"
		expect_err "refusing to run setuid or setgid" "it says why"
	else
		skip "setgid refusal" "the temporary folder is mounted nosuid"
	fi
else
	skip "setgid refusal" "it needs root and the group nogroup"
fi
