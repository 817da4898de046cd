/** {@code wasi:sockets}, denied: every lookup and socket creation answers {@code access-denied}. */
package io.cloister.wasi.sockets;
