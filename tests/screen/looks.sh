# looks.sh: the screen at any size and in any terminal: resize at any moment, a terminal
# too small, side-by-side and stacked panes, a broken theme file, NO_COLOR, 8, 256 and
# direct colour, and English from the config.
. "$(dirname "$0")/common.bash"
newsroom
mkdir -p "$XDG_CONFIG_HOME/toasoan"

screen "the editor follows resizes: beside, below, too small, back" 120x30 --as mai edit 1 <<'S'
wait Lỗi (1)
wait │ Lỗi (1)
resize 80x24
wait ────────────────────────────────────────
gone │ Lỗi (1)
wait khai trươngg
resize 30x8
wait Cửa sổ quá nhỏ (30x8).
resize 100x30
wait │ Lỗi (1)
wait khai trươngg
send <F2>
wait ────────────────────────────────────────
send <F2>
wait │ Lỗi (1)
send <C-q>
exit 0
S

screen "a terminal too small shows a clear message, then the queues" 30x6 --as mai <<'S'
wait Cửa sổ quá nhỏ (30x6). Cần ít
resize 80x24
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S

screen "the queues fit a resize while filtering" 100x30 --as mai <<'S'
wait Tòa soạn — Bài của tôi
send /da
wait Lọc: da
resize 80x24
wait Lọc: da
wait Đà Nẵng khai
send <Esc>
gone Lọc: da
send <C-q>
exit 0
S

printf 'name: broken\nslots:\n  text: {fg: "#zzzzzz"}\n' >"$T/broken.yaml"
printf 'ui:\n  theme: %s\n' "$T/broken.yaml" >"$XDG_CONFIG_HOME/toasoan/config.yaml"
screen "a broken theme is reported with file:line:column, the default is used" 120x24 --as mai <<S
wait Giao diện lỗi, dùng mặc định: $T/broken.yaml:3:14: bad colour '#zzzzzz'
expect-attr Đà Nẵng khai trương bg=110
send <C-q>
exit 0
S

printf 'ui:\n  theme: high-contrast\n' >"$XDG_CONFIG_HOME/toasoan/config.yaml"
screen "a theme chosen in the config is used" 80x24 --as mai <<'S'
wait Đà Nẵng khai trương
expect-attr Đà Nẵng khai trương bg=14 bold
send <C-q>
exit 0
S

printf 'ui:\n  language: en\n' >"$XDG_CONFIG_HOME/toasoan/config.yaml"
screen "English is chosen in the config" 80x24 --as hung <<'S'
wait Newsroom — Review queue
wait Phạm Văn Hùng · Editor
send <F1>
wait Keys (Esc closes)
send <Esc>
wait Newsroom — Review queue
send <Tab><Tab><Tab>
wait Newsroom — All
send <C-q>
exit 0
S
rm -f "$XDG_CONFIG_HOME/toasoan/config.yaml"

NO_COLOR=1 screen "NO_COLOR gives no colour, meaning by attributes" 80x24 --as mai edit 1 <<'S'
wait Lỗi (1)
expect-attr trươngg underline fg=default
expect-attr Đã lưu reverse bg=default
send <C-q>
exit 0
S

"$VT" -s 80x24 -t xterm -T 30 -- "$TOASOAN" --as mai >"$T/vt.out" 2>&1 <<'S'
wait Đà Nẵng khai trương
expect-attr Đà Nẵng khai trương bg=7
send <C-q>
exit 0
S
if [ $? = 0 ]; then echo "ok an 8-colour terminal gets the nearest basic colours"
else echo "FAIL an 8-colour terminal gets the nearest basic colours"; sed 's/^/   /' "$T/vt.out" | head -30; fi

# A direct-colour terminal: compile its description here (not every system ships one).
mkdir -p "$T/terminfo"
cat >"$T/direct.ti" <<'TI'
xterm-direct-test|xterm with direct colour for the tests,
	use=xterm-256color, colors#0x1000000, pairs#0x10000, RGB,
	setaf=\E[%?%p1%{8}%<%t3%p1%d%e38;2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%d%;m,
	setab=\E[%?%p1%{8}%<%t4%p1%d%e48;2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%d%;m,
TI
if tic -x -o "$T/terminfo" "$T/direct.ti" 2>/dev/null; then
	TERMINFO="$T/terminfo" "$VT" -s 80x24 -t xterm-direct-test -T 30 -- "$TOASOAN" --as mai \
		>"$T/vt.out" 2>&1 <<'S'
wait Đà Nẵng khai trương
expect-attr Đà Nẵng khai trương bg=rgb bg=#87afd7
send <C-q>
exit 0
S
	if [ $? = 0 ]; then echo "ok a direct-colour terminal gets the theme's exact colours"
	else echo "FAIL a direct-colour terminal gets the theme's exact colours"; sed 's/^/   /' "$T/vt.out" | head -30; fi
else
	skip "a direct-colour terminal gets the theme's exact colours" "no tic to describe one"
fi

# Without the system dictionary the editor still opens and checks by its own rules, and says
# what is off.
mkdir -p "$XDG_CONFIG_HOME/toasoan"
printf 'spell:\n  system: /nonexistent\n' >"$XDG_CONFIG_HOME/toasoan/config.yaml"
screen "a missing system dictionary: the editor runs, checks by its own rules and says so" 100x30 --as mai edit 1 <<'S'
wait không tìm thấy từ điển hệ thống vi_VN
wait trươngg
send <C-q>
exit 0
S
rm -f "$XDG_CONFIG_HOME/toasoan/config.yaml"
