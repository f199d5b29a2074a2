/*
 * lang.h: every word the full-screen interface shows, in Vietnamese and English.
 *
 * One list, STRING_LIST, holds each label, prompt, help line and message once; the enum and
 * the two tables are made from it. The interface speaks Vietnamese unless the config says
 * ui.language: en (or the locale does; see base/lang.h). What the rules and the desk say
 * comes from the core's catalogue (news/msg.h) in the same language. This file includes no
 * curses, so the table is unit-tested alone.
 */
#ifndef TUI_LANG_H
#define TUI_LANG_H

#include <stdbool.h>

#include "base/lang.h"

/* X(enum, Vietnamese, English). A %s or %d in one must appear in the other, in order. */
#define STRING_LIST(X)                                                                     \
	X(S_APP, "Tòa soạn", "Newsroom")                                                    \
	X(S_VIEW_MINE, "Bài của tôi", "My articles")                                        \
	X(S_VIEW_REVIEW, "Chờ duyệt", "Review queue")                                       \
	X(S_VIEW_SCHEDULED, "Hẹn giờ", "Scheduled")                                         \
	X(S_VIEW_PUBLISHED, "Đã đăng", "Published")                                         \
	X(S_VIEW_ALL, "Tất cả", "All")                                                      \
	X(S_COL_TITLE, "Tiêu đề", "Title")                                                  \
	X(S_COL_AUTHOR, "Tác giả", "Author")                                                \
	X(S_COL_STATE, "Trạng thái", "State")                                               \
	X(S_COL_CHANGED, "Cập nhật", "Changed")                                             \
	X(S_COL_WORDS, "Số chữ", "Words")                                                   \
	X(S_EMPTY_LIST, "Không có bài nào.", "No articles.")                                \
	X(S_NO_MATCH, "Không có bài nào khớp \"%s\".", "No article matches \"%s\".")        \
	X(S_FILTER, "Lọc: ", "Filter: ")                                                    \
	X(S_COUNT, "%d bài", "%d articles")                                                 \
	X(S_COUNT_ONE, "1 bài", "1 article")                                                \
	X(S_READ_ONLY_CHIP, "Chỉ xem", "Read-only")                                        \
	X(S_HIST_AS, "(%s làm thay, --as)", "(by %s with --as)")                            \
	X(S_FOCUS_PANE, "Khung bên", "Side pane")                                          \
	X(S_LOCK_FREED, "%s đã đóng bài: gõ để bắt đầu sửa.", "%s closed the article: type to start editing.") \
	X(S_TAB_RETURNED, "%s (%d bị trả)", "%s (%d returned)")                             \
	X(S_TAB_NEW, "%s (%d mới)", "%s (%d new)")                                          \
	X(S_FIELD_TITLE, "Tiêu đề", "Title")                                                \
	X(S_FIELD_SAPO, "Sapo", "Lead")                                                     \
	X(S_FIELD_BODY, "Nội dung", "Body")                                                 \
	X(S_FIELD_BYLINE, "Tác giả", "Byline")                                              \
	X(S_FIELD_SECTION, "Chuyên mục", "Section")                                         \
	X(S_FIELD_TAGS, "Từ khóa", "Tags")                                                  \
	X(S_NEW_ARTICLE, "Bài mới", "New article")                                          \
	X(S_SAVED, "Đã lưu", "Saved")                                                       \
	X(S_UNSAVED, "Chưa lưu", "Unsaved")                                                 \
	X(S_SAVED_MSG, "Đã lưu bản %d.", "Saved version %d.")                               \
	X(S_CREATED_MSG, "Đã tạo bài số %d.", "Created article %d.")                        \
	X(S_NEED_TITLE, "Bài cần có tiêu đề trước khi lưu.", "The article needs a title first.") \
	X(S_CONFLICT, "Có người đã lưu bản mới hơn: bản của bạn được giữ riêng, không ghi đè.", \
	  "Someone saved a newer version: yours is kept apart, nothing was overwritten.")    \
	X(S_ASK_QUIT, "Bài chưa lưu. Lưu trước khi thoát? (c = có, k = không, Esc = ở lại)",  \
	  "Unsaved changes. Save before quitting? (y = yes, n = no, Esc = stay)")            \
	X(S_ASK_SUBMIT_MISTAKES, "Bài còn %d lỗi chính tả chưa sửa. Vẫn gửi duyệt? (c = có, k = không)", \
	  "%d spelling mistakes are still marked. Submit anyway? (y = yes, n = no)")       \
	X(S_YES_NO_KEYS, "cCyY|kKnN", "yY|nN")                                               \
	X(S_ASK_NOTE, "Trả “%s” — ghi chú cho phóng viên: ", "Return “%s” — note for the writer: ") \
	X(S_ASK_UNPUBLISH_NOTE, "Gỡ “%s” — lý do: ", "Unpublish “%s” — reason: ")           \
	X(S_NEED_NOTE, "Trả bài cần có ghi chú cho phóng viên; chưa trả.",                    \
	  "A return needs a note for the writer; nothing was returned.")                     \
	X(S_NEED_REASON, "Gỡ bài cần có lý do; bài vẫn đang đăng.",                           \
	  "Unpublishing needs a reason; the article stays published.")                      \
	X(S_ASK_PUBLISH, "Đăng ngay “%s” lên trang công khai? (c = có, k = không)",          \
	  "Publish “%s” on the live site now? (y = yes, n = no)")                            \
	X(S_SCHEDULED_AT, "Đã hẹn đăng “%s” lúc %s.", "“%s” is scheduled for %s.")           \
	X(S_ASK_SAVE_LIVE, "Bài đang đăng: lưu sẽ thay đổi trang công khai ngay. Lưu? (c = có, k = không)", \
	  "This article is live: saving changes the published page at once. Save? (y = yes, n = no)") \
	X(S_SAVED_LIVE, "Đã lưu bản %d; trang công khai đã được cập nhật.",                    \
	  "Saved version %d; the published page was updated.")                              \
	X(S_ASK_TIME, "Đăng lúc (HH:MM hoặc YYYY-MM-DD HH:MM): ",                            \
	  "Publish at (HH:MM or YYYY-MM-DD HH:MM): ")                                        \
	X(S_BAD_TIME, "Không hiểu thời gian \"%s\".", "Cannot read the time \"%s\".")       \
	X(S_ASK_FIND, "Tìm: ", "Find: ")                                                    \
	X(S_ASK_REPLACE, "Thay bằng: ", "Replace with: ")                                   \
	X(S_ASK_GOTO, "Đến dòng: ", "Go to line: ")                                         \
	X(S_NOT_FOUND, "Không tìm thấy \"%s\".", "\"%s\" not found.")                       \
	X(S_REPLACED, "Đã thay %d chỗ.", "Replaced %d.")                                    \
	X(S_ASK_REPLACE_N, "Thay %d chỗ trong ô “%s”? (c = có, t = mọi ô: %d chỗ, k = không)",  \
	  "Replace %d in “%s”? (y = yes, a = every field: %d, n = no)")                     \
	X(S_ASK_REPLACE_ELSEWHERE, "Ô “%s” không có chỗ nào. Thay %d chỗ ở mọi ô? (c = có, k = không)", \
	  "None in “%s”. Replace %d in every field? (y = yes, n = no)")                     \
	X(S_ASK_REPLACE_KEYS, "cCyY|kKnN|tTaA", "yY|nN|aA")                                  \
	X(S_ASK_REPLACE_KEYS_ALL, "cCyY|kKnN", "yY|nN")                                      \
	X(S_FOLD_ON, "Tìm bỏ dấu: bật", "Ignore diacritics: on")                            \
	X(S_FOLD_OFF, "Tìm bỏ dấu: tắt", "Ignore diacritics: off")                          \
	X(S_ACTION_DONE, "%s: xong.", "%s: done.")                                          \
	X(S_NOT_ALLOWED, "Bạn không thể \"%s\" bài này.", "You cannot \"%s\" this article.") \
	X(S_CANCELLED, "Đã hủy.", "Cancelled.")                                             \
	X(S_INPUT_OFF, "Gõ: thường", "Input: plain")                                        \
	X(S_INPUT_TELEX, "Gõ: Telex", "Input: Telex")                                       \
	X(S_INPUT_VNI, "Gõ: VNI", "Input: VNI")                                             \
	X(S_INFO, "Thông tin", "Info")                                                      \
	X(S_INFO_STATE, "Trạng thái: %s", "State: %s")                                      \
	X(S_INFO_AUTHOR, "Người viết: %s", "Writer: %s")                                    \
	X(S_INFO_WORDS, "Số chữ: %d", "Words: %d")                                          \
	X(S_INFO_CHARS, "Ký tự: %d", "Characters: %d")                                      \
	X(S_INFO_READING, "Đọc: %d phút", "Reading: %d min")                                \
	X(S_INFO_SAVED, "Lưu lúc: %s", "Saved: %s")                                         \
	X(S_INFO_NEVER, "chưa lưu", "never")                                                \
	X(S_FINDINGS, "Lỗi (%d)", "Findings (%d)")                                          \
	X(S_NO_FINDINGS, "Không thấy lỗi.", "No findings.")                                 \
	X(S_SUGGEST_NONE, "(không có gợi ý)", "(no suggestion)")                            \
	X(S_APPLIED, "Đã sửa thành \"%s\".", "Replaced with \"%s\".")                       \
	X(S_IGNORED, "Bỏ qua \"%s\".", "Ignoring \"%s\".")                                  \
	X(S_WORD_ADDED, "Đã thêm \"%s\" vào từ điển tòa soạn.",                              \
	  "Added \"%s\" to the newsroom dictionary.")                                        \
	X(S_NO_FINDING_HERE, "Không còn lỗi nào.", "No more findings.")                     \
	X(S_HISTORY, "Ghi chú và lịch sử", "Notes and history")                             \
	X(S_HIST_REVISION, "%s lưu bản %d", "%s saved version %d")                          \
	X(S_HIST_CREATED, "%s tạo bài", "%s created it")                                     \
	X(S_HIST_MOVE, "%s: %s → %s", "%s: %s → %s")                                        \
	X(S_CHECK_OFF, "Kiểm tra chính tả tắt: %s", "Spell checking is off: %s")            \
	X(S_TOO_SMALL, "Cửa sổ quá nhỏ (%dx%d). Cần ít nhất %dx%d.",                         \
	  "The window is too small (%dx%d). It needs at least %dx%d.")                       \
	X(S_HELP_TITLE, "Phím tắt (Esc để đóng)", "Keys (Esc closes)")                      \
	X(S_HELP_QUEUE, "Danh sách bài", "Article lists")                                   \
	X(S_HELP_EDITOR, "Trình soạn thảo", "Editor")                                       \
	X(S_HELP_PANE, "Khung bên (sau F6)", "Side pane (after F6)")                      \
	X(S_HELP_PROMPT, "Ô nhập", "Prompts")                                               \
	X(S_HELP_ALL, "Mọi nơi", "Everywhere")                                              \
	X(S_THEME_BAD, "Giao diện lỗi, dùng mặc định: %s", "Bad theme, using the default: %s") \
	X(S_COPIED, "Đã chép %d ký tự.", "Copied %d characters.")                           \
	X(S_CUT, "Đã cắt %d ký tự.", "Cut %d characters.")                                  \
	X(S_REFRESHED, "Danh sách đã cập nhật.", "The list was refreshed.")                 \
	X(S_LOCKED_BY, "Chỉ xem: đang được %s sửa từ %s.", "Read-only: %s is editing it since %s.") \
	X(S_LOCK_FAILED, "Chưa khóa được bài để sửa: %s", "Cannot lock the article for editing: %s") \
	X(S_TOOK_OVER, "Bạn đã giành quyền sửa; bản chưa lưu của %s được giữ trong lịch sử.",  \
	  "You took over; the unsaved text of %s is kept in the history.")                   \
	X(S_LOST_LOCK, "Chỉ xem: %s đã giành quyền sửa lúc %s; bản của bạn giữ thành bản %d.", \
	  "Read-only: %s took over at %s; your text is kept as version %d.")                \
	X(S_LOST_LOCK_CLEAN, "Chỉ xem: %s đã giành quyền sửa lúc %s.",                       \
	  "Read-only: %s took over at %s.")                                                  \
	X(S_LOST_LOCK_UNKEPT, "%s đã giành quyền sửa. Chưa giữ được bản của bạn (%s): C-o để ghi ra tệp.", \
	  "%s took over. Your text could not be kept (%s): C-o writes it to a file.")       \
	X(S_RESTORED, "Đã khôi phục văn bản chưa lưu lúc %s.", "Restored the unsaved text from %s.") \
	X(S_RESTORED_OLDER, "Đã khôi phục văn bản chưa lưu lúc %s; đã có bản %d mới hơn, khi lưu sẽ so sánh hai bản.", \
	  "Restored the unsaved text from %s; version %d is newer, saving will compare the two.") \
	X(S_SAVE_FAILED, "Chưa lưu được: %s. Văn bản vẫn ở đây và sẽ được thử lưu lại; C-o ghi ra tệp.", \
	  "Not saved: %s. The text stays here and saving is retried; C-o writes it to a file.") \
	X(S_SAVE_RETRIED, "Đã lưu bản %d (lần thử lại).", "Saved version %d (on a retry).")  \
	X(S_JOURNAL_FAILED, "Không ghi được bản dự phòng: %s. C-o ghi ra tệp.",             \
	  "Cannot write the recovery journal: %s. C-o writes the text to a file.")           \
	X(S_ASK_FILE, "Ghi ra tệp: ", "Write to file: ")                                    \
	X(S_FILE_WRITTEN, "Đã ghi ra %s.", "Written to %s.")                                \
	X(S_FILE_FAILED, "Không ghi được tệp: %s", "Cannot write the file: %s")             \
	X(S_FILE_REMOTE, "Qua SSH không ghi tệp trên máy chủ: đã chép bài vào clipboard máy bạn.", \
	  "Over SSH no file is written on the server: the article is in your own clipboard.") \
	X(S_CMP_CONFLICT, "Xung đột: có người đã lưu trước bạn", "Conflict: someone saved before you") \
	X(S_CMP_DIFF, "Bản %d so với văn bản hiện tại", "Version %d against the current text") \
	X(S_CMP_THEIRS, "Bản đã lưu: bản %d, %s", "Stored: version %d, %s")                 \
	X(S_CMP_MINE, "Bản của bạn", "Yours")                                               \
	X(S_CMP_REVISION, "Bản %d: %s, %s", "Version %d: %s, %s")                           \
	X(S_CMP_CURRENT, "Văn bản hiện tại", "Current text")                                \
	X(S_CMP_SAME, "Hai bản giống nhau.", "The two texts are the same.")                 \
	X(S_MERGE_THEIRS, "Đã lấy bản đã lưu; bản của bạn vẫn còn trong lịch sử.",          \
	  "Took the stored text; yours stays in the history.")                               \
	X(S_MERGE_EDIT, "Sửa tiếp: khi lưu, bản của bạn sẽ là bản kế sau bản %d; bản kia vẫn còn trong lịch sử.", \
	  "Editing on: saving makes yours the next version after %d; the other stays in the history.") \
	X(S_HIST_TITLE, "Lịch sử bài #%d", "History of article %d")                         \
	X(S_HIST_KEPT, "%s: %s, bản %d", "%s: %s, version %d")                              \
	X(S_HIST_NOT_REVISION, "Dòng này không phải một bản lưu.", "This line is not a revision.") \
	X(S_ASK_RESTORE, "Khôi phục bản %d thành bản mới? (c = có, k = không)",              \
	  "Restore version %d as a new version? (y = yes, n = no)")                         \
	X(S_RESTORED_VERSION, "Đã khôi phục bản %d thành bản %d.", "Restored version %d as version %d.") \
	X(S_HELP_HISTORY, "Lịch sử và so sánh", "History and comparison")                   \
	X(S_RESTORED_NEW, "Đã khôi phục bài mới chưa lưu (lúc %s).",                         \
	  "Restored your unsaved new article (from %s).")                                    \
	X(S_NEW_JOURNAL, "Có bài mới chưa lưu — nhấn %s để viết tiếp.",                       \
	  "You have an unsaved new article — press %s to go on writing it.")                 \
	X(S_SAVE_BUSY, "Cơ sở dữ liệu đang bận: chưa lưu, sẽ tự thử lại. Văn bản vẫn ở đây.", \
	  "The database is busy: not saved yet, retrying by itself. The text stays here.")  \
	X(S_BUSY_CHIP, "CSDL bận, sẽ thử lại", "database busy, retrying")                   \
	X(S_LOCK_BACK, "Người giành quyền sửa đã rời đi mà không lưu; bạn lại giữ quyền sửa.", \
	  "Whoever took over left without saving; you hold the article again.")              \
	X(S_LOCKED_BY_TAKE, "Chỉ xem: đang được %s sửa từ %s. %s để giành quyền sửa.",          \
	  "Read-only: %s is editing it since %s. %s takes over.")                           \
	X(S_READ_ONLY, "Chỉ xem: bạn không được sửa bài này.",                               \
	  "Read-only: you may not edit this article.")                                       \
	X(S_SEARCH_TITLE, "Tìm trong kho bài: %s", "Archive search: %s")                     \
	X(S_SEARCH_COUNT, "%d bài khớp, khớp nhất trước · Enter mở bài · C-f tìm lại · Esc quay lại", \
	  "%d matching, best first · Enter opens · C-f searches again · Esc goes back")       \
	X(S_SEARCH_NONE, "Không có bài nào khớp \"%s\" trong kho bài.",                        \
	  "No article in the archive matches \"%s\".")                                       \
	X(S_ASK_SEARCH, "Tìm trong kho bài: ", "Search the archive: ")                       \
	X(S_FILTER_HINT, "%s: tìm trong cả nội dung", "%s: search the whole text")                     \
	X(S_RETURNED_BY, "Bị trả lại: %s, %s", "Returned: %s, %s")                             \
	X(S_PASTE_ONE_LINE, "Không dán nhiều dòng vào ô \"%s\" (ô một dòng). Dán vào Nội dung.", \
	  "Several lines cannot be pasted into \"%s\" (a one-line field). Paste into the Body.") \
	X(S_PASTE_NOT_UTF8, "văn bản dán vào không phải UTF-8 hợp lệ (byte 0x%02X ở vị trí %d); chưa dán gì", \
	  "the pasted text is not valid UTF-8 (byte 0x%02X at offset %d); nothing was pasted") \
	X(S_PASTE_CONVERTED, "văn bản dán vào ở mã %s, không phải UTF-8; đã chuyển sang Unicode", \
	  "the pasted text was in %s, not UTF-8; it was converted to Unicode")              \
	X(S_TYPED_NOT_UTF8, "phím vừa gõ gửi byte 0x%02X, không phải UTF-8; đã bỏ qua (terminal cần dùng UTF-8)", \
	  "a key sent byte 0x%02X, which is not UTF-8; it was ignored (set the terminal to UTF-8)")

typedef enum StringId {
#define X(e, vi, en) e,
	STRING_LIST(X)
#undef X
	STRING_COUNT
} StringId;

/* The text of id in l; never NULL (an out-of-range id gives ""). */
const char *lang_str(Lang l, StringId id);

#endif
