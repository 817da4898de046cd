package io.cloister.enclave.deploy;

/**
 * Where running apps are reachable: the app listener's router (HTTP under the prefix and host
 * name, and the exported functions under /rpc and /mcp).
 */
public interface AppMounts {

  /** Makes {@code app} reachable, replacing a running app of the same name. */
  void mount(RunningApp app);

  /** Makes the app of {@code name} unreachable; requests in flight finish. */
  void unmount(String name);
}
