package io.cloister.wasi;

import java.util.Arrays;

/**
 * One instance's host resources: maps the {@code rep} a guest handle carries to the Java object
 * behind it. An entry may be the child of another (a body's stream, a request's headers): a parent
 * cannot be deleted while a child lives, which is how the "drop the stream before finishing the
 * body" rules of wasi:http are enforced.
 */
public final class ResourceTable {
  // A slab indexed by rep (rep 0 is never used); freed reps are reused, most recent first. Every
  // request creates and drops a dozen resources, so this avoids boxing and a hash per access.
  private Entry[] slots = new Entry[16];
  private int[] free = new int[16];
  private int freeCount;
  private int next = 1;
  private int live;

  private static final class Entry {
    final Object value;
    final int parent; // 0: a root entry
    int children;

    Entry(Object value, int parent) {
      this.value = value;
      this.parent = parent;
    }
  }

  /** Adds a root entry and returns its rep. */
  public synchronized int push(Object value) {
    return insert(value, 0);
  }

  /** Adds an entry that must be deleted before {@code parent} can be, and returns its rep. */
  public synchronized int pushChild(Object value, int parent) {
    entry(parent).children++;
    return insert(value, parent);
  }

  private int insert(Object value, int parent) {
    if (value == null) {
      throw new IllegalArgumentException("null resource");
    }
    int rep;
    if (freeCount > 0) {
      rep = free[--freeCount];
    } else {
      rep = next++;
      if (rep == slots.length) {
        slots = Arrays.copyOf(slots, slots.length * 2);
      }
    }
    slots[rep] = new Entry(value, parent);
    live++;
    return rep;
  }

  /** The object behind {@code rep}; traps when there is none or it is not a {@code type}. */
  public synchronized <T> T get(int rep, Class<T> type) {
    Object value = entry(rep).value;
    if (!type.isInstance(value)) {
      throw new WasiTrap(
          "resource "
              + rep
              + " is a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(value);
  }

  /** Whether {@code rep} names a live entry. */
  public synchronized boolean contains(int rep) {
    return rep > 0 && rep < next && slots[rep] != null;
  }

  /** Whether any child of {@code rep} is still alive. */
  public synchronized boolean hasChildren(int rep) {
    return entry(rep).children > 0;
  }

  /**
   * Removes {@code rep} and returns its object; traps when it is missing, not a {@code type}, or
   * still has live children.
   */
  public synchronized <T> T delete(int rep, Class<T> type) {
    T value = get(rep, type);
    Entry e = slots[rep];
    if (e.children > 0) {
      throw new WasiTrap(
          "resource "
              + rep
              + " ("
              + type.getSimpleName()
              + ") dropped while "
              + e.children
              + " child resource(s) are still alive");
    }
    slots[rep] = null;
    live--;
    if (e.parent != 0 && slots[e.parent] != null) {
      slots[e.parent].children--;
    }
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = rep;
    return value;
  }

  /** How many entries are alive (for leak checks in tests and metrics). */
  public synchronized int size() {
    return live;
  }

  private Entry entry(int rep) {
    Entry e = rep > 0 && rep < next ? slots[rep] : null;
    if (e == null) {
      throw new WasiTrap("unknown resource handle rep " + rep);
    }
    return e;
  }
}
