/*
 * token.h: the checker's tokenizer over NFC text.
 *
 * Tokens cover the text without gaps: words, numbers, skipped tokens (URLs, emails,
 * hashtags, mentions, domain names), single punctuation marks, runs of spaces, line breaks
 * and anything else one code point at a time.
 */
#ifndef SPELL_TOKEN_H
#define SPELL_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum TokKind {
	TOK_WORD,    /* letters (with marks, apostrophes, legacy-font bytes, maybe digits) */
	TOK_NUMBER,  /* 1.234,5  09/5/2024  8-7  2026–2030  10:30 */
	TOK_SKIP,    /* URL, email, #hashtag, @mention, domain name: never checked */
	TOK_PUNCT,   /* one punctuation mark or symbol */
	TOK_SPACE,   /* spaces and tabs (and no-break spaces) */
	TOK_NEWLINE, /* \n, \r\n or \r: ends a paragraph */
	TOK_OTHER,   /* anything else, one code point (U+FFFD, BOM, emoji, ...) */
} TokKind;

/* Facts about a word token. */
enum {
	TF_UPPER_FIRST = 1 << 0, /* first letter upper case */
	TF_ALL_UPPER = 1 << 1,   /* every letter upper case (and at least one) */
	TF_DIGIT = 1 << 2,       /* has a digit */
	TF_ASCII = 1 << 3,       /* only ASCII */
	TF_INNER_UPPER = 1 << 4, /* an upper-case letter after the first (iPhone, McCain) */
};

typedef struct Token {
	size_t start, end; /* byte range in the text */
	TokKind kind;
	unsigned flags;    /* TF_* for words */
	int32_t cp;        /* the code point of a TOK_PUNCT or TOK_OTHER */
} Token;

/* Reads the token at off (< len) into *t; returns t->end (> off). */
size_t token_next(const char *s, size_t len, size_t off, Token *t);

/*
 * The same without the facts of a word (t->flags is 0): the checker's fast path, which
 * keeps each word's facts with its cached verdict and asks token_flags only for new words.
 */
size_t token_scan(const char *s, size_t len, size_t off, Token *t);

/* The TF_* facts of the word s[start, end). */
unsigned token_flags(const char *s, size_t start, size_t end);

/* True for the code points the tokenizer treats as part of a word. */
bool token_word_char(int32_t cp);

#endif
