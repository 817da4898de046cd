package io.cloister.wasi;

import io.cloister.component.bind.Own;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.wasi.bindings.wasi.cli.EnvironmentLink;
import io.cloister.wasi.bindings.wasi.cli.ExitLink;
import io.cloister.wasi.bindings.wasi.cli.StderrLink;
import io.cloister.wasi.bindings.wasi.cli.StdinLink;
import io.cloister.wasi.bindings.wasi.cli.StdoutLink;
import io.cloister.wasi.bindings.wasi.cli.TerminalInputLink;
import io.cloister.wasi.bindings.wasi.cli.TerminalOutputLink;
import io.cloister.wasi.bindings.wasi.cli.TerminalStderrLink;
import io.cloister.wasi.bindings.wasi.cli.TerminalStdinLink;
import io.cloister.wasi.bindings.wasi.cli.TerminalStdoutLink;
import io.cloister.wasi.bindings.wasi.clocks.MonotonicClockLink;
import io.cloister.wasi.bindings.wasi.clocks.WallClockLink;
import io.cloister.wasi.bindings.wasi.http.OutgoingHandlerLink;
import io.cloister.wasi.bindings.wasi.io.ErrorLink;
import io.cloister.wasi.bindings.wasi.io.PollLink;
import io.cloister.wasi.bindings.wasi.io.Streams;
import io.cloister.wasi.bindings.wasi.io.StreamsLink;
import io.cloister.wasi.bindings.wasi.logging.draft.LoggingLink;
import io.cloister.wasi.bindings.wasi.random.InsecureLink;
import io.cloister.wasi.bindings.wasi.random.InsecureSeedLink;
import io.cloister.wasi.bindings.wasi.random.RandomLink;
import io.cloister.wasi.bindings.wasi.sockets.InstanceNetworkLink;
import io.cloister.wasi.bindings.wasi.sockets.IpNameLookupLink;
import io.cloister.wasi.bindings.wasi.sockets.NetworkLink;
import io.cloister.wasi.bindings.wasi.sockets.TcpCreateSocketLink;
import io.cloister.wasi.bindings.wasi.sockets.TcpLink;
import io.cloister.wasi.bindings.wasi.sockets.UdpCreateSocketLink;
import io.cloister.wasi.bindings.wasi.sockets.UdpLink;
import io.cloister.wasi.cli.EnvironmentHost;
import io.cloister.wasi.cli.ExitHost;
import io.cloister.wasi.cli.StdioHost;
import io.cloister.wasi.clocks.MonotonicClockHost;
import io.cloister.wasi.clocks.WallClockHost;
import io.cloister.wasi.http.HttpHandlerInvoker;
import io.cloister.wasi.http.HttpTypesHost;
import io.cloister.wasi.http.IncomingHandlerExport;
import io.cloister.wasi.http.OutgoingHandlerHost;
import io.cloister.wasi.io.ErrorHost;
import io.cloister.wasi.io.PollableHost;
import io.cloister.wasi.io.StreamsHost;
import io.cloister.wasi.keyvalue.KeyValueHosts;
import io.cloister.wasi.logging.LoggingHost;
import io.cloister.wasi.random.InsecureHost;
import io.cloister.wasi.random.InsecureSeedHost;
import io.cloister.wasi.random.RandomHost;
import io.cloister.wasi.sockets.NetworkHost;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The WASI state of one component instance: its resource table and every interface's host, over one
 * app's {@link WasiHost} configuration. Made by {@link WasiApp#newContext()} for an app linked once
 * (or registered on a linker of its own), passed to the instantiation, then (for an HTTP app) asked
 * for an {@link HttpHandlerInvoker} for the instance.
 *
 * <p>Every interface is defined through its generated typed bindings ({@code
 * io.cloister.wasi.bindings}), with the exact WIT type of each function, so a component importing
 * one with another signature is refused when linked.
 */
public final class WasiContext {
  private final WasiHost host;
  private final ResourceTable table = new ResourceTable();
  private final ErrorHost error = new ErrorHost(table);
  private final PollableHost poll = new PollableHost(table);
  private final StreamsHost streams = new StreamsHost(table);
  private final WallClockHost wallClock;
  private final MonotonicClockHost monotonicClock;
  private final RandomHost random;
  private final InsecureHost insecure;
  private final InsecureSeedHost insecureSeed;
  private final EnvironmentHost environment;
  private final ExitHost exit = new ExitHost();
  private final StdioHost stdio;
  private final LoggingHost logging;
  private final KeyValueHosts keyValue;
  private final NetworkHost network = new NetworkHost(table);
  private final HttpTypesHost httpTypes = new HttpTypesHost(table);
  private final OutgoingHandlerHost outgoingHandler;
  private IncomingHandlerExport incomingHandler;

