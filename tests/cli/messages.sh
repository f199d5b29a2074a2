# messages.sh: what the rules, the desk and the command line say comes from the catalogue in
# both languages: English by default in the C locale, Vietnamese with ui.language: vi or a
# Vietnamese locale, English again when the config says en whatever the locale. Also holds
# the catalogue to the sources: every message literal the desk and the commands raise is in
# it, so nothing new slips through in English only.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

printf 'ui:\n  language: vi\n' >"$T/vi.yaml"
printf 'ui:\n  language: en\n' >"$T/en.yaml"
run init
run user add mai --role reporter --name "Trần Thị Mai"
run user add hung --role editor --name "Phạm Văn Hùng"
run --as mai new --title "Cầu vượt Mai Dịch"
id=$out

run --as mai dict add "cầu"
expect_rc 1 "a reporter cannot change the dictionary"
expect_err "toasoan: error: reporters cannot change the newsroom dictionary" \
	"in the C locale the refusal is English"
run --config "$T/vi.yaml" --as mai dict add "cầu"
expect_rc 1 "the refusal keeps its exit status in Vietnamese"
expect_err "toasoan: lỗi: phóng viên không sửa được từ điển tòa soạn" \
	"with ui.language: vi the desk's refusal is Vietnamese"
run --config "$T/vi.yaml" --as mai approve "$id"
expect_err "phóng viên không duyệt bài được" "the workflow's rule is said in Vietnamese"
run --config "$T/vi.yaml" --as mai key list
expect_err "toasoan: lỗi: chỉ quản trị viên mới quản lý được khóa SSH" \
	"a reporter asking for keys is refused in Vietnamese, for keys"
run --as mai doctor
expect_err "toasoan: error: only admins can run 'doctor'" "the doctor's refusal names the doctor"
run --config "$T/vi.yaml" --as mai publish --rebuild
expect_err "phóng viên không đăng bài được" "the site rebuild's refusal is said in Vietnamese"
run --config "$T/vi.yaml" submit "$id" --at
expect_rc 2 "a usage error stays a usage error"
expect_err "cách dùng: toasoan submit ID" "the usage line is Vietnamese"
run --config "$T/vi.yaml" show 999
expect_err "không có bài số 999" "a missing article is said in Vietnamese"
run --config "$T/vi.yaml" submit "$id"
run --config "$T/vi.yaml" approve "$id" --at "2001-01-01 10:00"
expect_rc 1 "a time in the past is refused"
expect_err "giờ đăng phải ở tương lai" "the time in the past is said in Vietnamese"
run --config "$T/vi.yaml" bogus
expect_err "không có lệnh 'bogus'" "an unknown command is said in Vietnamese"
run --config "$T/vi.yaml" return "$id" --note "Thêm trích dẫn"
expect_out "bài số $id: Trả bài" "the action's output is Vietnamese"

run --config "$T/vi.yaml" history "$id"
expect_out "tạo ở trạng thái Nháp" "history names the creation in Vietnamese"
expect_out "Nháp -> Chờ duyệt" "history names the states by their Vietnamese labels"
expect_out "bản 1 (" "history names revisions in Vietnamese"
run history "$id"
expect_out "created as draft" "history in English by default"
expect_out "draft -> review" "states by their command names in English"

: >"$T/empty.txt"
run --config "$T/vi.yaml" new "$T/empty.txt"
expect_rc 1 "an empty file is refused"
expect_err "rỗng" "reading an article file speaks Vietnamese"
run --config "$T/vi.yaml" export "$id" --format pdf
expect_err "không có định dạng 'pdf'" "publishing's refusal speaks Vietnamese"
printf 'ui:\n  colour: red\n' >"$T/bad.yaml"
LC_ALL=vi_VN.UTF-8 "$TOASOAN" --config "$T/bad.yaml" list >"$T/out" 2>"$T/err"; rc=$?
expect_err "không có thiết lập 'ui.colour'" "a config error speaks the locale's language"
run --config "$T/bad.yaml" list
expect_err "unknown setting 'ui.colour'" "and English in the C locale"

