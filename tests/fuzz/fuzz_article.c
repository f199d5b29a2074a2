/*
 * fuzz_article.c: a fuzz target for the article text format. Any input either is refused
 * with a message, or parses into an article whose formatted text parses back to the same
 * fields and formats to the same bytes (the round trip the importer and export rely on).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "news/article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Article a, b;
	Str text = STR_INIT, again = STR_INIT;
	char err[256] = "";

	article_init(&a);
	article_init(&b);
	if (article_parse((const char *)data, size, &a, err, sizeof(err))) {
		if (!a.title[0] || !utf8_is_nfc(a.title, strlen(a.title)))
			abort();
		article_format(&a, &text);
		if (!article_parse(text.s, text.len, &b, err, sizeof(err)) || !article_same_text(&a, &b))
			abort();
		article_format(&b, &again);
		if (again.len != text.len || memcmp(again.s, text.s, text.len) != 0)
			abort();
	} else if (!err[0]) {
		abort(); /* a refusal always says why */
	}
	article_release(&a);
	article_release(&b);
	str_release(&text);
	str_release(&again);
	return 0;
}
