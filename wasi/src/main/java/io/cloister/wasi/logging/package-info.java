/** {@code wasi:logging}: log records into a per-app {@link io.cloister.wasi.logging.AppLog}. */
package io.cloister.wasi.logging;
