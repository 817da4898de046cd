package io.cloister.component.bind;

/** A WIT {@code tuple} of 6 elements. */
public record Tuple6<A, B, C, D, E, F>(A v0, B v1, C v2, D v3, E v4, F v5) {}
