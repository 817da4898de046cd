/**
 * {@code wasi:io}: errors, pollables and {@code poll}, input and output streams over bounded pipes.
 */
package io.cloister.wasi.io;
