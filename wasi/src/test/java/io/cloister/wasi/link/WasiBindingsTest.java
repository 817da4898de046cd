package io.cloister.wasi.link;

import static io.cloister.wasi.link.RecordingDefinitions.borrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.values.Value;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.WasiTrap;
import io.cloister.wasi.bindings.wasi.cli.EnvironmentLink;
import io.cloister.wasi.bindings.wasi.cli.StdinLink;
import io.cloister.wasi.bindings.wasi.clocks.MonotonicClockLink;
import io.cloister.wasi.bindings.wasi.filesystem.PreopensLink;
import io.cloister.wasi.bindings.wasi.filesystem.TypesLink;
import io.cloister.wasi.bindings.wasi.http.OutgoingHandlerLink;
import io.cloister.wasi.bindings.wasi.io.ErrorLink;
import io.cloister.wasi.bindings.wasi.io.PollLink;
import io.cloister.wasi.bindings.wasi.io.StreamsLink;
import io.cloister.wasi.bindings.wasi.sockets.InstanceNetworkLink;
import io.cloister.wasi.bindings.wasi.sockets.IpNameLookupLink;
import io.cloister.wasi.bindings.wasi.sockets.TcpCreateSocketLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Value-level bindings, called as the runtime calls them. */
class WasiBindingsTest {
  private static final String H = io.cloister.wasi.bindings.wasi.http.TypesLink.INTERFACE;
  private RecordingDefinitions defs;
  private WasiContext ctx;

  @BeforeEach
  void setUp() {
    defs = new RecordingDefinitions();
    ctx = WasiHost.builder("t").variable("K", "V").build().newContext();
    ctx.register(defs.linker());
  }

  private static Value str(String s) {
    return new Value.Str(s);
  }

