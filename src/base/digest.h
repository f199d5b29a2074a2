/*
 * digest.h: SHA-256 and base64, for key fingerprints ("SHA256:" + unpadded base64 of the
 * digest of the key's blob, as the usual key tools print them).
 */
#ifndef BASE_DIGEST_H
#define BASE_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

#define SHA256_BYTES 32

/* The SHA-256 digest of len bytes at data into out. */
void sha256(const void *data, size_t len, uint8_t out[SHA256_BYTES]);

/* Appends the base64 of len bytes to out, with '=' padding when pad is set. */
void base64_encode(const uint8_t *data, size_t len, bool pad, Str *out);

/*
 * Decodes standard base64 (padding required to complete the last group, no spaces). Appends
 * the bytes to out; returns false on any character outside the alphabet, misplaced padding or
 * a length that is not a multiple of four.
 */
bool base64_decode(const char *s, size_t len, Str *out);

#endif
