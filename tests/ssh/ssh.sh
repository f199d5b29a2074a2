# ssh.sh: the newsroom server as the README sets it up, built for real: a service account
# that owns the data, an SSH server started on a free local port with its own host key and
# config, keys for a reporter, an editor and an admin forced to `toasoan shell LOGIN`, and
# people connecting with ssh. It walks the role table over SSH, drives the screen with
# `ssh -tt` in tmux, and tries every way around the door: a shell, server paths, forwarding,
# sftp, scp, environment variables, a key with options, another reporter's draft, and a
# reporter with her own shell account on the machine going for the files directly.
#
# Needs root, openssh-server, openssh-client and tmux; skips with the reason otherwise.
. "$(dirname "$0")/../cli/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
unset TOASOAN_DB XDG_CONFIG_HOME XDG_DATA_HOME   # the account's config decides, as in production
rc=0

need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
if [ "$(id -u)" != 0 ]; then skip "ssh deployment" "it needs root to create accounts and run sshd"; exit 0; fi
for t in /usr/sbin/sshd ssh ssh-keygen sftp scp tmux runuser python3 sqlite3; do
	need "$t" || { skip "ssh deployment" "'$t' is missing (make deps installs openssh-server, openssh-client and tmux)"; exit 0; }
done

ACCOUNT=toasoan          # the service account
LOCAL=tslan              # a reporter who also has a shell account on the machine
id "$ACCOUNT" >/dev/null 2>&1 ||
	useradd --system --home-dir /var/lib/toasoan --create-home --shell /bin/sh "$ACCOUNT" ||
	{ skip "ssh deployment" "cannot create the account '$ACCOUNT' with useradd"; exit 0; }
id "$LOCAL" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$LOCAL" ||
	{ skip "ssh deployment" "cannot create the account '$LOCAL' with useradd"; exit 0; }
# sshd without PAM refuses locked accounts; '*' means "no password" without locking.
for u in "$ACCOUNT" "$LOCAL"; do
	case "$(getent shadow "$u" | cut -d: -f2)" in '!'*) usermod -p '*' "$u";; esac
done
getent group www-data >/dev/null || groupadd --system www-data

# Every path up to the data must be root's or the account's (sshd's StrictModes, doctor).
W=$(mktemp -d /var/lib/toasoan-ssh.XXXXXX)
chmod 711 "$W"
SSHD_PID=
cleanup() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
	tmux -L "toasoan-ssh-$$" kill-server 2>/dev/null
	rm -rf "$W" "$T" "${LKEY:-/nonexistent}" "${LKEY:-/nonexistent}.pub"
}
trap cleanup EXIT

# The program under test, where the account can run it; its word lists beside it.
mkdir -p "$W/bin" "$W/etc" "$W/client" "$W/keys" "$W/srv" "$W/www"
cp "$TOASOAN" "$W/bin/toasoan"; cp -r "$SRC/dict" "$SRC/themes" "$W/bin/"
chmod -R go-w,a+rX "$W/bin"
chown "$ACCOUNT:" "$W/srv" "$W/keys"; chmod 750 "$W/srv"; chmod 700 "$W/keys"
chown "$ACCOUNT:www-data" "$W/www"; chmod 2750 "$W/www"
BIN="$W/bin/toasoan"; CFG="$W/etc/config.yaml"
cat >"$CFG" <<YAML
database: $W/srv/toasoan.db
publish:
  dir: $W/www
ssh:
  authorized_keys: $W/keys/$ACCOUNT
  command: $BIN --config $CFG
  sshd_config: $W/sshd_config
YAML
chmod 644 "$CFG"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh-keygen -q -t ed25519 -N '' -f "$W/host_key" </dev/null
cat >"$W/sshd_config" <<CONF
ListenAddress 127.0.0.1
HostKey $W/host_key
PidFile none
AuthorizedKeysFile $W/keys/%u
AllowUsers $ACCOUNT
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes yes
PermitUserEnvironment no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
LogLevel VERBOSE
CONF
mkdir -p /run/sshd; chmod 755 /run/sshd
/usr/sbin/sshd -D -e -f "$W/sshd_config" -p "$PORT" 2>"$W/sshd.log" &
SSHD_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

