/*
 * keys.h: keys as values, the commands they run, and the one table binding them per screen.
 *
 * A Key is a Unicode code point for text, a control character for Ctrl+letter (K_CTRL('s')),
 * or one of the K_ specials below; K_SHIFT, K_ALT and K_CTRLMOD may be or-ed onto specials
 * (Shift+Right is K_RIGHT | K_SHIFT) and K_ALT onto text (Alt+a). Enter, Tab, Backspace and
 * Escape are always the specials, never their control characters.
 *
 * BINDING_LIST is the only place a key is bound: the screens look commands up in it, the
 * bottom bar shows its entries marked for the bar, the help screen lists it whole, and
 * `TOASOAN_KEYS=md toasoan` prints it as the README's key list. No curses here.
 */
#ifndef TUI_KEYS_H
#define TUI_KEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/str.h"
#include "tui/lang.h"

typedef int32_t Key;

enum {
	K_NONE = 0,
	K_SPECIAL = 0x200000, /* above every code point */
	K_UP = K_SPECIAL, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_PGUP, K_PGDN,
	K_INS, K_DEL, K_BS, K_ENTER, K_TAB, K_ESC,
	K_F1, K_F2, K_F3, K_F4, K_F5, K_F6, K_F7, K_F8, K_F9, K_F10, K_F11, K_F12,
	K_RESIZE,      /* the terminal changed size */
	K_MOUSE,       /* a click or the wheel; details in the event */
	K_PASTE,       /* a bracketed paste; the text is in the event */
	K_TICK,        /* no key within the poll interval: time for timers */
	K_SPECIAL_END,
};

#define K_SHIFT   0x1000000
#define K_ALT     0x2000000
#define K_CTRLMOD 0x4000000
#define K_MODS    (K_SHIFT | K_ALT | K_CTRLMOD)
#define K_CTRL(c) ((Key)((c) & 0x1f))

/* The base key without modifiers. */
static inline Key key_base(Key k)
{
	return k & ~K_MODS;
}

/* True for a key that inserts text (a printable code point, no Alt). */
bool key_is_text(Key k);

/* Writes a readable name ("C-s", "S-Right", "F1", "Enter", "M-a", "ê") into buf. */
void key_label(Key k, char *buf, size_t len);

/* Screens a binding applies to (bit mask). */
enum {
	SCR_QUEUE = 1,   /* the article lists */
	SCR_EDITOR = 2,  /* the text of the editor */
	SCR_PANE = 4,    /* the side pane, when it has the focus */
	SCR_PROMPT = 8,  /* a one-line question at the bottom */
	SCR_ALL = 15,    /* the four above */
	SCR_HISTORY = 16, /* the editor's history list */
	SCR_COMPARE = 32, /* two texts side by side: a conflict or a revision against the text */
};

