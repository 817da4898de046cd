package io.cloister.component.abi;

/** The {@code post-return} canonical option: called with the core results once they are lifted. */
@FunctionalInterface
public interface PostReturn {

  /** Lets the guest free what its results pointed to. */
  void call(long[] coreResults);
}
