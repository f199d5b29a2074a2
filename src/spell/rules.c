/*
 * rules.c: the rules that look at more than one word, run over the token array of one
 * check (CheckRun.toks, in text order, covering the NFC text without gaps). Each rule reads
 * the tokens and the cached word verdicts and adds findings with run_add; none of them
 * changes a token, so they can run in any order.
 */
#include "spell/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

/* A doubled word news prints this often is a function word, never a reduplication (các các). */
#define LONE_DOUBLE_MAX 20000

static bool is_word(const Tok *t)
{
	return t->t.kind == TOK_WORD;
}

static bool is_punct(const Tok *t, const char *set)
{
	return t->t.kind == TOK_PUNCT && t->t.cp < 0x80 && t->t.cp && strchr(set, (int)t->t.cp);
}

static size_t tlen(const Tok *t)
{
	return t->t.end - t->t.start;
}

static char **one(const char *s, size_t len)
{
	char **v = xmalloc(sizeof(char *));
	v[0] = xstrndup(s, len);
	return v;
}

/* A '.' between two words that is no sentence end: TP.HCM, v.v, U.S, file.txt */
static bool dot_inside(const CheckRun *r, const Tok *a, const Tok *b)
{
	if ((a->t.flags & TF_ALL_UPPER) || (b->t.flags & TF_ALL_UPPER))
		return true;
	if (utf8_chars(r->s + a->t.start, tlen(a)) == 1 || utf8_chars(r->s + b->t.start, tlen(b)) == 1)
		return true;
	return (a->t.flags & TF_ASCII) && (b->t.flags & TF_ASCII) && !(b->t.flags & TF_UPPER_FIRST);
}

static bool closing(const Tok *t)
{
	return t->t.kind == TOK_PUNCT && (t->t.cp == 0x201D || t->t.cp == ')' || t->t.cp == ']' ||
	                                  t->t.cp == '"' || t->t.cp == 0x2019);
}

static void missing_space(CheckRun *r, size_t i)
{
	Tok *p = &r->toks[i], *a = i ? &r->toks[i - 1] : NULL, *b;
	Str s = STR_INIT;

	if (i + 1 >= r->ntoks || !a || !is_punct(p, ",.;:?!"))
		return;
	b = &r->toks[i + 1];
	if (!is_word(b) || !(is_word(a) || a->t.kind == TOK_NUMBER || closing(a)))
		return;
	if (p->t.cp == '.' && is_word(a) && dot_inside(r, a, b))
		return;
	if ((p->t.cp == ',' || p->t.cp == '.') && r->s[p->t.start - 1] >= '0' &&
	    r->s[p->t.start - 1] <= '9' && r->s[b->t.start] >= '0' && r->s[b->t.start] <= '9')
		return; /* a decimal with its unit: 7,58m, 1.235,9USD */
	str_add(&s, r->s + p->t.start, tlen(p));
	str_addc(&s, ' ');
	str_add(&s, r->s + b->t.start, tlen(b));
	run_add(r, p->t.start, b->t.end, FIND_PUNCTUATION, SEV_WARNING, MSG_SPACE_AFTER, NULL,
		one(s.s, s.len), 1);
	str_release(&s);
}

static void space_before(CheckRun *r, size_t i)
{
	Tok *a, *p;

	if (i == 0 || i + 1 >= r->ntoks)
		return;
	a = &r->toks[i - 1];
	p = &r->toks[i + 1];
	if (!is_punct(p, ",.;:?!") || !(is_word(a) || a->t.kind == TOK_NUMBER || closing(a)))
		return;
	if (p->t.cp == '.' && i + 2 < r->ntoks && is_punct(&r->toks[i + 2], "."))
		return; /* an ellipsis */
	if (r->s[p->t.start - 1] != ' ')
		return;
	/* "Nội ,hôm" becomes "Nội, hôm": the space moves after the mark, it is not lost. */
	Str fix = STR_INIT;
	str_add(&fix, r->s + p->t.start, tlen(p));
	if (i + 2 < r->ntoks && is_word(&r->toks[i + 2]))
		str_addc(&fix, ' ');
	run_add(r, p->t.start - 1, p->t.end, FIND_PUNCTUATION, SEV_WARNING, MSG_SPACE_BEFORE, NULL,
		one(fix.s, fix.len), 1);
	str_release(&fix);
}