  WasiContext(WasiHost host) {
    this.host = host;
    this.wallClock = new WallClockHost(host.clock());
    this.monotonicClock = new MonotonicClockHost(host.clock(), table);
    this.random = new RandomHost(host.random());
    this.insecure = new InsecureHost(new SplittableRandom(host.random().nextLong()));
    this.insecureSeed = new InsecureSeedHost(host.random());
    this.environment =
        new EnvironmentHost(host.environment(), host.arguments(), Optional.empty());
    this.stdio = new StdioHost(host.log(), host.clock());
    this.keyValue = new KeyValueHosts(table, host.keyValue());
    this.logging = new LoggingHost(host.log(), host.clock());
    this.outgoingHandler = new OutgoingHandlerHost(host.outgoingAllowList(), table);
  }

  /** The instance's host resources (for leak checks and metrics). */
  public ResourceTable table() {
    return table;
  }

  /**
   * Defines every WASI interface on {@code linker} for this context alone (a linker per instance;
   * {@link WasiApp} links once per app instead).
   */
  public void register(Linker<?> linker) {
    define(linker, host.capabilities(), state -> this);
    incomingHandler = IncomingHandlerExport.of(linker);
  }

  /** Gives this context its app's incoming-handler export, as the app's linker defines it. */
  void bind(IncomingHandlerExport export) {
    incomingHandler = export;
  }

  /**
   * Defines every WASI interface on {@code linker}; each call goes to the context {@code context}
   * gives for the calling instance's state.
   */
  static <T> void define(
      Linker<T> linker, Set<Capability> granted, Function<? super T, WasiContext> context) {
    ErrorLink.define(linker, s -> context.apply(s).error);
    PollLink.define(linker, s -> context.apply(s).poll);
    StreamsLink.define(linker, s -> context.apply(s).streams);
    if (granted.contains(Capability.CLOCKS)) {
      WallClockLink.define(linker, s -> context.apply(s).wallClock);
      MonotonicClockLink.define(linker, s -> context.apply(s).monotonicClock);
    } else {
      WallClockLink.deny(linker);
      MonotonicClockLink.deny(linker);
    }
    if (granted.contains(Capability.RANDOM)) {
      RandomLink.define(linker, s -> context.apply(s).random);
      InsecureLink.define(linker, s -> context.apply(s).insecure);
      InsecureSeedLink.define(linker, s -> context.apply(s).insecureSeed);
    } else {
      RandomLink.deny(linker);
      InsecureLink.deny(linker);
      InsecureSeedLink.deny(linker);
    }
    if (granted.contains(Capability.ENVIRONMENT)) {
      EnvironmentLink.define(linker, s -> context.apply(s).environment);
    } else {
      EnvironmentLink.deny(linker);
    }
    ExitLink.define(linker, s -> context.apply(s).exit);
    StdinLink.define(linker, s -> context.apply(s)::stdin);
    StdoutLink.define(linker, s -> context.apply(s)::stdout);
    StderrLink.define(linker, s -> context.apply(s)::stderr);
    // No terminal is ever attached.
    TerminalInputLink.deny(linker);
    TerminalOutputLink.deny(linker);
    TerminalStdinLink.deny(linker);
    TerminalStdoutLink.deny(linker);
    TerminalStderrLink.deny(linker);
    if (granted.contains(Capability.LOGGING)) {
      LoggingLink.define(linker, s -> context.apply(s).logging);
    } else {
      LoggingLink.deny(linker);
    }
    if (granted.contains(Capability.KEYVALUE)) {
      KeyValueHosts.define(linker, s -> context.apply(s).keyValue);
    } else {
      KeyValueHosts.deny(linker);
    }
    // No preopened directory, so a guest never holds a descriptor: every call answers `access`.
    io.cloister.wasi.bindings.wasi.filesystem.TypesLink.deny(linker);
    io.cloister.wasi.bindings.wasi.filesystem.PreopensLink.deny(linker);
    // A network handle that grants nothing: lookups and sockets answer `access-denied`.
    NetworkLink.define(linker, s -> context.apply(s).network);
    InstanceNetworkLink.define(linker, s -> context.apply(s).network);
    IpNameLookupLink.deny(linker);
    TcpCreateSocketLink.deny(linker);
    TcpLink.deny(linker);
    UdpCreateSocketLink.deny(linker);
    UdpLink.deny(linker);
    io.cloister.wasi.bindings.wasi.http.TypesLink.define(linker, s -> context.apply(s).httpTypes);
    OutgoingHandlerLink.define(linker, s -> context.apply(s).outgoingHandler);
  }

  private Own<Streams.InputStream> stdin() {
    return new Own<>(table.push(stdio.getStdin()));
  }

  private Own<Streams.OutputStream> stdout() {
    return new Own<>(table.push(stdio.getStdout()));
  }

  private Own<Streams.OutputStream> stderr() {
    return new Own<>(table.push(stdio.getStderr()));
  }

  /**
   * An invoker for {@code instance}'s {@code wasi:http/incoming-handler} export (any 0.2.x
   * version); the instance must have been created with a linker this context was registered on.
   *
   * @throws java.util.NoSuchElementException if the component exports no incoming handler
   */
  public HttpHandlerInvoker httpHandler(ComponentInstance instance) {
    if (incomingHandler == null) {
      throw new IllegalStateException("register this context on a linker first");
    }
    return incomingHandler.bind(instance, table);
  }
}
