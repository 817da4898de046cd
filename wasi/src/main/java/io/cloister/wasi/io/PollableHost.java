package io.cloister.wasi.io;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.io.Poll;
import java.util.ArrayList;
import java.util.List;

/** {@code wasi:io/poll} over one instance's table (the waiting itself is {@link PollHost}'s). */
public final class PollableHost implements Poll {
  private final ResourceTable table;

  /** Pollables in {@code table}. */
  public PollableHost(ResourceTable table) {
    this.table = table;
  }

  @Override
  public boolean pollableReady(Borrow<Pollable> self) {
    return pollable(self).ready();
  }

  @Override
  public void pollableBlock(Borrow<Pollable> self) {
    PollHost.block(pollable(self));
  }

  @Override
  public void dropPollable(Own<Pollable> handle) {
    table.delete(handle.rep(), io.cloister.wasi.io.Pollable.class);
  }

  @Override
  public List<Integer> poll(List<Borrow<Pollable>> in) {
    List<io.cloister.wasi.io.Pollable> ps = new ArrayList<>(in.size());
    for (Borrow<Pollable> b : in) {
      ps.add(pollable(b));
    }
    return PollHost.poll(ps);
  }

  private io.cloister.wasi.io.Pollable pollable(Borrow<Pollable> b) {
    return table.get(b.rep(), io.cloister.wasi.io.Pollable.class);
  }
}
