package io.cloister.wasi;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An interface an app may be granted (ARCHITECTURE "Capabilities an app gets"). An import of an
 * interface outside an app's capabilities is linked to its deny-by-default implementation, so the
 * component still instantiates and a call gets the interface's refusal. Plumbing every other
 * interface needs (io streams, poll, errors, exit, stdio into the log) is always linked.
 */
public enum Capability {
  /** The entry point: the app answers HTTP requests through its incoming-handler export. */
  HTTP_INCOMING_HANDLER("wasi:http/incoming-handler"),
  /** {@code wasi:keyvalue} store, atomics and batch (both drafts), isolated per app. */
  KEYVALUE("wasi:keyvalue/store"),
  /** {@code wasi:clocks} wall clock and monotonic clock. */
  CLOCKS("wasi:clocks/wall-clock"),
  /** {@code wasi:logging}, streamed to the host. */
  LOGGING("wasi:logging/logging"),
  /** {@code wasi:random}: secure, insecure and the insecure seed. */
  RANDOM("wasi:random/random"),
  /** {@code wasi:cli/environment}: the app's name, version and configured variables. */
  ENVIRONMENT("wasi:cli/environment");

  /** What an app gets when its deployment names none: all six. */
  public static final Set<Capability> DEFAULTS =
      Collections.unmodifiableSet(EnumSet.allOf(Capability.class));

  private final String interfaceName;

  Capability(String interfaceName) {
    this.interfaceName = interfaceName;
  }

  /** The capability's name: a WASI interface name without version, e.g. {@code wasi:random/random}. */
  public String interfaceName() {
    return interfaceName;
  }

  /**
   * The capability named {@code name} (its interface name, e.g. {@code wasi:logging/logging}).
   *
   * @throws IllegalArgumentException naming the capabilities there are, if none has that name
   */
  public static Capability parse(String name) {
    for (Capability c : values()) {
      if (c.interfaceName.equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown capability '" + name + "'; the capabilities are " + names(DEFAULTS));
  }

  /** The interface names of {@code capabilities}, sorted. */
  public static List<String> names(Set<Capability> capabilities) {
    return capabilities.stream().map(Capability::interfaceName).sorted().toList();
  }

  /** The capabilities named, refusing unknown names (see {@link #parse}). */
  public static Set<Capability> parseAll(List<String> names) {
    return names.stream()
        .map(Capability::parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
  }

  @Override
  public String toString() {
    return interfaceName;
  }

  static {
    // interface names are what the Merkle leaf lists: they must stay unique
    assert Arrays.stream(values()).map(c -> c.interfaceName).distinct().count() == values().length;
  }
}