static void double_space(CheckRun *r, size_t i)
{
	Tok *sp = &r->toks[i];
	size_t spaces = 0;

	if (i == 0 || i + 1 >= r->ntoks || r->toks[i - 1].t.kind == TOK_NEWLINE ||
	    r->toks[i + 1].t.kind == TOK_NEWLINE || r->toks[i - 1].t.kind == TOK_OTHER)
		return;
	for (size_t k = sp->t.start; k < sp->t.end; k++)
		spaces += r->s[k] == ' ';
	if (spaces < 2 || spaces != tlen(sp))
		return;
	run_add(r, sp->t.start, sp->t.end, FIND_PUNCTUATION, SEV_WARNING, MSG_DOUBLE_SPACE, NULL,
		one(" ", 1), 1);
}

/* Straight quote: opening if nothing or a space or an opening bracket comes before it. */
static bool opens(const CheckRun *r, size_t i)
{
	const Tok *a;

	if (i == 0)
		return true;
	a = &r->toks[i - 1];
	return a->t.kind == TOK_SPACE || a->t.kind == TOK_NEWLINE ||
	       (a->t.kind == TOK_PUNCT && (a->t.cp == '(' || a->t.cp == '[' || a->t.cp == 0x201C));
}

/*
 * A list marker "a)", "1)" or "a.1)" at the start of a paragraph, of a quotation, of a
 * sentence or after a colon: thông tư quy định: "b) Tỷ lệ ...; c) Khoản chi ...
 */
static bool list_marker(const CheckRun *r, size_t i)
{
	size_t j = i, parts = 0;
	const Tok *t;

	while (j > 0 && parts < 3 && (r->toks[j - 1].t.kind == TOK_NUMBER ||
	                              (is_word(&r->toks[j - 1]) &&
	                               utf8_chars(r->s + r->toks[j - 1].t.start, tlen(&r->toks[j - 1])) <= 2) ||
	                              (parts && is_punct(&r->toks[j - 1], "."))))
		j--, parts++;
	if (parts == 0 || is_punct(&r->toks[j], "."))
		return false;
	if (j == 0 || r->toks[j - 1].t.kind == TOK_NEWLINE)
		return true;
	t = &r->toks[j - 1];
	if (t->t.kind == TOK_SPACE && j >= 2)
		t = &r->toks[j - 2];
	return t->t.kind == TOK_PUNCT && (t->t.cp == 0x201C || t->t.cp == '"' || t->t.cp == ':' ||
	                                  t->t.cp == '.' || t->t.cp == ';' || t->t.cp == 0x2026);
}

typedef struct Stack {
	size_t *v;
	size_t n, cap;
} Stack;

static inline void push(Stack *s, size_t i)
{
	if (s->n == s->cap)
		xgrow(&s->v, &s->cap, s->n + 1, sizeof(size_t));
	s->v[s->n++] = i;
}

static void flag_lone(CheckRun *r, size_t start, size_t end)
{
	run_add(r, start, end, FIND_PUNCTUATION, SEV_WARNING, MSG_UNBALANCED, NULL, NULL, 0);
}

static void flag_tok(CheckRun *r, size_t i)
{
	flag_lone(r, r->toks[i].t.start, r->toks[i].t.end);
}

static bool is_quote(int32_t c)
{
	return c == 0x201C || c == 0x201D || c == '"';
}

/*
 * An opening mark matches closing kind want ('"' for any closing quote): a quotation opened
 * with one shape of quote and closed with the other (“...", "...”) is balanced, only mixed.
 */
static bool pairs_with(int32_t open, int32_t want)
{
	return want == '"' ? is_quote(open) : open == want;
}

/* A straight quote right after a number that closes nothing is the inch sign (màn hình 7"). */
static bool inch_mark(const CheckRun *r, size_t i)
{
	return i > 0 && r->toks[i - 1].t.kind == TOK_NUMBER;
}

/*
 * Pairs quotes and brackets within one paragraph [from, to); flags what stays alone. A
 * quotation may run on into the next paragraph, as news prints long quotes: a quote left open
 * at the end is kept in r->quote_start/quote_end (quote_end 0 for none; it may lie in the
 * last segment) and closed by the next paragraph's first quote mark if that closes, forgiven
 * if that opens again (each paragraph of a long quote opening with its own mark), flagged
 * otherwise.
 */