# The account sets up the newsroom; it is the first admin.
acct() { runuser -u "$ACCOUNT" -- "$BIN" --config "$CFG" "$@"; }
acct init >/dev/null
check '[ "$(acct user list | awk "\$2==\"admin\"{print \$1}")" = "$ACCOUNT" ]' "the service account is the first admin after init"
acct user add boss --role admin >/dev/null
acct user add hung --role editor >/dev/null
acct user add mai --role reporter >/dev/null
acct user add lan --role reporter >/dev/null
for who in boss hung mai; do ssh-keygen -q -t ed25519 -N '' -C "$who@laptop" -f "$W/client/$who" </dev/null; done
install -d -o "$LOCAL" -m 700 "/home/$LOCAL/.ssh"
LKEY="/home/$LOCAL/.ssh/toasoan_key.$$"   # one per run: two runs at once keep their own
runuser -u "$LOCAL" -- ssh-keygen -q -t ed25519 -N '' -C "lan@desk" -f "$LKEY" </dev/null
acct key add boss - <"$W/client/boss.pub" >/dev/null

SSH_OPTS=(-F /dev/null -p "$PORT" -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR
	-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=10)
# over WHO ARGS...: ssh as WHO to the account; sets rc, out, err (stdin from $IN or nothing)
key_of() { if [ "$1" = lan ]; then echo "$LKEY"; else echo "$W/client/$1"; fi; }
over() {
	local who=$1; shift
	timeout 60 ssh "${SSH_OPTS[@]}" -i "$(key_of "$who")" "$ACCOUNT@127.0.0.1" -- "$@" \
		>"$T/out" 2>"$T/err" <"${IN:-/dev/null}"
	rc=$?; out=$(cat "$T/out"); err=$(cat "$T/err")
}
dump() { sqlite3 "$W/srv/toasoan.db" "SELECT id, state, title, version FROM articles; SELECT * FROM users; SELECT fingerprint FROM keys;"; }

over boss list
expect_rc 0 "the admin's key reaches the newsroom"
IN="$W/client/hung.pub" over boss key add hung
expect_rc 0 "the admin adds the editor's key over SSH, on standard input"
IN="$W/client/mai.pub" over boss key add mai
IN="$LKEY.pub" over boss key add lan
over boss key list
check '[ "$(grep -c SHA256: "$T/out")" = 4 ]' "key list over SSH shows the four keys"

# --- the role table, row by row, over SSH
printf 'Tiêu đề: Cầu mới thông xe\n\nSáng nay cầu mới thông xe.\n' >"$T/a.txt"
IN="$T/a.txt" over mai new -
expect_rc 0 "reporter: create (text on standard input)"; a=$out
IN="$T/a.txt" over mai import -
expect_rc 0 "reporter: import from standard input"
over lan new --title "'Bản nháp riêng của Lan'"
lan_draft=$out
over mai submit "$a";          expect_rc 0 "reporter: submit own draft"
over mai withdraw "$a";        expect_rc 0 "reporter: withdraw own article from review"
over mai submit "$a"
over lan withdraw "$a";        expect_rc 1 "reporter: cannot withdraw another's article"
over mai approve "$a";         expect_rc 1 "reporter: cannot approve"
over mai publish "$a";         expect_rc 1 "reporter: cannot publish"
over mai return "$a" --note x; expect_rc 1 "reporter: cannot return"
over hung return "$a" --note "'Thiếu nguồn tin'"
expect_rc 0 "editor: return with a note"
over mai submit "$a"
over hung approve "$a";        expect_rc 0 "editor: approve publishes"
page=$(find "$W/www" -name "$a-*.html" | head -n 1)
check '[ -n "$page" ]' "the page is in the publish folder"
check '[ "$(stat -c %U "$page")" = "$ACCOUNT" ]' "published pages belong to the account"
check 'runuser -u www-data -- cat "$page" >/dev/null 2>&1' "the web server can read the published page"
over mai unpublish "$a" --note x; expect_rc 1 "reporter: cannot unpublish"
over hung unpublish "$a" --note "'Đính chính'"; expect_rc 0 "editor: unpublish with a note"
over mai submit "$a"
over hung approve "$a" --at "'2099-01-01 08:00'"; expect_rc 0 "editor: schedule"
over hung publish "$a";        expect_rc 0 "editor: publish a scheduled article now"
acct publish --due >/dev/null; check '[ $? = 0 ]' "cron as the account: publish --due"
over hung publish --due;       expect_rc 0 "editor: publish --due"
over mai publish --due;        expect_rc 1 "reporter: cannot publish --due"
acct backup "$W/srv/backup.db" >/dev/null
check '[ "$(stat -c "%U %a" "$W/srv/backup.db")" = "$ACCOUNT 640" ]' "a backup made by the account is its own, 0640"
check '[ -z "$(find "$W/srv" "$W/www" -perm /027 -type f)" ]' "no data file is writable by the group or open to others"
check '[ -z "$(find "$W/srv" "$W/www" ! -user "$ACCOUNT")" ]' "every data file belongs to the account"
over mai dict add chữmới;      expect_rc 1 "reporter: cannot change the dictionary"
over hung dict add chữmới;     expect_rc 0 "editor: adds a dictionary word"
for cmd in "user list" "check" "key list" "doctor"; do
	over hung $cmd; expect_rc 1 "editor: '$cmd' is for admins"
