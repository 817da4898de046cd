package io.cloister.artifact;

/** A well-formed file of a kind Cloister does not deploy (a core module, a wasmtime artifact). */
public final class UnsupportedArtifactException extends ArtifactException {
  private final Refused kind;

  /** What the refused file is. */
  public enum Refused {
    /** A core WebAssembly module: it has no component type to link or serve. */
    CORE_MODULE,
    /** A wasmtime precompiled {@code .cwasm} (an ELF file of native code). */
    WASMTIME_PRECOMPILED,
    /** Neither WebAssembly nor a Cloister artifact. */
    UNKNOWN
  }

  UnsupportedArtifactException(Refused kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** What the refused file is. */
  public Refused kind() {
    return kind;
  }
}
