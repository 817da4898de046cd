/** {@code wasi:cli}: the app's environment, exit, stdio into the app's log, no terminals. */
package io.cloister.wasi.cli;
