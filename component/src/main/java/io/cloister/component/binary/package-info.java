/**
 * The component binary format: {@link io.cloister.component.binary.ComponentDecoder} turns bytes
 * into a {@link io.cloister.component.binary.ComponentAst} (sections flattened into ordered {@link
 * io.cloister.component.binary.Definition}s, core modules kept as byte ranges), and {@link
 * io.cloister.component.binary.ComponentValidator} builds every index space, checks every index,
 * resolves aliases and types into {@link io.cloister.component.types} and gives a {@link
 * io.cloister.component.binary.ValidatedComponent}. Any malformed, truncated or invalid input fails
 * with a {@link io.cloister.component.binary.ComponentDecodeException} naming the byte offset.
 */
package io.cloister.component.binary;