printf 'Tieu de: Tin vui\n\nMo\xffi ngay\n' >"$T/viqr.txt"
run --config "$T/vi.yaml" --as mai import --encoding viqr "$T/viqr.txt"
expect_rc 1 "bytes that cannot be VIQR are refused"
expect_err "không đọc được theo VIQR: UTF-8 hỏng ở byte 20" \
	"the decoder's reason is said in Vietnamese, with its offset"
printf 'Tieu de: Tin\n\nab\x81\n' >"$T/cp.txt"
run --config "$T/vi.yaml" --as mai import --encoding cp1258 "$T/cp.txt"
expect_err "byte 0x81 ở vị trí 16 không có trong Windows-1258" \
	"an undefined byte is named in Vietnamese"
run --as mai import --encoding cp1258 "$T/cp.txt"
expect_err "byte 0x81 at offset 16 is not defined in Windows-1258" "and in English by default"
run --config "$T/vi.yaml" list --since "hôm qua"
expect_rc 2 "an unreadable --since is a usage error"
expect_err "không đọc được giờ 'hôm qua'" "the time it cannot read is said in Vietnamese"
run list --since "yesterday"
expect_err "invalid time 'yesterday'" "and in English by default"

run --config "$T/vi.yaml" --help
cp "$T/out" "$T/help-vi"
expect_out "cách dùng: toasoan [--db PATH]" "--help is Vietnamese with ui.language: vi"
run --help
paste -d'|' "$T/out" "$T/help-vi" | grep '^  [a-z]' >"$T/help-both"
check '[ "$(wc -l <"$T/help-both")" -gt 15 ] && ! awk -F"|" "\$1 == \$2" "$T/help-both" | grep -q .' \
	"every command's summary has its Vietnamese text: $(awk -F'|' '$1 == $2' "$T/help-both" | head -3)"
run --config "$T/vi.yaml" search --help
expect_out "tìm trong kho bài: tiêu đề" "a command's help is Vietnamese too"

LC_ALL= LANG=C.UTF-8 LC_MESSAGES=vi_VN.UTF-8 "$TOASOAN" --as mai dict add x >"$T/out" 2>"$T/err"
rc=$?
expect_err "phóng viên không sửa được từ điển tòa soạn" "a Vietnamese locale gives Vietnamese"
LC_ALL=vi_VN.UTF-8 "$TOASOAN" --config "$T/en.yaml" --as mai dict add x >"$T/out" 2>"$T/err"
rc=$?
expect_err "reporters cannot change the newsroom dictionary" "ui.language: en wins over the locale"

# Every literal the desk, the rules, the store and the commands raise is in the catalogue.
python3 - src/news/msg.h src/news/desk*.c src/news/workflow.c src/news/store*.c src/cli/*.c \
	src/news/article_text.c src/news/import.c src/news/publish.c src/news/config.c >"$T/missing" 2>"$T/count" <<'PY'
import re, sys
lit = r'"(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*'
def join(m):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m))
cat = set(join(m) for m in re.findall(r'X\(M_[A-Z0-9_]+,\s*(' + lit + ')', open(sys.argv[1]).read().replace('\\\n', '\n')))
calls = r'(?:desk_fail\(d,\s*DESK_[A-Z]+,|store_set_error\(s,|store_fail\(s,|msg_say\(|node_error\(w,\s*\w+,|cli_error\(|cli_warn\(|cli_usage\([^,"]+,|cli_usage\("[^"]*",|cli_tr\(|msg_tr\([^,"]+,)\s*(' + lit + ')'
raised = set()
for f in sys.argv[2:]:
    text = re.sub(r'_Static_assert\([^;]*;', '', open(f).read())
    raised |= set(join(m) for m in re.findall(calls, text))
    if '/store' in f: # what the store could not do: the last argument of its helpers
        raised |= set(join(m) for m in re.findall(r',\s*("[a-z][a-z ]* [a-z ]*")\)', text))
raised = set(m for m in raised if re.search(r'[a-z]{2}', re.sub(r'%[-.0-9]*[a-z]+', '', m)))
print(len(raised), file=sys.stderr)
for m in sorted(raised - cat):
    print(m)
PY
check '[ "$(tail -n 1 "$T/count")" -gt 60 ]' "the sources' messages are found"
check '[ ! -s "$T/missing" ]' "every message raised is in the catalogue: $(tr '\n' '|' <"$T/missing")"