/* X(enum, short label for the bar vi, en, help line vi, en) */
#define COMMAND_LIST(X)                                                                     \
	X(CMD_NONE, "", "", "", "")                                                         \
	X(CMD_HELP, "Trợ giúp", "Help", "Hiện mọi phím tắt", "Show every key")             \
	X(CMD_QUIT, "Thoát", "Quit", "Thoát (hỏi nếu chưa lưu)", "Quit (asks about unsaved text)") \
	X(CMD_OPEN, "Mở", "Open", "Mở bài đang chọn", "Open the selected article")          \
	X(CMD_NEW, "Bài mới", "New", "Viết bài mới", "Write a new article")                 \
	X(CMD_VIEW_NEXT, "Danh sách", "Lists", "Sang danh sách kế", "Next list")            \
	X(CMD_VIEW_PREV, "", "", "Về danh sách trước", "Previous list")                     \
	X(CMD_FILTER, "Lọc", "Filter", "Lọc theo tiêu đề, tác giả (không cần dấu)",         \
	  "Filter by title and author (diacritics optional)")                               \
	X(CMD_SEARCH, "Tìm", "Search", "Tìm trong cả kho bài: tiêu đề, sapo, nội dung, tác giả (cũng từ ô lọc)", \
	  "Search the whole archive: title, lead, body, byline (also from the filter)")    \
	X(CMD_SORT, "Sắp xếp", "Sort", "Sắp theo tiêu đề (thứ tự tiếng Việt) hoặc theo thời gian", \
	  "Sort by title (Vietnamese order) or by time")                                    \
	X(CMD_REFRESH, "", "", "Tải lại danh sách", "Reload the list")                      \
	X(CMD_UP, "", "", "Lên", "Up")                                                      \
	X(CMD_DOWN, "", "", "Xuống", "Down")                                                \
	X(CMD_PAGE_UP, "", "", "Lên một trang", "Page up")                                  \
	X(CMD_PAGE_DOWN, "", "", "Xuống một trang", "Page down")                            \
	X(CMD_FIRST, "", "", "Về đầu", "To the first")                                      \
	X(CMD_LAST, "", "", "Xuống cuối", "To the last")                                    \
	X(CMD_LEFT, "", "", "Sang trái một ký tự", "Left one character")                   \
	X(CMD_RIGHT, "", "", "Sang phải một ký tự", "Right one character")                 \
	X(CMD_WORD_LEFT, "", "", "Về đầu từ trước", "To the previous word")                 \
	X(CMD_WORD_RIGHT, "", "", "Sang từ kế tiếp", "To the next word")                    \
	X(CMD_PARA_UP, "", "", "Về đoạn trước", "To the previous paragraph")                \
	X(CMD_PARA_DOWN, "", "", "Sang đoạn kế tiếp", "To the next paragraph")              \
	X(CMD_LINE_START, "", "", "Về đầu dòng", "To the start of the line")                \
	X(CMD_LINE_END, "", "", "Về cuối dòng", "To the end of the line")                   \
	X(CMD_DOC_START, "", "", "Về đầu bài", "To the start of the article")               \
	X(CMD_DOC_END, "", "", "Xuống cuối bài", "To the end of the article")               \
	X(CMD_NEXT_FIELD, "", "", "Sang ô kế tiếp (tiêu đề, sapo, nội dung...)",            \
	  "To the next field (title, lead, body...)")                                       \
	X(CMD_PREV_FIELD, "", "", "Về ô trước", "To the previous field")                   \
	X(CMD_SELECT, "", "", "Shift + phím di chuyển: chọn văn bản",                       \
	  "Shift + any movement key: select text")                                          \
	X(CMD_DELETE_WORD, "", "", "Xóa từ trước con trỏ", "Delete the word before the cursor") \
	X(CMD_SUBMIT, "Gửi duyệt", "Submit", "Gửi bài để duyệt", "Submit for review")       \
	X(CMD_WITHDRAW, "Rút về", "Withdraw", "Rút bài về nháp", "Withdraw to draft")       \
	X(CMD_APPROVE, "Duyệt", "Approve", "Duyệt và đăng ngay", "Approve and publish now")  \
	X(CMD_SCHEDULE, "Hẹn giờ", "Schedule", "Duyệt, đăng vào giờ hẹn",                    \
	  "Approve for a later time")                                                       \
	X(CMD_RETURN, "Trả bài", "Return", "Trả bài cho phóng viên kèm ghi chú",            \
	  "Return to the writer with a note")                                               \
	X(CMD_PUBLISH, "Đăng", "Publish", "Đăng ngay", "Publish now") \
	X(CMD_UNPUBLISH, "Gỡ", "Unpublish", "Gỡ bài đã đăng (kèm lý do)",                   \
	  "Unpublish (with a reason)")                                                      \
	X(CMD_SAVE, "Lưu", "Save", "Lưu bài", "Save")                                       \
	X(CMD_UNDO, "Hoàn tác", "Undo", "Hoàn tác", "Undo")                                 \
	X(CMD_REDO, "", "", "Làm lại", "Redo")                                              \
	X(CMD_CUT, "Cắt", "Cut", "Cắt vùng chọn", "Cut the selection") \
	X(CMD_COPY, "Chép", "Copy", "Chép vùng chọn, cả vào clipboard máy bạn",             \
	  "Copy the selection, also to your own clipboard")                                 \
	X(CMD_PASTE, "Dán", "Paste", "Dán", "Paste")                                        \
	X(CMD_SELECT_ALL, "", "", "Chọn cả ô", "Select the whole field")                    \
	X(CMD_FIND, "Tìm", "Find", "Tìm", "Find")                                           \
	X(CMD_FIND_NEXT, "", "", "Tìm tiếp", "Find next")                                   \
	X(CMD_REPLACE, "", "", "Tìm và thay", "Find and replace")                           \
	X(CMD_GOTO, "", "", "Đến dòng", "Go to line")                                       \
	X(CMD_INPUT, "Telex", "Telex", "Đổi kiểu gõ: thường, Telex, VNI",                   \
	  "Switch input: plain, Telex, VNI")                                                \
	X(CMD_NEXT_FINDING, "Lỗi kế", "Next error", "Đến lỗi chính tả kế tiếp",            \
	  "Jump to the next finding")                                                       \
	X(CMD_APPLY, "Sửa", "Apply", "Sửa lỗi theo gợi ý 1..9 (lỗi đang chọn, hoặc ở con trỏ)", \
	  "Apply suggestion 1..9 (to the selected finding, or the one at the cursor)")      \
	X(CMD_FOCUS, "Khung lỗi", "Pane", "Chuyển giữa bài và khung bên",                  \
	  "Switch between the text and the side pane")                                      \
	X(CMD_LAYOUT, "", "", "Khung bên: cạnh bài hoặc bên dưới", "Side pane: beside or below") \
	X(CMD_PANE_SHRINK, "", "", "Thu nhỏ khung bên", "Shrink the side pane")             \
	X(CMD_PANE_GROW, "", "", "Nới rộng khung bên", "Grow the side pane")                \
	X(CMD_JUMP, "Đến", "Go", "Đến chỗ lỗi", "Jump to the finding")                      \
	X(CMD_IGNORE, "Bỏ qua", "Ignore", "Bỏ qua lỗi này", "Ignore this finding")          \
	X(CMD_ADD_WORD, "Thêm từ", "Add word", "Thêm từ vào từ điển tòa soạn",             \
	  "Add the word to the newsroom dictionary")                                        \
	X(CMD_HISTORY, "Lịch sử", "History", "Lịch sử: các bản lưu và chuyển trạng thái; so sánh, khôi phục", \
	  "History: revisions and moves; compare, restore")                                \
	X(CMD_WRITE_FILE, "Ghi tệp", "Write file", "Ghi văn bản ra một tệp (khi không lưu được)", \
	  "Write the text to a file (when it cannot be saved)")                            \
	X(CMD_TAKE_OVER, "Giành quyền", "Take over",                                        \
	  "Giành quyền sửa bài người khác đang giữ (biên tập viên)",                         \
	  "Take over an article someone else is editing (editors)")                        \
	X(CMD_DIFF, "So sánh", "Compare", "So sánh bản đang chọn với văn bản hiện tại",     \
	  "Compare the selected version with the current text")                            \
	X(CMD_RESTORE, "Khôi phục", "Restore", "Khôi phục bản đang chọn (thành bản mới)",   \
	  "Restore the selected version (as a new version)")                               \
	X(CMD_TAKE_THEIRS, "Lấy bản đã lưu", "Take theirs",                                 \
	  "Lấy bản đã lưu; bản của bạn vẫn còn trong lịch sử",                               \
	  "Take the stored text; yours stays in the history")                              \
	X(CMD_KEEP_MINE, "Giữ bản tôi", "Keep mine",                                        \
	  "Lưu bản của bạn thành bản mới; bản kia vẫn còn trong lịch sử",                    \
	  "Save yours as the next version; the other stays in the history")                \
	X(CMD_EDIT_MINE, "Sửa tiếp", "Edit", "Quay lại sửa bản của bạn để tự hợp nhất",      \
	  "Go back to your text to merge by hand")                                         \
	X(CMD_CLOSE, "Đóng", "Close", "Đóng", "Close")                                      \
	X(CMD_ACCEPT, "Đồng ý", "OK", "Đồng ý", "Accept")                                   \
	X(CMD_CANCEL, "Hủy", "Cancel", "Hủy", "Cancel")                                     \
	X(CMD_FOLD, "Bỏ dấu", "Diacritics", "Tìm không phân biệt dấu (bật/tắt)",            \
	  "Ignore diacritics when finding (on/off)")

