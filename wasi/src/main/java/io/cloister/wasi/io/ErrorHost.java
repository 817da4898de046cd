package io.cloister.wasi.io;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.io.Error;

/** {@code wasi:io/error}: the errors of failed stream operations, held in one instance's table. */
public final class ErrorHost implements Error {
  private final ResourceTable table;

  /** Errors in {@code table}. */
  public ErrorHost(ResourceTable table) {
    this.table = table;
  }

  @Override
  public String errorToDebugString(Borrow<ErrorResource> self) {
    return table.get(self.rep(), IoError.class).toDebugString();
  }

  @Override
  public void dropError(Own<ErrorResource> handle) {
    table.delete(handle.rep(), IoError.class);
  }
}
