package io.cloister.component.engine;

/**
 * Where the core instances of one component instance live: they may import each other's items,
 * and share one memory budget. Used by one thread at a time.
 */
public interface CoreStore {

  /**
   * Instantiates {@code module}, each import taken from {@code imports}, and runs its start
   * function.
   *
   * @param name the instance's name in errors (e.g. {@code core instance 2})
   * @throws io.cloister.component.engine.MemoryCapExceededException if its memories do not fit
   */
  CoreInstance instantiate(CoreModule module, CoreImports imports, String name);

  /**
   * Stops the call running in this store on another thread, if any: it ends with a trap, and the
   * store may be unusable afterwards. Returns at once. An engine whose guests stop when their
   * thread is interrupted (Chicory checks the flag at calls and backward branches) needs nothing
   * here.
   */
  default void interrupt() {}

  /** Frees what the store holds (its memories, where the engine keeps them off the heap). */
  default void close() {}
}
