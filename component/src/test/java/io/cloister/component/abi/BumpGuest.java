package io.cloister.component.abi;

import io.cloister.component.engine.LinearMemory;
import io.cloister.component.engine.chicory.FlatMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest stand-in for unit tests: a real Chicory linear memory of one page and a bump {@code
 * realloc} that, like {@code cabi_realloc}, copies the old bytes when it moves a block. It records
 * every call so tests can check the sizes and alignments the ABI asks for.
 */
final class BumpGuest implements Realloc {
  final LinearMemory memory = FlatMemory.of(1, 1);
  final List<String> calls = new ArrayList<>();
  final ResourceTable resources = new ResourceTable();
  int next = 1024;

  @Override
  public int realloc(int originalPtr, int originalSize, int alignment, int newSize) {
    calls.add(originalPtr + "," + originalSize + "," + alignment + "," + newSize);
    if (newSize <= originalSize) {
      return originalPtr;
    }
    int ptr = (next + alignment - 1) & -alignment;
    next = ptr + newSize;
    if (originalSize > 0) {
      memory.write(ptr, memory.readBytes(originalPtr, originalSize));
    }
    return ptr;
  }

  CanonOptions options(StringEncoding encoding) {
    return new CanonOptions(encoding, memory, this, null);
  }

  CallContext context() {
    return new CallContext(options(StringEncoding.UTF8), resources);
  }

  CallContext context(StringEncoding encoding) {
    return new CallContext(options(encoding), resources);
  }
}
