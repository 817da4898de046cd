package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The state of one call across the component boundary (the spec's {@code LiftLowerContext} with
 * its borrow scope): the options, the guest instance's handle table, the borrows handed to the
 * guest ({@code num_borrows}) and the handles the guest lent to the host ({@code lenders}). Create
 * one per call; it is not reusable after {@link #exit()}.
 */
public final class CallContext {
  private final CanonOptions options;
  private final ResourceTable resources;
  private final LinearMemory memory;
  private int borrows;
  private ArrayList<ResourceHandle> lenders;

  /** A context for one call into or out of the instance that owns {@code resources}. */
  public CallContext(CanonOptions options, ResourceTable resources) {
    this.options = Objects.requireNonNull(options, "options");
    this.resources = Objects.requireNonNull(resources, "resources");
    this.memory = options.memory();
  }

  /** The canonical options of this call. */
  public CanonOptions options() {
    return options;
  }

  /** The guest instance's handle table. */
  public ResourceTable resources() {
    return resources;
  }

  /**
   * Ends the call: releases the handles the guest lent for it and traps if the guest still holds
   * borrows the host lent it. The {@link CallPlan} entry points that finish a call run this.
   */
  public void exit() {
    if (lenders != null) {
      for (ResourceHandle h : lenders) {
        h.unlend();
      }
      lenders = null;
    }
    if (borrows > 0) {
      throw new CanonicalAbiTrap(
          borrows + " borrowed handle(s) still remain at the end of the call");
    }
  }

  void beginBorrow() {
    borrows++;
  }

  void endBorrow() {
    borrows--;
  }

  void addLender(ResourceHandle h) {
    if (lenders == null) {
      lenders = new ArrayList<>(2);
    }
    h.lend();
    lenders.add(h);
  }

  LinearMemory memory() {
    if (memory == null) {
      throw new CanonicalAbiTrap("this function needs the canonical option 'memory', which is absent");
    }
    return memory;
  }

  /** The memory's current length in bytes. */
  long memoryLength() {
    return (long) memory().pages() * LinearMemory.PAGE_SIZE;
  }

  /**
   * Traps unless {@code [ptr, ptr + length)} lies in memory and {@code ptr} is a multiple of
   * {@code alignment}. {@code ptr} is an unsigned 32-bit pointer; {@code length} is exact.
   */
  void checkRange(int ptr, long length, int alignment, String what) {
    long p = Integer.toUnsignedLong(ptr);
    if ((p & (alignment - 1)) != 0) {
      throw new CanonicalAbiTrap(
          what + " pointer 0x" + Long.toHexString(p) + " is not aligned to " + alignment);
    }
    long end = p + length;
    long size = memoryLength();
    if (end > size) {
      throw new CanonicalAbiTrap(
          what + " [0x" + Long.toHexString(p) + ", 0x" + Long.toHexString(end)
              + ") is outside memory of " + size + " bytes");
    }
  }

  /** {@code cx.reallocate}: calls realloc and checks the answer's alignment and bounds. */
  int reallocate(int oldPtr, int oldSize, int alignment, long newSize, String what) {
    Realloc realloc = options.realloc();
    if (realloc == null) {
      throw new CanonicalAbiTrap(
          "lowering " + what + " needs the canonical option 'realloc', which is absent");
    }
    if (newSize > 0xffff_ffffL) {
      throw new CanonicalAbiTrap(what + " of " + newSize + " bytes exceeds a 32-bit memory");
    }
    int ptr = realloc.realloc(oldPtr, oldSize, alignment, (int) newSize);
    checkRange(ptr, newSize, alignment, "realloc result for " + what);
    return ptr;
  }

  int allocate(int alignment, long size, String what) {
    return reallocate(0, 0, alignment, size, what);
  }
}
