package io.cloister.component.abi;

/** Destroys the resource with representation {@code rep} when its last owning handle is dropped. */
@FunctionalInterface
public interface ResourceDestructor {

  /** Runs the destructor (a guest's {@code dtor} export, or a host callback). */
  void destroy(int rep);
}
