/*
 * dictlib.c: the system dictionaries' library, loaded the first time a dictionary is opened
 * instead of with the program. Loading it brings its language runtime along (about 2 MB of a
 * process's memory at start), and most sessions never open a dictionary: vi_VN is read as a
 * list (plainlist.c) and en_US waits behind its sieve (english.c). The library's five calls
 * the checker makes are defined here under their own names and forward to it; creating a
 * dictionary fails (NULL, as for a missing file) when the library cannot be loaded.
 */
#include "spell/internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include "base/banned.h"

#ifndef DICTLIB_SONAME
#define DICTLIB_SONAME "libhunspell-1.7.so.0"
#endif

static struct {
	Hunhandle *(*create)(const char *, const char *);
	void (*destroy)(Hunhandle *);
	int (*spell)(Hunhandle *, const char *);
	int (*suggest)(Hunhandle *, char ***, const char *);
	void (*free_list)(Hunhandle *, char ***, int);
} lib;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

/* Each call by name, or all of them NULL. */
static void load(void)
{
	void *h = dlopen(DICTLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	*(void **)&lib.create = dlsym(h, "Hunspell_create");
	*(void **)&lib.destroy = dlsym(h, "Hunspell_destroy");
	*(void **)&lib.spell = dlsym(h, "Hunspell_spell");
	*(void **)&lib.suggest = dlsym(h, "Hunspell_suggest");
	*(void **)&lib.free_list = dlsym(h, "Hunspell_free_list");
	if (!lib.create || !lib.destroy || !lib.spell || !lib.suggest || !lib.free_list) {
		lib.create = NULL; /* a library without them is none */
		dlclose(h);
	}
}

/* A handle exists only once the library is loaded: the calls below need no check. */
Hunhandle *Hunspell_create(const char *affpath, const char *dpath)
{
	pthread_once(&lib_once, load);
	return lib.create ? lib.create(affpath, dpath) : NULL;
}

void Hunspell_destroy(Hunhandle *h)
{
	lib.destroy(h);
}

int Hunspell_spell(Hunhandle *h, const char *word)
{
	return lib.spell(h, word);
}

int Hunspell_suggest(Hunhandle *h, char ***list, const char *word)
{
	return lib.suggest(h, list, word);
}

void Hunspell_free_list(Hunhandle *h, char ***list, int n)
{
	lib.free_list(h, list, n);
}