done
over boss user list;           expect_rc 0 "admin: user list"
over boss check;               expect_rc 0 "admin: check"
over boss --as mai list --mine; expect_rc 0 "admin: --as another login"
over mai --as hung list;       expect_rc 1 "reporter: no --as"

# --- another reporter's draft
for cmd in "show $lan_draft" "history $lan_draft" "export $lan_draft --format txt" \
	"diff $lan_draft" "submit $lan_draft"; do
	over mai $cmd
	check '[ "$rc" != 0 ] && ! grep -q "Bản nháp riêng" "$T/out"' "reporter: '$cmd' on another reporter's draft gives nothing"
done
over mai list --json
check '! grep -q "Bản nháp riêng" "$T/out"' "reporter: another reporter's draft is not listed"

# --- around the door
before=$(dump); cp "$W/keys/$ACCOUNT" "$T/ak.before"
over mai sh
check '[ "$rc" = 2 ] && [ "$(wc -l <"$T/err")" = 1 ]' "ssh ... sh: one line, exit 2"
over mai --db /tmp/x-$$ list
check '[ "$rc" = 2 ] && [ ! -e /tmp/x-$$ ]' "ssh ... -- --db /tmp/x list is refused"
over mai export "$a" --format html -o "~/.ssh/authorized_keys"
check '[ "$rc" = 2 ] && cmp -s "$W/keys/$ACCOUNT" "$T/ak.before"' "export -o ~/.ssh/authorized_keys is refused, the file untouched"
over mai "cat /etc/passwd; sh -i"
check '[ "$rc" = 2 ] && ! grep -q "root:" "$T/out"' "a command line for a shell runs nothing"
over mai 'list $(touch /tmp/pwn-'$$')'
check '[ ! -e /tmp/pwn-$$ ]' "no shell expands what is sent"
over mai git-upload-pack "'/srv/git/x.git'"; expect_rc 2 "git-upload-pack is refused"
over mai rsync --server -vlogDtpre.iLsfxC . /tmp/; expect_rc 2 "rsync is refused"
echo 'ls /' >"$T/batch"
timeout 30 sftp -b "$T/batch" "${SSH_OPTS[@]/-p/-P}" -i "$W/client/mai" "$ACCOUNT@127.0.0.1" >"$T/out" 2>"$T/err"; rc=$?
check '[ "$rc" != 0 ] && ! grep -q "^/etc\|srv\|bin" "$T/out"' "sftp gets nothing"
timeout 30 scp -O "${SSH_OPTS[@]/-p/-P}" -i "$W/client/mai" "$ACCOUNT@127.0.0.1:$W/srv/toasoan.db" "$T/stolen-legacy" >"$T/out" 2>"$T/err"; rc=$?
check '[ "$rc" != 0 ] && [ ! -s "$T/stolen-legacy" ]' "scp (legacy protocol) cannot copy the database out"
timeout 30 scp "${SSH_OPTS[@]/-p/-P}" -i "$W/client/mai" "$ACCOUNT@127.0.0.1:$W/srv/toasoan.db" "$T/stolen" >"$T/out" 2>"$T/err"; rc=$?
check '[ "$rc" != 0 ] && [ ! -s "$T/stolen" ]' "scp (sftp protocol) cannot copy the database out"
timeout 30 scp "${SSH_OPTS[@]/-p/-P}" -i "$W/client/mai" "$T/a.txt" "$ACCOUNT@127.0.0.1:$W/srv/planted" >"$T/out" 2>"$T/err"
check '[ ! -e "$W/srv/planted" ]' "scp cannot put a file on the server"
n=$(sqlite3 "$W/srv/toasoan.db" "SELECT count(*) FROM audit WHERE what = 'ssh refused' AND by = 'mai'")
check '[ "$n" -ge 6 ]' "the refusals are in the audit log ($n)"
# forwarding: a local forward to the SSH server itself must not carry its banner
FWD=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 20 ssh "${SSH_OPTS[@]}" -i "$W/client/mai" -N -L "$FWD:127.0.0.1:$PORT" "$ACCOUNT@127.0.0.1" 2>"$T/fwd.err" &
fwd=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$FWD") 2>/dev/null && break; sleep 0.1; done
banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$FWD; head -c 7 <&3" 2>/dev/null)
kill "$fwd" 2>/dev/null; wait "$fwd" 2>/dev/null
check '[ "$banner" != "SSH-2.0" ]' "-L forwarding carries nothing"
timeout 20 ssh "${SSH_OPTS[@]}" -i "$W/client/mai" -o ExitOnForwardFailure=yes -N -R "0:127.0.0.1:$PORT" "$ACCOUNT@127.0.0.1" >/dev/null 2>&1
check '[ $? != 0 ]' "-R forwarding is refused"
# environment: sshd passes only LANG and LC_*; toasoan ignores its file variables anyway
timeout 30 ssh "${SSH_OPTS[@]}" -o SetEnv=TOASOAN_DB=/tmp/evil-$$.db -i "$W/client/mai" "$ACCOUNT@127.0.0.1" list >/dev/null 2>&1
check '[ ! -e /tmp/evil-$$.db ]' "SetEnv TOASOAN_DB does not choose the database"
LC_ALL=C.UTF-8 TOASOAN_DB=/tmp/evil-$$.db timeout 30 ssh "${SSH_OPTS[@]}" -o SendEnv='TOASOAN_DB LC_ALL' -i "$W/client/mai" "$ACCOUNT@127.0.0.1" list >/dev/null 2>&1
check '[ ! -e /tmp/evil-$$.db ]' "SendEnv TOASOAN_DB does not choose the database"
# a key with options smuggled in
printf 'command="/bin/sh",no-pty %s\n' "$(cat "$W/client/mai.pub")" >"$T/evil.pub"
IN="$T/evil.pub" over boss key add mai; expect_rc 1 "a key with injected options is refused"
ssh-keygen -q -t ed25519 -N '' -C x -f "$T/k2" </dev/null
printf '%s x\nrestrict %s\n' "$(cut -d' ' -f1,2 "$T/k2.pub")" "$(cat "$T/k2.pub")" >"$T/evil2.pub"
IN="$T/evil2.pub" over boss key add mai; expect_rc 1 "a key with a second line is refused"
check '[ "$before" = "$(dump)" ]' "none of this changed the database"
# an injected title never reaches a terminal: refused at the door of the desk
over mai new --title "$(printf "'\e]2;owned\a\e]52;c;cGF5bG9hZA==\a'")"
check '[ "$rc" = 1 ]' "a title with terminal escapes is refused"
over hung list
check '! grep -q $'"'"'\e'"'"' "$T/out"' "no escape byte reaches an editor's listing"
over mai new --title "$(printf "'A\u202eB'")"
expect_rc 1 "a title with a bidi override is refused over SSH"
over mai new --title "$(printf "'Tin\u200bẩn'")"; zw=$out
over hung show "$zw"
check 'grep -q "^Tiêu đề: Tin<U+200B>ẩn\$" "$T/out" && ! grep -q "$(printf "\u200b")" "$T/out"' \
	"a zero-width space reaches the editor as <U+200B>, byte for byte"

