package io.cloister.component.bind;

/**
 * A guest called a function of an interface its app was not granted, where the function has no
 * error value to say so: the call traps.
 */
public final class CapabilityDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String iface;
  private final String function;

  /** Function {@code function} of interface {@code iface} is denied. */
  public CapabilityDeniedException(String iface, String function) {
    super(iface + "#" + function + ": this app is not granted " + iface);
    this.iface = iface;
    this.function = function;
  }

  /** The denied interface, with its version. */
  public String iface() {
    return iface;
  }

  /** The function the guest called. */
  public String function() {
    return function;
  }
}
