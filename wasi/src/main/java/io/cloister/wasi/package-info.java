/**
 * The WASI 0.2 host: one app's configuration ({@link io.cloister.wasi.WasiHost}) and one instance's
 * state ({@link io.cloister.wasi.WasiContext}); a package per WASI package below.
 */
package io.cloister.wasi;
