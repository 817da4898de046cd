/** {@code wasi:filesystem}, denied: no preopens, every call answers {@code access}. */
package io.cloister.wasi.filesystem;