static void balance(CheckRun *r, size_t from, size_t to)
{
	Stack st = {0};

	for (size_t i = from; i < to; i++) {
		Tok *t = &r->toks[i];
		int32_t c = t->t.cp, want;

		if (t->t.kind != TOK_PUNCT)
			continue;
		if (r->quote_end && is_quote(c)) {
			bool closes = c == 0x201D || (c == '"' && !opens(r, i));
			r->quote_end = 0;
			if (closes)
				continue;
		}
		if (c == 0x201C || c == '(' || c == '[' || (c == '"' && opens(r, i))) {
			push(&st, i);
			continue;
		}
		if (c != 0x201D && c != ')' && c != ']' && c != '"')
			continue;
		want = c == ')' ? '(' : c == ']' ? '[' : '"';
		if (st.n && pairs_with(r->toks[st.v[st.n - 1]].t.cp, want))
			st.n--;
		else if (!(c == ')' && list_marker(r, i)) && !(c == '"' && inch_mark(r, i)))
			flag_tok(r, i);
	}
	if (r->quote_end)
		flag_lone(r, r->quote_start, r->quote_end); /* no quote mark in the paragraph after */
	r->quote_end = 0;
	for (size_t k = 0; k < st.n; k++) {
		if (k + 1 == st.n && is_quote(r->toks[st.v[k]].t.cp) && (to < r->ntoks || !r->last)) {
			r->quote_start = r->toks[st.v[k]].t.start; /* may run on into the next paragraph */
			r->quote_end = r->toks[st.v[k]].t.end;
		} else {
			flag_tok(r, st.v[k]);
		}
	}
	free(st.v);
}

void rules_punctuation(CheckRun *r)
{
	size_t para = 0;

	for (size_t i = 0; i < r->ntoks; i++) {
		switch (r->toks[i].t.kind) {
		case TOK_PUNCT:
			missing_space(r, i);
			break;
		case TOK_SPACE:
			space_before(r, i);
			double_space(r, i);
			break;
		case TOK_NEWLINE:
			balance(r, para, i);
			para = i + 1;
			break;
		default:
			break;
		}
	}
	/* A segment but the last ends with its line break: its next paragraph is the next's. */
	if (r->last || para < r->ntoks)
		balance(r, para, r->ntoks);
}

/* The index of the next word after word i if only spaces lie between, else 0. */
static size_t next_word(const CheckRun *r, size_t i)
{
	if (i + 2 < r->ntoks && r->toks[i + 1].t.kind == TOK_SPACE && is_word(&r->toks[i + 2]))
		return i + 2;
	return 0;
}

/* Words a and b equal but for case, compared code point by code point. */
static bool same_word_slow(const CheckRun *r, size_t a, size_t b)
{
	const char *x = r->s + r->toks[a].t.start, *y = r->s + r->toks[b].t.start;
	size_t lx = tlen(&r->toks[a]), ly = tlen(&r->toks[b]), i = 0, j = 0;

	if (memcmp(x, y, lx) == 0)
		return true;
	if (!((r->toks[a].t.flags | r->toks[b].t.flags) &
	      (TF_UPPER_FIRST | TF_INNER_UPPER | TF_ALL_UPPER)))
		return false; /* no capital in either: the bytes decide */
	while (i < lx && j < ly) {
		int32_t c, d;
		size_t n = utf8_decode(x + i, lx - i, &c), m = utf8_decode(y + j, ly - j, &d);
		if (!n || !m || (c != d && utf8_lower(c) != utf8_lower(d)))
			return false;
		i += n;
		j += m;
	}
	return i == lx && j == ly;
}

/*
 * The same, with the cheap answers first: lengths differ, or the last bytes do when neither
 * word has a capital past its first letter (then the last character is never a capital).
 */
static inline bool same_word(const CheckRun *r, size_t a, size_t b)
{
	const Tok *x = &r->toks[a], *y = &r->toks[b];

	if (tlen(x) != tlen(y))
		return false;
	if (!((x->t.flags | y->t.flags) & (TF_INNER_UPPER | TF_ALL_UPPER)) &&
	    r->s[x->t.end - 1] != r->s[y->t.end - 1])
		return false;
	return same_word_slow(r, a, b);
}

/* True when news prints the word twice in a row often enough for a reduplication (nhỏ
 * nhỏ, ùn ùn), not now and then as a slip. */
