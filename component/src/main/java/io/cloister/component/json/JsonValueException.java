package io.cloister.component.json;

/**
 * A JSON document does not match the component type it should carry. The message starts with the
 * JSON path of the offending node, e.g. {@code $.point.x: expected u32, got -1}.
 */
public final class JsonValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** An error at {@code path} (a JSONPath such as {@code $.items[2].name}). */
  public JsonValueException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** The JSON path of the node that did not match. */
  public String path() {
    return path;
  }
}
