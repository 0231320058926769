#ifndef TRINVIS_CNCURSES_SHIM_H
#define TRINVIS_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Function-like macros that Swift cannot import, wrapped as inline functions. */
static inline int trinvis_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int trinvis_attr_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int trinvis_attr_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int trinvis_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int trinvis_attr_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int trinvis_attr_normal(void) { return (unsigned int)A_NORMAL; }

/* Globals Swift 6 cannot read safely, returned by functions. */
static inline WINDOW *trinvis_stdscr(void) { return stdscr; }
static inline FILE *trinvis_stdout(void) { return stdout; }
static inline FILE *trinvis_stdin(void) { return stdin; }

/* Low-level terminfo access (from term.h, declared here to keep its capability macros out). */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/*
 * Looks up the terminal description for $TERM without touching the terminal.
 * Returns 0 when it exists and can address the cursor, 1 when the description is missing,
 * 2 when it exists but cannot run a full-screen program (hardcopy, generic, no cursor motion).
 */
static inline int trinvis_check_terminal(int output_fd) {
    int status = 0;
    struct term *saved = set_curterm(NULL);
    int found = setupterm(NULL, output_fd, &status);
    int verdict;
    if (found != OK) {
        verdict = status == 1 ? 2 : 1;
    } else {
        char *cup = tigetstr("cup");
        verdict = (cup != NULL && cup != (char *)-1) ? 0 : 2;
    }
    struct term *checked = set_curterm(saved);
    if (found == OK && checked != NULL && checked != saved) {
        del_curterm(checked);
    }
    return verdict;
}

/* wcwidth is an X/Open extension the Glibc module does not expose; declared here. */
extern int wcwidth(wchar_t c);
static inline int trinvis_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/* Mouse masks (NCURSES_MOUSE_MASK is a function-like macro). */
static inline mmask_t trinvis_mouse_report_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
        | BUTTON2_PRESSED | BUTTON2_RELEASED | BUTTON2_CLICKED
        | BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON3_CLICKED
        | BUTTON4_PRESSED
#if NCURSES_MOUSE_VERSION > 1
        | BUTTON5_PRESSED
#endif
        ;
}

/* The button (1-3, 4 = wheel up, 5 = wheel down, 0 = none) named in a mouse event state. */
static inline int trinvis_mouse_button(mmask_t state) {
    if (state & (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) return 1;
    if (state & (BUTTON2_PRESSED | BUTTON2_RELEASED | BUTTON2_CLICKED)) return 2;
    if (state & (BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON3_CLICKED)) return 3;
    if (state & BUTTON4_PRESSED) return 4;
#if NCURSES_MOUSE_VERSION > 1
    if (state & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}

/* The kind of a mouse event: 1 press, 2 release, 3 click, 4 double click, 0 other. */
static inline int trinvis_mouse_kind(mmask_t state) {
    if (state & BUTTON1_DOUBLE_CLICKED) return 4;
    if (state & (BUTTON1_CLICKED | BUTTON2_CLICKED | BUTTON3_CLICKED)) return 3;
    if (state & (BUTTON1_RELEASED | BUTTON2_RELEASED | BUTTON3_RELEASED)) return 2;
    if (state & (BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED)) return 1;
#if NCURSES_MOUSE_VERSION > 1
    if (state & BUTTON5_PRESSED) return 1;
#endif
    return 0;
}

/*
 * Signal flag. The handler only stores the signal number; the event loop reads it after
 * wget_wch returns. The variable has internal linkage, so every object file that uses these
 * functions gets its own copy: install, take and restore must be called from one Swift file.
 */
static volatile sig_atomic_t trinvis_pending_signal = 0;

static void trinvis_record_signal(int signal_number) { trinvis_pending_signal = signal_number; }

/* Installs the recording handler for one signal without SA_RESTART, so blocking reads see EINTR. */
static inline int trinvis_install_signal_handler(int signal_number, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = trinvis_record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signal_number, &action, previous);
}

/* Puts back the handler saved by trinvis_install_signal_handler. */
static inline int trinvis_restore_signal_handler(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

/* Returns the last recorded signal number (0 if none) and clears it. */
static inline int trinvis_take_pending_signal(void) {
    int signal_number = trinvis_pending_signal;
    trinvis_pending_signal = 0;
    return signal_number;
}

/* Returns the last recorded signal number (0 if none) without clearing it. */
static inline int trinvis_peek_pending_signal(void) { return trinvis_pending_signal; }

#endif
