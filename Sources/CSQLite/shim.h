#ifndef TRINVIS_CSQLITE_SHIM_H
#define TRINVIS_CSQLITE_SHIM_H

/// The session extension (`sqlite3session_*`, `sqlite3changeset_*`) that records a transaction's
/// changes for undo, and the pre-update hook it is built on: the system library has them, but
/// the header declares them only when asked to.
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro with a function-pointer cast that Swift cannot import.
static inline int trinvis_sqlite3_bind_text(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}

static inline int trinvis_sqlite3_bind_blob(sqlite3_stmt *stmt, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(stmt, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
