/*
 * desk_search.c: the archive search, with the rule on who sees what applied here.
 *
 * A role the workflow does not let view others' unpublished work (reporters) gets its own
 * articles and everything published, whatever filters it asks for: the same rule the lists
 * follow, asked of the same table.
 */
#include "news/desk.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "news/desk_int.h"
#include "base/banned.h"

void search_results_release(SearchResults *r)
{
	article_list_release(&r->list);
	free(r->scores);
	search_query_release(&r->query);
	memset(r, 0, sizeof(*r));
}

bool desk_search(Desk *d, const DeskSearch *q, SearchResults *out)
{
	Str fold = STR_INIT, exact = STR_INIT, section = STR_INIT;
	bool sees_all = workflow_allows(d->actor.role, false, STATE_DRAFT, ACT_VIEW);
	StoreSearch s;
	bool ok;

	memset(out, 0, sizeof(*out));
	/* bytes that are not UTF-8 are named as such, not taken for an empty query */
	if ((q->text && !desk_check_utf8(d, "search words", q->text)) ||
	    (q->section && !desk_check_utf8(d, "section", q->section)))
		return false;
	if (!search_parse(q->text, &out->query))
		return desk_fail(d, DESK_INVALID, "nothing to search for in '%s'", q->text);
	/* a section typed or pasted in decomposed form is the same section */
	if (q->section)
		utf8_nfc(q->section, strlen(q->section), &section);
	search_fold_expr(&out->query, &fold);
	search_exact_expr(&out->query, &exact);
	s = (StoreSearch){str_cstr(&fold), str_cstr(&exact), sees_all ? NULL : d->actor.login,
			  q->state, q->section ? str_cstr(&section) : NULL, q->since,
			  q->limit > 0 ? q->limit : DESK_SEARCH_LIMIT};
	ok = store_search(d->store, &s, &out->list, &out->scores);
	str_release(&fold);
	str_release(&exact);
	str_release(&section);
	return ok ? true : desk_store_fail(d);
}
