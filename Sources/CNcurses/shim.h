#ifndef TRINVIS_CNCURSES_SHIM_H
#define TRINVIS_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Function-like macros that Swift cannot import, wrapped as inline functions. */
static inline int trinvis_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int trinvis_attr_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int trinvis_attr_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int trinvis_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int trinvis_attr_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int trinvis_attr_normal(void) { return (unsigned int)A_NORMAL; }

#endif
