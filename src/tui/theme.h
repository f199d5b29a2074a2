/*
 * theme.h: colours by meaning. The screens ask for a slot ("spell-error", "selected"); a
 * theme says what each slot looks like; the curses layer turns that into colour pairs for the
 * terminal at hand (true colour, 256, 8, or none).
 *
 * Themes are YAML files (themes/NAME.yaml):
 *
 *	name: default
 *	slots:
 *	  normal:      {fg: default, bg: default}
 *	  spell-error: {fg: "#ff5f5f", attrs: [underline]}
 *
 * A colour is "default" (the terminal's own), a name (black red green yellow blue magenta
 * cyan white, bright- prefixed for 8..15), a number 0..255, or "#rrggbb". Slots left out keep
 * the built-in default. This file includes no curses, so themes are unit-tested alone.
 */
#ifndef TUI_THEME_H
#define TUI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	ATTR_BOLD = 1,
	ATTR_UNDERLINE = 2,
	ATTR_REVERSE = 4,
	ATTR_DIM = 8,
	ATTR_ITALIC = 16,
};

/*
 * X(enum, YAML key, fg, bg, attrs, attrs without colour). The last column is what the slot
 * looks like when there is no colour at all (NO_COLOR, a monochrome terminal).
 */
#define SLOT_LIST(X)                                                                          \
	X(SLOT_NORMAL, "normal", "default", "default", 0, 0)                                  \
	X(SLOT_TITLE_BAR, "title-bar", "#ffffff", "#005f87", ATTR_BOLD, ATTR_REVERSE)          \
	X(SLOT_TAB, "tab", "#bcbcbc", "#303030", 0, 0)                                        \
	X(SLOT_TAB_ACTIVE, "tab-active", "#000000", "#87afd7", ATTR_BOLD, ATTR_REVERSE | ATTR_BOLD) \
	X(SLOT_HEADER, "header", "#87afd7", "default", ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE)  \
	X(SLOT_SELECTED, "selected", "#000000", "#87afd7", 0, ATTR_REVERSE)                    \
	X(SLOT_DIM, "dim", "#8a8a8a", "default", 0, ATTR_DIM)                                 \
	X(SLOT_STATUS, "status", "#d0d0d0", "#303030", 0, ATTR_REVERSE)                        \
	X(SLOT_SAVED, "saved", "#87d787", "#303030", 0, ATTR_REVERSE)                          \
	X(SLOT_UNSAVED, "unsaved", "#ffd75f", "#303030", ATTR_BOLD, ATTR_REVERSE | ATTR_BOLD)  \
	X(SLOT_MESSAGE, "message", "#ffffff", "default", ATTR_BOLD, ATTR_BOLD)                 \
	X(SLOT_ERROR_MESSAGE, "error-message", "#ff5f5f", "default", ATTR_BOLD, ATTR_BOLD)     \
	X(SLOT_BAR_KEY, "bar-key", "#000000", "#87afd7", 0, ATTR_REVERSE)                      \
	X(SLOT_BAR_LABEL, "bar-label", "default", "default", 0, 0)                            \
	X(SLOT_FIELD_LABEL, "field-label", "#87afd7", "default", ATTR_BOLD, ATTR_BOLD)         \
	X(SLOT_TEXT, "text", "default", "default", 0, 0)                                      \
	X(SLOT_SELECTION, "selection", "#000000", "#d7d787", 0, ATTR_REVERSE)                  \
	X(SLOT_FIND_MATCH, "find-match", "#000000", "#ffaf00", 0, ATTR_REVERSE)                \
	X(SLOT_SPELL_ERROR, "spell-error", "#ff5f5f", "default", ATTR_UNDERLINE, ATTR_UNDERLINE) \
	X(SLOT_SPELL_WARNING, "spell-warning", "#ffaf00", "default", ATTR_UNDERLINE,           \
	  ATTR_UNDERLINE)                                                                     \
	X(SLOT_SPELL_STYLE, "spell-style", "#8a8a8a", "default", 0, ATTR_DIM)                  \
	X(SLOT_PANE, "pane", "default", "default", 0, 0)                                      \
	X(SLOT_PANE_TITLE, "pane-title", "#87afd7", "default", ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE) \
	X(SLOT_PANE_SELECTED, "pane-selected", "#000000", "#87afd7", 0, ATTR_REVERSE)          \
	X(SLOT_BORDER, "border", "#585858", "default", 0, 0)                                  \
	X(SLOT_STATE_DRAFT, "state-draft", "#bcbcbc", "default", 0, 0)                        \
	X(SLOT_STATE_REVIEW, "state-review", "#ffd75f", "default", ATTR_BOLD, ATTR_BOLD)       \
	X(SLOT_STATE_SCHEDULED, "state-scheduled", "#87afff", "default", 0, 0)                \
	X(SLOT_STATE_PUBLISHED, "state-published", "#87d787", "default", 0, 0)                \
	X(SLOT_DIFF_DELETED, "diff-deleted", "#ffffff", "#870000", ATTR_ITALIC, ATTR_REVERSE)  \
	X(SLOT_DIFF_INSERTED, "diff-inserted", "#000000", "#87d75f", ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE)

typedef enum Slot {
#define X(e, key, fg, bg, attrs, mono) e,
	SLOT_LIST(X)
#undef X
	SLOT_COUNT
} Slot;

typedef enum ColorKind {
	COLOR_DEFAULT, /* the terminal's own foreground or background */
	COLOR_INDEX,   /* a palette index 0..255 */
	COLOR_RGB,     /* 0xRRGGBB */
} ColorKind;

typedef struct ThemeColor {
	ColorKind kind;
	uint32_t value;  /* the index or 0xRRGGBB */
} ThemeColor;

typedef struct ThemeStyle {
	ThemeColor fg, bg;
	unsigned attrs;  /* ATTR_ bits */
} ThemeStyle;

typedef struct Theme {
	char name[64];
	ThemeStyle slot[SLOT_COUNT];
} Theme;

/* The built-in dark theme (the SLOT_LIST defaults), named "default". */
void theme_default(Theme *t);

/* The built-in theme for no colour: default colours, the last SLOT_LIST column. */
void theme_mono(Theme *t);

/* The YAML key of a slot; NULL when out of range. */
const char *theme_slot_key(Slot s);

/*
 * Parses a theme from YAML text over the built-in default; file names the source in
 * messages. On failure leaves t as the built-in default and writes
 * "FILE:LINE:COLUMN: what is wrong" into err.
 */
bool theme_parse(Theme *t, const char *text, size_t len, const char *file, char *err,
		 size_t errlen);

/* Reads and parses a theme file; errors as theme_parse (or "cannot read 'f': ..."). */
bool theme_load(Theme *t, const char *path, char *err, size_t errlen);

/* Parses one colour word; false for anything else. */
bool theme_color_parse(const char *s, ThemeColor *out);

/* True if the two themes look the same; otherwise names the first differing slot in why. */
bool theme_equal(const Theme *a, const Theme *b, char *why, size_t whylen);

/* The nearest colour of the xterm 256-colour palette, or of the 8 basic ones; -1: default. */
int theme_color_256(ThemeColor c);
int theme_color_8(ThemeColor c);

/* The colour as 0xRRGGBB (palette indices resolved); -1 for default. */
int32_t theme_color_rgb(ThemeColor c);

#endif
