/*
 * check.c: the bridge from the editor's spans to the checker's findings.
 *
 * Findings are kept in `items`, ordered by tag (tags only grow), so a span's tag finds its
 * finding by binary search. Edits drop spans (the overlay does that); checker_collect then
 * frees the findings nobody points at. Ignored texts are a small list of strings compared
 * exactly; they are few in a session.
 */
#include "tui/check.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "cli/speller.h"
#include "spell/spell.h"
#include "base/banned.h"

typedef struct Item {
	uint32_t tag;
	Finding f;
} Item;

struct Checker {
	Speller *sp;
	Item *items;
	size_t n, cap;
	uint32_t next_tag;
	char **ignored;
	size_t nignored, capignored;
	SpellTally fields[CHECK_MAX_FIELDS]; /* tone placements in each field, for the article-wide
	                                        rule against mixing both: counted whole at load,
	                                        then kept by the doc's running count */
};

Checker *checker_new(Desk *d, const Config *cfg, const char *lang, char *err, size_t errlen)
{
	Speller *sp = newsroom_speller(d, cfg, NULL, lang, err, errlen);
	if (!sp)
		return NULL;
	Checker *c = xcalloc(1, sizeof *c);
	c->sp = sp;
	c->next_tag = 1;
	return c;
}

void checker_free(Checker *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		FindingList one = {&c->items[i].f, 1, 1};
		finding_list_clear(&one);
	}
	free(c->items);
	for (size_t i = 0; i < c->nignored; i++)
		free(c->ignored[i]);
	free(c->ignored);
	spell_free(c->sp);
	free(c);
}

const char *checker_status(const Checker *c)
{
	return c ? spell_status(c->sp) : NULL;
}

static bool is_ignored(const Checker *c, const char *s, size_t len)
{
	for (size_t i = 0; i < c->nignored; i++)
		if (strlen(c->ignored[i]) == len && memcmp(c->ignored[i], s, len) == 0)
			return true;
	return false;
}

static int severity_kind(Severity s)
{
	return s == SEV_ERROR ? CHECK_ERROR : s == SEV_WARNING ? CHECK_WARNING : CHECK_STYLE;
}

/* Moves the findings of one paragraph (offsets from base) into the overlay and the items. */
static void keep(Checker *c, FindingList *found, const char *text, size_t base, Overlay *o)
{
	for (size_t i = 0; i < found->n; i++) {
		Finding *f = &found->items[i];
		if (f->end <= f->start || is_ignored(c, text + base + f->start, f->end - f->start)) {
			FindingList one = {f, 1, 1};
			finding_list_clear(&one);
			continue;
		}
		xgrow(&c->items, &c->cap, c->n + 1, sizeof *c->items);
		Item *it = &c->items[c->n++];
		it->tag = c->next_tag++;
		it->f = *f;
		overlay_add(o, base + f->start, base + f->end, severity_kind(f->severity), it->tag);
	}
	found->n = 0; /* the findings now belong to items */
}

void checker_count(Checker *c, int field, const char *text, size_t len)
{
	if (c && field >= 0 && field < CHECK_MAX_FIELDS)
		spell_tally(text, len, &c->fields[field]);
}

/* The doc's running count: the lines an edit touched, out before it and in after it. */
static void count_lines(void *arg, FieldId field, const char *text, size_t len, int sign)
{
	Checker *c = arg;
	SpellTally t, *f = &c->fields[field];
	if (field >= CHECK_MAX_FIELDS)
		return;
	spell_tally(text, len, &t);
	if (sign > 0) {
		f->old_tones += t.old_tones;
		f->new_tones += t.new_tones;
	} else {
		f->old_tones -= t.old_tones < f->old_tones ? t.old_tones : f->old_tones;
		f->new_tones -= t.new_tones < f->new_tones ? t.new_tones : f->new_tones;
	}
}

void checker_follow(Checker *c, Doc *d)
{
	if (c)
		doc_set_counter(d, count_lines, c);
}

