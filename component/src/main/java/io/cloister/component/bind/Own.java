package io.cloister.component.bind;

/**
 * An owned handle of a host resource, as the host sees it: the representation number the host chose
 * when it created the resource. The type parameter names the resource (a generated marker class).
 *
 * @param <R> the resource's marker type
 */
public record Own<R>(int rep) {}