typedef enum Command {
#define X(e, bvi, ben, hvi, hen) e,
	COMMAND_LIST(X)
#undef X
	COMMAND_COUNT
} Command;

/*
 * X(screens, key, command, shown in the bar). The first binding of a command on a screen is
 * the one the bar and the help show; the others are synonyms listed after it.
 */
#define BINDING_LIST(X)                                                                   \
	X(SCR_ALL & ~SCR_PROMPT, K_F1, CMD_HELP, true)                                      \
	X(SCR_ALL & ~SCR_PROMPT, K_CTRL('g'), CMD_HELP, false)                              \
	X(SCR_QUEUE | SCR_EDITOR | SCR_PANE, K_CTRL('q'), CMD_QUIT, true)                   \
	X(SCR_QUEUE, K_ENTER, CMD_OPEN, true)                                               \
	X(SCR_QUEUE, 's', CMD_SUBMIT, true)                                                 \
	X(SCR_QUEUE, 'w', CMD_WITHDRAW, true)                                               \
	X(SCR_QUEUE, 'a', CMD_APPROVE, true)                                                \
	X(SCR_QUEUE, 'h', CMD_SCHEDULE, true)                                               \
	X(SCR_QUEUE, 'r', CMD_RETURN, true)                                                 \
	X(SCR_QUEUE, 'p', CMD_PUBLISH, true)                                                \
	X(SCR_QUEUE, 'u', CMD_UNPUBLISH, true)                                              \
	X(SCR_QUEUE, 'n', CMD_NEW, true)                                                    \
	X(SCR_QUEUE, '/', CMD_FILTER, true)                                                 \
	X(SCR_QUEUE, K_CTRL('f'), CMD_SEARCH, true)                                         \
	X(SCR_QUEUE, K_TAB, CMD_VIEW_NEXT, true)                                            \
	X(SCR_QUEUE, K_RIGHT, CMD_VIEW_NEXT, false)                                         \
	X(SCR_QUEUE, K_TAB | K_SHIFT, CMD_VIEW_PREV, false)                                 \
	X(SCR_QUEUE, K_LEFT, CMD_VIEW_PREV, false)                                          \
	X(SCR_QUEUE, 'o', CMD_SORT, false)                                                  \
	X(SCR_QUEUE, K_F5, CMD_REFRESH, false)                                              \
	X(SCR_QUEUE | SCR_EDITOR | SCR_PANE, K_UP, CMD_UP, false)                           \
	X(SCR_QUEUE | SCR_EDITOR | SCR_PANE, K_DOWN, CMD_DOWN, false)                       \
	X(SCR_QUEUE | SCR_EDITOR, K_PGUP, CMD_PAGE_UP, false)                               \
	X(SCR_QUEUE | SCR_EDITOR, K_PGDN, CMD_PAGE_DOWN, false)                             \
	X(SCR_QUEUE, K_HOME, CMD_FIRST, false)                                              \
	X(SCR_QUEUE, K_END, CMD_LAST, false)                                                \
	X(SCR_EDITOR | SCR_PANE, 't' | K_ALT, CMD_TAKE_OVER, true)                          \
	X(SCR_EDITOR | SCR_PANE, K_CTRL('s'), CMD_SAVE, true)                               \
	X(SCR_EDITOR | SCR_PANE, 's' | K_ALT, CMD_SUBMIT, true)                             \
	X(SCR_EDITOR | SCR_PANE, 'w' | K_ALT, CMD_WITHDRAW, true)                           \
	X(SCR_EDITOR | SCR_PANE, 'a' | K_ALT, CMD_APPROVE, true)                            \
	X(SCR_EDITOR | SCR_PANE, 'h' | K_ALT, CMD_SCHEDULE, true)                           \
	X(SCR_EDITOR | SCR_PANE, 'r' | K_ALT, CMD_RETURN, true)                             \
	X(SCR_EDITOR | SCR_PANE, 'p' | K_ALT, CMD_PUBLISH, true)                            \
	X(SCR_EDITOR | SCR_PANE, 'u' | K_ALT, CMD_UNPUBLISH, true)                          \
	X(SCR_EDITOR, K_CTRL('t'), CMD_INPUT, true)                                         \
	X(SCR_EDITOR | SCR_PANE, K_CTRL('n'), CMD_NEXT_FINDING, true)                       \
	X(SCR_EDITOR | SCR_PANE, K_F6, CMD_FOCUS, true)                                    \
	X(SCR_EDITOR, K_TAB, CMD_NEXT_FIELD, false)                                         \
	X(SCR_EDITOR, K_TAB | K_SHIFT, CMD_PREV_FIELD, false)                               \
	X(SCR_EDITOR, K_LEFT, CMD_LEFT, false)                                              \
	X(SCR_EDITOR, K_RIGHT, CMD_RIGHT, false)                                            \
	X(SCR_EDITOR, K_LEFT | K_CTRLMOD, CMD_WORD_LEFT, false)                             \
	X(SCR_EDITOR, K_RIGHT | K_CTRLMOD, CMD_WORD_RIGHT, false)                           \
	X(SCR_EDITOR, K_UP | K_CTRLMOD, CMD_PARA_UP, false)                                 \
	X(SCR_EDITOR, K_DOWN | K_CTRLMOD, CMD_PARA_DOWN, false)                             \
	X(SCR_EDITOR, K_HOME, CMD_LINE_START, false)                                        \
	X(SCR_EDITOR, K_END, CMD_LINE_END, false)                                           \
	X(SCR_EDITOR, K_HOME | K_CTRLMOD, CMD_DOC_START, false)                             \
	X(SCR_EDITOR, K_END | K_CTRLMOD, CMD_DOC_END, false)                                \
	X(SCR_EDITOR, K_RIGHT | K_SHIFT, CMD_SELECT, false)                                 \
	X(SCR_EDITOR, K_BS | K_ALT, CMD_DELETE_WORD, false)                                 \
	X(SCR_EDITOR, K_CTRL('z'), CMD_UNDO, true)                                          \
	X(SCR_EDITOR, K_CTRL('y'), CMD_REDO, false)                                         \
	X(SCR_EDITOR, K_CTRL('x'), CMD_CUT, false)                                          \
	X(SCR_EDITOR, K_CTRL('c'), CMD_COPY, false)                                         \
	X(SCR_EDITOR, K_CTRL('v'), CMD_PASTE, false)                                        \
	X(SCR_EDITOR, K_CTRL('a'), CMD_SELECT_ALL, false)                                   \
	X(SCR_EDITOR, K_CTRL('f'), CMD_FIND, true)                                          \
	X(SCR_EDITOR, K_F3, CMD_FIND_NEXT, false)                                           \
	X(SCR_EDITOR, K_CTRL('r'), CMD_REPLACE, false)                                      \
	X(SCR_EDITOR, K_CTRL('l'), CMD_GOTO, false)                                         \
	X(SCR_EDITOR, '1' | K_ALT, CMD_APPLY, false)                                        \
	X(SCR_EDITOR | SCR_PANE, K_F2, CMD_LAYOUT, false)                                   \
	X(SCR_EDITOR | SCR_PANE, K_F4, CMD_PANE_SHRINK, false)                              \
	X(SCR_EDITOR | SCR_PANE, K_F5, CMD_PANE_GROW, false)                                \
	X(SCR_PANE, K_ENTER, CMD_JUMP, true)                                                \
	X(SCR_PANE, '1', CMD_APPLY, true)                                                   \
	X(SCR_PANE, 'i', CMD_IGNORE, true)                                                  \
	X(SCR_PANE, '+', CMD_ADD_WORD, true)                                                \
	X(SCR_EDITOR | SCR_PANE, K_F7, CMD_HISTORY, true)                                   \
	X(SCR_EDITOR | SCR_PANE, K_CTRL('o'), CMD_WRITE_FILE, true)                         \
	X(SCR_HISTORY, K_ENTER, CMD_DIFF, true)                                             \
	X(SCR_HISTORY, 'd', CMD_DIFF, false)                                                \
	X(SCR_HISTORY, 'r', CMD_RESTORE, true)                                              \
	X(SCR_COMPARE, 't', CMD_TAKE_THEIRS, true)                                          \
	X(SCR_COMPARE, 'm', CMD_KEEP_MINE, true)                                            \
	X(SCR_COMPARE, 'e', CMD_EDIT_MINE, true)                                            \
	X(SCR_HISTORY | SCR_COMPARE, K_UP, CMD_UP, false)                                   \
	X(SCR_HISTORY | SCR_COMPARE, K_DOWN, CMD_DOWN, false)                               \
	X(SCR_HISTORY | SCR_COMPARE, K_PGUP, CMD_PAGE_UP, false)                            \
	X(SCR_HISTORY | SCR_COMPARE, K_PGDN, CMD_PAGE_DOWN, false)                          \
	X(SCR_HISTORY | SCR_COMPARE, K_ESC, CMD_CLOSE, true)                                \
	X(SCR_HISTORY | SCR_COMPARE, 'q', CMD_CLOSE, false)                                 \
	X(SCR_PROMPT, K_ENTER, CMD_ACCEPT, true)                                            \
	X(SCR_PROMPT, K_ESC, CMD_CANCEL, true)                                              \
	X(SCR_PROMPT, K_CTRL('t'), CMD_FOLD, false)

typedef struct Binding {
	int screens;     /* SCR_ mask */
	Key key;
	Command cmd;
	bool bar;        /* shown in the bottom bar */
} Binding;

/* The bindings in table order, *n set to their count. */
const Binding *keys_bindings(size_t *n);

/* The command key runs on screen, CMD_NONE if none. */
Command keys_lookup(int screen, Key key);

/* Bar label and help line of a command in l ("" when it has none). */
const char *command_label(Command c, Lang l);
const char *command_help(Command c, Lang l);

/*
 * Appends every binding as a markdown list, grouped by screen under "### " headings, with
 * synonyms joined ("F1, C-g"): the README's key list and the help screen's source.
 */
void keys_markdown(Lang l, Str *out);

/*
 * The help screen's lines: one heading per screen and "KEYS<TAB>help" lines, appended to
 * out separated by '\n'. Headings start with '#'.
 */
void keys_help_text(Lang l, Str *out);

#endif