static bool printed_twice(const CheckRun *r, size_t a)
{
	const char *w = r->s + r->toks[a].t.start;
	size_t n = tlen(&r->toks[a]);

	return model_doubled(r->sp, w, n);
}

static bool reduplication(CheckRun *r, size_t a)
{
	static const char *const words[] = {"từ", "người", "nhà", "ngày", "đêm", "năm", "tháng",
		"tuần", "đâu", "ai", "xa", "dần", "luôn", "mãi", "đều", "thường", "lâu", "chuồn",
		"cào", "ba", "vâng", "đi", "thôi", "nào", "mau", "xanh", "đỏ", "vừa", "xinh", "hằng",
		"lần", "chầm", "khe", "ngà", "nhè", "ồ", "ha", "hi", "bùm", "tùng", "cùng", "bình", "tây", "đông", "nam", "bắc"};
	Str lo = STR_INIT, pair = STR_INIT;
	bool yes = false;

	word_lower(r->s + r->toks[a].t.start, tlen(&r->toks[a]), &lo);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]) && !yes; i++)
		yes = strcmp(lo.s, words[i]) == 0;
	str_addf(&pair, "%s %s", lo.s, lo.s);
	yes = yes || lex_phrase(&r->sp->lex, pair.s, pair.len) || printed_twice(r, a);
	str_release(&lo);
	str_release(&pair);
	return yes;
}

/* A lower-case word followed by a capitalised one: the second begins a name or a heading. */
static bool case_turns(const CheckRun *r, size_t a, size_t b)
{
	return !(r->toks[a].t.flags & TF_UPPER_FIRST) && (r->toks[b].t.flags & TF_UPPER_FIRST);
}

/*
 * The repeats within one run of words w[0..n), each the next_word of the one before: a word
 * written twice (not a reduplication), else a phrase of k = 2 or 3 words repeated right
 * after itself, flagged on the repetition. Pairs are compared as they come, so most tries
 * end at the first pair.
 */
/*
 * A repeat covers both copies, words a..b then the same again up to c, and suggests the
 * first copy alone: applying it drops the second.
 */
static void repeat_add(CheckRun *r, size_t a, size_t b, size_t c)
{
	size_t start = r->toks[a].t.start, end = r->toks[b].t.end;

	run_add(r, start, r->toks[c].t.end, FIND_REPEAT, SEV_WARNING, MSG_REPEAT, NULL,
		one(r->s + start, end - start), 1);
}

/* True when word a is one of the common family names, which no given name doubles. */
static bool family_name(const CheckRun *r, size_t a)
{
	static const char *const names[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
		"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
	const Tok *t = &r->toks[a];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == tlen(t) && memcmp(names[i], r->s + t->t.start, tlen(t)) == 0)
			return true;
	return false;
}

/* True when only spaces lie between word b and the end of its paragraph. */
static bool ends_paragraph(const CheckRun *r, size_t b)
{
	while (++b < r->ntoks && r->toks[b].t.kind == TOK_SPACE)
		;
	return b >= r->ntoks || r->toks[b].t.kind == TOK_NEWLINE;
}

/*
 * A syllable written twice with capitals inside a sentence is a given name (MC Kỳ Kỳ, bé
 * Mi Mi, Phạm Băng Băng), and so is one that begins a sentence and ends the paragraph (the
 * byline after an article's last sentence: ... trở lại. Lan Lan), unless it is a family
 * name (Nguyễn Nguyễn is a slip).
 */
static bool doubled_name(const CheckRun *r, size_t a, size_t b)
{
	unsigned caps = TF_UPPER_FIRST | TF_ALL_UPPER | TF_INNER_UPPER;

	return (r->toks[a].t.flags & caps) == TF_UPPER_FIRST &&
	       (r->toks[b].t.flags & caps) == TF_UPPER_FIRST &&
	       (!rules_sentence_start(r, a) || ends_paragraph(r, b)) && !family_name(r, a);
}

/* True when news binds word a and word b (share: see model_bond). */
static bool bond(const CheckRun *r, size_t a, size_t b, double share[2])
{
	const Tok *x = &r->toks[a], *y = &r->toks[b];

	return model_bond(r->sp, r->s + x->t.start, tlen(x), r->s + y->t.start, tlen(y), share);
}

