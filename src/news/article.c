/*
 * article.c: the Article value: ownership of its strings, copies, comparisons, lists and the
 * word count. Every string field is a heap copy and never NULL after article_init.
 */
#include "news/article.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define TEXT_FIELDS(X) X(title) X(sapo) X(body) X(byline) X(section) X(tags)

void article_init(Article *a)
{
	memset(a, 0, sizeof(*a));
#define X(f) a->f = xstrdup("");
	TEXT_FIELDS(X)
#undef X
	a->author = xstrdup("");
	a->author_name = xstrdup("");
	a->state = STATE_DRAFT;
}

void article_release(Article *a)
{
#define X(f) free(a->f);
	TEXT_FIELDS(X)
#undef X
	free(a->author);
	free(a->author_name);
	memset(a, 0, sizeof(*a));
}

void article_set(char **field, const char *value)
{
	char *copy = xstrdup(value ? value : "");
	free(*field);
	*field = copy;
}

void article_copy(Article *dst, const Article *src)
{
	*dst = *src;
#define X(f) dst->f = xstrdup(src->f ? src->f : "");
	TEXT_FIELDS(X)
#undef X
	dst->author = xstrdup(src->author ? src->author : "");
	dst->author_name = xstrdup(src->author_name ? src->author_name : "");
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

bool article_same_text(const Article *a, const Article *b)
{
#define X(f) if (!same(a->f, b->f)) return false;
	TEXT_FIELDS(X)
#undef X
	return true;
}

static int64_t count_words(const char *s)
{
	size_t len = strlen(s), i = 0;
	int64_t n = 0;
	bool in_word = false;

	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		bool wordy = k && (utf8_is_letter(cp) || (cp >= '0' && cp <= '9'));
		if (wordy && !in_word)
			n++;
		/* Marks and joiners inside a word keep it one word ("H'Mông", "Covid-19"). */
		if (wordy || !(k && (cp == '\'' || cp == '-' || (cp >= 0x300 && cp < 0x370))))
			in_word = wordy;
		i += k ? k : 1;
	}
	return n;
}

int64_t article_count_words(const Article *a)
{
	return count_words(a->title) + count_words(a->sapo) + count_words(a->body);
}

Article *article_list_push(ArticleList *l)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	article_init(&l->items[l->n]);
	return &l->items[l->n++];
}

void article_list_release(ArticleList *l)
{
	for (size_t i = 0; i < l->n; i++)
		article_release(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}
