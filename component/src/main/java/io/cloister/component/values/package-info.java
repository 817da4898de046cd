/**
 * Dynamic component values: what the canonical ABI lifts out of and lowers into a guest, what host
 * functions receive and return, and what the JSON mapping converts. Values carry no type; the
 * {@link io.cloister.component.types.ValType} they belong to is always known where they are used.
 */
package io.cloister.component.values;
