# input.sh: terminal input under stress: a paste of about 2 MB of Vietnamese is one undo step,
# arrives whole and leaves the screen responsive (and in a new article, is journaled and its
# draft dropped by the first save); stray escape sequences, a lone Escape,
# control bytes and invalid UTF-8 typed into the editor change nothing around them. Bytes that
# are not UTF-8 are never lost unsaid: a paste in an old encoding is converted, any other is
# refused whole, a typed byte is dropped with a message. A filter pasted in NFD finds what
# it finds typed. A window too small to show the text takes no key but quit, and the quit
# question is read whole.
. "$(dirname "$0")/common.bash"
newsroom

# About 2 MB of Vietnamese paragraphs, with a marked last line (a quarter of a megabyte under
# the sanitizers, whose byte-by-byte reading would otherwise take minutes).
case $BUILD in */asan) bytes=250000 ;; *) bytes=2000000 ;; esac
python3 - "$T/big.txt" "$bytes" <<'P'
import random, sys
random.seed(7)
s = ["Sáng nay thành phố Đà Nẵng khai trương cây cầu mới bắc qua sông Hàn.",
     "Người dân hai bên bờ đã chờ đợi công trình này suốt nhiều năm.",
     "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.",
     "Giá lúa gạo ở đồng bằng sông Cửu Long tăng nhẹ trong tuần qua.",
     "Những chiếc ghe chở đầy trái cây neo đậu dọc bến sông từ sáng sớm."]
out, n = [], 0
while n < int(sys.argv[2]):
    p = " ".join(random.choice(s) for _ in range(6))
    out.append(p)
    n += len(p.encode()) + 1
out.append("Hết bài: dòng cuối cùng của bản dán.")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out))
P
check '[ "$(stat -c %s "$T/big.txt")" -gt "$bytes" ]' "the paste file is as large as asked"

VT_LIMIT=180 screen "a $((bytes / 1000)) KB paste arrives whole, is one undo step, and the screen keeps up" 120x30 --as lan edit 2 <<S
wait Mưa lớn kéo dài từ đêm qua.
send <End><Enter>
paste-file $T/big.txt
timeout 90
wait Chưa lưu
send <C-End>
wait Hết bài: dòng cuối cùng của bản dán.
timeout 15
send Gõ tiếp.
wait Gõ tiếp.
send <C-z>
gone Gõ tiếp.
wait dòng cuối cùng của bản dán.
send <C-z>
gone dòng cuối cùng của bản dán.
send <C-Home>
wait Mưa lớn kéo dài từ đêm qua.
gone Giá lúa gạo
send <C-y>
send <C-End>
wait dòng cuối cùng của bản dán.
timeout 30
send <C-s>
wait Đã lưu bản 2.
timeout 15
send <C-q>
exit 0
S
check 'python3 - "$T/big.txt" <<"P"
import hashlib, json, subprocess, sys, os
art = json.loads(subprocess.run([os.environ["TOASOAN"], "show", "2", "--json"], capture_output=True, check=True).stdout)
want = "Mưa lớn kéo dài từ đêm qua.\n\n" + open(sys.argv[1], encoding="utf-8").read()
got = art["body"]
assert len(got.encode()) == len(want.encode()), (len(got.encode()), len(want.encode()))
assert hashlib.sha256(got.encode()).hexdigest() == hashlib.sha256(want.encode()).hexdigest()
P' "the saved body has the pasted bytes exactly (size and hash)"

# The same paste into a new article: a body this long is journaled in place (streamed, then
# committed by the writer's thread, not copied), and the first save drops that journal row,
# which it finds by the print of the streamed text.
VT_LIMIT=180 screen "a pasted new article is journaled whole and its first save drops the draft" 120x30 --as mai <<S
wait Tòa soạn — Bài của tôi
send n
wait Tòa soạn · Bài mới
send Bản dán dài<Enter><Enter>
paste-file $T/big.txt
timeout 90
wait Chưa lưu
$(journal_has "Hết bài: dòng cuối cùng của bản dán." "article is null")
timeout 30
send <C-s>
wait Đã tạo bài số
timeout 15
send <C-q>
wait Tòa soạn — Bài của tôi
send <C-q>
exit 0
S
check '[ "$(sqlite3 "$TOASOAN_DB" "select count(*) from journal where article is null")" = 0 ]' \
	"the first save of the pasted new article dropped its journal row"