/*
 * Word p ends one compound and its copy begins the next (thi công công trình, đảm bảo bảo
 * mật): the word before leads to the first copy and the word after follows the second, each
 * in a twentieth of its uses and a tenth on average (trước khi khi bước is a slip: bước
 * follows khi in only a twentieth of its uses).
 */
static bool two_compounds(const CheckRun *r, const size_t *w, size_t n, size_t p)
{
	double left[2], right[2];

	return p > 0 && p + 2 < n && bond(r, w[p - 1], w[p], left) && bond(r, w[p + 1], w[p + 2], right) &&
	       left[0] >= 0.05 && right[1] >= 0.05 && left[0] + right[1] >= 0.2;
}

/*
 * A lower-case content word doubled that stands alone (gõ gõ vài cái, sờ sờ nắn nắn, nhột
 * nhột): a reduplication. A slip sits inside a phrase: a common word (các các, đã đã), or
 * a copy news binds to the word before or after it (quyết quyết định, vào lưới lưới).
 */
static bool lone_double(const CheckRun *r, const size_t *w, size_t n, size_t p)
{
	const Tok *t = &r->toks[w[p]];
	double share[2];

	if (t->t.flags & (TF_UPPER_FIRST | TF_ALL_UPPER | TF_INNER_UPPER))
		return false;
	if (model_frequency(r->sp, r->s + t->t.start, tlen(t)) >= LONE_DOUBLE_MAX ||
	    model_frequency(r->sp, r->s + t->t.start, tlen(t)) == 0)
		return false;
	return !(p > 0 && bond(r, w[p - 1], w[p], share)) && !(p + 2 < n && bond(r, w[p + 1], w[p + 2], share));
}

static void repeats_in_run(CheckRun *r, const size_t *w, size_t n)
{
	for (size_t p = 0; p + 1 < n; p++) {
		if (case_turns(r, w[p], w[p + 1]))
			continue; /* Nhi đồng Đồng Nai, khai hội Hội Lim: a name begins */
		if (same_word(r, w[p], w[p + 1])) {
			if (!reduplication(r, w[p]) && !doubled_name(r, w[p], w[p + 1]) &&
			    !two_compounds(r, w, n, p) && !lone_double(r, w, n, p))
				repeat_add(r, w[p], w[p], w[p + 1]);
			continue;
		}
		for (size_t k = 2; k <= 3 && p + 2 * k <= n; k++) {
			size_t m = 0;
			while (m < k && same_word(r, w[p + m], w[p + k + m]))
				m++;
			if (m == k) {
				repeat_add(r, w[p], w[p + k - 1], w[p + 2 * k - 1]);
				break;
			}
		}
	}
}

void rules_repeat(CheckRun *r)
{
	Stack run = {0};

	for (size_t i = 0; i < r->ntoks; i++) {
		size_t j = i;
		if (!is_word(&r->toks[i]))
			continue;
		run.n = 0;
		push(&run, i);
		while ((j = next_word(r, j)))
			push(&run, j);
		repeats_in_run(r, run.v, run.n);
		i = run.v[run.n - 1];
	}
	free(run.v);
}

/* The word before a '.' that does not end a sentence (TS., v.v., single initials). */
static bool abbrev_dot(const CheckRun *r, size_t dot)
{
	const Tok *a;

	if (dot == 0 || !is_word(&r->toks[dot - 1]))
		return false;
	a = &r->toks[dot - 1];
	if (utf8_chars(r->s + a->t.start, tlen(a)) == 1)
		return true;
	return (a->t.flags & TF_UPPER_FIRST) && tlen(a) <= 3 && !(a->t.flags & TF_ALL_UPPER) &&
	       (a->v.flags & VF_NAME);
}

/* s[0, len) with its first letter in upper case, appended to out. */
static void capital(const char *s, size_t len, Str *out)
{
	int32_t c;
	size_t n = utf8_decode(s, len, &c);

	if (n == 0) {
		str_add(out, s, len);
		return;
	}
	utf8_add(out, utf8_upper(c));
	str_add(out, s + n, len - n);
}

/*
 * A sentence that starts in lower case. The suggestion is the word capitalised, or, when the
 * word is misspelled too, its best correction capitalised (qúa -> Quá, not Qúa).
 */