# --- a reporter with her own shell account goes for the files
as_local() { runuser -u "$LOCAL" -- "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; }
as_local cat "$W/srv/toasoan.db";          check '[ "$rc" != 0 ]' "local user: cannot read the database"
as_local ls "$W/srv";                      check '[ "$rc" != 0 ]' "local user: cannot list the data folder"
as_local sqlite3 "$W/srv/toasoan.db" "UPDATE users SET role='admin' WHERE login='lan'"
check '[ "$rc" != 0 ] && [ "$(acct user list | awk "\$1==\"lan\"{print \$2}")" = reporter ]' "local user: cannot make herself admin with sqlite3"
as_local "$BIN" --db "$W/srv/toasoan.db" list; check '[ "$rc" != 0 ]' "local user: toasoan --db on the server's file fails"
as_local "$BIN" --config "$CFG" list;          check '[ "$rc" != 0 ]' "local user: the server's config does not open the database"
as_local sh -c "echo x >> '$W/keys/$ACCOUNT'"; check '[ "$rc" != 0 ]' "local user: cannot add a line to authorized_keys"
as_local touch "$W/www/planted.html";          check '[ "$rc" != 0 ]' "local user: cannot write into the publish folder"
as_local rm -f "$page";                        check '[ -e "$page" ]' "local user: cannot delete published files"
as_local timeout 30 ssh "${SSH_OPTS[@]}" -i "$LKEY" "$ACCOUNT@127.0.0.1" list --mine
check '[ "$rc" = 0 ] && grep -q "Bản nháp riêng" "$T/out"' "local user: ssh toasoan@localhost works, as lan"

# --- the setup check
over boss doctor
check '[ "$rc" = 0 ] && grep -q "^0 problems found" "$T/out"' "doctor over SSH passes the deployment"
[ "$rc" = 0 ] || cat "$T/out"
chmod 755 "$W/srv"; echo 'AcceptEnv LANG LC_* TOASOAN_DB' >>"$W/sshd_config"
over boss doctor
check '[ "$rc" = 1 ] && grep -q "fix: chmod 0750 '"'$W/srv'"'" "$T/out" && grep -q "TOASOAN_DB" "$T/out"' "doctor names what is wrong and the fix"
chmod 750 "$W/srv"

# --- disabling takes the key away at once
over boss user disable mai; expect_rc 0 "admin: user disable"
over mai list
check '[ "$rc" = 255 ] && grep -q "Permission denied" "$T/err"' "a disabled person's key no longer opens the door"

# --- the screen over ssh -tt
over lan submit "$lan_draft"
TM=(tmux -L "toasoan-ssh-$$")
screen_has() { # SESSION TEXT: waits up to 10 s for TEXT on the screen
	for _ in $(seq 100); do "${TM[@]}" capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2" && return 0; sleep 0.1; done
	"${TM[@]}" capture-pane -p -t "$1" >"$T/out" 2>&1
	return 1
}
"${TM[@]}" new-session -d -s s -x 120 -y 35 "ssh -tt ${SSH_OPTS[*]} -i $W/client/hung $ACCOUNT@127.0.0.1; echo ssh-exit=\$?; sleep 30"
check 'screen_has s "Chờ duyệt"' "ssh -tt opens the newsroom screen as the editor"
check 'screen_has s "Bản nháp riêng của Lan"' "the screen lists what waits for review"
"${TM[@]}" send-keys -t s C-q
check 'screen_has s "ssh-exit=0"' "C-q leaves the screen and ends the connection cleanly"
"${TM[@]}" new-session -d -s e -x 120 -y 35 "ssh -tt ${SSH_OPTS[*]} -i $W/client/hung $ACCOUNT@127.0.0.1 edit $a; sleep 30"
check 'screen_has e "Cầu mới thông xe"' "ssh -tt ... edit ID opens the editor"
"${TM[@]}" send-keys -t e C-o
check 'screen_has e "clipboard"' "the editor's write-to-file offers the clipboard over SSH"
check '[ -z "$(find /var/lib/toasoan "$W" -name "toasoan-$a-*.txt" 2>/dev/null)" ]' "no file was written on the server"
"${TM[@]}" send-keys -t e C-q
over lan new --title "'Tin sửa trên màn hình'"; own=$out
"${TM[@]}" new-session -d -s o -x 120 -y 35 "ssh -tt ${SSH_OPTS[*]} -i $LKEY $ACCOUNT@127.0.0.1 edit $own; echo ssh-exit=\$?; sleep 30"
screen_has o "Tin sửa trên màn hình" && sleep 0.5
"${TM[@]}" send-keys -t o C-End
"${TM[@]}" send-keys -t o -l "Thêm một câu."
"${TM[@]}" send-keys -t o C-s
check 'screen_has o "Đã lưu bản 2"' "reporter: edits and saves her own draft in the screen over SSH"
over lan show "$own"
expect_out "Thêm một câu." "the text typed over SSH is stored"
"${TM[@]}" send-keys -t o C-q
"${TM[@]}" new-session -d -s p -x 120 -y 35 "ssh -tt ${SSH_OPTS[*]} -i $LKEY $ACCOUNT@127.0.0.1 edit $a; echo ssh-exit=\$?; sleep 30"
check 'screen_has p "Chỉ xem"' "reporter: a published article of someone else opens read-only"
"${TM[@]}" kill-server 2>/dev/null
check 'grep -q "Accepted publickey for '"$ACCOUNT"'" "$W/sshd.log"' "the SSH server logged the key logins"
if [ -n "${SSH_DEBUG:-}" ]; then cat "$W/keys/$ACCOUNT"; tail -30 "$W/sshd.log"; fi
exit 0
