package io.cloister.enclave.logs;

import io.cloister.enclave.protocol.LogEntry;
import io.cloister.wasi.logging.AppLog;
import io.cloister.wasi.logging.LogRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One app's log: the last {@link #BACKLOG} lines, and live subscribers. A guest never waits for a
 * subscriber: each has a bounded queue, and a subscriber too slow to keep up loses lines (the
 * sequence numbers show the gap) rather than slowing the app. Messages longer than {@link
 * #MAX_MESSAGE} characters are cut, so one app cannot flood the host.
 */
public final class AppLogStream implements AppLog {
  /** Lines kept for a subscriber that connects later. */
  public static final int BACKLOG = 1000;

  /** Lines queued for one subscriber at most. */
  public static final int SUBSCRIBER_QUEUE = 10_000;

  /** Characters of one message kept. */
  public static final int MAX_MESSAGE = 8 * 1024;

  private final String app;
  private final Consumer<LogEntry> host;
  private final ArrayDeque<LogEntry> backlog = new ArrayDeque<>();
  private final List<BlockingQueue<LogEntry>> subscribers = new CopyOnWriteArrayList<>();
  private long sequence;

  /** The log of {@code app}; every line also goes to {@code host} (the enclave's own output). */
  public AppLogStream(String app, Consumer<LogEntry> host) {
    this.app = app;
    this.host = host;
  }

  @Override
  public void record(LogRecord record) {
    String message = record.message();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " characters)";
    }
    LogEntry entry;
    synchronized (backlog) {
      entry =
          new LogEntry(
              ++sequence,
              record.time(),
              app,
              record.level().name().toLowerCase(Locale.ROOT),
              record.context(),
              message);
      if (backlog.size() == BACKLOG) {
        backlog.removeFirst();
      }
      backlog.addLast(entry);
    }
    for (BlockingQueue<LogEntry> q : subscribers) {
      q.offer(entry); // a full queue drops the line: the subscriber sees the gap
    }
    host.accept(entry);
  }

  /** The lines kept, oldest first. */
  public List<LogEntry> backlog() {
    synchronized (backlog) {
      return new ArrayList<>(backlog);
    }
  }

  /**
   * A subscription: the backlog, then every new line, until closed. The backlog and the live lines
   * neither overlap nor leave a gap.
   */
  public Subscription subscribe() {
    BlockingQueue<LogEntry> queue = new LinkedBlockingQueue<>(SUBSCRIBER_QUEUE);
    List<LogEntry> past;
    synchronized (backlog) {
      past = new ArrayList<>(backlog);
      subscribers.add(queue);
    }
    return new Subscription(past, queue, () -> subscribers.remove(queue));
  }

  /** A live view of the log; close it when done. */
  public static final class Subscription implements AutoCloseable {
    private final List<LogEntry> past;
    private final BlockingQueue<LogEntry> live;
    private final Runnable cancel;

    Subscription(List<LogEntry> past, BlockingQueue<LogEntry> live, Runnable cancel) {
      this.past = past;
      this.live = live;
      this.cancel = cancel;
    }

    /** The lines logged before the subscription. */
    public List<LogEntry> backlog() {
      return past;
    }

    /** The next live line, waiting at most {@code millis}; null if none came. */
    public LogEntry next(long millis) throws InterruptedException {
      return live.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      cancel.run();
    }
  }
}
