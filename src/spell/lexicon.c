/*
 * lexicon.c: the dictionaries. hunspell's vi_VN knows single syllables in the new tone
 * placement, so a syllable is asked in the placement written and, for oa/oe/uy, in the other
 * one too. Our dict/ files are lists of entries (one a line, # comments); every entry adds
 * its lower-case tokens to `known` and, when it has several syllables, itself to `phrases`.
 * Newsroom words go to their own table with a reference count per token, so that removing a
 * word never removes a token that another word still needs.
 */
#include "spell/internal.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "spell/model.h"
#include "base/banned.h"

static const char *const list_files[] = {
	"places.txt", "ethnic.txt", "abbrev.txt", "units.txt", "foreign.txt", "words.txt",
};

/* Calls fn for each token (run of word characters and apostrophes) of entry. */
static void each_token(const char *e, size_t len, void (*fn)(Table *, const char *, size_t, int),
	Table *t, int delta)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, n = 0;
		int32_t cp;

		while (i < len && (n = utf8_decode(e + i, len - i, &cp)) &&
		       (token_word_char(cp) || cp == '\'' || cp == 0x2019 || cp == '_'))
			i += n;
		if (i > start)
			fn(t, e + start, i - start, delta);
		if (i < len) {
			n = utf8_decode(e + i, len - i, &cp);
			i += n ? n : 1;
		}
	}
}

static void put_lower(Table *t, const char *w, size_t len, int delta)
{
	Str lo = STR_INIT;
	uint64_t v = 0;

	word_lower(w, len, &lo);
	table_get(t, lo.s, lo.len, &v);
	if (delta < 0 && v <= 1)
		table_del(t, lo.s, lo.len);
	else
		table_put(t, lo.s, lo.len, delta < 0 ? v - 1 : v + 1);
	str_release(&lo);
}

/* The entry in lower case with hyphens and runs of spaces made one space. */
static void phrase_key(const char *e, size_t len, Str *out)
{
	Str lo = STR_INIT;

	word_lower(e, len, &lo);
	for (size_t i = 0; i < lo.len; i++) {
		char c = lo.s[i] == '-' ? ' ' : lo.s[i];
		if (c == ' ' && (out->len == 0 || out->s[out->len - 1] == ' '))
			continue;
		str_addc(out, c);
	}
	while (out->len && out->s[out->len - 1] == ' ')
		str_truncate(out, out->len - 1);
	str_release(&lo);
}

/* Adds text ("head tail", head its first bytes) to the chain of its head. */
static void name2_add(Lexicon *lx, char *text, size_t head)
{
	uint64_t last;

	if (!table_get(&lx->name2_head, text, head, &last))
		last = 0;
	xgrow(&lx->name2, &lx->name2cap, lx->nname2 + 1, sizeof(*lx->name2));
	lx->name2[lx->nname2].text = text;
	lx->name2[lx->nname2].next = (size_t)last;
	table_put(&lx->name2_head, text, head, ++lx->nname2);
}

/* Keeps a name of two syllables both ways round, for placename.c's near misses. */
static void name_pair(Lexicon *lx, const char *key, size_t len)
{
	const char *sp = memchr(key, ' ', len);
	size_t a = (size_t)(sp - key), b = len - a - 1;
	char *back;

	if (memchr(sp + 1, ' ', b))
		return;
	back = xmalloc(len + 1);
	memcpy(back, sp + 1, b);
	back[b] = ' ';
	memcpy(back + b + 1, key, a);
	back[len] = '\0';
	name2_add(lx, xstrndup(key, len), a);
	name2_add(lx, back, b);
}

void lex_add_word(Lexicon *lx, const char *word, bool newsroom)
{
	Str nfc = STR_INIT, key = STR_INIT;
	size_t len = strlen(word);

	if (utf8_is_nfc(word, len))
		str_add(&nfc, word, len); /* the lists are NFC already: no normaliser call */
	else if (!utf8_nfc(word, len, &nfc))
		return;
	each_token(nfc.s ? nfc.s : "", nfc.len, put_lower, newsroom ? &lx->newsroom : &lx->known, 1);
	phrase_key(str_cstr(&nfc), nfc.len, &key);
	if (key.len && memchr(key.s, ' ', key.len)) {
		table_put(&lx->phrases, key.s, key.len, 1);
		if (lx->loading_names)
			name_pair(lx, key.s, key.len);
		if (newsroom)
			put_lower(&lx->newsroom, key.s, key.len, 1);
	}
	str_release(&nfc);
	str_release(&key);
}

