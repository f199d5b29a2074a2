/*
 * msg.h: the catalogue of everything the rules, the desk and the command line say to a person,
 * in English and Vietnamese.
 *
 * Each message is written once in MSG_LIST with an id, its English text and its Vietnamese
 * text; both are printf formats with the same conversions in the same order (a unit test
 * holds every row to that). English plurals take a "%s" that is "" or "s"; the Vietnamese
 * text, which has no plural, consumes it with "%.0s". Code writes the English text where the
 * message is raised, as the argument of msg_tr() (or msg_say()), so the compiler still
 * checks the arguments against the format; msg_tr() gives the text in the language spoken.
 * A text not in the catalogue comes back unchanged (a test lists the desk's and the command line's messages and finds each in
 * the catalogue). The screen's own labels live in src/tui/lang.h; both use base/lang.h.
 */
#ifndef NEWS_MSG_H
#define NEWS_MSG_H

#include "base/lang.h"

/* X(id, English, Vietnamese) */
#define MSG_LIST(X)                                                                           \
	/* the rules (news/workflow.c) */                                                     \
	X(M_SEE_OWN, "reporters can only see their own and published articles",              \
	  "phóng viên chỉ xem được bài của mình và bài đã đăng")                              \
	X(M_EDIT_OWN, "reporters can only edit their own drafts",                              \
	  "phóng viên chỉ sửa được bản nháp của mình")                                        \
	X(M_SUBMIT_OWN, "reporters can only submit their own articles",                        \
	  "phóng viên chỉ gửi duyệt được bài của mình")                                       \
	X(M_SUBMIT_STATE, "only drafts can be submitted", "chỉ bản nháp mới gửi duyệt được")  \
	X(M_WITHDRAW_OWN, "reporters can only withdraw their own articles",                    \
	  "phóng viên chỉ rút về được bài của mình")                                          \
	X(M_WITHDRAW_STATE, "only articles in review can be withdrawn",                        \
	  "chỉ bài đang chờ duyệt mới rút về được")                                           \
	X(M_RETURN_ROLE, "reporters cannot return articles", "phóng viên không trả bài được")  \
	X(M_RETURN_STATE, "only articles in review or scheduled can be returned",              \
	  "chỉ bài đang chờ duyệt hoặc hẹn giờ mới trả được")                                 \
	X(M_APPROVE_ROLE, "reporters cannot approve articles", "phóng viên không duyệt bài được") \
	X(M_APPROVE_STATE, "only articles in review can be approved",                          \
	  "chỉ bài đang chờ duyệt mới duyệt được")                                            \
	X(M_PUBLISH_ROLE, "reporters cannot publish articles", "phóng viên không đăng bài được") \
	X(M_PUBLISH_STATE, "only articles in review or scheduled can be published",            \
	  "chỉ bài đang chờ duyệt hoặc hẹn giờ mới đăng được")                                \
	X(M_UNPUBLISH_ROLE, "reporters cannot unpublish articles", "phóng viên không gỡ bài được") \
	X(M_UNPUBLISH_STATE, "only published articles can be unpublished",                     \
	  "chỉ bài đã đăng mới gỡ được")                                                      \
	X(M_DUE_STATE, "only scheduled articles fall due", "chỉ bài hẹn giờ mới đến giờ đăng") \
	X(M_USERS_ROLE, \
	  "only admins can manage users", "chỉ quản trị viên quản lý được người dùng") \
	X(M_DICT_ROLE, "reporters cannot change the newsroom dictionary",                      \
	  "phóng viên không sửa được từ điển tòa soạn")                                       \
	X(M_TAKE_ROLE, "reporters cannot take over an article someone else is editing",       \
	  "phóng viên không giành quyền sửa bài người khác đang sửa được")                    \
	X(M_EDIT_DRAFTS, "reporters can only edit drafts; this article is no longer a draft",  \
	  "phóng viên chỉ sửa được bản nháp; bài này không còn là bản nháp")                  \
	X(M_UNKNOWN_ACTION, "unknown action", "thao tác không có")                            \
	/* the desk (news/desk*.c) */                                                         \
	X(M_BAD_UTF8, "invalid UTF-8 in the %s at byte %zu", "%s có chữ UTF-8 hỏng ở byte %zu") \
	X(M_NOT_NFC, "the %s is not in NFC form", "%s không ở dạng NFC")                      \
	X(M_CONTROL, "the %s has a control character at byte %zu",                             \
	  "%s có ký tự điều khiển ở byte %zu")                                                \
	X(M_WHAT_TITLE, "title", "tiêu đề")                                                   \
	X(M_WHAT_NAME, "name", "tên")                                                         \
	X(M_WHAT_NOTE, "note", "ghi chú")                                                     \
	X(M_WHAT_WORD, "word", "từ")                                                          \
	X(M_WHAT_QUERY, "search words", "từ khóa tìm kiếm")                                    \
	X(M_WHAT_SECTION, "section", "chuyên mục")                                            \
	X(M_NOT_USER, "'%s' is not a toasoan user; an admin can add you with: "               \
	  "toasoan user add %s --role reporter",                                              \
	  "'%s' chưa là người dùng toasoan; quản trị viên thêm bạn bằng lệnh: "               \
	  "toasoan user add %s --role reporter")                                              \
	X(M_DISABLED, "the account '%s' is disabled; ask an admin",                            \
	  "tài khoản '%s' đã bị khóa; hãy hỏi quản trị viên")                                 \
	X(M_AS_ADMIN, "only admins can act for another user with --as",                        \
	  "chỉ quản trị viên mới dùng được --as để làm thay người khác")                      \
	X(M_BAD_LOGIN, "invalid login '%s': use lower-case letters, digits, '.', '_' or '-', " \
	  "at most " \
	  "32", \
	  "tên đăng nhập '%s' không hợp lệ: dùng chữ thường, chữ số, '.', '_' hoặc '-', " \
	  "tối đa 32") \
	X(M_USER_EXISTS, "user '%s' already exists", "người dùng '%s' đã có")                 \
	X(M_NO_USER, "no user '%s'", "không có người dùng '%s'")                              \
	X(M_LAST_ADMIN, "'%s' is the last admin; make another admin first",                   \
	  "'%s' là quản trị viên cuối cùng; hãy cử một quản trị viên khác trước")             \
	X(M_DICT_LENGTH, "a dictionary entry must be 1 to 100 bytes long",                     \
	  "mục từ điển phải dài từ 1 đến 100 byte")                                           \
	X(M_DICT_HAS, "'%s' is already in the dictionary", "'%s' đã có trong từ điển")        \
	X(M_DICT_MISSING, "'%s' is not in the dictionary", "'%s' không có trong từ điển")     \
	X(M_NO_ARTICLE, "no article with id %lld", "không có bài số %lld")                    \
	X(M_NEEDS_TITLE, "an article needs a title", "bài cần có tiêu đề")                    \
	X(M_CANNOT_PUBLISH, "cannot publish article %lld: %s", "không đăng được bài số %lld: %s") \
	X(M_SAVE_CONFLICT, "'%s' was saved by someone else meanwhile (version %lld, you started " \
	  "from %lld); your text is kept as a separate revision to merge",                     \
	  "'%s' vừa được người khác lưu (bản %lld, bạn bắt đầu từ bản %lld); văn bản của bạn " \
	  "được giữ thành một bản riêng để ghép")                                            \
	X(M_STATE_MOVED, "article %lld changed state meanwhile; look again and retry",         \
	  "bài số %lld vừa đổi trạng thái; hãy xem lại rồi thử lại")                          \
	X(M_NEEDS_NOTE, "'%s' needs a note saying why", "'%s' cần ghi chú lý do")             \
	X(M_TIME_PAST, "the publishing time must be in the future",                            \
	  "giờ đăng phải ở tương lai")                                                        \
	X(M_DUE_FAILED, "%d due article%s could not be published: %s",                         \
	  "%d bài đến giờ%.0s chưa đăng được: %s")                                            \
	X(M_NO_REVISION, "article %lld has no revision %lld", "bài số %lld không có bản %lld") \
	X(M_LOCKED, "'%s' is being edited by %s (%s) since %s",                               \
	  "'%s' đang được %s (%s) sửa từ %s")                                                 \
	X(M_BACKUP_ROLE, "only admins can back up the database",                               \
	  "chỉ quản trị viên mới sao lưu được cơ sở dữ liệu")                                 \
	X(M_BACKUP_EXISTS, "'%s' already exists; choose a new file",                           \
	  "'%s' đã có; hãy chọn một tệp mới")                                                 \
	X(M_CHECK_ROLE, "only admins can check the database",                                  \
	  "chỉ quản trị viên mới kiểm tra được cơ sở dữ liệu")                                \
	X(M_KEYS_ROLE, "only admins can manage SSH keys",                                      \
	  "chỉ quản trị viên mới quản lý được khóa SSH")                                      \
	X(M_DOCTOR_ROLE, "only admins can run 'doctor'",                                       \
	  "chỉ quản trị viên mới chạy được 'doctor'")                                         \
	X(M_BAD_QUERY, "nothing to search for in '%s'", "không có gì để tìm trong '%s'")      \
	/* the store (news/store*.c): what it could not do, and why */ \
	X(M_S_ADD_USER, "add the user", \
	  "thêm người dùng") \
	X(M_S_ADD_WORD, "add the word", \
	  "thêm từ") \
	X(M_S_BIND, "bind a value", \
	  "gắn giá trị") \
	X(M_S_CANNOT, "cannot %s: %s", \
	  "không %s được: %s") \
	X(M_S_READ_ONLY, "cannot %s: the database '%s' is read-only", \
	  "không %s được: cơ sở dữ liệu '%s' chỉ đọc") \
	X(M_S_BUSY, "cannot %s: the database is busy; try again", \
	  "không %s được: cơ sở dữ liệu đang bận; hãy thử lại") \
	X(M_S_FULL, "cannot %s: the disk is full or failing (%s)", \
	  "không %s được: đĩa đầy hoặc hỏng (%s)") \
	X(M_S_BACKUP_TO, "cannot back up to '%s': %s", \
	  "không sao lưu được vào '%s': %s") \
	X(M_S_BACKUP_CREATE, "cannot create the backup '%s': %s", \
	  "không tạo được bản sao lưu '%s': %s") \
	X(M_S_BACKUP_FINISH, "cannot finish the backup '%s'", \
	  "không hoàn tất được bản sao lưu '%s'") \
	X(M_S_CHANGE_STATE, "change the state", \
	  "đổi trạng thái") \
	X(M_S_CHANGE_USER, "change the user", \
	  "đổi người dùng") \
	X(M_S_CHECK, "check the database", \
	  "kiểm tra cơ sở dữ liệu") \
	X(M_S_CLEAR_LOCKS, "clear dead locks", \
	  "gỡ khóa chết") \
	X(M_S_CLEAR_JOURNAL, "clear the journal", \
	  "xóa bản dự phòng") \
	X(M_S_COMMIT, "commit", \
	  "ghi") \
	X(M_S_COUNT_ADMINS, "count admins", \
	  "đếm quản trị viên") \
	X(M_S_COUNT_PAIRS, "count syllable pairs", \
	  "đếm cặp âm tiết") \
	X(M_S_CREATE_ARTICLE, "create the article", \
	  "tạo bài") \
	X(M_S_DUE, "find due articles", \
	  "tìm bài đến giờ đăng") \
	X(M_S_LIST, "list articles", \
	  "liệt kê bài") \
	X(M_S_LOCK, "lock the article", \
	  "khóa bài") \
	X(M_S_MIGRATE, "migrate the database", \
	  "nâng cấp cơ sở dữ liệu") \
	X(M_S_NUMBER, "number the revision", \
	  "đánh số bản") \
	X(M_S_PREPARE, "prepare a query", \
	  "chuẩn bị truy vấn") \
	X(M_S_READ_PAIRS, "read syllable pairs", \
	  "đọc cặp âm tiết") \
	X(M_S_READ_ARTICLE, "read the article", \
	  "đọc bài") \
	X(M_S_READ_DB, "read the database", \
	  "đọc cơ sở dữ liệu") \
	X(M_S_READ_DICT, "read the dictionary", \
	  "đọc từ điển") \
	X(M_S_READ_HISTORY, "read the history", \
	  "đọc lịch sử") \
	X(M_S_READ_JOURNAL, "read the journal", \
	  "đọc bản dự phòng") \
	X(M_S_READ_LOCK, "read the lock", \
	  "đọc khóa") \
	X(M_S_READ_REVISION, "read the revision", \
	  "đọc bản lưu") \
	X(M_S_READ_USERS, "read users", \
	  "đọc danh sách người dùng") \
	X(M_S_RECORD, "record the change", \
	  "ghi lại thay đổi") \
	X(M_S_REMOVE_WORD, "remove the word", \
	  "xóa từ") \
	X(M_S_RENEW_LOCK, "renew the lock", \
	  "gia hạn khóa") \
	X(M_S_SAVE, "save the article", \
	  "lưu bài") \
	X(M_S_SITE_COUNT_DAYS, "count the days", \
	  "đếm các ngày") \
	X(M_S_SITE_PUBLISHED, "list published articles", \
	  "liệt kê bài đã đăng") \
	X(M_S_SITE_SECTIONS, "list the sections", \
	  "liệt kê các chuyên mục") \
	X(M_S_SITE_TAGS, "list the tags", \
	  "liệt kê các chủ đề") \
	X(M_S_SITE_MARK, "mark the site", \
	  "đánh dấu trang cần viết lại") \
	X(M_S_SITE_MARK_DONE, "mark the site up to date", \
	  "đánh dấu trang đã cập nhật") \
	X(M_S_SITE_PLACE, "place the article on the site", \
	  "xếp bài lên trang") \
	X(M_S_SITE_STALE, "read what the site lacks", \
	  "đọc những gì trang còn thiếu") \
	X(M_D_SITE_SAVED_STALE, "article %lld is saved, but the site is not up to date: %s; " \
	  "'toasoan publish --due' tries again", \
	  "bài %lld đã lưu, nhưng trang chưa được cập nhật: %s; " \
	  "'toasoan publish --due' sẽ thử lại") \
	X(M_D_SITE_REBUILD, "cannot rebuild the site: %s", \
	  "không dựng lại được trang: %s") \
	X(M_D_SITE_STALE, "the site is not up to date: %s; the next run tries again", \
	  "trang chưa được cập nhật: %s; lần chạy sau sẽ thử lại") \
	X(M_H_SHELL, "the forced command of one SSH key: the newsroom or one command as LOGIN", \
	  "lệnh bắt buộc của một khóa SSH: tòa soạn hoặc một lệnh với tư cách LOGIN") \
	X(M_H_KEY, "people's SSH keys to the service account (admins)", \
	  "các khóa SSH của mọi người vào tài khoản dịch vụ (quản trị)") \
	X(M_H_DOCTOR, "check the server setup and say how to fix it (admins)", \
	  "kiểm tra cách cài đặt máy chủ và chỉ cách sửa (quản trị)") \
	X(M_C_DOCTOR_ARGS, "'doctor' takes no arguments", \
	  "'doctor' không nhận tham số") \
	X(M_C_SHELL_OWNER, "'toasoan shell' runs only as the account that owns the database '%s' " \
	  "(from its authorized_keys); connect with: ssh ACCOUNT@SERVER", \
	  "'toasoan shell' chỉ chạy dưới tài khoản sở hữu cơ sở dữ liệu '%s' " \
	  "(từ authorized_keys của nó); hãy kết nối bằng: ssh ACCOUNT@SERVER") \
	X(M_C_SHELL_NO_DB, "no database at '%s'; the service account creates it with: toasoan init", \
	  "không có cơ sở dữ liệu ở '%s'; tài khoản dịch vụ tạo nó bằng: toasoan init") \
	X(M_C_SHELL_TTY, "the newsroom screen needs a terminal: connect with 'ssh -t', or name " \
	  "a command ('ssh ACCOUNT@SERVER --help')", \
	  "màn hình tòa soạn cần một terminal: hãy kết nối bằng 'ssh -t', hoặc gọi " \
	  "một lệnh ('ssh ACCOUNT@SERVER --help')") \
	X(M_C_SHELL_RECORD, "the refusal could not be recorded: %s", \
	  "không ghi lại được lần từ chối: %s") \
	X(M_D_KEY_DISABLED, "the account '%s' is disabled; enable it with 'toasoan user role %s " \
	  "ROLE' first", \
	  "tài khoản '%s' đang bị khóa; hãy mở lại bằng 'toasoan user role %s ROLE' trước") \
	X(M_D_KEY_TAKEN, "the key %s is already registered to '%s'", \
	  "khóa %s đã được đăng ký cho '%s'") \
	X(M_S_KEY_ADD, "add the key", \
	  "thêm khóa") \
	X(M_S_KEY_READ, "read keys", \
	  "đọc các khóa") \
	X(M_S_KEY_REMOVE, "remove the key", \
	  "xóa khóa") \
	X(M_S_KEYS_REMOVE, "remove the keys", \
	  "xóa các khóa") \
	X(M_D_NOTHING_TO_IGNORE, "nothing to ignore", \
	  "không có gì để bỏ qua") \
	X(M_S_READ_IGNORED, "read the ignored findings", \
	  "đọc các lỗi đã bỏ qua") \
	X(M_S_READ_RETURNED, "read the returned articles", \
	  "đọc các bài bị trả lại") \
	X(M_S_READ_SEEN, "read when the list was seen", \
	  "đọc lần xem danh sách gần nhất") \
	X(M_S_WRITE_SEEN, "record when the list was seen", \
	  "ghi lần xem danh sách") \
	X(M_S_WRITE_IGNORED, "remember the ignored finding", \
	  "ghi nhớ lỗi đã bỏ qua") \
	X(M_C_LIST_LIMIT, "invalid limit '%s': give a number of articles, 1 or more", \
	  "giới hạn '%s' không hợp lệ: hãy cho một số bài, từ 1 trở lên") \
	X(M_C_LIST_OFFSET, "invalid offset '%s': give a number of articles to skip", \
	  "vị trí '%s' không hợp lệ: hãy cho số bài cần bỏ qua") \
	X(M_S_READ_CHANGED, "read the changed articles", \
	  "đọc các bài đã thay đổi") \
	X(M_S_SEARCH, "search the archive", \
	  "tìm trong kho bài") \
	X(M_S_SETUP, "set up the database", \
	  "thiết lập cơ sở dữ liệu") \
	X(M_S_BEGIN, "start a transaction", \
	  "bắt đầu giao dịch") \
	X(M_S_STORE_REVISION, "store the revision", \
	  "lưu bản") \
	X(M_S_NEWER, "the database '%s' was made by a newer toasoan (schema %lld, this one knows " \
	  "%d); upgrade toasoan, nothing was changed", \
	  "cơ sở dữ liệu '%s' do một toasoan mới hơn tạo (lược đồ %lld, bản này biết " \
	  "%d); hãy nâng cấp toasoan, chưa có gì bị thay đổi") \
	X(M_S_UNLOCK, "unlock the article", \
	  "mở khóa bài") \
	X(M_S_AUDIT, "write the audit log", \
	  "ghi nhật ký") \
	X(M_S_JOURNAL, "write the journal", \
	  "ghi bản dự phòng") \
	/* files: articles, imports, the config, the publish folder (src/news) */ \
	X(M_F_READ_AS, "'%s' cannot be read as %s: %s", \
	  "'%s' không đọc được theo %s: %s") \
	X(M_F_EMPTY_NAMED, "'%s' is empty", \
	  "'%s' rỗng") \
	X(M_F_NUL_NAMED, "'%s' is not a text file (a NUL byte at offset %zu)", \
	  "'%s' không phải tệp văn bản (byte NUL ở vị trí %zu)") \
	X(M_F_SETTING_UTF8, "'%s' is not valid UTF-8", \
	  "'%s' không phải UTF-8 hợp lệ") \
	X(M_F_SINGLE, "'%s' must be a single value", \
	  "'%s' phải là một giá trị đơn") \
	X(M_F_ONE_OF, "'%s' must be one of %s", \
	  "'%s' phải là một trong %s") \
	X(M_F_NAMED, "'%s': %s", \
	  "'%s': %s") \
	X(M_F_DETECTED, "'%s': detected %s and converted it to Unicode", \
	  "'%s': nhận ra %s và đã chuyển sang Unicode") \
	X(M_F_REPAIRED, "'%s': repaired %zu word%s garbled by an old font encoding", \
	  "'%s': đã sửa %zu từ%.0s bị lỗi phông cũ") \
	X(M_F_LOOKALIKES, "'%s': repaired %zu look-alike character%s", \
	  "'%s': đã sửa %zu ký tự%.0s giống chữ Việt nhưng sai mã") \
	X(M_F_REPAIRED_BOTH, "'%s': repaired %zu word%s garbled by an old font encoding and %zu " \
	  "look-alike character%s", \
	  "'%s': đã sửa %zu từ%.0s bị lỗi phông cũ và %zu ký tự%.0s giống chữ Việt nhưng sai mã") \
	X(M_F_REMOVE, "cannot remove '%s': %s", \
	  "không xóa được '%s': %s") \
	X(M_F_REPLACE, "cannot replace '%s': %s", \
	  "không thay được '%s': %s") \
	X(M_F_CONFIG, "config file: %s", \
	  "tệp cấu hình: %s") \
	X(M_F_MAPPING, "expected a mapping of settings", \
	  "cần một bảng các thiết lập") \
	X(M_F_BAD_UTF8, "invalid UTF-8 at byte %zu", \
	  "UTF-8 hỏng ở byte %zu") \
	X(M_F_PLAIN_KEYS, "keys must be plain words", \
	  "khóa phải là chữ thường") \
	X(M_F_TWICE, "line %zu: '%s' is given twice", \
	  "dòng %zu: '%s' có hai lần") \
	X(M_F_TITLE_EMPTY, "no title: 'Tiêu đề' is empty on line %zu", \
	  "không có tiêu đề: 'Tiêu đề' trống ở dòng %zu") \
	X(M_F_NO_TITLE, "no title: the header has no 'Tiêu đề' line", \
	  "không có tiêu đề: phần đầu thiếu dòng 'Tiêu đề'") \
	X(M_F_NUL, "the file has a NUL byte at offset %zu", \
	  "tệp có byte NUL ở vị trí %zu") \
	X(M_F_UNDEFINED_BYTE, "byte 0x%02X at offset %zu is not defined in %s", \
	  "byte 0x%02X ở vị trí %zu không có trong %s") \
	X(M_F_UNDECODED, "the decoded characters are not valid text", \
	  "các ký tự giải mã ra không thành văn bản hợp lệ") \
	X(M_F_BLANK, "the file has only white space", \
	  "tệp chỉ có khoảng trắng") \
	X(M_F_EMPTY, "the file is empty", \
	  "tệp rỗng") \
	X(M_F_LARGE, "the file is larger than %u MiB", \
	  "tệp lớn hơn %u MiB") \
	X(M_F_CONTROL, "the file is not text: control character U+%04X at byte %zu", \
	  "tệp không phải văn bản: ký tự điều khiển U+%04X ở byte %zu") \
	X(M_F_FORMAT, "unknown format '%s': use ninjs, html, md or txt", \
	  "không có định dạng '%s': dùng ninjs, html, md hoặc txt") \
	X(M_F_SETTING, "unknown setting '%s'", \
	  "không có thiết lập '%s'") \
	X(M_F_WHOLE_MAP, "the file must be a mapping of settings", \
	  "tệp phải là một bảng các thiết lập") \
	/* bulk import (src/news/desk_import.c, src/cli) */ \
	X(M_F_NEARLY_UTF8, "'%s' is UTF-8 but for %zu bad byte%s, the first at %zu:%zu (\\x%02X, " \
	  "offset %zu): correct the file and import again", \
	  "'%s' là UTF-8 trừ %zu byte%.0s hỏng, byte đầu ở %zu:%zu (\\x%02X, vị trí %zu): sửa " \
	  "tệp rồi nhập lại") \
	X(M_F_NOT_READ_AS, "'%s' does not read as %s: %d of %d words with marks are not " \
	  "Vietnamese (such as '%.*s'); name another encoding, or leave --encoding out to " \
	  "detect it", \
	  "'%s' không đọc được theo %s: %d trên %d từ có dấu không phải tiếng Việt (như " \
	  "'%.*s'); nêu bảng mã khác, hoặc bỏ --encoding để tự nhận ra") \
	X(M_F_UNKNOWN_ENC, "'%s' is not valid UTF-8 (first bad byte at offset %zu) and its encoding " \
	  "could not be recognised (name one with --encoding tcvn3, vni, viscii, viqr or cp1258)", \
	  "'%s' không phải UTF-8 hợp lệ (byte hỏng đầu tiên ở vị trí %zu) và không nhận ra " \
	  "được bảng mã (nêu bảng mã bằng --encoding tcvn3, vni, viscii, viqr hoặc cp1258)") \
	X(M_I_STOPPED, "%s before '%s' (file %zu of %zu); %zu article%s in %zu whole batch%s were " \
	  "imported (ids %lld to %lld), nothing from that file on", \
	  "%s trước '%s' (tệp %zu trên %zu); đã nhập %zu bài%.0s trong %zu đợt trọn vẹn%.0s " \
	  "(số bài %lld đến %lld), từ tệp đó trở đi chưa nhập gì") \
	X(M_I_BEFORE, "%s before '%s' (file %zu of %zu); nothing was imported", \
	  "%s trước '%s' (tệp %zu trên %zu); chưa nhập gì") \
	X(M_I_BAD_FILES, "%zu of %zu file%s cannot be imported; nothing was imported (--skip-bad " \
	  "imports the others)", \
	  "%zu trên %zu tệp%.0s không nhập được; chưa nhập gì (--skip-bad để nhập các tệp còn " \
	  "lại)") \
	X(M_I_SKIPPED, "%zu of %zu file%s skipped:", \
	  "bỏ qua %zu trên %zu tệp%.0s:") \
	X(M_I_GLOB, "'--glob' needs a pattern such as '*.txt'", \
	  "'--glob' cần một mẫu như '*.txt'") \
	X(M_I_SCHEDULED, "articles cannot be imported as scheduled: each needs its own time; import " \
	  "them for review and approve each with --at", \
	  "không nhập bài ở trạng thái hẹn giờ được: mỗi bài cần giờ riêng; hãy nhập để chờ " \
	  "duyệt rồi duyệt từng bài với --at") \
	X(M_I_INTERRUPTED, "interrupted while checking the files; nothing was imported", \
	  "bị ngắt khi đang kiểm tra các tệp; chưa nhập gì") \
	X(M_I_BAD_STATE, "invalid state '%s': use draft, review or published", \
	  "trạng thái '%s' không hợp lệ: dùng draft, review hoặc published") \
	X(M_I_FUTURE, "its publishing date is in the future", \
	  "ngày đăng của bài ở tương lai") \
	X(M_I_BAD_DATE, "line %zu: '%s' is not a date: write YYYY-MM-DD [HH:MM] or DD/MM/YYYY [HH:MM]", \
	  "dòng %zu: '%s' không phải ngày: viết YYYY-MM-DD [HH:MM] hoặc DD/MM/YYYY [HH:MM]") \
	X(M_I_NAME, "name at least one file or folder", \
	  "hãy nêu ít nhất một tệp hoặc thư mục") \
	X(M_I_NO_FILES, "no files to import: the folders hold no file matching '%s'", \
	  "không có tệp nào để nhập: các thư mục không có tệp nào khớp '%s'") \
	X(M_I_DISABLED, "the account '%s' is disabled", \
	  "tài khoản '%s' đã bị khóa") \
	X(M_I_SITE, "the articles are published but the site could not be written: %s", \
	  "các bài đã đăng nhưng không ghi được trang: %s") \
	X(M_H_IMPORT2, "one article per file, folders walked; checks every file first; prints one id per line", \
	  "mỗi tệp một bài, đi khắp thư mục; kiểm tra mọi tệp trước; in mỗi dòng một số bài") \
	/* from the audit (store, desk) */ \
	X(M_S_NOT_DB2, "'%s' is %s, not a toasoan database; nothing was changed (make it one with: " \
	  "toasoan init)", \
	  "'%s' là %s, không phải cơ sở dữ liệu toasoan; chưa có gì bị thay đổi (tạo bằng: " \
	  "toasoan init)") \
	X(M_S_OTHER_DB, "'%s' is an SQLite database of another program (%lld table%s, schema version " \
	  "%lld, no toasoan tables); nothing was changed", \
	  "'%s' là cơ sở dữ liệu SQLite của một chương trình khác (%lld bảng%.0s, lược đồ " \
	  "%lld, không có bảng nào của toasoan); chưa có gì bị thay đổi") \
	X(M_S_NOT_SQLITE, "'%s' is not a toasoan database (not an SQLite file); nothing was changed", \
	  "'%s' không phải cơ sở dữ liệu toasoan (không phải tệp SQLite); chưa có gì bị thay đổi") \
	X(M_S_FAILING, "cannot %s: the disk is failing (%s)", \
	  "không %s được: đĩa đang hỏng (%s)") \
	X(M_S_FULL2, "cannot %s: the disk is full (where '%s' is); free some space and try again", \
	  "không %s được: đĩa đầy (nơi có '%s'); hãy giải phóng chỗ trống rồi thử lại") \
	X(M_D_BIDI, "the %s has a bidi control (U+%04X) at byte %zu: it would make text read " \
	  "other than it is stored", \
	  "%s có ký tự điều khiển hướng chữ (U+%04X) ở byte %zu: nó làm văn bản hiện khác " \
	  "với khi lưu") \
	X(M_D_CONTROL2, "the %s has a control character (U+%04X) at byte %zu", \
	  "%s có ký tự điều khiển (U+%04X) ở byte %zu") \
	X(M_D_TOO_LONG, "the %s is too long: %zu characters, at most %zu", \
	  "%s quá dài: %zu ký tự, tối đa %zu") \
	X(M_D_TAGS, "too many tags: %zu, at most %d", \
	  "quá nhiều từ khóa: %zu, tối đa %d") \
	/* the command line's help (src/cli/cli.c) */ \
	X(M_H_INIT, "create or upgrade the database; the first user becomes admin", \
	  "tạo hoặc nâng cấp cơ sở dữ liệu; người đầu tiên thành quản trị viên") \
	X(M_H_USER, "manage users (admins)", \
	  "quản lý người dùng (quản trị viên)") \
	X(M_H_NEW, "create a draft; prints its id", \
	  "tạo bản nháp; in ra số bài") \
	X(M_H_SHOW, "print one article", \
	  "in một bài") \
	X(M_H_EDIT, "open the editor on one article", \
	  "mở trình soạn thảo cho một bài") \
	X(M_H_SUBMIT, "send a draft to review", \
	  "gửi bản nháp đi duyệt") \
	X(M_H_WITHDRAW, "take an article in review back to draft", \
	  "rút bài đang chờ duyệt về nháp") \
	X(M_H_RETURN, "send an article back to its writer", \
	  "trả bài về cho người viết") \
	X(M_H_APPROVE, "publish an article in review now, or schedule it", \
	  "đăng ngay bài đang chờ duyệt, hoặc hẹn giờ đăng") \
	X(M_H_PUBLISH, "publish now, publish what is due (cron), or regenerate the whole site", \
	  "đăng ngay, đăng các bài đã đến giờ (cron), hoặc dựng lại toàn bộ trang") \
	X(M_H_UNPUBLISH, "take a published article down", \
	  "gỡ một bài đã đăng") \
	X(M_H_HISTORY, "changes of state and revisions, oldest first", \
	  "các lần đổi trạng thái và các bản lưu, cũ nhất trước") \
	X(M_H_EXPORT, "print or write one rendering of an article", \
	  "in hoặc ghi ra một dạng trình bày của bài") \
	X(M_H_DIFF, "word-level difference between two revisions (or one and the current text)", \
	  "khác biệt theo từng chữ giữa hai bản (hoặc một bản và văn bản hiện tại)") \
	X(M_H_BACKUP, "a consistent copy of the database (admins)", \
	  "bản sao nhất quán của cơ sở dữ liệu (quản trị viên)") \
	X(M_H_CHECK, "verify the database and clear dead locks (admins)", \
	  "kiểm tra cơ sở dữ liệu và gỡ khóa chết (quản trị viên)") \
	X(M_H_SPELL, "check Vietnamese spelling and style", \
	  "kiểm tra chính tả và văn phong tiếng Việt") \
	X(M_H_DICT, "the newsroom's own dictionary words", \
	  "các từ trong từ điển riêng của tòa soạn") \
	X(M_H_SEARCH, "search the archive: title, lead, body, byline; diacritics optional", \
	  "tìm trong kho bài: tiêu đề, sapo, nội dung, tác giả; gõ dấu hay không đều được") \
	X(M_H_HEAD_REMOTE, "usage: ssh -t ACCOUNT@SERVER [--as LOGIN] [COMMAND [ARGS]]\n\n" \
	  "With no command, toasoan opens the full-screen newsroom.\n\ncommands:\n", \
	  "cách dùng: ssh -t ACCOUNT@SERVER [--as LOGIN] [COMMAND [ARGS]]\n\n" \
	  "Không có lệnh, toasoan mở màn hình tòa soạn.\n\ncác lệnh:\n") \
	X(M_H_HEAD, "usage: toasoan [--db PATH] [--config PATH] [--as LOGIN] [COMMAND " \
	  "[ARGS]]\n\nWith no command, toasoan opens the full-screen " \
	  "newsroom.\n\ncommands:\n", \
	  "cách dùng: toasoan [--db PATH] [--config PATH] [--as LOGIN] [COMMAND " \
	  "[ARGS]]\n\nKhông có lệnh, toasoan mở màn hình tòa soạn.\n\ncác lệnh:\n") \
	X(M_H_TAIL, "\nRun 'toasoan COMMAND --help' for one command's usage.\nStates: draft -> " \
	  "review -> (scheduled) -> published.  Roles: reporter, editor, admin.\n", \
	  "\nChạy 'toasoan COMMAND --help' để xem cách dùng một lệnh.\nTrạng thái: draft " \
	  "-> review -> (scheduled) -> published.  Vai trò: reporter, editor, admin.\n") \
	X(M_H_ONE, "usage: toasoan %s\n\n%s\n", \
	  "cách dùng: toasoan %s\n\n%s\n") \
	/* the command line (src/cli) */                                                      \
	X(M_ERROR, "toasoan: error: ", "toasoan: lỗi: ")                                      \
	X(M_WARNING, "toasoan: warning: ", "toasoan: cảnh báo: ")                             \
	X(M_USAGE, "usage: toasoan %s\n", "cách dùng: toasoan %s\n")                          \
	X(M_UNKNOWN_OPTION, "unknown option '%.*s'", "không có tùy chọn '%.*s'")              \
	X(M_UNKNOWN_GLOBAL, "unknown option '%s'", "không có tùy chọn '%s'")                  \
	X(M_NO_VALUE, "'%s' takes no value", "'%s' không nhận giá trị")                       \
	X(M_NEEDS_VALUE, "'%s' needs a value", "'%s' cần một giá trị")                        \
	X(M_NO_ARGS, "'%s' takes no arguments", "'%s' không nhận đối số")                     \
	X(M_TOO_MANY, "too many arguments", "thừa đối số")                                    \
	X(M_INIT_ARGS, "init takes no arguments", "init không nhận đối số")                   \
	X(M_DB_READY, "database ready at %s\n", "cơ sở dữ liệu sẵn sàng ở %s\n")              \
	X(M_BAD_ID, "invalid article id '%s'", "số bài '%s' không hợp lệ")                    \
	X(M_NEEDS_TTY, "the editor needs a terminal", "trình soạn thảo cần một terminal")     \
	X(M_SCREEN_TTY, "the full-screen newsroom needs a terminal; see 'toasoan --help'",     \
	  "màn hình tòa soạn cần một terminal; xem 'toasoan --help'")                         \
	X(M_UNKNOWN_COMMAND, "unknown command '%s'; see 'toasoan --help'",                     \
	  "không có lệnh '%s'; xem 'toasoan --help'")                                         \
	X(M_WRITE_FAILED, "cannot write the output: %s", "không ghi được kết quả: %s")        \
	X(M_NEW_FILES, "'new' takes at most one file", "'new' nhận nhiều nhất một tệp")       \
	X(M_NEW_NEEDS, "give a title or a file", "hãy cho một tiêu đề hoặc một tệp")          \
	X(M_TITLE_UTF8, "the title is not valid UTF-8", "tiêu đề không phải UTF-8 hợp lệ")    \
	X(M_NAME_FILES, "name at least one file", "hãy nêu ít nhất một tệp")                  \
	X(M_BAD_ENCODING, "unknown encoding '%s'", "không biết bảng mã '%s'")                 \
	X(M_LIST_ARGS, "'list' takes no arguments", "'list' không nhận đối số")               \
	X(M_BAD_STATE, "invalid state '%s': use draft, review, scheduled or published",        \
	  "trạng thái '%s' không hợp lệ: dùng draft, review, scheduled hoặc published")        \
	X(M_ONE_ID, "name one article id", "hãy nêu một số bài")                              \
	X(M_EXPORT_FORMAT, "'export' needs --format", "'export' cần --format")                \
	X(M_TAKES_ID, "'%s' takes one article id", "'%s' nhận một số bài")                    \
	X(M_NEEDS_NOTE_OPT, "'%s' needs --note saying why", "'%s' cần --note ghi lý do")      \
	X(M_NOTE_UTF8, "the note is not valid UTF-8", "ghi chú không phải UTF-8 hợp lệ")      \
	X(M_SCHEDULED_FOR, "article %lld scheduled for %s\n", "bài số %lld hẹn đăng lúc %s\n") \
	X(M_ACTED, "article %lld: %s\n", "bài số %lld: %s\n")                                 \
	X(M_PUBLISHED_DUE, "published %d due article%s\n", "đã đăng %d bài đến giờ%.0s\n")     \
	X(M_NAME_ARTICLE, "name an article", "hãy nêu một bài")                               \
	X(M_BAD_REVISION, "invalid revision '%s'", "bản '%s' không hợp lệ")                   \
	X(M_ONE_REVISION, "article %lld has only one revision; nothing to compare",            \
	  "bài số %lld chỉ có một bản; không có gì để so")                                    \
	X(M_NAME_BACKUP, "name the file to write", "hãy nêu tệp cần ghi")                     \
	X(M_BACKED_UP, "backed up to %s\n", "đã sao lưu vào %s\n")                            \
	X(M_CHECK_ARGS, "'check' takes no arguments", "'check' không nhận đối số")            \
	X(M_CHECKED, "%d problem%s found; %lld dead lock%s cleared\n",                         \
	  "tìm thấy %d lỗi%.0s; đã gỡ %lld khóa chết%.0s\n")                                   \
	X(M_SPELL_FILES, "spell takes at most one file", "spell nhận nhiều nhất một tệp")     \
	X(M_NOT_WORD, "'%s' is not a word in UTF-8", "'%s' không phải một từ UTF-8")          \
	X(M_DICT_NEEDS, "dict needs add, remove or list", "dict cần add, remove hoặc list")   \
	X(M_DICT_LIST_ARGS, "dict list takes no words", "dict list không nhận từ nào")        \
	X(M_DICT_ACTION, "unknown dict action '%s'", "dict không có thao tác '%s'")           \
	X(M_DICT_WORD, "dict %s needs a word", "dict %s cần một từ")                          \
	X(M_BAD_ROLE, "invalid role '%s': use reporter, editor or admin",                      \
	  "vai trò '%s' không hợp lệ: dùng reporter, editor hoặc admin")                       \
	X(M_ADD_ONE, "'user add' takes one login", "'user add' nhận một tên đăng nhập")       \
	X(M_ADD_ROLE, "'user add' needs --role", "'user add' cần --role")                     \
	X(M_NAME_UTF8, "the name is not valid UTF-8", "tên không phải UTF-8 hợp lệ")          \
	X(M_USER_ADDED, "added %s (%s)\n", "đã thêm %s (%s)\n")                               \
	X(M_USER_ROLE, "%s is now %s\n", "%s giờ là %s\n")                                    \
	X(M_USER_ROLE_ON, "%s is now %s, and the disabled account is enabled again\n",          \
	  "%s giờ là %s, và tài khoản đã khóa được mở lại\n")                                  \
	X(M_USER_OFF, "%s is disabled\n", "%s đã bị khóa\n")                                  \
	X(M_USER_ACTIVE, "active", "hoạt động")                                               \
	X(M_USER_DISABLED, "disabled", "đã khóa")                                             \
	X(M_USER_SUB, "invalid 'user %s' command", "lệnh 'user %s' không hợp lệ")             \
	X(M_USER_NEEDS, "'user' needs a subcommand", "'user' cần một lệnh con")               \
	X(M_BAD_STYLE, \
	  "unknown style '%s' (old, new or any)", "không có kiểu '%s' (old, new hoặc any)") \
	X(M_HIST_REVISION, "revision %lld (%s)", "bản %lld (%s)")                             \
	X(M_HIST_CREATED, "created as %s", "tạo ở trạng thái %s")                             \
	X(M_HIST_AS, " [by %s with --as]", " [do %s làm thay bằng --as]")                     \
	X(M_SEARCH_NONE, "no article matches '%s'", "không có bài nào khớp '%s'")             \
	X(M_BAD_TIME, "invalid time '%s': expected \"YYYY-MM-DD [HH:MM[:SS]]\" in local time or " \
	  "ISO 8601 with an offset", \
	  "không đọc được giờ '%s': cần \"YYYY-MM-DD [HH:MM[:SS]]\" theo giờ địa phương hoặc " \
	  "ISO 8601 kèm múi giờ") \
	X(M_SEARCH_ARGS, "give one search query", "hãy cho một câu tìm")                      \
	X(M_BAD_LIMIT, \
	  "invalid limit '%s': use 1 to 10000", "giới hạn '%s' không hợp lệ: dùng 1 đến 10000") \
	X(M_SEARCH_MORE, "(the best %zu shown; --limit N shows more)\n",                        \
	  "(hiện %zu bài khớp nhất; --limit N để xem thêm)\n")

typedef enum MsgId {
#define X(id, en, vi) id,
	MSG_LIST(X)
#undef X
	MSG_COUNT
} MsgId;

/*
 * The language of messages raised where no handle carries one (reading article files,
 * importing, the config, publishing): set once by the command line and by the screen, like
 * the locale it usually follows. English until set. The desk and the store carry their own.
 */
void msg_set_lang(Lang l);
Lang msg_lang(void);

/* english in msg_lang(): msg_tr(msg_lang(), english). */
const char *msg_say(const char *english) __attribute__((format_arg(1)));

/* The text of id in l; never NULL ("" for an id out of range). */
const char *msg_text(Lang l, MsgId id);

/* The English text of id (its key); never NULL. */
const char *msg_english(MsgId id);

/*
 * english in language l: the catalogue's Vietnamese text when l is LANG_VI and english is an
 * entry's English text, else english itself. The result has the same conversions as english.
 */
const char *msg_tr(Lang l, const char *english) __attribute__((format_arg(2)));

#endif
