package io.cloister.component.link;

/**
 * Destroys a host resource when a guest drops its last owning handle, given the host state of the
 * instance that held it.
 *
 * @param <T> the per-instance host state
 */
@FunctionalInterface
public interface HostResourceDestructor<T> {

  /** Destroys the resource with representation {@code rep} of the instance with {@code state}. */
  void destroy(T state, int rep);
}
