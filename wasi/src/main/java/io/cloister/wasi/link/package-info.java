/**
 * The binding layer: WASI interfaces as host definitions on the component Linker, values in and
 * out.
 */
package io.cloister.wasi.link;
