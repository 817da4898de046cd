package io.cloister.component.engine.chicory;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.cloister.component.engine.MemoryCapExceededException;

/**
 * The linear memory one component instance may still take, in 64 KiB pages, shared by all of its
 * core memories: each memory's initial pages are taken when it is made, each {@code memory.grow}
 * takes its pages or is refused. Pages are never given back (wasm memories do not shrink); the
 * budget dies with the instance.
 */
final class MemoryBudget {
  private final long capBytes;
  private final long capPages;
  private long usedPages;

  MemoryBudget(long capBytes) {
    this.capBytes = capBytes;
    this.capPages = capBytes / Memory.PAGE_SIZE;
  }

  /**
   * A memory with {@code declared} limits, its maximum lowered to what the budget could ever give
   * it, its initial pages taken from the budget (and allocated now).
   *
   * @throws MemoryCapExceededException if the initial pages do not fit in what is left
   */
  Memory newMemory(MemoryLimits declared, String where) {
    int initial = declared.initialPages();
    if (!reserve(initial)) {
      throw new MemoryCapExceededException(
          where, (long) initial * Memory.PAGE_SIZE, usedBytes(), capBytes);
    }
    long maximum = Math.min(declared.maximumPages(), capPages);
    return new FlatMemory(new MemoryLimits(initial, (int) maximum, declared.shared()), this);
  }

  /** Takes {@code pages} if they fit, else takes nothing. */
  synchronized boolean reserve(int pages) {
    if (pages > capPages - usedPages) {
      return false;
    }
    usedPages += pages;
    return true;
  }

  private synchronized long usedBytes() {
    return usedPages * Memory.PAGE_SIZE;
  }
}
