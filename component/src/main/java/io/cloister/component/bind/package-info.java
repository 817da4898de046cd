/**
 * What generated typed host bindings are made of: handles ({@link io.cloister.component.bind.Own},
 * {@link io.cloister.component.bind.Borrow}), {@link io.cloister.component.bind.Result}, tuples,
 * and the {@link io.cloister.component.bind.Values} conversions their glue uses.
 */
package io.cloister.component.bind;
