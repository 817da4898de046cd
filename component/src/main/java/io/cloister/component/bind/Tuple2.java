package io.cloister.component.bind;

/** A WIT {@code tuple} of 2 elements. */
public record Tuple2<A, B>(A v0, B v1) {}
