package io.cloister.artifact;

/** The two kinds of upload Cloister deploys. */
public enum ArtifactKind {
  /** A raw component binary ({@code .wasm}). */
  COMPONENT,
  /** A Cloister {@code .cwasm} container made by {@code cloister compile}. */
  CWASM
}