static void lower_start(CheckRun *r, const Tok *t)
{
	Str s = STR_INIT;
	char **sugg = NULL;
	size_t n = 0;

	if (t->v.kind != FIND_KIND_COUNT)
		n = run_suggest(r, t, &sugg);
	if (n)
		capital(sugg[0], strlen(sugg[0]), &s);
	else
		capital(r->s + t->t.start, tlen(t), &s);
	for (size_t k = 0; k < n; k++)
		free(sugg[k]);
	free(sugg);
	run_add(r, t->t.start, t->t.end, FIND_CAPITALIZATION, SEV_WARNING, MSG_LOWER_START, NULL,
		one(s.s, s.len), 1);
	str_release(&s);
}

/* A dot of an ellipsis (.. or . . .) or the ellipsis character: the sentence goes on. */
static bool ellipsis(const CheckRun *r, size_t i)
{
	size_t a = i, b = i;

	if (r->toks[i].t.cp == 0x2026)
		return true;
	if (!is_punct(&r->toks[i], "."))
		return false;
	if (a > 0 && r->toks[a - 1].t.kind == TOK_SPACE)
		a--;
	if (b + 1 < r->ntoks && r->toks[b + 1].t.kind == TOK_SPACE)
		b++;
	return (a > 0 && is_punct(&r->toks[a - 1], ".")) ||
	       (b + 1 < r->ntoks && is_punct(&r->toks[b + 1], "."));
}

void rules_capitalization(CheckRun *r)
{
	bool start = !(r->first && r->ctx && r->ctx->mid_sentence);

	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		switch (t->t.kind) {
		case TOK_NEWLINE:
			start = true;
			break;
		case TOK_PUNCT:
			if (ellipsis(r, i) || t->t.cp == '(' || t->t.cp == 0x201D ||
			    (t->t.cp == '"' && i && r->toks[i - 1].t.kind == TOK_PUNCT))
				start = false; /* ...và; “Ai?” anh hỏi; (nguồn: ...) */
			else if (is_punct(t, ".?!") && !(t->t.cp == '.' && abbrev_dot(r, i)))
				start = i + 1 < r->ntoks && r->toks[i + 1].t.kind != TOK_WORD;
			break;
		case TOK_WORD: {
			int32_t c;
			if (start && tlen(t) == 1 && i + 1 < r->ntoks && is_punct(&r->toks[i + 1], ").")) {
				start = false; /* a list marker: a) b) */
				break;
			}
			if (start && !(t->t.flags & (TF_UPPER_FIRST | TF_INNER_UPPER | TF_DIGIT)) &&
			    utf8_decode(r->s + t->t.start, tlen(t), &c) && utf8_is_letter(c) &&
			    t->v.kind != FIND_CHARACTER)
				lower_start(r, t);
			start = false;
			break;
		}
		case TOK_NUMBER:
		case TOK_SKIP:
			start = false;
			break;
		default:
			break;
		}
	}
}

static void style_flag(CheckRun *r, const ToneWord *t, Placement want, MsgId msg)
{
	Syllable syl;
	Str w = STR_INIT;

	syllable_parse(r->s + t->start, t->end - t->start, &syl);
	if (syllable_respell(&syl, want, &w))
		run_add(r, t->start, t->end, FIND_TONE_STYLE, SEV_STYLE, msg, NULL, one(w.s, w.len), 1);
	str_release(&w);
}

/* Over the whole document's tone-placed syllables (CheckRun.tones), after every segment. */
void rules_tone_style(CheckRun *r)
{
	size_t old = r->tally.old_tones, neu = r->tally.new_tones;
	Placement bad = PLACE_NONE;
	MsgId msg = MSG_NONE;

	if (r->ctx) {
		old += r->ctx->others.old_tones;
		neu += r->ctx->others.new_tones;
	}
	if (r->sp->style == TONE_STYLE_OLD) {
		bad = PLACE_NEW;
		msg = MSG_STYLE_NEW;
	} else if (r->sp->style == TONE_STYLE_NEW) {
		bad = PLACE_OLD;
		msg = MSG_STYLE_OLD;
	} else if (old && neu) {
		bad = neu <= old ? PLACE_NEW : PLACE_OLD;
		msg = MSG_STYLE_MIXED;
	}
	if (bad == PLACE_NONE)
		return;
	for (size_t i = 0; i < r->ntones; i++)
		if (r->tones[i].place == bad)
			style_flag(r, &r->tones[i], bad == PLACE_NEW ? PLACE_OLD : PLACE_NEW, msg);
}
