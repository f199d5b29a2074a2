/*
 * import.c: the importer. Checks run cheapest first and each names the file: size (while
 * reading), NUL bytes (binary files), then the encoding, then the text format. Nothing is
 * half-imported: the caller stores the article only when every check passed.
 */
#include "news/import.h"

#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "base/str.h"
#include "base/utf8.h"
#include "viet/legacy.h"
#include "news/msg.h"
#include "base/banned.h"

bool import_encoding_known(const char *name)
{
	Encoding e;
	return strcmp(name, "auto") == 0 || encoding_parse(name, &e);
}

/*
 * Turns data into NFC UTF-8 in out. With "auto": valid UTF-8 is taken as it is (mojibake
 * fragments of the old fonts inside it are repaired); anything else is decoded with the legacy
 * encoding that detection is confident of, and refused when it is not confident.
 */
static bool to_unicode(const char *name, const char *data, size_t len, const char *encoding,
		       Str *out, char *note, size_t notelen, char *err, size_t errlen)
{
	Encoding enc = ENC_UTF8;
	LegacyGuess g;
	char why[256];
	size_t bad, fixed;

	if (strcmp(encoding, "auto") != 0) {
		encoding_parse(encoding, &enc);
		if (legacy_decode(enc, data, len, out, why, sizeof(why)))
			return true;
		snprintf(err, errlen,
		         msg_say("'%s' cannot be read as %s: %s; nothing was imported"), name,
		         encoding_description(enc), why);
		return false;
	}
	if (utf8_valid(data, len, &bad)) {
		/* Plain ASCII may be VIQR: take it as such only when that reading is clear. */
		legacy_guess(data, len, &g);
		if (g.confident && g.enc == ENC_VIQR &&
		    legacy_decode(ENC_VIQR, data, len, out, why, sizeof(why))) {
			snprintf(note, notelen,
			         msg_say("'%s': detected %s and converted it to Unicode"), name,
			         encoding_description(ENC_VIQR));
			return true;
		}
		fixed = legacy_repair_mojibake(data, len, out);
		if (fixed)
			snprintf(note, notelen,
			         msg_say("'%s': repaired %zu word%s garbled by an old font "
			                 "encoding"),
			         name, fixed, fixed == 1 ? "" : "s");
		return true;
	}
	legacy_guess(data, len, &g);
	if (g.confident && g.enc != ENC_UTF8 &&
	    legacy_decode(g.enc, data, len, out, why, sizeof(why))) {
		snprintf(note, notelen, msg_say("'%s': detected %s and converted it to Unicode"),
		         name, encoding_description(g.enc));
		return true;
	}
	snprintf(
	    err, errlen,
	    msg_say(
	        "'%s' is not valid UTF-8 (first bad byte at offset %zu) and its "
	        "encoding could not be recognised; nothing was imported (name one with --encoding "
	        "tcvn3, vni, viscii, viqr or cp1258)"),
	    name, bad);
	return false;
}

bool import_bytes(const char *name, const char *data, size_t len, const char *encoding,
		  Article *out, char *note, size_t notelen, char *err, size_t errlen)
{
	const char *nul = memchr(data, '\0', len);
	Str text = STR_INIT;
	char why[400];
	bool ok;

	note[0] = '\0';
	if (len == 0) {
		snprintf(err, errlen, msg_say("'%s' is empty; nothing was imported"), name);
		return false;
	}
	if (nul) {
		snprintf(err, errlen,
		         msg_say("'%s' is not a text file (a NUL byte at offset %zu); nothing "
		                 "was imported"),
		         name, (size_t)(nul - data));
		return false;
	}
	if (!to_unicode(name, data, len, encoding, &text, note, notelen, err, errlen))
		return false;
	ok = article_parse(str_cstr(&text), text.len, out, why, sizeof(why));
	if (!ok)
		snprintf(err, errlen, msg_say("'%s': %s; nothing was imported"), name, why);
	str_release(&text);
	return ok;
}

bool import_read(const char *path, const char *encoding, Article *out, char *note,
		 size_t notelen, char *err, size_t errlen)
{
	Str data = STR_INIT;
	bool ok;

	if (!file_read(path, ARTICLE_MAX_BYTES, &data, err, errlen))
		return false;
	ok = import_bytes(strcmp(path, "-") == 0 ? "stdin" : path, str_cstr(&data), data.len,
			  encoding, out, note, notelen, err, errlen);
	str_release(&data);
	return ok;
}