bool lex_remove_word(Lexicon *lx, const char *word)
{
	Str nfc = STR_INIT, lo = STR_INIT;
	bool had;

	if (!utf8_nfc(word, strlen(word), &nfc))
		return false;
	phrase_key(str_cstr(&nfc), nfc.len, &lo);
	had = table_get(&lx->newsroom, str_cstr(&lo), lo.len, NULL);
	if (had) {
		each_token(str_cstr(&nfc), nfc.len, put_lower, &lx->newsroom, -1);
		if (memchr(str_cstr(&lo), ' ', lo.len))
			put_lower(&lx->newsroom, lo.s, lo.len, -1);
	}
	str_release(&nfc);
	str_release(&lo);
	return had;
}

/* Splits a line into trimmed content; false for blank lines and comments. */
static bool content(char *line, size_t *len)
{
	size_t n = strlen(line);

	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
	             line[n - 1] == '\t'))
		line[--n] = '\0';
	*len = n;
	return n > 0 && line[0] != '#';
}

/* Loads a word list: into the known words, or (into not NULL) as whole lower-case entries. */
static bool load_list(Lexicon *lx, const char *path, Table *into, char *err, size_t errlen)
{
	Str data = STR_INIT;
	size_t lineno = 0, off = 0;

	if (!file_read(path, 64u << 20, &data, err, errlen))
		return false;
	while (off < data.len) {
		char *nl = memchr(data.s + off, '\n', data.len - off);
		size_t end = nl ? (size_t)(nl - data.s) : data.len, len;
		char *line = xstrndup(data.s + off, end - off);

		lineno++;
		off = end + 1;
		if (content(line, &len)) {
			size_t bad;
			if (!utf8_valid(line, len, &bad)) {
				snprintf(err, errlen, "%s:%zu: invalid UTF-8 at byte %zu", path, lineno, bad + 1);
				free(line);
				str_release(&data);
				return false;
			}
			if (into) {
				Str lo = STR_INIT;
				utf8_lower_str(line, len, &lo);
				table_put(into, lo.s, lo.len, 1);
				str_release(&lo);
			} else {
				lex_add_word(lx, line, false);
			}
		}
		free(line);
	}
	str_release(&data);
	return true;
}

static void add_confusable(Lexicon *lx, char **f, size_t nf)
{
	Str nfc = STR_INIT, key = STR_INIT;
	Confusable *c;
	const char *sp;

	utf8_nfc(f[0], strlen(f[0]), &nfc);
	phrase_key(str_cstr(&nfc), nfc.len, &key);
	xgrow(&lx->conf, &lx->confcap, lx->nconf + 1, sizeof(*lx->conf));
	c = &lx->conf[lx->nconf];
	c->wrong = xstrdup(str_cstr(&key));
	str_clear(&nfc);
	utf8_nfc(f[1], strlen(f[1]), &nfc);
	c->right = xstrdup(str_cstr(&nfc));
	c->klass = xstrdup(nf > 2 ? f[2] : "");
	c->note = xstrdup(nf > 3 ? f[3] : "");
	c->nsyl = 1;
	for (sp = c->wrong; (sp = strchr(sp, ' ')); sp++)
		c->nsyl++;
	table_put(&lx->confus, key.s, key.len, lx->nconf);
	sp = strchr(c->wrong, ' ');
	{
		size_t hl = sp ? (size_t)(sp - c->wrong) : strlen(c->wrong);
		uint64_t mask = 0;
		table_get(&lx->conf_head, c->wrong, hl, &mask);
		table_put(&lx->conf_head, c->wrong, hl, mask | (c->nsyl <= 3 ? 1u << (c->nsyl - 1) : 0));
	}
	lx->nconf++;
	str_release(&nfc);
	str_release(&key);
}

static bool load_confusables(Lexicon *lx, const char *path, char *err, size_t errlen)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0, len;
	bool ok = true;

	if (!fp) {
		snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
		return false;
	}
	while (ok && getline(&line, &cap, fp) >= 0) {
		char *f[4] = {0}, *p = line;
		size_t nf = 0;

		lineno++;
		if (!content(line, &len))
			continue;
		while (nf < 4 && p) {
			f[nf++] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (nf < 2 || !*f[0] || !*f[1] || !utf8_valid(line, strlen(line), NULL)) {
			snprintf(err, errlen, "%s:%zu: expected WRONG<TAB>RIGHT<TAB>CLASS<TAB>NOTE", path,
				lineno);
			ok = false;
			break;
		}
		add_confusable(lx, f, nf);
	}
	free(line);
	fclose(fp);
	return ok;
}

