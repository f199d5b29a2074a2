/*
 * layout.h: soft-wrap of a field's text into screen rows at a width in terminal columns.
 *
 * Each '\n' ends a row. A longer line is wrapped at word boundaries: a row ends after the
 * spaces that follow its last word, and those trailing spaces may hang past the width (they are
 * not drawn). A word wider than the whole width is broken between grapheme clusters. Widths
 * come from utf8_cp_width: CJK and emoji take two columns and are never split across rows.
 *
 * Rows are byte ranges of the text; the Layout keeps no copy of the text, so every function
 * that needs the bytes takes them, and they must be the text the layout was built or updated
 * for. Text is indexed by offsets into the whole text, but only the bytes a function names
 * below need be there (a caller holding the text in pieces passes the piece). An offset equal to the end of a soft-wrapped row belongs to the next row; the end of the
 * last row of a line (just before its '\n') belongs to that row.
 */
#ifndef EDIT_LAYOUT_H
#define EDIT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct LayoutRow {
	size_t start; /* first byte of the row */
	size_t end;   /* end of the row's bytes (exclusive); a '\n' ending the row is not included */
	int cols;     /* columns used by the row's bytes, trailing spaces included */
	bool hard;    /* true if a '\n' (or the end of the text) ends this row */
} LayoutRow;

typedef struct Layout Layout;

Layout *layout_new(void);
void layout_free(Layout *l);               /* layout_free(NULL) does nothing */

/* Lays out all of text (len bytes) at width columns (at least 1 is used). */
void layout_build(Layout *l, const char *text, size_t len, int width);

/*
 * Follows an edit (old_len bytes at pos became new_len bytes; text/len is the new text): only
 * the lines the edit touched are wrapped again, rows after them are shifted. Equivalent to
 * layout_build on the new text, and cheap: its cost is the edited paragraph plus a pass over
 * the row array. It reads text only from the start of pos's line to the end of the line of
 * pos + new_len (its '\n' included).
 */
void layout_update(Layout *l, const char *text, size_t len, size_t pos, size_t old_len,
		   size_t new_len);

/* The width the layout was built for. */
int layout_width(const Layout *l);

/* All rows (at least one, even for an empty text); *n gets their number. */
const LayoutRow *layout_rows(const Layout *l, size_t *n);
size_t layout_nrows(const Layout *l);
const LayoutRow *layout_row(const Layout *l, size_t i);   /* i clamped to the last row */

/* The row holding byte offset off (see the rule above). */
size_t layout_row_of(const Layout *l, size_t off);

/*
 * Column of offset off within its row, 0 .. width: a cursor after a full row or in the
 * hanging spaces is shown at width, the column the screen keeps free after every row, so
 * that it never covers the row's last character and the first space typed there moves it.
 * Reads only that row's bytes, as does layout_offset_at.
 */
int layout_col_of(const Layout *l, const char *text, size_t off);

/*
 * The offset in row `row` nearest to column col, on a grapheme boundary: for up/down motion
 * with a goal column and for mouse clicks. A column inside a double-width character gives the
 * offset before it. A column past the row's text gives the row's end on a hard row, and the
 * start of the row's last cluster on a soft-wrapped row (whose end offset belongs to the next
 * row).
 */
size_t layout_offset_at(const Layout *l, const char *text, size_t row, int col);

#endif
