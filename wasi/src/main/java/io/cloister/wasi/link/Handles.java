package io.cloister.wasi.link;

import io.cloister.component.types.ResourceType;
import io.cloister.component.values.Value;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.WasiTrap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One instance's host resources as guest handles: turns Java objects into {@code own} values and
 * handle values back into objects, through a {@link ResourceTable}.
 */
public final class Handles {
  private final ResourceTable table;

  /** Handles backed by {@code table}. */
  public Handles(ResourceTable table) {
    this.table = table;
  }

  /** The table behind the handles. */
  public ResourceTable table() {
    return table;
  }

  /** A new owned handle of {@code type} for {@code object}. */
  public Value own(ResourceType type, Object object) {
    return new Value.ResourceValue(type, table.push(object), true);
  }

  /** A new owned handle for {@code object} that must be dropped before {@code parent}. */
  public Value ownChild(ResourceType type, Object object, Value parent) {
    return new Value.ResourceValue(type, table.pushChild(object, rep(parent, null)), true);
  }

  /** The object behind a borrowed or owned handle, which stays in the table. */
  public <T> T get(Value handle, ResourceType type, Class<T> cls) {
    return table.get(rep(handle, type), cls);
  }

  /**
   * The object behind an owned handle the guest handed over ({@code finish}, {@code set}): removed
   * from the table; traps while it still has children.
   */
  public <T> T take(Value handle, ResourceType type, Class<T> cls) {
    return table.delete(rep(handle, type), cls);
  }

  /** A destructor that removes the entry and then runs {@code close} on its object. */
  public <T> IntConsumer dropper(Class<T> cls, Consumer<? super T> close) {
    return rep -> close.accept(table.delete(rep, cls));
  }

  /** A destructor that only removes the entry. */
  public IntConsumer dropper(Class<?> cls) {
    return rep -> table.delete(rep, cls);
  }

  private static int rep(Value handle, ResourceType expected) {
    if (!(handle instanceof Value.ResourceValue r)) {
      throw new IllegalArgumentException("expected a resource handle, got " + handle);
    }
    if (expected != null && r.type() != expected) {
      throw new WasiTrap("handle of " + r.type().name() + " where " + expected.name() + " is due");
    }
    return r.rep();
  }
}
