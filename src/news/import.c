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

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* What went wrong in decoding, in the reader's language. */
static void fault_say(const LegacyFault *f, Encoding enc, char *buf, size_t len)
{
	switch (f->kind) {
	case LEGACY_NUL:
		snprintf(buf, len, msg_say("the file has a NUL byte at offset %zu"), f->offset);
		break;
	case LEGACY_BAD_UTF8:
		snprintf(buf, len, msg_say("invalid UTF-8 at byte %zu"), f->offset);
		break;
	case LEGACY_UNDEFINED:
		snprintf(buf, len, msg_say("byte 0x%02X at offset %zu is not defined in %s"), f->byte,
			 f->offset, encoding_description(enc));
		break;
	case LEGACY_UNDECODED:
		snprintf(buf, len, "%s", msg_say("the decoded characters are not valid text"));
		break;
	}
}

static bool converted(const char *name, const char *data, size_t len, Encoding enc, Str *out,
		      ImportInfo *info)
{
	if (!legacy_decode(enc, data, len, out, NULL))
		return false;
	snprintf(info->encoding, sizeof(info->encoding), "%s", encoding_name(enc));
	snprintf(info->note, sizeof(info->note),
		 msg_say("'%s': detected %s and converted it to Unicode"),
		 name, encoding_description(enc));
	return true;
}

/*
 * A named encoding is obeyed only when the text it gives reads as Vietnamese: bytes read in
 * the wrong encoding (UTF-8 as TCVN3) decode without a fault into words no one writes, and
 * would be stored as such. False, with out emptied and the reason in info->err, when most
 * words with marks are not syllables.
 */
static bool reads_as(const char *name, Encoding enc, Str *out, ImportInfo *info)
{
	LegacyScore sc;

	legacy_score(str_cstr(out), out->len, &sc);
	if (sc.invalid < 3 || sc.invalid <= sc.valid)
		return true;
	snprintf(info->err, sizeof(info->err),
		 msg_say("'%s' does not read as %s: %d of %d words with marks are not Vietnamese "
			 "(such as '%.*s'); name another encoding, or leave --encoding out to "
			 "detect it"), name, encoding_description(enc), sc.invalid,
		 sc.valid + sc.invalid, (int)sc.first_len, out->s + sc.first);
	str_release(out);
	return false;
}

/*
 * Invalid UTF-8 that is nearly all valid is UTF-8 with a stray byte or two (a Windows quote
 * pasted in), not a legacy encoding: naming one would garble the rest. True, with the reason
 * in info->err naming the first bad byte by line and column, when the valid multi-byte
 * characters outnumber the bad bytes four to one.
 */
static bool nearly_utf8(const char *name, const char *data, size_t len, size_t first,
			ImportInfo *info)
{
	size_t good = 0, bad = 0, line = 1, col = 1;
	int32_t cp;

	for (size_t i = 0, k; i < len; i += k) {
		k = (unsigned char)data[i] < 0x80 ? 1 : utf8_decode(data + i, len - i, &cp);
		bad += k == 0;
		good += k > 1;
		k += k == 0;
	}
	if (good < 3 || good < 4 * bad)
		return false;
	for (size_t i = 0; i < first; i++) {
		line += data[i] == '\n';
		col = data[i] == '\n' ? 1 : col + (((unsigned char)data[i] & 0xC0) != 0x80);
	}
	snprintf(info->err, sizeof(info->err),
		 msg_say("'%s' is UTF-8 but for %zu bad byte%s, the first at %zu:%zu (\\x%02X, "
			 "offset %zu): correct the file and import again"), name, bad,
		 bad == 1 ? "" : "s", line, col, (unsigned char)data[first], first);
	return true;
}

/*
 * Mends valid UTF-8 text into out: words garbled by an old font, then look-alike characters
 * (ƣ for ư, Ð for Đ), which search would not find under the letter they stand for. Either
 * repair is said in info->note.
 */
static void mend(const char *name, const char *data, size_t len, Str *out, ImportInfo *info)
{
	Str moji = STR_INIT;
	size_t words = legacy_repair_mojibake(data, len, &moji);
	size_t chars = legacy_repair_lookalikes(str_cstr(&moji), moji.len, out);
	const char *sw = words == 1 ? "" : "s", *sc = chars == 1 ? "" : "s";

	if (words && chars)
		snprintf(info->note, sizeof(info->note),
			 msg_say("'%s': repaired %zu word%s garbled by an old font encoding and %zu "
				 "look-alike character%s"), name, words, sw, chars, sc);
	else if (words)
		snprintf(info->note, sizeof(info->note),
			 msg_say("'%s': repaired %zu word%s garbled by an old font encoding"), name,
			 words, sw);
	else if (chars)
		snprintf(info->note, sizeof(info->note),
			 msg_say("'%s': repaired %zu look-alike character%s"), name, chars, sc);
	str_release(&moji);
}

