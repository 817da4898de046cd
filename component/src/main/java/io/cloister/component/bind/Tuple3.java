package io.cloister.component.bind;

/** A WIT {@code tuple} of 3 elements. */
public record Tuple3<A, B, C>(A v0, B v1, C v2) {}
