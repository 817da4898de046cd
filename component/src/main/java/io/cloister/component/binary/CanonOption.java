package io.cloister.component.binary;

/** A {@code canonopt}: string encoding, memory, realloc, post-return, async, callback. */
public sealed interface CanonOption {

  /** The string encodings a canonical function may use. */
  enum StringEncoding {
    UTF8,
    UTF16,
    LATIN1_UTF16
  }

  /** {@code string-encoding=...}. */
  record Encoding(StringEncoding encoding) implements CanonOption {}

  /** {@code (memory m)}: a core memory index. */
  record Memory(int coreMemoryIndex) implements CanonOption {}

  /** {@code (realloc f)}: a core function index. */
  record Realloc(int coreFuncIndex) implements CanonOption {}

  /** {@code (post-return f)}: a core function index. */
  record PostReturn(int coreFuncIndex) implements CanonOption {}

  /** {@code async}. */
  record Async() implements CanonOption {}

  /** {@code (callback f)}: a core function index. */
  record Callback(int coreFuncIndex) implements CanonOption {}
}
