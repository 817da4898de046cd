package io.cloister.enclave.route;

import io.cloister.enclave.deploy.AppMounts;
import io.cloister.enclave.deploy.RunningApp;
import io.cloister.enclave.rpc.RpcApps;
import io.cloister.serve.AppLimits;
import io.cloister.serve.AppServer;
import io.cloister.serve.MountedApp;
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
    rpc.register(app, limits);
    if (app.compiled().http().isPresent()) {
      server.mount(
          new MountedApp(
              app.name(),
              app.routePrefix(),
              Optional.of(app.hostName()),
              app.compiled().http().get(),
              limits));
    } else {
      server.unmount(app.name()); // a redeploy without an incoming handler stops serving HTTP
    }
  }

  @Override
  public void unmount(String name) {
    server.unmount(name);
    rpc.remove(name);
  }
}
