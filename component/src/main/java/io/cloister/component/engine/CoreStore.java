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
}
