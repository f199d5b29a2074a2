/*
 * article.h: the article as a value, and its plain-text file format.
 *
 * An Article owns all its strings (heap, NFC UTF-8, never NULL after article_init: empty
 * strings instead). Times are Unix seconds, 0 when unset.
 *
 * The text format (import, new, export --format txt) is either a header block of "Key: value"
 * lines (Tiêu đề / Title, Sapo / Lead, Tác giả / Byline, Chuyên mục / Section, Từ khóa / Tags)
 * then a blank line and the body; or plain text whose first non-empty line is the title. A
 * last body line such as "Tin, ảnh: Trần Thị Mai" or "Theo Minh Hà" becomes the byline.
 * A header may also say when an archived article was first published ("Ngày đăng" / "Date":
 * "2014-11-26 08:30", "26/11/2014"): parsing sets published_at, which an import straight to
 * published keeps; the formatter never writes it.
 */
#ifndef NEWS_ARTICLE_H
#define NEWS_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "news/workflow.h"

/* The largest article file accepted, in bytes. */
#define ARTICLE_MAX_BYTES (4u * 1024 * 1024)

/* Limits the desk enforces on what is stored, in characters. */
#define ARTICLE_MAX_TITLE 500   /* a title */
#define ARTICLE_MAX_TAGS 30     /* tags per article */
#define ARTICLE_MAX_TAG 100     /* one tag */

typedef struct Article {
	int64_t id;           /* 0 until stored */
	char *title;
	char *sapo;           /* the lead paragraph */
	char *body;           /* paragraphs separated by blank lines */
	char *byline;         /* "Tin, ảnh: Trần Thị Mai" */
	char *section;        /* "Thời sự" */
	char *tags;           /* comma-separated, "giao thông, Hà Nội" */
	State state;
	char *author;         /* login of the writer */
	char *author_name;    /* display name of the writer (filled by the store) */
	int64_t version;      /* revision number of the saved text; 0 until stored */
	int64_t words;        /* words in title, sapo and body */
	int64_t created_at, updated_at, publish_at, published_at;
} Article;

typedef struct ArticleList {
	Article *items;
	size_t n, cap;
} ArticleList;

void article_init(Article *a);
void article_release(Article *a);          /* frees the strings; the Article is empty again */
void article_copy(Article *dst, const Article *src); /* dst must be released or fresh */

/* Replaces *field with a copy of value (NULL means ""). */
void article_set(char **field, const char *value);

/* True if the text fields (title, sapo, body, byline, section, tags) are equal. */
bool article_same_text(const Article *a, const Article *b);

/* Counts words (runs of letters or digits) in title, sapo and body. */
int64_t article_count_words(const Article *a);

Article *article_list_push(ArticleList *l);  /* a fresh, initialised slot */
void article_list_release(ArticleList *l);

/*
 * Parses the text format. Input must be valid UTF-8 (it is normalised to NFC here). On failure
 * returns false and writes why into err ("the file is empty", "no title: ...").
 */
bool article_parse(const char *text, size_t len, Article *out, char *err, size_t errlen);

/*
 * The same for a text whose title is given apart (title, NFC UTF-8): plain text is all body,
 * its first line included, and a header's own title, if any, gives way to title.
 */
bool article_parse_titled(const char *text, size_t len, const char *title, Article *out,
			  char *err, size_t errlen);

/* Appends the article in the text format (header block, blank line, body, byline); round-trips. */
void article_format(const Article *a, Str *out);

#endif
