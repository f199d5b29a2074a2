# toasoan — the newsroom in a terminal.
#
#   make            build ./toasoan
#   make run        install missing packages, build, open the demo newsroom
#   make test       build with -Werror, run every test, again under ASan+UBSan
#   make bench      the benchmarks and their table (ARCHIVE=100000 for the full-size archive)
#   make deps       install the Debian packages the build and the tests need
#   make install    PREFIX=/usr/local DESTDIR=
#
# The core (everything but src/tui and src/main.c) is one static library that the unit tests
# link without curses; a curses include in the core breaks that build on purpose.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
CC        ?= cc
PKG_CONFIG ?= pkg-config

# The one list of Debian packages: build, run, test.
DEBS := build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev \
	libhunspell-dev hunspell-vi hunspell-en-us libutf8proc-dev check libvterm-dev \
	sqlite3 locales clang libclang-rt-dev python3 python3-html5lib python3-lxml nginx-light curl groff-base \
	openssh-server openssh-client tmux

# Only for `make bench`: the reference runs, and the counter of the checker's work.
BENCH_DEBS := nano vim time hunspell valgrind

CORE_PKGS := sqlite3 yaml-0.1 hunspell libutf8proc
TUI_PKGS  := ncursesw
TEST_PKGS := check vterm

# SAN=1 builds into build/asan with the sanitizers; the plain build goes to build/plain.
ifeq ($(FUZZ),1)
# Fuzz targets: the core built with clang's coverage instrumentation and sanitizers.
B        := build/fuzz
CC       := clang
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
OPT      := -O1 -g
else ifeq ($(SAN),1)
B        := build/asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT      := -O1 -g
else
B        := build/plain
SANFLAGS :=
OPT      ?= -O2 -g
endif

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
	-Wformat=2 -Wno-unused-parameter -Wvla -Wimplicit-fallthrough
ifeq ($(WERROR),1)
WARN += -Werror
endif

pkgcflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pkglibs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

CPPFLAGS += -Isrc -D_GNU_SOURCE -DTOASOAN_VERSION='"$(VERSION)"' \
	-DTOASOAN_DATADIR='"$(PREFIX)/share/toasoan"'
CFLAGS   += -std=c17 $(OPT) $(WARN) $(SANFLAGS) -MMD -MP \
	$(call pkgcflags,$(CORE_PKGS) $(TUI_PKGS))
LDFLAGS  += $(SANFLAGS)
# The dictionary library is loaded when first needed (src/spell/dictlib.c), by its soname.
DICT_LIB  := $(patsubst -l%,lib%.so,$(filter -lhunspell%,$(call pkglibs,hunspell)))
DICT_SO   := $(shell objdump -p "$$($(CC) -print-file-name=$(DICT_LIB))" 2>/dev/null | awk '$$1 == "SONAME" {print $$2}')
CPPFLAGS += $(if $(DICT_SO),-DDICTLIB_SONAME='"$(DICT_SO)"')
CORE_LIBS := $(call pkglibs,$(filter-out hunspell,$(CORE_PKGS))) -lm -ldl -lpthread
TUI_LIBS  := $(call pkglibs,$(TUI_PKGS))
TEST_LIBS := $(call pkglibs,check) $(CORE_LIBS)
VTERM_LIBS := $(call pkglibs,vterm) -lutil

CORE_SRC := $(wildcard src/base/*.c src/viet/*.c src/spell/*.c src/news/*.c src/edit/*.c src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c) src/main.c
UNIT_SRC := $(wildcard tests/unit/test_*.c)
TOOL_SRC := $(wildcard tests/tools/*.c)
BENCH_SRC := $(wildcard tests/bench/*.c)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(B)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(B)/tools/%)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(B)/bench/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
LIB      := $(B)/libtoasoan.a
BIN      := $(B)/toasoan

.PHONY: all run test tests bench deps need-deps install clean demo fuzz fuzzers format

all: $(BIN)
	@ln -sf $(BIN) toasoan

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(TUI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(TUI_OBJ) $(LIB) $(TUI_LIBS) $(CORE_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIB) tests/unit/check_main.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(call pkgcflags,check) -o $@ $< $(LIB) $(TEST_LIBS)

$(B)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(call pkgcflags,vterm) -o $@ $< $(LIB) $(CORE_LIBS) $(VTERM_LIBS)

$(B)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(CORE_LIBS) -lutil

tests: all $(UNIT_BIN) $(TOOL_BIN) $(BENCH_BIN)

$(B)/fuzz/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(CORE_LIBS)

fuzzers: $(FUZZ_BIN)

# A longer fuzzing session on every target: make fuzz SECONDS=300
SECONDS ?= 60
fuzz: need-deps
	@$(MAKE) --no-print-directory FUZZ=1 fuzzers
	@for f in $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/fuzz/%); do n=$${f##*/fuzz_}; \
		mkdir -p tests/fuzz/corpus/$$n; \
		$$f -max_total_time=$(SECONDS) tests/fuzz/corpus/$$n || exit 1; done

# Install the Debian packages when any library is missing (the two README commands call this).
need-deps:
	@dpkg -s $(DEBS) >/dev/null 2>&1 && $(PKG_CONFIG) --exists $(CORE_PKGS) $(TUI_PKGS) \
		$(TEST_PKGS) 2>/dev/null || $(MAKE) --no-print-directory deps

deps:
	@if [ "$$(id -u)" != 0 ]; then echo "toasoan: error: installing packages needs root: run 'sudo make deps'" >&2; exit 1; fi
	DEBIAN_FRONTEND=noninteractive apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(DEBS)

test: need-deps
	@$(MAKE) --no-print-directory WERROR=1 tests
	@$(MAKE) --no-print-directory WERROR=1 SAN=1 tests
	@$(MAKE) --no-print-directory FUZZ=1 fuzzers
	@tests/run.sh build/plain build/asan

# The demo newsroom lives in the working folder (git-ignored): demo.db and demo-public/.
demo: all
	@tests/demo.sh ./toasoan demo.db

run: need-deps
	@$(MAKE) --no-print-directory all
	@test -f demo.db || tests/demo.sh ./toasoan demo.db
	./toasoan --config demo.yaml

# make bench ARCHIVE=100000: the archive figures at full size (10,000 articles by default).
ARCHIVE ?= 10000
bench: need-deps
	@command -v nano >/dev/null && command -v vim >/dev/null && command -v hunspell >/dev/null && \
		command -v valgrind >/dev/null && \
		test -x /usr/bin/time || \
		{ [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(BENCH_DEBS); } || true
	@$(MAKE) --no-print-directory tests OPT=-O2
	@ARCHIVE=$(ARCHIVE) tests/bench/run.sh build/plain

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/toasoan/dict \
		$(DESTDIR)$(PREFIX)/share/toasoan/themes $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/toasoan
	install -m 644 dict/*.txt dict/*.tsv dict/news.lm $(DESTDIR)$(PREFIX)/share/toasoan/dict/
	install -m 644 themes/*.yaml $(DESTDIR)$(PREFIX)/share/toasoan/themes/
	install -m 644 doc/toasoan.1 $(DESTDIR)$(PREFIX)/share/man/man1/toasoan.1
	install -m 644 doc/toasoan-config.5 $(DESTDIR)$(PREFIX)/share/man/man5/toasoan-config.5
	install -m 644 completion/toasoan.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/toasoan

format:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h')

clean:
	rm -rf build toasoan

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d)