  private static Value bytes(String s) {
    return new Value.Bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Value ok(Value r) {
    assertThat(r)
        .isInstanceOfSatisfying(Value.ResultValue.class, x -> assertThat(x.isOk()).isTrue());
    return ((Value.ResultValue) r).payload().orElse(null);
  }

  private static Value err(Value r) {
    assertThat(r)
        .isInstanceOfSatisfying(Value.ResultValue.class, x -> assertThat(x.isOk()).isFalse());
    return ((Value.ResultValue) r).payload().orElse(null);
  }

  @Test
  void fieldsThroughTheBinding() {
    Value f = defs.call(H, "[constructor]fields");
    ok(defs.call(H, "[method]fields.append", borrow(f), str("x-a"), bytes("1")));
    assertThat(defs.call(H, "[method]fields.get", borrow(f), str("X-A")))
        .isEqualTo(new Value.ListValue(List.of(bytes("1"))));
    Value bad =
        defs.call(
            H,
            "[static]fields.from-list",
            new Value.ListValue(List.of(new Value.TupleValue(List.of(str("a b"), bytes("v"))))));
    assertThat(err(bad)).isEqualTo(new Value.VariantValue(0, Optional.empty())); // invalid-syntax
    Value forbidden =
        defs.call(H, "[method]fields.set", borrow(f), str("Host"), new Value.ListValue(List.of()));
    assertThat(err(forbidden)).isEqualTo(new Value.VariantValue(1, Optional.empty()));
  }

  @Test
  void finishingAnOutgoingBodyWhileItsStreamLivesTraps() {
    Value resp =
        defs.call(H, "[constructor]outgoing-response", defs.call(H, "[constructor]fields"));
    Value body = ok(defs.call(H, "[method]outgoing-response.body", borrow(resp)));
    assertThat(defs.call(H, "[method]outgoing-response.body", borrow(resp)))
        .isEqualTo(new Value.ResultValue(false, Optional.empty()));
    Value stream = ok(defs.call(H, "[method]outgoing-body.write", borrow(body)));
    Value none = new Value.OptionValue(Optional.empty());
    assertThatThrownBy(() -> defs.call(H, "[static]outgoing-body.finish", body, none))
        .isInstanceOf(WasiTrap.class)
        .hasMessageContaining("dropped before finishing");
    ok(
        defs.call(
            StreamsLink.INTERFACE,
            "[method]output-stream.blocking-write-and-flush",
            borrow(stream),
            bytes("hi")));
    defs.drop(stream);
    assertThat(defs.call(H, "[static]outgoing-body.finish", body, none))
        .isEqualTo(new Value.ResultValue(true, Optional.empty()));
  }

  @Test
  void outgoingRequestsAreDenied() {
    Value req = defs.call(H, "[constructor]outgoing-request", defs.call(H, "[constructor]fields"));
    ok(
        defs.call(
            H,
            "[method]outgoing-request.set-authority",
            borrow(req),
            new Value.OptionValue(Optional.of(str("example.com")))));
    Value r =
        defs.call(
            OutgoingHandlerLink.INTERFACE, "handle", req, new Value.OptionValue(Optional.empty()));
    assertThat(err(r))
        .isEqualTo(new Value.VariantValue(15, Optional.empty())); // HTTP-request-denied
  }

  @Test
  void streamErrorsAreLoweredWithAnErrorResource() {
    Value stdin = defs.call(StdinLink.INTERFACE, "get-stdin");
    Value closed =
        err(
            defs.call(
                StreamsLink.INTERFACE, "[method]input-stream.read", borrow(stdin), new Value.U64(4)));
    assertThat(closed).isEqualTo(new Value.VariantValue(1, Optional.empty()));

    Value body =
        ok(
            defs.call(
                H,
                "[method]outgoing-response.body",
                borrow(
                    defs.call(
                        H,
                        "[constructor]outgoing-response",
                        defs.call(H, "[constructor]fields")))));
    // An outgoing request's body has no reader: the first write reports why, then closed.
    Value req = defs.call(H, "[constructor]outgoing-request", defs.call(H, "[constructor]fields"));
    Value reqBody = ok(defs.call(H, "[method]outgoing-request.body", borrow(req)));
    Value out = ok(defs.call(H, "[method]outgoing-body.write", borrow(reqBody)));
    Value failed = err(defs.call(StreamsLink.INTERFACE, "[method]output-stream.check-write", borrow(out)));
    Value.VariantValue v = (Value.VariantValue) failed;
    assertThat(v.caseIndex()).isZero();
    Value message =
        defs.call(ErrorLink.INTERFACE, "[method]error.to-debug-string", borrow(v.payload().orElseThrow()));
    assertThat(message).isEqualTo(str("this host sends no outgoing requests"));
    assertThat(defs.call(H, "http-error-code", borrow(v.payload().orElseThrow())))
        .isEqualTo(new Value.OptionValue(Optional.empty()));
    assertThat(body).isNotNull();
  }

  @Test
  void filesystemAndSocketsAreDenied() {
    assertThat(defs.call(PreopensLink.INTERFACE, "get-directories"))
        .isEqualTo(new Value.ListValue(List.of()));
    assertThat(
            err(
                defs.call(
                    TcpCreateSocketLink.INTERFACE,
                    "create-tcp-socket",
                    new Value.EnumValue(0))))
        .isEqualTo(new Value.EnumValue(1)); // access-denied
    Value net = defs.call(InstanceNetworkLink.INTERFACE, "instance-network");
    assertThat(
            err(
                defs.call(
                    IpNameLookupLink.INTERFACE,
                    "resolve-addresses",
                    borrow(net),
                    str("example.com"))))
        .isEqualTo(new Value.EnumValue(1));
    assertThat(defs.defines(TypesLink.INTERFACE, "[method]descriptor.open-at")).isTrue();
  }

  @Test
  void environmentHoldsTheAppAndItsVariablesOnly() {
    Value env = defs.call(EnvironmentLink.INTERFACE, "get-environment");
    assertThat(((Value.ListValue) env).elements())
        .containsExactly(
            new Value.TupleValue(List.of(str(WasiHost.APP_NAME_VARIABLE), str("t"))),
            new Value.TupleValue(List.of(str(WasiHost.APP_VERSION_VARIABLE), str("0"))),
            new Value.TupleValue(List.of(str("K"), str("V"))));
  }

  @Test
  void droppedResourcesLeaveTheTable() {
    int before = ctx.table().size();
    Value f = defs.call(H, "[constructor]fields");
    Value p =
        defs.call(MonotonicClockLink.INTERFACE, "subscribe-duration", new Value.U64(0));
    assertThat(defs.call(PollLink.INTERFACE, "poll", new Value.ListValue(List.of(borrow(p)))))
        .isEqualTo(new Value.ListValue(List.of(new Value.U32(0))));
    defs.drop(f);
    defs.drop(p);
    assertThat(ctx.table().size()).isEqualTo(before);
  }
}
