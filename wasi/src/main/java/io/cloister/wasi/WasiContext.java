package io.cloister.wasi;

import io.cloister.component.link.InterfaceVersions;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.wasi.cli.CliLink;
import io.cloister.wasi.cli.EnvironmentHost;
import io.cloister.wasi.cli.ExitHost;
import io.cloister.wasi.cli.StdioHost;
import io.cloister.wasi.clocks.ClocksLink;
import io.cloister.wasi.clocks.MonotonicClockHost;
import io.cloister.wasi.clocks.WallClockHost;
import io.cloister.wasi.filesystem.FilesystemLink;
import io.cloister.wasi.http.HttpHandlerInvoker;
import io.cloister.wasi.http.HttpLink;
import io.cloister.wasi.http.OutgoingHandlerHost;
import io.cloister.wasi.io.IoLink;
import io.cloister.wasi.keyvalue.KeyValueLink;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.LinkerDefinitions;
import io.cloister.wasi.logging.LoggingHost;
import io.cloister.wasi.logging.LoggingLink;
import io.cloister.wasi.random.InsecureHost;
import io.cloister.wasi.random.InsecureSeedHost;
import io.cloister.wasi.random.RandomHost;
import io.cloister.wasi.random.RandomLink;
import io.cloister.wasi.sockets.SocketsLink;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The WASI state of one component instance: its resource table and every interface's host, over one
 * app's {@link WasiHost} configuration. Register it on a fresh linker, instantiate, then (for an
 * HTTP app) get an {@link HttpHandlerInvoker} for the instance.
 */
public final class WasiContext {
  private final WasiHost host;
  private final Handles handles = new Handles(new ResourceTable());
  private HttpLink.Types httpTypes;

  WasiContext(WasiHost host) {
    this.host = host;
  }

  /** The instance's host resources (for leak checks and metrics). */
  public ResourceTable table() {
    return handles.table();
  }

  /** Defines every WASI interface on {@code linker}. */
  public void register(Linker<Void> linker) {
    register(new LinkerDefinitions(linker));
  }

  /** Defines every WASI interface on {@code defs}. */
  public void register(HostDefinitions defs) {
    IoLink.Types io = IoLink.register(defs, handles);
    ClocksLink.registerWallClock(defs, new WallClockHost(host.clock()));
    ClocksLink.registerMonotonicClock(
        defs, new MonotonicClockHost(host.clock()), handles, io.pollable());
    RandomLink.register(
        defs,
        new RandomHost(host.random()),
        new InsecureHost(new SplittableRandom(host.random().nextLong())),
        new InsecureSeedHost(host.random()));
    CliLink.registerEnvironment(
        defs, new EnvironmentHost(host.environment(), host.arguments(), Optional.empty()));
    CliLink.registerExit(defs, new ExitHost());
    CliLink.registerStdio(defs, new StdioHost(host.log(), host.clock()), handles, io);
    CliLink.registerTerminals(defs, handles);
    LoggingLink.register(defs, new LoggingHost(host.log(), host.clock()));
    KeyValueLink.register(defs, handles, host.keyValue());
    httpTypes =
        HttpLink.register(defs, handles, io, new OutgoingHandlerHost(host.outgoingAllowList()));
    FilesystemLink.register(defs, handles);
    SocketsLink.register(defs, handles);
  }

  /**
   * An invoker for {@code instance}'s {@code wasi:http/incoming-handler} export (any 0.2.x
   * version); the instance must have been created with a linker this context was registered on.
   *
   * @throws NoSuchElementException if the component exports no incoming handler
   */
  public HttpHandlerInvoker httpHandler(ComponentInstance instance) {
    if (httpTypes == null) {
      throw new IllegalStateException("register this context on a linker first");
    }
    String exported =
        instance.exports().exports().keySet().stream()
            .filter(name -> InterfaceVersions.compatible(name, HttpLink.INCOMING_HANDLER))
            .findFirst()
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "the component exports no " + HttpLink.INCOMING_HANDLER + " (any 0.2.x)"));
    ComponentFunction handle = instance.exportedFunction(exported, "handle");
    return new HttpHandlerInvoker(HttpLink.incomingHandler(httpTypes, handles, handle::call));
  }
}
