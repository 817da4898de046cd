package io.cloister.artifact;

/** An upload that cannot be deployed: a malformed container, or a kind of file Cloister refuses. */
public abstract class ArtifactException extends Exception {
  ArtifactException(String message) {
    super(message);
  }
}