void checker_run(Checker *c, int field, const char *text, size_t len, size_t start, size_t end,
		 bool prose, Overlay *o)
{
	FindingList found;
	SpellTally all = {0, 0};
	if (!c || field < 0 || field >= CHECK_MAX_FIELDS)
		return;
	finding_list_init(&found);
	/* Widen to whole paragraphs (runs of non-empty lines, as the renderers have them), a
	 * paragraph of many kilobytes only to the sentences near the change. */
	bool mid;
	spell_recheck_range(text, len, start, end, SPELL_RECHECK_REACH, &start, &end, &mid);
	overlay_clear_range(o, start, end > start ? end : start);
	/* The whole article counts: the running tallies follow every edit (checker_follow). */
	for (int f = 0; f < CHECK_MAX_FIELDS; f++) {
		all.old_tones += c->fields[f].old_tones;
		all.new_tones += c->fields[f].new_tones;
	}
	for (size_t p = start; p <= end && p <= len;) {
		while (p < end && text[p] == '\n')
			p++;
		size_t pe = p;
		while (pe < end && !(text[pe] == '\n' && (pe + 1 == len || text[pe + 1] == '\n')))
			pe++;
		if (pe > p) {
			SpellTally mine = {0, 0};
			spell_tally(text + p, pe - p, &mine);
			SpellContext ctx = {{all.old_tones - mine.old_tones, all.new_tones - mine.new_tones},
					    !prose || (mid && p == start)};
			spell_check_paragraph(c->sp, text + p, pe - p, &ctx, NULL, &found);
			keep(c, &found, text, p, o);
		}
		p = pe + 1;
	}
	finding_list_release(&found);
}

static const Item *find_item(const Checker *c, uint32_t tag)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->items[mid].tag < tag)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->items[lo].tag == tag ? &c->items[lo] : NULL;
}

bool checker_get(const Checker *c, uint32_t tag, CheckFinding *out)
{
	const Item *it = c ? find_item(c, tag) : NULL;
	if (!it)
		return false;
	out->message = it->f.message ? it->f.message : "";
	out->suggestions = (const char *const *)it->f.suggestions;
	out->nsuggestions = it->f.nsuggestions;
	out->severity = severity_kind(it->f.severity);
	return true;
}

void checker_ignore(Checker *c, const char *word, size_t len)
{
	if (!c || is_ignored(c, word, len))
		return;
	xgrow(&c->ignored, &c->capignored, c->nignored + 1, sizeof *c->ignored);
	c->ignored[c->nignored++] = xstrndup(word, len);
}

char *const *checker_ignored(const Checker *c, size_t *n)
{
	*n = c ? c->nignored : 0;
	return c ? c->ignored : NULL;
}

void checker_add_word(Checker *c, const char *word)
{
	if (c)
		spell_add_word(c->sp, word);
}

static int cmp_tag(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

void checker_rest(Checker *c)
{
	if (c)
		spell_rest(c->sp);
}

void checker_collect(Checker *c, Overlay *const *overlays, size_t n)
{
	size_t spans = 0, kept = 0, k = 0;
	if (!c)
		return;
	for (size_t i = 0; i < n; i++)
		spans += overlay_count(overlays[i]);
	if (c->n <= spans + 64)
		return; /* cheap enough to keep: collect in batches */
	/* The tags still in use, sorted: each finding is then looked up, not searched for. */
	uint32_t *tags = xcalloc(spans + 1, sizeof *tags);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < overlay_count(overlays[i]); j++)
			tags[k++] = overlay_get(overlays[i], j)->tag;
	qsort(tags, spans, sizeof *tags, cmp_tag);
	for (size_t i = 0; i < c->n; i++) {
		if (bsearch(&c->items[i].tag, tags, spans, sizeof *tags, cmp_tag)) {
			c->items[kept++] = c->items[i];
		} else {
			FindingList one = {&c->items[i].f, 1, 1};
			finding_list_clear(&one);
		}
	}
	c->n = kept;
	free(tags);
}

size_t checker_mistakes(Checker *c, int field, const char *text, bool prose,
			char *const *skip, size_t nskip)
{
	size_t len = strlen(text), n = 0;
	Overlay *o = overlay_new();
	if (!c) {
		overlay_free(o);
		return 0;
	}
	checker_run(c, field, text, len, 0, len, prose, o);
	for (size_t i = 0; i < overlay_count(o); i++) {
		const Span *sp = overlay_get(o, i);
		bool skipped = sp->kind == CHECK_STYLE;
		for (size_t k = 0; k < nskip && !skipped; k++)
			skipped = strlen(skip[k]) == sp->end - sp->start &&
				  memcmp(skip[k], text + sp->start, sp->end - sp->start) == 0;
		n += !skipped;
	}
	overlay_clear(o);
	checker_collect(c, &o, 1);
	overlay_free(o);
	return n;
}
