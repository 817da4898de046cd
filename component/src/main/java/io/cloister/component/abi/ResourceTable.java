package io.cloister.component.abi;

import io.cloister.component.types.ResourceType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The handle table of one component instance and the {@code resource.new / rep / drop} built-ins
 * on it, as CanonicalABI.md's {@code Table}, {@code ResourceHandle} and {@code ComponentInstance}
 * define them. Index 0 is never used; freed indices are reused first. Not thread-safe: a component
 * instance runs one call at a time.
 */
public final class ResourceTable {
  /** The spec's {@code Table.MAX_LENGTH}: the high 4 bits of an index stay free for guests. */
  public static final int MAX_LENGTH = (1 << 28) - 1;

  private final ArrayList<ResourceHandle> array = new ArrayList<>();
  private int[] free = new int[8];
  private int freeCount;
  private final Map<ResourceType, ResourceDestructor> destructors = new IdentityHashMap<>();
  private final Map<ResourceType, Boolean> definedHere = new IdentityHashMap<>();

  /** An empty table. */
  public ResourceTable() {
    array.add(null);
  }

  /**
   * Declares that this component instance implements {@code type} ({@code rt.impl is inst}): a
   * borrow of it is then passed to this instance as the bare {@code rep}. The destructor, if any,
   * runs when an owning handle is dropped.
   */
  public void defineResource(ResourceType type, ResourceDestructor destructor) {
    definedHere.put(type, Boolean.TRUE);
    if (destructor != null) {
      destructors.put(type, destructor);
    }
  }

  /** Registers the destructor of a resource this instance imports (for example a host resource). */
  public void registerDestructor(ResourceType type, ResourceDestructor destructor) {
    destructors.put(type, destructor);
  }

  /** Whether this instance implements {@code type}. */
  public boolean defines(ResourceType type) {
    return definedHere.containsKey(type);
  }

  /** {@code canon resource.new}: a new owning handle to {@code rep}; returns its index. */
  public int resourceNew(ResourceType type, int rep) {
    return add(new ResourceHandle(type, rep, true, null));
  }

  /** {@code canon resource.rep}: the representation behind handle {@code index}. */
  public int resourceRep(ResourceType type, int index) {
    ResourceHandle h = get(index);
    checkType(h, type, index);
    return h.rep();
  }

  /**
   * {@code canon resource.drop}: removes handle {@code index}; an owning handle runs the
   * destructor, a borrowed one ends its borrow.
   */
  public void resourceDrop(ResourceType type, int index) {
    ResourceHandle h = get(index);
    checkType(h, type, index);
    if (h.lends() != 0) {
      throw new CanonicalAbiTrap(
          "cannot drop handle " + index + " of " + type.name() + ": it is still borrowed");
    }
    remove(index);
    if (h.own()) {
      destroy(type, h.rep());
    } else {
      h.borrowScope().endBorrow();
    }
  }

  /** The handle at {@code index}, for tests and diagnostics. */
  public ResourceHandle get(int index) {
    if (index <= 0 || index >= array.size() || array.get(index) == null) {
      throw new CanonicalAbiTrap("unknown resource handle " + Integer.toUnsignedString(index));
    }
    return array.get(index);
  }

  /** How many handles are live. */
  public int size() {
    return array.size() - 1 - freeCount;
  }

  private void destroy(ResourceType type, int rep) {
    ResourceDestructor d = destructors.get(type);
    if (d != null) {
      d.destroy(rep);
    }
  }

  int lowerOwn(ResourceType type, int rep) {
    return add(new ResourceHandle(type, rep, true, null));
  }

  int lowerBorrow(ResourceType type, int rep, CallContext scope) {
    if (defines(type)) {
      return rep;
    }
    scope.beginBorrow();
    return add(new ResourceHandle(type, rep, false, scope));
  }

  int liftOwn(ResourceType type, int index) {
    ResourceHandle h = get(index);
    checkType(h, type, index);
    if (h.lends() != 0) {
      throw new CanonicalAbiTrap(
          "cannot move handle " + index + " of " + type.name() + ": it is still borrowed");
    }
    if (!h.own()) {
      throw new CanonicalAbiTrap(
          "handle " + index + " of " + type.name() + " is a borrow, an own was expected");
    }
    remove(index);
    return h.rep();
  }

  int liftBorrow(ResourceType type, int index, CallContext scope) {
    ResourceHandle h = get(index);
    checkType(h, type, index);
    scope.addLender(h);
    return h.rep();
  }

  private static void checkType(ResourceHandle h, ResourceType type, int index) {
    if (h.type() != type) {
      throw new CanonicalAbiTrap(
          "handle " + index + " is a " + h.type().name() + ", expected a " + type.name());
    }
  }

  private int add(ResourceHandle h) {
    if (freeCount > 0) {
      int i = free[--freeCount];
      array.set(i, h);
      return i;
    }
    int i = array.size();
    if (i > MAX_LENGTH) {
      throw new CanonicalAbiTrap("resource handle table is full (" + MAX_LENGTH + " handles)");
    }
    array.add(h);
    return i;
  }

  private void remove(int index) {
    array.set(index, null);
    if (freeCount == free.length) {
      free = java.util.Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = index;
  }
}