static bool hunspell_exists(const char *dir, const char *name)
{
	char aff[4096], dic[4096];

	snprintf(aff, sizeof(aff), "%s/%s.aff", dir, name);
	snprintf(dic, sizeof(dic), "%s/%s.dic", dir, name);
	return access(aff, R_OK) == 0 && access(dic, R_OK) == 0;
}

static Hunhandle *open_hunspell(const char *dir, const char *name)
{
	char aff[4096], dic[4096];

	snprintf(aff, sizeof(aff), "%s/%s.aff", dir, name);
	snprintf(dic, sizeof(dic), "%s/%s.dic", dir, name);
	if (!hunspell_exists(dir, name))
		return NULL;
	return Hunspell_create(aff, dic);
}

/* vi_VN read as a list of words when it is no more than that (see plainlist.c). */
static PlainList *vi_as_list(const char *dir)
{
	char aff[4096], dic[4096];

	snprintf(aff, sizeof(aff), "%s/vi_VN.aff", dir);
	snprintf(dic, sizeof(dic), "%s/vi_VN.dic", dir);
	return hunspell_exists(dir, "vi_VN") ? plain_read(aff, dic) : NULL;
}

static bool load_dict_dir(Lexicon *lx, const char *dir, char *err, size_t errlen)
{
	char path[4096];

	for (size_t i = 0; i < sizeof(list_files) / sizeof(list_files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, list_files[i]);
		lx->loading_names = i < 2; /* places.txt, ethnic.txt */
		if (access(path, F_OK) == 0 && !load_list(lx, path, NULL, err, errlen))
			return false;
		lx->loading_names = false;
	}
	snprintf(path, sizeof(path), "%s/never-suggest.txt", dir);
	if (access(path, F_OK) == 0 && !load_list(lx, path, &lx->never, err, errlen))
		return false;
	snprintf(path, sizeof(path), "%s/confusables.tsv", dir);
	if (access(path, F_OK) == 0 && !load_confusables(lx, path, err, errlen))
		return false;
	return true;
}

bool lex_load(Lexicon *lx, const SpellOptions *opt, Str *status, char *err, size_t errlen)
{
	const char *hdir = opt->hunspell_dir ? opt->hunspell_dir : "/usr/share/hunspell";
	bool en = opt->language && strcmp(opt->language, "en") == 0;

	memset(lx, 0, sizeof(*lx));
	if (opt->dict_dir && !load_dict_dir(lx, opt->dict_dir, err, errlen))
		return false;
	for (size_t i = 0; i < opt->nwords; i++)
		if (opt->words[i])
			lex_add_word(lx, opt->words[i], true);
	if (!opt->no_system) {
		lx->vi_list = vi_as_list(hdir);
		if (lx->vi_list)
			lx->vi_dir = xstrdup(hdir);
		else
			lx->vi = open_hunspell(hdir, "vi_VN");
		if (hunspell_exists(hdir, "en_US"))
			lx->en_dir = xstrdup(hdir);
	}
	if (!lex_has_vi(lx))
		str_addf(status, en ? "system dictionary vi_VN not found in '%s': checking by it is off"
		                    : "không tìm thấy từ điển hệ thống vi_VN trong '%s': tắt kiểm tra theo từ điển này",
			hdir);
	if (!lx->en_dir)
		str_addf(status, "%s%s", status->len ? "; " : "",
			en ? "no en_US dictionary: foreign words are not checked"
			   : "không có từ điển en_US: không kiểm tra từ nước ngoài");
	return true;
}

void lex_release(Lexicon *lx)
{
	if (lx->vi)
		Hunspell_destroy(lx->vi);
	if (lx->en)
		Hunspell_destroy(lx->en);
	free(lx->en_dir);
	free(lx->vi_dir);
	plain_free(lx->vi_list);
	sieve_free(lx->sieve);
	table_release(&lx->known);
	table_release(&lx->phrases);
	for (size_t i = 0; i < lx->nname2; i++)
		free(lx->name2[i].text);
	free(lx->name2);
	table_release(&lx->name2_head);
	table_release(&lx->newsroom);
	table_release(&lx->confus);
	table_release(&lx->conf_head);
	table_release(&lx->never);
	for (size_t i = 0; i < lx->nconf; i++) {
		free(lx->conf[i].wrong);
		free(lx->conf[i].right);
		free(lx->conf[i].klass);
		free(lx->conf[i].note);
	}
	free(lx->conf);
	memset(lx, 0, sizeof(*lx));
}

bool lex_known(Lexicon *lx, const char *lower, size_t len)
{
	return table_get(&lx->known, lower, len, NULL) || table_get(&lx->newsroom, lower, len, NULL);
}

