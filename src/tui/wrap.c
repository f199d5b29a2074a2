/*
 * wrap.c: breaking a text into screen lines by display width, after spaces where there are
 * any, inside a word only when the word alone is wider than the line. Graphemes are never
 * split, so a Vietnamese letter with its marks stays whole.
 */
#include "base/utf8.h"
#include "tui/app.h"
#include "base/banned.h"

size_t app_wrap(const char *s, size_t len, int width, size_t *next)
{
	size_t off = 0, brk = 0;
	int w = 0;
	bool word = false; /* a word began: leading spaces are indent, not a break */
	while (off < len && s[off] != '\n') {
		size_t n = utf8_next_grapheme(s, len, off);
		int cw = (int)utf8_width(s + off, n - off);
		if (w + cw > width && off > 0)
			break;
		w += cw;
		if (s[off] == ' ' && word)
			brk = off; /* the line may end before this space */
		word = word || s[off] != ' ';
		off = n > off ? n : off + 1;
	}
	size_t end = off;
	if (off < len && s[off] != '\n' && s[off] != ' ' && brk > 0)
		end = brk;
	size_t nx = end;
	while (nx < len && s[nx] == ' ')
		nx++;
	if (nx < len && s[nx] == '\n' && nx == end)
		nx++;
	*next = nx;
	return end;
}
