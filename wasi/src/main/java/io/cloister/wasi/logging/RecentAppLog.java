package io.cloister.wasi.logging;

import java.util.ArrayDeque;
import java.util.List;

/** An {@link AppLog} that keeps the most recent records in memory, bounded in count. */
public final class RecentAppLog implements AppLog {
  private final int limit;
  private final ArrayDeque<LogRecord> records = new ArrayDeque<>();

  /** Keeps at most {@code limit} records; older ones are dropped first. */
  public RecentAppLog(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  @Override
  public synchronized void record(LogRecord record) {
    if (records.size() == limit) {
      records.removeFirst();
    }
    records.addLast(record);
  }

  /** A copy of the records kept, oldest first. */
  public synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }
}
