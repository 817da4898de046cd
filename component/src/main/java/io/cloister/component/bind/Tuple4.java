package io.cloister.component.bind;

/** A WIT {@code tuple} of 4 elements. */
public record Tuple4<A, B, C, D>(A v0, B v1, C v2, D v3) {}
