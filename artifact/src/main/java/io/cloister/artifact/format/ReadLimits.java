package io.cloister.artifact.format;

/**
 * Caps on what a reader accepts, so that a hostile length or count is an error, not an
 * allocation.
 *
 * @param maxFileBytes the largest file read at all
 * @param maxEntries the most entries of one list (functions, modules, classes of a module)
 */
public record ReadLimits(long maxFileBytes, int maxEntries) {
  /** 256 MiB and a million entries: well past the 13 MB JavaScript app and its 12,698 functions. */
  public static final ReadLimits DEFAULT = new ReadLimits(256L << 20, 1 << 20);

  public ReadLimits {
    if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxFileBytes must be in 1.." + (Integer.MAX_VALUE - 8));
    }
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must not be negative");
    }
  }
}
