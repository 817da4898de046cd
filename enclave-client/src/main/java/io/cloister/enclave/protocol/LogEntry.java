package io.cloister.enclave.protocol;

import java.time.Instant;

/**
 * One line of an app's log, as the log stream sends it.
 *
 * @param sequence its number in the app's log since the enclave started (a subscriber that missed
 *     lines sees the gap)
 * @param level {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or {@code
 *     critical}
 * @param context the {@code wasi:logging} context, {@code stdout} or {@code stderr}
 */
public record LogEntry(long sequence, Instant time, String app, String level, String context, String message) {}
