package io.cloister.serve.guest;

import io.cloister.wasi.http.HttpHandlerInvoker;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lends guest instances to requests according to an {@link InstancePolicy}. Thread-safe: each lease
 * is used by one request at a time.
 */
public final class GuestPool implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GuestPool.class.getName());
  private final GuestFactory factory;
  private final InstancePolicy policy;
  private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final AtomicInteger leasedCount = new AtomicInteger();
  private final AtomicBoolean retiredOne = new AtomicBoolean();
  private volatile boolean closed;

  /** A pool making instances with {@code factory} under {@code policy}. */
  public GuestPool(GuestFactory factory, InstancePolicy policy) {
    this.factory = factory;
    this.policy = policy;
  }

  /** An instance for one request: an idle one when the policy reuses them, else a new one. */
  public Lease acquire() throws GuestInstantiationException {
    Lease reused = idle.pollFirst();
    if (reused != null) {
      idleCount.decrementAndGet();
      leasedCount.incrementAndGet();
      return reused;
    }
    Lease made = new Lease(factory.instantiate());
    leasedCount.incrementAndGet();
    return made;
  }

  /** Instances waiting for a request. */
  public int idleCount() {
    return idleCount.get();
  }

  /** Instances lent to requests now. */
  public int leasedCount() {
    return leasedCount.get();
  }

  /** Closes the idle instances; leases returned later are closed too. */
  @Override
  public void close() {
    closed = true;
    for (Lease lease = idle.pollFirst(); lease != null; lease = idle.pollFirst()) {
      lease.instance.close();
    }
  }

  /** An instance lent to one request, returned with {@link #release} or {@link #discard}. */
  public final class Lease {
    private final GuestInstance instance;

    private Lease(GuestInstance instance) {
      this.instance = instance;
    }

    /** Calls the instance's handler for one request. */
    public HttpHandlerInvoker invoker() {
      return instance.invoker();
    }

    /** Stops the instance's running call from another thread (see {@link GuestInstance#interrupt}). */
    public void interrupt() {
      instance.interrupt();
    }

    /** The request completed normally: the instance may serve another one if the policy says so. */
    public void release() {
      leasedCount.decrementAndGet();
      if (!(policy instanceof InstancePolicy.Pooled pooled) || closed) {
        instance.close();
      } else if (instance.heldResources() > pooled.maxHeldResources()) {
        if (retiredOne.compareAndSet(false, true)) {
          LOG.log(
              Level.INFO,
              "an instance held {0} resources it was given and never dropped (over {1});"
                  + " such instances are replaced (logged once)",
              instance.heldResources(),
              pooled.maxHeldResources());
        }
        instance.close();
      } else if (idleCount.incrementAndGet() <= pooled.maxIdle()) {
        idle.addFirst(this);
      } else {
        idleCount.decrementAndGet();
        instance.close();
      }
    }

    /** The request trapped, timed out or failed: the instance is never used again. */
    public void discard() {
      leasedCount.decrementAndGet();
      instance.close();
    }
  }
}
