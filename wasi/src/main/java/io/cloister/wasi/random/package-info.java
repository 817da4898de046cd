/** {@code wasi:random}: secure, insecure and seed randomness. */
package io.cloister.wasi.random;
