package io.cloister.wasi.sockets;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.bindings.wasi.io.Error;
import io.cloister.wasi.bindings.wasi.sockets.InstanceNetwork;
import io.cloister.wasi.bindings.wasi.sockets.Network;
import java.util.Optional;

/**
 * {@code wasi:sockets/network} and {@code instance-network}, denied: a guest gets a network handle
 * that grants nothing (every lookup and socket creation, generated deny-by-default, answers {@code
 * access-denied}), so no socket ever exists.
 */
public final class NetworkHost implements Network, InstanceNetwork {
  /** The one kind of network handle a guest may hold. */
  record DeniedNetwork() {}

  private final ResourceTable table;

  /** Network handles in {@code table}. */
  public NetworkHost(ResourceTable table) {
    this.table = table;
  }

  @Override
  public Own<NetworkResource> instanceNetwork() {
    return new Own<>(table.push(new DeniedNetwork()));
  }

  @Override
  public Optional<ErrorCode> networkErrorCode(Borrow<Error.ErrorResource> err) {
    return Optional.empty();
  }

  @Override
  public void dropNetwork(Own<NetworkResource> handle) {
    table.delete(handle.rep(), DeniedNetwork.class);
  }
}
