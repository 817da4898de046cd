package io.cloister.serve.exchange;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every app of one server shares: the carrier budget, the deadline watchdog and the platform
 * threads that run guests beyond the budget. Each app's {@link ExchangeHandler} takes a share.
 */
public final class ServerResources implements AutoCloseable {
  private final CarrierBudget carriers = CarrierBudget.ofScheduler();
  private final DeadlineWatchdog watchdog = new DeadlineWatchdog();
  private final ExecutorService guestThreads =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("guest-", 0).daemon().factory());

  /** Fresh resources, one set per server. */
  public ServerResources() {}

  CarrierBudget carriers() {
    return carriers;
  }

  DeadlineWatchdog watchdog() {
    return watchdog;
  }

  ExecutorService guestThreads() {
    return guestThreads;
  }

  /** Interrupts the guest threads still running and stops the watchdog. */
  @Override
  public void close() {
    guestThreads.shutdownNow();
    watchdog.close();
  }
}