static bool hun(Hunhandle *h, const char *w, size_t len)
{
	char buf[256];

	if (!h || len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, w, len);
	buf[len] = '\0';
	return Hunspell_spell(h, buf) != 0;
}

Hunhandle *lex_vi_dict(Lexicon *lx)
{
	if (!lx->vi && lx->vi_dir)
		lx->vi = open_hunspell(lx->vi_dir, "vi_VN");
	return lx->vi;
}

bool lex_has_vi(const Lexicon *lx)
{
	return lx->vi || lx->vi_list;
}

/* The system dictionary's answer: from the list where it can give it, else the library's. */
static bool vi_spell(Lexicon *lx, const char *w, size_t len)
{
	int known = lx->vi_list ? plain_spell(lx->vi_list, w, len) : -1;

	return known >= 0 ? known == 1 : hun(lex_vi_dict(lx), w, len);
}

/* A well-formed syllable the model of news has seen often enough to be a word. */
static bool news_syllable(const Lexicon *lx, const char *lower, size_t len)
{
	Str key = STR_INIT;
	bool yes = lx->lm && model_key(lower, len, &key) &&
		   model_count(lx->lm, model_id(lx->lm, str_cstr(&key), key.len)) >= LEX_NEWS_WORD;

	str_release(&key);
	return yes;
}

bool lex_syllable(Lexicon *lx, const char *lower, size_t len)
{
	Syllable syl;
	Str alt = STR_INIT;
	bool ok;

	if (lex_known(lx, lower, len))
		return true;
	if (news_syllable(lx, lower, len))
		return true; /* news prints it often: no need to ask the system dictionary */
	if (!lex_has_vi(lx))
		return syllable_parse(lower, len, &syl) == SYL_OK;
	if (vi_spell(lx, lower, len))
		return true;
	if (syllable_parse(lower, len, &syl) != SYL_OK || syllable_placement(&syl) == PLACE_NONE)
		return false;
	syllable_write(&syl, syl.tone,
		syllable_placement(&syl) == PLACE_OLD ? syl.place_new : syl.place_old, &alt);
	ok = vi_spell(lx, alt.s, alt.len) || lex_known(lx, alt.s, alt.len);
	str_release(&alt);
	return ok;
}

Hunhandle *lex_english_dict(Lexicon *lx)
{
	if (!lx->en && lx->en_dir) {
		lx->en = open_hunspell(lx->en_dir, "en_US");
		if (!lx->en) { /* gone since the start: asked no more */
			free(lx->en_dir);
			lx->en_dir = NULL;
		}
	}
	return lx->en;
}

/*
 * The English dictionary is the largest thing the checker holds (several megabytes in many
 * small pieces): let it go, and give the freed memory back to the system. It loads again on
 * the next foreign word; the verdicts already given stay in the checker's cache.
 */
void lex_rest(Lexicon *lx)
{
	if (lx->en)
		Hunspell_destroy(lx->en);
	lx->en = NULL;
	if (lx->vi && lx->vi_list) { /* opened for a rare word: the list answers the rest */
		Hunspell_destroy(lx->vi);
		lx->vi = NULL;
	}
	malloc_trim(0);
}

bool lex_has_english(const Lexicon *lx)
{
	return lx->en || lx->en_dir;
}

/* False when the English dictionary certainly does not know the word: no need to open it. */
static bool maybe_english(Lexicon *lx, const char *word, size_t len)
{
	if (!lx->sieve && !lx->sieve_tried && lx->en_dir) {
		char aff[4096], dic[4096];
		snprintf(aff, sizeof(aff), "%s/en_US.aff", lx->en_dir);
		snprintf(dic, sizeof(dic), "%s/en_US.dic", lx->en_dir);
		lx->sieve = sieve_build(aff, dic);
		lx->sieve_tried = true;
	}
	return !lx->sieve || sieve_may_hold(lx->sieve, word, len);
}

bool lex_english(Lexicon *lx, const char *word, size_t len)
{
	return maybe_english(lx, word, len) && hun(lex_english_dict(lx), word, len);
}

uint64_t lex_frequency(const Lexicon *lx, const char *lower, size_t len)
{
	uint64_t n = 0;

	table_get(&lx->known, lower, len, &n);
	return n;
}

bool lex_never_suggest(const Lexicon *lx, const char *lower, size_t len)
{
	uint64_t v;
	return table_get(&lx->never, lower, len, &v);
}

bool lex_phrase(Lexicon *lx, const char *lower, size_t len)
{
	return table_get(&lx->phrases, lower, len, NULL) ||
	       table_get(&lx->newsroom, lower, len, NULL);
}
