package io.cloister.enclave.route;

import io.cloister.enclave.deploy.AppMounts;
import io.cloister.enclave.deploy.RunningApp;
import io.cloister.enclave.protocol.AppLimitsSpec;
import io.cloister.enclave.rpc.RpcApps;
import io.cloister.serve.AppLimits;
import io.cloister.serve.AppServer;
import io.cloister.serve.MountedApp;
import java.time.Duration;
import java.util.Optional;

/**
 * The running apps on the app listener: an app with an incoming handler is mounted under its
 * route prefix and host name; every app's exported functions are reached through {@code /rpc}
 * and {@code /mcp}.
 */
public final class ServedApps implements AppMounts {
  private final AppServer server;
  private final AppLimits limits;
  private final RpcApps rpc;

  /** Mounts on {@code server} and in {@code rpc}, each app with {@code limits}. */
  public ServedApps(AppServer server, RpcApps rpc, AppLimits limits) {
    this.server = server;
    this.rpc = rpc;
    this.limits = limits;
  }

  @Override
  public void mount(RunningApp app) {
    AppLimits appLimits = limitsOf(app.record().spec().limits());
    rpc.register(app, appLimits);
    if (app.compiled().http().isPresent()) {
      server.mount(
          new MountedApp(
              app.name(),
              app.routePrefix(),
              Optional.of(app.hostName()),
              app.compiled().http().get(),
              appLimits));
    } else {
      server.unmount(app.name()); // a redeploy without an incoming handler stops serving HTTP
    }
  }

  /** The enclave's limits, with those the app was deployed with in their place. */
  AppLimits limitsOf(AppLimitsSpec spec) {
    AppLimits out = limits;
    if (spec.deadlineMillis().isPresent()) {
      Duration deadline = Duration.ofMillis(spec.deadlineMillis().get());
      out = out.withDeadlines(deadline, max(deadline, out.exchangeDeadline()));
    }
    if (spec.maxBodyBytes().isPresent()) {
      out = out.withMaxPayloadSize(spec.maxBodyBytes().get());
    }
    if (spec.maxConcurrentRequests().isPresent()) {
      out = out.withMaxConcurrentRequests(spec.maxConcurrentRequests().get());
    }
    if (spec.maxMemoryBytes().isPresent()) {
      out = out.withMaxMemory(spec.maxMemoryBytes().get()); // applied where it was compiled
    }
    return out;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public void unmount(String name) {
    server.unmount(name);
    rpc.remove(name);
  }
}
