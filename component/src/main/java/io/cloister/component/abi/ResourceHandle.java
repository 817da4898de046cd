package io.cloister.component.abi;

import io.cloister.component.types.ResourceType;

/**
 * One element of a component instance's handle table ({@code ResourceHandle} in the spec): an
 * owning or borrowed handle to the resource {@code rep} of type {@code type}.
 */
public final class ResourceHandle {
  private final ResourceType type;
  private final int rep;
  private final boolean own;
  private final CallContext borrowScope;
  private int lends;

  ResourceHandle(ResourceType type, int rep, boolean own, CallContext borrowScope) {
    this.type = type;
    this.rep = rep;
    this.own = own;
    this.borrowScope = borrowScope;
  }

  /** The resource type (compared by identity). */
  public ResourceType type() {
    return type;
  }

  /** The representation the resource's implementer chose. */
  public int rep() {
    return rep;
  }

  /** Whether this handle owns the resource (else it borrows it). */
  public boolean own() {
    return own;
  }

  /** How many borrows lent from this handle are still live. */
  public int lends() {
    return lends;
  }

  CallContext borrowScope() {
    return borrowScope;
  }

  void lend() {
    lends++;
  }

  void unlend() {
    lends--;
  }
}
