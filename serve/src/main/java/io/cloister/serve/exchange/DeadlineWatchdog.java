package io.cloister.serve.exchange;

import io.helidon.http.Status;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the deadlines of guest calls that run on their request's own thread: one daemon thread
 * looks at the calls in flight every {@link #TICK} and interrupts those past a deadline (Chicory
 * then stops the guest with a trap at its next call or backward branch). Registering a call costs a
 * set insertion, not a timer. A call that does not stop within {@link #GRACE} is abandoned: its
 * client gets its 503 from here (if nothing was sent yet), while its thread stays with it.
 *
 * <p>It also bounds reads of request bodies ({@link #watchRead}): a read still waiting for the
 * client after its silence limit is interrupted, which closes the connection's channel.
 */
public final class DeadlineWatchdog implements AutoCloseable {
  /** How often deadlines are checked: their precision. */
  static final Duration TICK = Duration.ofMillis(20);

  /** How long an interrupted call may take to stop before its client is answered without it. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private final Set<Watch> calls = ConcurrentHashMap.newKeySet();
  private final Set<ReadWatch> reads = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean closed;

  /** Starts the watchdog's thread. */
  public DeadlineWatchdog() {
    thread = Thread.ofPlatform().name("guest-deadlines").daemon().start(this::run);
  }

  /**
   * Watches the calling thread's guest call, which began at {@code start} (nanoTime): it must
   * answer through {@code sink} within {@code answer} and end within {@code exchange}. Past a
   * deadline its thread is interrupted and {@code stop} run (for engines that do not look at the
   * thread's interrupt flag).
   */
  Watch watch(
      HelidonResponseSink sink, long start, Duration answer, Duration exchange, Runnable stop) {
    Watch w =
        new Watch(
            Thread.currentThread(), sink, start, answer.toNanos(), exchange.toNanos(), stop);
    calls.add(w);
    return w;
  }

  /**
   * Watches a read that the calling thread begins now: if it has not returned within {@code
   * silenceNanos}, the thread is interrupted.
   */
  ReadWatch watchRead(long silenceNanos) {
    ReadWatch w = new ReadWatch(Thread.currentThread(), System.nanoTime() + silenceNanos);
    reads.add(w);
    return w;
  }

  /** Stops the watchdog's thread. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  private void run() {
    while (!closed) {
      LockSupport.parkNanos(TICK.toNanos());
      long now = System.nanoTime();
      for (Watch w : calls) {
        w.check(now);
      }
      for (ReadWatch r : reads) {
        r.check(now);
      }
    }
  }

  /** One watched call; {@link #close} it when the call returned. */
  final class Watch implements AutoCloseable {
    private final Thread thread;
    private final HelidonResponseSink sink;
    private final long start;
    private final long answer;
    private final long exchange;
    private final Runnable stop;
    private boolean done;
    private boolean fired;
    private long firedAt;
    private boolean answeredForIt;

    private Watch(
        Thread thread,
        HelidonResponseSink sink,
        long start,
        long answer,
        long exchange,
        Runnable stop) {
      this.thread = thread;
      this.stop = stop;
      this.sink = sink;
      this.start = start;
      this.answer = answer;
      this.exchange = exchange;
    }

    private synchronized void check(long now) {
      if (done || answeredForIt) {
        return;
      }
      if (fired) {
        // Still running a grace period after the interrupt: a call stuck where nothing looks at
        // the interrupt. Its thread cannot be taken back, but its client gets its 503 from here.
        if (now - firedAt > GRACE.toNanos()) {
          answeredForIt = true;
          sink.abandon(
              Status.SERVICE_UNAVAILABLE_503,
              "the app did not stop after missing its deadline; instance abandoned");
        }
        return;
      }
      long elapsed = now - start;
      if (elapsed > exchange || (elapsed > answer && !sink.answered().isDone())) {
        fired = true;
        firedAt = now;
        sink.overdue();
        thread.interrupt();
        stop.run();
      }
    }

    /** Whether the call missed a deadline and was interrupted. */
    synchronized boolean fired() {
      return fired;
    }

    /**
     * The call returned: no interrupt comes after this, and one that came is cleared from the
     * thread, which goes on serving the connection.
     */
    @Override
    public void close() {
      synchronized (this) {
        done = true;
      }
      calls.remove(this);
      if (Thread.currentThread() == thread) {
        Thread.interrupted();
      }
    }
  }

  /** One watched read; {@link #close} it when the read returned. */
  final class ReadWatch implements AutoCloseable {
    private final Thread thread;
    private final long deadline;
    private boolean done;
    private boolean fired;

    private ReadWatch(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    private synchronized void check(long now) {
      if (!done && !fired && now - deadline > 0) {
        fired = true;
        thread.interrupt();
      }
    }

    /** Whether the read outlived its silence limit and was interrupted. */
    synchronized boolean fired() {
      return fired;
    }

    /** The read returned: no interrupt comes after this, and one that came is cleared. */
    @Override
    public void close() {
      boolean wasFired;
      synchronized (this) {
        done = true;
        wasFired = fired;
      }
      reads.remove(this);
      if (wasFired && Thread.currentThread() == thread) {
        Thread.interrupted();
      }
    }
  }
}
