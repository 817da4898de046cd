package io.cloister.enclave.rpc;

import io.cloister.enclave.deploy.RunningApp;
import io.cloister.serve.AppLimits;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The running apps whose exported functions {@code /rpc} and {@code /mcp} reach, by name. */
public final class RpcApps implements AutoCloseable {
  private final Map<String, RpcApp> apps = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("rpc-deadlines").daemon().factory());

  /** Makes {@code app}'s functions callable under {@code limits}, replacing an earlier version. */
  public void register(RunningApp app, AppLimits limits) {
    apps.put(
        app.name(),
        new RpcApp(
            app.name(),
            app.compiled().wasi(),
            app.compiled().linked(),
            RpcFunction.of(app.compiled().component().type().exports()),
            limits.answerDeadline(),
            limits.maxConcurrentRequests(),
            timer));
  }

  /** The app is gone: its functions answer 404 from now on. */
  public void remove(String name) {
    apps.remove(name);
  }

  /** The app {@code name}, if it runs. */
  public Optional<RpcApp> app(String name) {
    return Optional.ofNullable(apps.get(name));
  }

  /** Stops the deadline timer. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