# Stray input: unknown CSI and SS3 sequences, terminal replies, a mouse report, an OSC and a
# DCS string, C0 control bytes, invalid UTF-8 (stray continuation, cut-off, overlong,
# surrogate, 5-byte forms). None of it may reach the text, and nothing typed around it is lost.
printf '\033[99;5X\033Oz\033[?1;2c\033[>0;276;0c\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;34~\033[<0;5;5m\033]0;tiêu đề\007\033P1$r0m\033\\' >"$T/esc.bin"
# (no 0x1f there: it is C-_, go to line as in nano, a key rather than noise)
printf '\x1c\x1d\x1e\x00\x80\xbf\xff\xfe\xc3\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80' >"$T/bytes.bin"
screen "stray escape sequences and bad bytes insert nothing and lose nothing" 100x30 --as lan edit 3 <<S
wait Bão mạnh cấp 12.
send <End> Trước
wait Trước
send-file $T/esc.bin
send  giữa
wait Trước giữa
send-file $T/bytes.bin
send  rồi
wait Trước giữa rồi
# A lone Escape is one that nothing follows at once (else it is Alt with the next key).
send <Esc>
settle
send  sau
wait Trước giữa rồi sau
send <Esc>
settle
send  cuối ễ
wait Trước giữa rồi sau
wait cuối ễ
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S
check '"$TOASOAN" show 3 --json | python3 -c "
import json, sys
body = json.load(sys.stdin)[\"body\"]
want = \"Bão mạnh cấp 12. Trước giữa rồi sau\"
assert body.startswith(want), body
assert body.endswith(\" cuối ễ\"), body
assert all(c >= \" \" or c == \"\\n\" for c in body), body
assert \"\\ufffd\" not in body and \"~\" not in body and \";\" not in body, body
"' "the saved text holds exactly what was typed"

# A paste and the keys typed right after it in one write: what follows the paste's end marker
# comes after the pasted text, in order, and the keys keep their meaning (an arrow moves).
{ printf '\033[200~Dòng dán một\r\nDòng dán hai\033[201~'; printf ' gõ sau\033[D\033[DX'; } >"$T/paste-then-keys.bin"
screen "keys typed in the same write as a paste come after it, in order" 100x30 --as lan edit 3 <<S
wait Bão mạnh cấp 12.
send <End>
send-file $T/paste-then-keys.bin
wait Dòng dán hai gõ sXau
send <C-z>
wait Dòng dán hai gõ sau
send <C-z>
gone gõ sau
wait Dòng dán hai
send <C-z>
gone Dòng dán
send <C-q>
send n
exit 0
S

# A megabyte pasted from elsewhere as one paragraph (lines, no blank line between them), a
# mistake in its last line: the checker reaches the end in one pass, not one pass of the
# whole paragraph per part of it, and a key typed there is checked with the sentences near
# it only, so the screen keeps up.
case $BUILD in */asan) bytes=250000 ;; *) bytes=1000000 ;; esac
python3 - "$T/long.txt" "$bytes" <<'P'
import random, sys
random.seed(11)
s = ["Sáng nay thành phố Đà Nẵng khai trương cây cầu mới bắc qua sông Hàn.",
     "Người dân hai bên bờ đã chờ đợi công trình này suốt nhiều năm.",
     "Giá lúa gạo ở đồng bằng sông Cửu Long tăng nhẹ trong tuần qua."]
out, n = ["Tiêu đề: Một đoạn rất dài", ""], 0
while n < int(sys.argv[2]):
    p = " ".join(random.choice(s) for _ in range(3))
    out.append(p)
    n += len(p.encode()) + 1
out.append("Ban tổ chức đã sử lý mọi việc.")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
P
long=$("$TOASOAN" --as lan new "$T/long.txt")
VT_LIMIT=120 screen "a $((bytes / 1000)) KB paragraph is checked to its end at once and typing there keeps up" 120x30 --as lan edit "$long" <<S
wait Một đoạn rất dài
timeout 40
wait • sử lý
timeout 15
send <C-End>
send  Thêm một câu có lổi.
wait Thêm một câu có lổi.
wait • lổi
wait • sử lý
send <C-q>
send k
exit 0
S

# A paste from an old program: TCVN3 too short to recognise for sure ("Giá vàng") is refused
# whole, with the first bad byte named; a longer one is converted to NFC Unicode, and said.
printf 'Tiêu đề: Giá vàng\n\nThị trường sáng nay.\n' >"$T/gold.txt"
gold=$("$TOASOAN" --as lan new "$T/gold.txt")
printf 'Gi\xb8 v\xb5ng' >"$T/tcvn3-short.bin"
printf 'Giá vàng hôm nay tăng mạnh ở thị trường trong nước.' | "$BUILD/tools/encode" tcvn3 >"$T/tcvn3.bin"
screen "a paste that is not UTF-8 and reads as no old encoding is refused whole, and said" 100x30 --as lan edit "$gold" <<S
wait Thị trường sáng nay.
send <End>
paste-file $T/tcvn3-short.bin
wait văn bản dán vào không phải UTF-8 hợp lệ (byte 0xB8 ở vị trí 2); chưa dán gì
wait Đã lưu
send <C-f>
wait Tìm:
paste-file $T/tcvn3-short.bin
wait văn bản dán vào không phải UTF-8 hợp lệ (byte 0xB8 ở vị trí 2); chưa dán gì
send <Esc>
gone Tìm:
send <C-q>
exit 0
S

screen "a paste in TCVN3 is converted to NFC Unicode, and said" 100x30 --as lan edit "$gold" <<S
wait Thị trường sáng nay.
send <End><Space>
paste-file $T/tcvn3.bin
wait sáng nay. Giá vàng hôm nay tăng mạnh ở thị trường
wait văn bản dán vào ở mã TCVN3 (ABC), không phải UTF-8; đã chuyển sang Unicode
send <C-s>
wait Đã lưu bản 2.
send <C-q>
exit 0
S
check '"$TOASOAN" show "$gold" --json | python3 -c "import json, sys, unicodedata
body = json.load(sys.stdin)[\"body\"]
assert body == \"Thị trường sáng nay. Giá vàng hôm nay tăng mạnh ở thị trường trong nước.\", body
assert unicodedata.is_normalized(\"NFC\", body)"' "the converted paste is saved in NFC"

printf '\xb8' >"$T/typed.bin"
screen "a typed byte that is not UTF-8 is dropped and said" 100x30 --as lan edit "$gold" <<S
wait Thị trường sáng nay.
send-file $T/typed.bin
wait phím vừa gõ gửi byte 0xB8, không phải UTF-8; đã bỏ qua
send <C-q>
exit 0
S

# "cầu" with its marks apart (NFD), as some programs copy it.
printf 'ca\xcc\x82\xcc\x80u' >"$T/nfd.txt"
screen "a filter pasted in NFD finds what the same letters typed find" 80x24 --as hung <<S
wait Tòa soạn — Chờ duyệt
send <Tab><Tab><Tab>
wait Tòa soạn — Tất cả
send /
paste-file $T/nfd.txt
wait 1 bài
wait Đà Nẵng khai trương cầu
send <C-q>
exit 0
S

# Too small: the text cannot be seen, so no key may change it; quit asks a question that
# must be read whole, its answers included.
screen "in a window too small, keys change nothing and the quit question is read whole" 30x6 --as lan edit "$gold" <<S
wait Cửa sổ quá nhỏ
send XYZ
settle
resize 100x30
wait Thị trường sáng nay.
wait Đã lưu
gone XYZ
send <C-End> thêm
wait nước. thêm
resize 30x6
wait Cửa sổ quá nhỏ
send <C-q>
wait Bài chưa lưu.
wait Lưu trước khi
wait Esc = ở lại)
send k
exit 0
S

screen "in a window too small, the lists take no key but quit" 30x6 --as mai <<S
wait Cửa sổ quá nhỏ
send n
settle
resize 100x30
wait Tòa soạn — Bài của tôi
gone Tòa soạn · Bài mới
send <C-q>
exit 0
S
