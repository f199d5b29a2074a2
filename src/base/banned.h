/*
 * banned.h: functions that are too easy to misuse. Including this header after the system
 * headers turns every use of them into a compile error that names the function.
 */
#ifndef BASE_BANNED_H
#define BASE_BANNED_H

#define BANNED(fn) sorry_##fn##_is_banned

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)

#endif
