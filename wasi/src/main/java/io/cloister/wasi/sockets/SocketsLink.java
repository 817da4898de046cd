package io.cloister.wasi.sockets;

import io.cloister.component.types.ResourceType;
import io.cloister.wasi.link.Denials;
import io.cloister.wasi.link.Handles;
import io.cloister.wasi.link.HostDefinitions;
import io.cloister.wasi.link.Results;
import java.util.List;

/**
 * {@code wasi:sockets}, denied: a guest gets a network handle, but every lookup and socket creation
 * answers {@code error-code.access-denied}, so no socket ever exists.
 */
public final class SocketsLink {
  private static final String V = "@0.2.0";

  /** The {@code access-denied} case of {@code error-code}. */
  static final int ACCESS_DENIED = 1;

  /** The one network handle a guest may hold: it grants nothing. */
  record DeniedNetwork() {}

  private SocketsLink() {}

  /** Defines network, instance-network, ip-name-lookup, tcp, udp and their create-socket. */
  public static void register(HostDefinitions defs, Handles handles) {
    String network = "wasi:sockets/network" + V;
    ResourceType net = defs.resource(network, "network", handles.dropper(DeniedNetwork.class));
    defs.function(network, "network-error-code", a -> Results.one(Results.none()));
    defs.function(
        "wasi:sockets/instance-network" + V,
        "instance-network",
        a -> Results.one(handles.own(net, new DeniedNetwork())));

    String lookup = "wasi:sockets/ip-name-lookup" + V;
    defs.resource(lookup, "resolve-address-stream", handles.dropper(Object.class));
    new Denials(defs, lookup)
        .deny(ACCESS_DENIED, List.of("resolve-addresses"))
        .unreachable(
            List.of(
                "[method]resolve-address-stream.resolve-next-address",
                "[method]resolve-address-stream.subscribe"));

    new Denials(defs, "wasi:sockets/tcp-create-socket" + V)
        .deny(ACCESS_DENIED, List.of("create-tcp-socket"));
    new Denials(defs, "wasi:sockets/udp-create-socket" + V)
        .deny(ACCESS_DENIED, List.of("create-udp-socket"));

    String tcp = "wasi:sockets/tcp" + V;
    defs.resource(tcp, "tcp-socket", handles.dropper(Object.class));
    new Denials(defs, tcp)
        .unreachable(
            methods(
                "tcp-socket",
                List.of(
                    "start-bind",
                    "finish-bind",
                    "start-connect",
                    "finish-connect",
                    "start-listen",
                    "finish-listen",
                    "accept",
                    "local-address",
                    "remote-address",
                    "is-listening",
                    "address-family",
                    "set-listen-backlog-size",
                    "keep-alive-enabled",
                    "set-keep-alive-enabled",
                    "keep-alive-idle-time",
                    "set-keep-alive-idle-time",
                    "keep-alive-interval",
                    "set-keep-alive-interval",
                    "keep-alive-count",
                    "set-keep-alive-count",
                    "hop-limit",
                    "set-hop-limit",
                    "receive-buffer-size",
                    "set-receive-buffer-size",
                    "send-buffer-size",
                    "set-send-buffer-size",
                    "subscribe",
                    "shutdown")));

    String udp = "wasi:sockets/udp" + V;
    defs.resource(udp, "udp-socket", handles.dropper(Object.class));
    defs.resource(udp, "incoming-datagram-stream", handles.dropper(Object.class));
    defs.resource(udp, "outgoing-datagram-stream", handles.dropper(Object.class));
    new Denials(defs, udp)
        .unreachable(
            methods(
                "udp-socket",
                List.of(
                    "start-bind",
                    "finish-bind",
                    "stream",
                    "local-address",
                    "remote-address",
                    "address-family",
                    "unicast-hop-limit",
                    "set-unicast-hop-limit",
                    "receive-buffer-size",
                    "set-receive-buffer-size",
                    "send-buffer-size",
                    "set-send-buffer-size",
                    "subscribe")))
        .unreachable(methods("incoming-datagram-stream", List.of("receive", "subscribe")))
        .unreachable(
            methods("outgoing-datagram-stream", List.of("check-send", "send", "subscribe")));
  }

  private static List<String> methods(String resource, List<String> names) {
    return names.stream().map(n -> "[method]" + resource + "." + n).toList();
  }
}