/*
 * Turns data into NFC UTF-8 in out. With "auto": valid UTF-8 is taken as it is (mojibake
 * fragments of the old fonts and look-alike characters inside it are repaired); anything else
 * is decoded with the legacy encoding that detection is confident of, and refused when it is
 * not confident. A named encoding is obeyed when the text it gives reads as Vietnamese.
 */
static bool to_unicode(const char *name, const char *data, size_t len, const char *encoding,
		       Str *out, ImportInfo *info)
{
	Encoding enc = ENC_UTF8;
	LegacyGuess g;
	LegacyFault fault;
	char why[256];
	size_t bad;

	if (strcmp(encoding, "auto") != 0) {
		encoding_parse(encoding, &enc);
		snprintf(info->encoding, sizeof(info->encoding), "%s", encoding_name(enc));
		if (!legacy_decode(enc, data, len, out, &fault)) {
			fault_say(&fault, enc, why, sizeof(why));
			snprintf(info->err, sizeof(info->err),
				 msg_say("'%s' cannot be read as %s: %s"), name,
				 encoding_description(enc), why);
			return false;
		}
		return enc == ENC_UTF8 || reads_as(name, enc, out, info);
	}
	if (utf8_valid(data, len, &bad)) {
		/* Plain ASCII may be VIQR: take it as such only when that reading is clear. Text
		 * with any other character is UTF-8 to detection anyway, so it is not asked. */
		if (is_ascii(data, len)) {
			legacy_guess(data, len, &g);
			if (g.confident && g.enc == ENC_VIQR &&
			    converted(name, data, len, ENC_VIQR, out, info))
				return true;
		}
		snprintf(info->encoding, sizeof(info->encoding), "%s", encoding_name(ENC_UTF8));
		mend(name, data, len, out, info);
		return true;
	}
	legacy_guess(data, len, &g);
	if (g.confident && g.enc != ENC_UTF8 && converted(name, data, len, g.enc, out, info))
		return true;
	if (!nearly_utf8(name, data, len, bad, info))
		snprintf(info->err, sizeof(info->err),
			 msg_say("'%s' is not valid UTF-8 (first bad byte at offset %zu) and its "
				 "encoding could not be recognised (name one with --encoding tcvn3, "
				 "vni, viscii, viqr or cp1258)"), name, bad);
	return false;
}

bool import_bytes(const char *name, const char *data, size_t len, const ImportOptions *o,
		  Article *out, ImportInfo *info)
{
	const char *nul = memchr(data, '\0', len);
	Str text = STR_INIT;
	char why[400];
	bool ok;

	info->encoding[0] = info->note[0] = info->err[0] = '\0';
	if (len == 0) {
		snprintf(info->err, sizeof(info->err), msg_say("'%s' is empty"), name);
		return false;
	}
	if (nul) {
		snprintf(info->err, sizeof(info->err),
			 msg_say("'%s' is not a text file (a NUL byte at offset %zu)"), name,
			 (size_t)(nul - data));
		return false;
	}
	if (!to_unicode(name, data, len, o->encoding, &text, info))
		return false;
	ok = o->title ? article_parse_titled(str_cstr(&text), text.len, o->title, out, why,
					     sizeof(why))
		      : article_parse(str_cstr(&text), text.len, out, why, sizeof(why));
	if (!ok)
		snprintf(info->err, sizeof(info->err), msg_say("'%s': %s"), name, why);
	str_release(&text);
	return ok;
}

bool import_file(const char *path, const ImportOptions *o, Article *out, ImportInfo *info)
{
	Str data = STR_INIT;
	bool ok;

	info->encoding[0] = info->note[0] = info->err[0] = '\0';
	if (!file_read(path, ARTICLE_MAX_BYTES, &data, info->err, sizeof(info->err))) {
		str_release(&data); /* a file too large leaves what was read */
		return false;
	}
	ok = import_bytes(strcmp(path, "-") == 0 ? "stdin" : path, str_cstr(&data), data.len, o,
			  out, info);
	str_release(&data);
	return ok;
}
