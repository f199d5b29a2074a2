/*
 * fuzz_telex.c: types arbitrary keys through the built-in input methods and through a
 * document. The first byte picks the mode and tone style; the rest is read as UTF-8 keys,
 * where a few control bytes stand for editing keys (0x08 Backspace, 0x01 Left, 0x02 Right,
 * 0x1A undo, 0x19 redo, 0x0D Enter). Checks: every edit the Ime hands back deletes whole code
 * points that exist and inserts valid NFC; the document stays valid NFC UTF-8 with the cursor
 * on a code point boundary; undoing everything gives back the empty text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "edit/doc.h"
#include "viet/telex.h"

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void type_ime(ImeMode mode, Placement style, const uint8_t *data, size_t size)
{
	Ime *ime = ime_new(mode, style);
	Str text = STR_INIT;
	size_t i = 0;
	int32_t cp;
	ImeEdit e;

	while (i < size) {
		size_t n = utf8_decode((const char *)data + i, size - i, &cp);
		i += n ? n : 1;
		if (n == 0 || cp < 0x20)
			continue;
		ime_key(ime, str_cstr(&text), text.len, cp, &e);
		check(e.del <= text.len && e.ins_len <= sizeof(e.ins));
		check(text.len == e.del || (text.s[text.len - e.del] & 0xC0) != 0x80);
		check(utf8_valid(e.ins, e.ins_len, NULL) && utf8_is_nfc(e.ins, e.ins_len));
		str_truncate(&text, text.len - e.del);
		str_add(&text, e.ins, e.ins_len);
	}
	str_release(&text);
	ime_free(ime);
}

static void key_doc(Doc *d, int32_t cp, int64_t t)
{
	switch (cp) {
	case 0x08: doc_backspace(d, t); break;
	case 0x01: doc_move(d, MOVE_LEFT, false); break;
	case 0x02: doc_move(d, MOVE_RIGHT, false); break;
	case 0x1A: doc_undo(d); break;
	case 0x19: doc_redo(d); break;
	case 0x0D: doc_insert(d, "\n", 1, t); break;
	default:
		if (cp >= 0x20)
			doc_type(d, cp, t);
	}
}

static void type_doc(ImeMode mode, Placement style, const uint8_t *data, size_t size)
{
	Doc *d = doc_new();
	size_t i = 0, len;
	int64_t t = 0;
	int32_t cp;
	const char *text;

	doc_set_cursor(d, FIELD_BODY, 0, false);
	doc_set_ime(d, mode);
	doc_set_tone_style(d, style);
	while (i < size) {
		size_t n = utf8_decode((const char *)data + i, size - i, &cp);
		i += n ? n : 1;
		if (n)
			key_doc(d, cp, t += 30);
		text = doc_text(d, FIELD_BODY, &len);
		check(utf8_valid(text, len, NULL) && utf8_is_nfc(text, len));
		check(doc_cursor(d) <= len && (text[doc_cursor(d)] & 0xC0) != 0x80);
	}
	while (doc_undo(d))
		;
	doc_text(d, FIELD_BODY, &len);
	check(len == 0);
	doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ImeMode mode;
	Placement style;

	if (size < 1 || size > 4096)
		return 0;
	mode = (ImeMode)(data[0] % 3);
	style = data[0] & 4 ? PLACE_NEW : PLACE_OLD;
	type_ime(mode, style, data + 1, size - 1);
	type_doc(mode, style, data + 1, size - 1);
	return 0;
}
