package io.cloister.wasi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance's host resources: maps the {@code rep} a guest handle carries to the Java object
 * behind it. An entry may be the child of another (a body's stream, a request's headers): a parent
 * cannot be deleted while a child lives, which is how the "drop the stream before finishing the
 * body" rules of wasi:http are enforced.
 */
public final class ResourceTable {
  private final Map<Integer, Entry> entries = new HashMap<>();
  private final List<Integer> free = new ArrayList<>();
  private int next = 1;

  private static final class Entry {
    final Object value;
    final Integer parent;
    final Set<Integer> children = new HashSet<>();

    Entry(Object value, Integer parent) {
      this.value = value;
      this.parent = parent;
    }
  }

  /** Adds a root entry and returns its rep. */
  public synchronized int push(Object value) {
    return insert(value, null);
  }

  /** Adds an entry that must be deleted before {@code parent} can be, and returns its rep. */
  public synchronized int pushChild(Object value, int parent) {
    entry(parent);
    return insert(value, parent);
  }

  private int insert(Object value, Integer parent) {
    if (value == null) {
      throw new IllegalArgumentException("null resource");
    }
    int rep = free.isEmpty() ? next++ : free.remove(free.size() - 1);
    entries.put(rep, new Entry(value, parent));
    if (parent != null) {
      entries.get(parent).children.add(rep);
    }
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
    return entries.containsKey(rep);
  }

  /** Whether any child of {@code rep} is still alive. */
  public synchronized boolean hasChildren(int rep) {
    return !entry(rep).children.isEmpty();
  }

  /**
   * Removes {@code rep} and returns its object; traps when it is missing, not a {@code type}, or
   * still has live children.
   */
  public synchronized <T> T delete(int rep, Class<T> type) {
    T value = get(rep, type);
    Entry e = entries.get(rep);
    if (!e.children.isEmpty()) {
      throw new WasiTrap(
          "resource "
              + rep
              + " ("
              + type.getSimpleName()
              + ") dropped while "
              + e.children.size()
              + " child resource(s) are still alive");
    }
    entries.remove(rep);
    if (e.parent != null && entries.containsKey(e.parent)) {
      entries.get(e.parent).children.remove(rep);
    }
    free.add(rep);
    return value;
  }

  /** How many entries are alive (for leak checks in tests and metrics). */
  public synchronized int size() {
    return entries.size();
  }

  private Entry entry(int rep) {
    Entry e = entries.get(rep);
    if (e == null) {
      throw new WasiTrap("unknown resource handle rep " + rep);
    }
    return e;
  }
}
