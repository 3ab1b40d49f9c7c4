#ifndef NOTICE_EXCHANGE_H
#define NOTICE_EXCHANGE_H

/// Swaps two paths in one step (Linux's renameat2 with RENAME_EXCHANGE): readers see either the old
/// folder or the new one, never neither. Returns 0 on success, -1 with errno set otherwise (ENOSYS where
/// the system cannot exchange, so callers fall back to two renames).
int notice_exchange_paths(const char *first, const char *second);

#endif
