package io.cloister.component.bind;

/**
 * A borrowed handle of a host resource, valid for the duration of one call: the representation
 * number the host chose when it created the resource.
 *
 * @param <R> the resource's marker type
 */
public record Borrow<R>(int rep) {}
