# encodings.sh: copy from old machines: every legacy Vietnamese encoding is recognised on
# import, converted to NFC Unicode, and said; a forced encoding is obeyed; ambiguous bytes are
# refused rather than guessed wrong.
. "$(dirname "$0")/lib.sh"
run init
cat >"$T/src.txt" <<'EOF2'
Tiêu đề: Người dân miền Trung khẩn trương khắc phục hậu quả bão
Sapo: Nước đã rút ở nhiều xã, nhưng hàng nghìn ngôi nhà vẫn còn ngập bùn.

Sáng nay, lực lượng quân đội cùng người dân dọn dẹp trường học để học sinh sớm trở lại lớp.
Chính quyền địa phương đã hỗ trợ gạo, nước uống và thuốc men cho những hộ bị thiệt hại nặng.

Tin: Nguyễn Văn Đức
EOF2
want=$(python3 -c 'import sys,unicodedata; print(unicodedata.normalize("NFC", open(sys.argv[1]).read().split("\n")[0][9:]))' "$T/src.txt")
for enc in tcvn3 vni viscii viqr cp1258; do
	"$BUILD/tools/encode" "$enc" <"$T/src.txt" >"$T/$enc.txt"
	run import "$T/$enc.txt"
	expect_rc 0 "a $enc file imports"
	expect_err "detected" "the $enc encoding is reported"
	id=$out
	run show "$id" --json
	check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"title\"]==sys.argv[2], (d[\"title\"], sys.argv[2]); assert d[\"byline\"]==\"Tin: Nguyễn Văn Đức\"" "$T/out" "$want"' "the $enc text arrives as Unicode"
done
run import --encoding vni "$T/vni.txt"
expect_rc 0 "a forced encoding is obeyed"
run import --encoding klingon "$T/vni.txt"
expect_rc 2 "an unknown encoding is a usage error"
expect_err "unknown encoding 'klingon'" "the unknown encoding is named"
# English punctuation is no VIQR tone: "me." and "I'm" stay as they are, said or not.
cat >"$T/english.txt" <<'EOF2'
Title: Help

"I'm here to help," she said.
"Call me. See me."
"Thank you."
"Tell me." "Ask me." "Pay me."
EOF2
run import --json "$T/english.txt"
expect_rc 0 "an English file imports"
expect_out '"encoding":"utf-8"' "an English file is read as UTF-8, not VIQR"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$T/out")
run show "$id" --json
check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); b=open(sys.argv[2]).read().split(\"\n\n\",1)[1].strip(); assert d[\"body\"]==b, d[\"body\"]" "$T/out" "$T/english.txt"' "an English file keeps every full stop and apostrophe"
printf 'Ng\xc6\xb0\xe1\xbb\x9di d\xc3\xa2n ch\xe1\xbb\x9d\n\nTin b\xc3\xa0i: Ng\xc2\xad\xc3\xaai d\xc2\xb5n\n' >"$T/moji.txt"
run import "$T/moji.txt"
expect_rc 0 "UTF-8 carrying old-font mojibake imports"
expect_err "repaired" "the repair is reported"
run show "$out" --json
check 'grep -q "Người dân" "$T/out"' "the mojibake is repaired to Unicode"
run import --json "$T/moji.txt"
check 'python3 -c "import json,sys; assert \"repaired\" in json.load(open(sys.argv[1]))[0][\"note\"]" "$T/out"' \
	"the JSON report carries the repair note that stderr gets otherwise"
printf 'Ch\xe0o\n\nabc\n' >"$T/short.txt"
run import "$T/short.txt"
expect_rc 1 "a short ambiguous file is refused rather than guessed"
expect_err "could not be recognised" "the refusal says why and what to do"
# Clean Unicode articles come through byte for byte: nothing "repaired" that was not broken.
for f in demo/*.txt; do
	run import "$f"
	check '! grep -q repaired "$T/err"' "$(basename "$f") is not touched by the mojibake repair"
	run show "$out" --json
	check 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); t=open(sys.argv[2]).readline().split(\": \",1)[1].strip(); assert d[\"title\"]==t, (d[\"title\"], t)" "$T/out" "$f"' "$(basename "$f") keeps its title exactly"
done
# Look-alikes from PDF copies (eth for Đ, oi for ư) are repaired and said, so search finds them.
printf 'Tiêu đề: Ðà Nẵng đón khách\n\nSinh viên trƣờng đại học Ðà Nẵng.\n' >"$T/lookalike.txt"
run import "$T/lookalike.txt"
expect_rc 0 "a file with look-alike characters imports"
expect_err "repaired 3 look-alike characters" "the look-alike repair is reported"
id=$out
run show "$id" --json
check 'grep -q "Đà Nẵng đón khách" "$T/out" && grep -q "trường đại học Đà Nẵng" "$T/out"' \
	"the look-alikes become the letters they stand for"
run search "trường Đà Nẵng"
expect_out "$id " "search finds the repaired article"
# Kept as they are (an encoding named, nothing is mended), a look-alike still folds as its
# letter where the program folds text itself: the section filter of a search.
printf 'Tiêu đề: Khách đến\nChuyên mục: Ðà Nẵng\n\nKhách đến đông.\n' >"$T/section.txt"
run import --encoding utf-8 "$T/section.txt"
kept=$out
run search khách --section "Đà Nẵng"
expect_out "$kept " "a section written with Ð is found as Đ"
# One Windows quote in a UTF-8 file is a stray byte, not a legacy encoding: it is named by line
# and column, and an encoding named anyway that garbles the text is refused.
printf 'Tiêu đề: Báo cáo năm\n\nÔng nói: \x93Giúp đỡ người dân là việc của chúng tôi.\n' \
	>"$T/stray.txt"
run import "$T/stray.txt"
expect_rc 1 "a UTF-8 file with one stray byte is refused"
expect_err "'$T/stray.txt' is UTF-8 but for 1 bad byte, the first at 3:10 (\\x93, offset 40)" \
	"the stray byte is named by line and column"
check '! grep -q -- "--encoding" "$T/err"' "no legacy encoding is suggested for a stray byte"
before=$(sqlite3 "$TOASOAN_DB" 'SELECT count(*) FROM articles')
run import --encoding tcvn3 "$T/stray.txt"
expect_rc 1 "an encoding that garbles the text is refused"
expect_err "'$T/stray.txt' does not read as TCVN3 (ABC): 15 of 16 words with marks are not" \
	"the refusal says the text does not read as that encoding"
check '[ "$(sqlite3 "$TOASOAN_DB" "SELECT count(*) FROM articles")" = "$before" ]' \
	"nothing garbled is stored"
