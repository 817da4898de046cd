package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import java.util.Objects;

/**
 * The canonical options of one {@code canon lift} or {@code canon lower}: string encoding, and the
 * guest's memory, {@code realloc} and {@code post-return} where declared ({@code null} when not).
 * A type that needs memory or realloc traps when the option is missing.
 */
public record CanonOptions(
    StringEncoding stringEncoding, LinearMemory memory, Realloc realloc, PostReturn postReturn) {

  /** Options without memory: enough for functions whose types are all scalar. */
  public static final CanonOptions SCALAR_ONLY = new CanonOptions(StringEncoding.UTF8, null, null, null);

  public CanonOptions {
    Objects.requireNonNull(stringEncoding, "stringEncoding");
  }

  /** UTF-8 options with the given memory and realloc, no post-return. */
  public static CanonOptions of(LinearMemory memory, Realloc realloc) {
    return new CanonOptions(StringEncoding.UTF8, memory, realloc, null);
  }

  /** These options with another string encoding. */
  public CanonOptions withStringEncoding(StringEncoding encoding) {
    return new CanonOptions(encoding, memory, realloc, postReturn);
  }

  /** These options with a post-return function. */
  public CanonOptions withPostReturn(PostReturn postReturn) {
    return new CanonOptions(stringEncoding, memory, realloc, postReturn);
  }
}
