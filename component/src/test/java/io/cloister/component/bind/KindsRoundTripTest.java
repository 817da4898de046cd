package io.cloister.component.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.kinds.test.kinds.Host;
import io.cloister.component.kinds.test.kinds.HostLink;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.ComponentFunction;
import io.cloister.component.runtime.ComponentInstance;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.component.values.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed bindings generated from {@code src/test/wit/test-kinds} (an embedder's own interface),
 * through a real component: {@code fixtures/link/build/kinds.component.wasm} forwards each {@code
 * echo} export to the {@code host} import of the same name, so every value is lowered into the
 * guest, lifted into the typed Java host below, and back, twice.
 */
class KindsRoundTripTest {
  private static final String ECHO = "test:kinds/echo@0.1.0";

  /** An echoing host with counters in a map: what an embedder writes. */
  static final class EchoHost implements Host {
    final List<String> calls = new ArrayList<>();
    final Map<Integer, int[]> counters = new HashMap<>();
    int next = 1;

    private <X> X seen(String name, X x) {
      calls.add(name);
      return x;
    }

    @Override
    public Own<Counter> newCounter(int start) {
      counters.put(next, new int[] {start});
      return new Own<>(next++);
    }

    @Override
    public int counterGet(Borrow<Counter> self) {
      return counters.get(self.rep())[0];
    }

    @Override
    public void counterAdd(Borrow<Counter> self, int n) {
      counters.get(self.rep())[0] += n;
    }

    @Override
    public Own<Counter> counterZero() {
      return newCounter(0);
    }

    @Override
    public void dropCounter(Own<Counter> handle) {
      counters.remove(handle.rep());
      calls.add("drop");
    }

    @Override
    public int peek(Borrow<Counter> c) {
      return counters.get(c.rep())[0];
    }

    @Override
    public boolean passBool(boolean x) {
      return seen("bool", x);
    }

    @Override
    public byte passU8(byte x) {
      return seen("u8", x);
    }

    @Override
    public byte passS8(byte x) {
      return seen("s8", x);
    }

    @Override
    public short passU16(short x) {
      return seen("u16", x);
    }

    @Override
    public short passS16(short x) {
      return seen("s16", x);
    }

    @Override
    public int passU32(int x) {
      return seen("u32", x);
    }

    @Override
    public int passS32(int x) {
      return seen("s32", x);
    }

    @Override
    public long passU64(long x) {
      return seen("u64", x);
    }

    @Override
    public long passS64(long x) {
      return seen("s64", x);
    }

    @Override
    public float passF32(float x) {
      return seen("f32", x);
    }

    @Override
    public double passF64(double x) {
      return seen("f64", x);
    }

    @Override
    public int passChar(int x) {
      return seen("char", x);
    }

    @Override
    public String passString(String x) {
      return seen("string", x);
    }

    @Override
    public io.cloister.component.kinds.Tuple8<Byte, Byte, Short, Short, Integer, Integer, Long, Long>
        passInts(byte a, byte b, short c, short d, int e, int f, long g, long h) {
      return seen("ints", new io.cloister.component.kinds.Tuple8<>(a, b, c, d, e, f, g, h));
    }

    @Override
    public byte[] passBytes(byte[] x) {
      return seen("bytes", x);
    }

    @Override
    public List<String> passStrings(List<String> x) {
      return seen("strings", x);
    }

    @Override
    public Point passPoint(Point x) {
      return seen("point", x);
    }

    @Override
    public Shape passShape(Shape x) {
      return seen("shape", x);
    }

    @Override
    public Tuple2<Shape, Shape> passShapes(Shape a, Shape b) {
      // Swapped, so a forwarding bug that mixes the two up shows.
      return seen("shapes", new Tuple2<>(b, a));
    }

    @Override
    public Event passEvent(Event x) {
      return seen("event", x);
    }

    @Override
    public Color passColor(Color x) {
      return seen("color", x);
    }

    @Override
    public Set<Perms> passPerms(Set<Perms> x) {
      return seen("perms", x);
    }

    @Override
    public Set<Small> passSmall(Set<Small> x) {
      return seen("small", x);
    }

    @Override
    public Optional<Integer> passOptionU32(Optional<Integer> x) {
      return seen("option-u32", x);
    }

    @Override
    public Optional<String> passOptionString(Optional<String> x) {
      return seen("option-string", x);
    }

    @Override
    public Optional<Optional<Byte>> passOptionOption(Optional<Optional<Byte>> x) {
      return seen("option-option", x);
    }

    @Override
    public Result<String, Integer> passResultStringU32(Result<String, Integer> x) {
      return seen("result-string-u32", x);
    }

    @Override
    public Result<Void, String> passResultUnitString(Result<Void, String> x) {
      return seen("result-unit-string", x);
    }

    @Override
    public Result<Void, Void> passResultBare(Result<Void, Void> x) {
      return seen("result-bare", x);
    }

    @Override
    public Tuple3<Byte, String, Double> passTuple(Tuple3<Byte, String, Double> x) {
      return seen("tuple", x);
    }

    @Override
    public List<Host.Shape> passListShape(List<Host.Shape> x) {
      return seen("list-shape", x);
    }

    @Override
    public void nothing() {
      calls.add("nothing");
    }
  }

  private EchoHost host;
  private ComponentInstance instance;

  @BeforeEach
  void setUp() throws Exception {
    Path wasm = Path.of("..", "fixtures", "link", "build", "kinds.component.wasm");
    Component c = Component.compile(Files.readAllBytes(wasm), EngineOptions.interpreted());
    Linker<EchoHost> linker = new Linker<>();
    HostLink.define(linker, h -> h);
    host = new EchoHost();
    instance = linker.prepare(c).instantiate(host);
  }

  private Value echo(String function, Value... args) {
    ComponentFunction f = instance.exportedFunction(ECHO, function);
    List<Value> r = f.call(List.of(args));
    return r.isEmpty() ? null : r.get(0);
  }

  @Test
  void scalarsComeBackUnchanged() {
    assertThat(echo("pass-bool", new Value.Bool(true))).isEqualTo(new Value.Bool(true));
    assertThat(echo("pass-u8", new Value.U8(250))).isEqualTo(new Value.U8(250));
    assertThat(echo("pass-s8", new Value.S8((byte) -7))).isEqualTo(new Value.S8((byte) -7));
    assertThat(echo("pass-u16", new Value.U16(65000))).isEqualTo(new Value.U16(65000));
    assertThat(echo("pass-s16", new Value.S16((short) -300)))
        .isEqualTo(new Value.S16((short) -300));
    assertThat(echo("pass-u32", new Value.U32(-2))).isEqualTo(new Value.U32(-2));
    assertThat(echo("pass-s32", new Value.S32(Integer.MIN_VALUE)))
        .isEqualTo(new Value.S32(Integer.MIN_VALUE));
    assertThat(echo("pass-u64", new Value.U64(-1L))).isEqualTo(new Value.U64(-1L));
    assertThat(echo("pass-s64", new Value.S64(Long.MIN_VALUE)))
        .isEqualTo(new Value.S64(Long.MIN_VALUE));
    assertThat(echo("pass-f32", new Value.F32(1.5f))).isEqualTo(new Value.F32(1.5f));
    assertThat(echo("pass-f64", new Value.F64(-0.25))).isEqualTo(new Value.F64(-0.25));
    assertThat(echo("pass-char", new Value.Char(0x1F600))).isEqualTo(new Value.Char(0x1F600));
    assertThat(echo("pass-string", new Value.Str("héllo, wörld")))
        .isEqualTo(new Value.Str("héllo, wörld"));
    assertThat(host.calls)
        .containsExactly(
            "bool", "u8", "s8", "u16", "s16", "u32", "s32", "u64", "s64", "f32", "f64", "char",
            "string");
  }

  @Test
  void recordsVariantsEnumsFlagsAndListsComeBackUnchanged() {
    Host.Shape a =
        new Host.Shape(
            "a",
            new Host.Point(1, -2),
            List.of(new Host.Point(3, 4), new Host.Point(-5, 6)),
            Optional.of("tag"));
    Host.Shape b = new Host.Shape("b", new Host.Point(0, 0), List.of(), Optional.empty());
    assertThat(HostLink.liftShape(echo("pass-shape", HostLink.lowerShape(a)))).isEqualTo(a);
    assertThat(echo("pass-shapes", HostLink.lowerShape(a), HostLink.lowerShape(b)))
        .isEqualTo(new Value.TupleValue(List.of(HostLink.lowerShape(b), HostLink.lowerShape(a))));
    for (Host.Event e :
        List.of(
            new Host.Event.None(),
            new Host.Event.Text("t"),
            new Host.Event.Moved(new Host.Point(7, 8)),
            new Host.Event.Code(-1),
            new Host.Event.Quit())) {
      assertThat(HostLink.liftEvent(echo("pass-event", HostLink.lowerEvent(e)))).isEqualTo(e);
    }
    assertThat(HostLink.liftColor(echo("pass-color", HostLink.lowerColor(Host.Color.BLUE))))
        .isEqualTo(Host.Color.BLUE);
    EnumSet<Host.Perms> perms = EnumSet.of(Host.Perms.P0, Host.Perms.P17, Host.Perms.P31);
    assertThat(HostLink.liftPerms(echo("pass-perms", HostLink.lowerPerms(perms)))).isEqualTo(perms);
    EnumSet<Host.Small> small = EnumSet.of(Host.Small.C);
    assertThat(HostLink.liftSmall(echo("pass-small", HostLink.lowerSmall(small)))).isEqualTo(small);
    Value bytes = new Value.Bytes("\u0000\u00ffx".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Values.bytes(echo("pass-bytes", bytes))).isEqualTo(Values.bytes(bytes));
    Value strings = new Value.ListValue(List.of(new Value.Str("a"), new Value.Str("")));
    assertThat(echo("pass-strings", strings)).isEqualTo(strings);
    assertThat(host.calls)
        .containsExactly(
            "shape", "shapes", "event", "event", "event", "event", "event", "color", "perms",
            "small", "bytes", "strings");
  }

  @Test
  void optionsResultsAndTuplesComeBackUnchanged() {
    List<Value> values =
        List.of(
            new Value.OptionValue(Optional.of(new Value.U32(9))),
            new Value.OptionValue(Optional.empty()));
    for (Value v : values) {
      assertThat(echo("pass-option-u32", v)).isEqualTo(v);
    }
    Value someNone =
        new Value.OptionValue(Optional.of(new Value.OptionValue(Optional.empty())));
    assertThat(echo("pass-option-option", someNone)).isEqualTo(someNone);
    Value err = new Value.ResultValue(false, Optional.of(new Value.U32(404)));
    assertThat(echo("pass-result-string-u32", err)).isEqualTo(err);
    Value ok = new Value.ResultValue(true, Optional.of(new Value.Str("fine")));
    assertThat(echo("pass-result-string-u32", ok)).isEqualTo(ok);
    Value unitErr = new Value.ResultValue(false, Optional.of(new Value.Str("no")));
    assertThat(echo("pass-result-unit-string", unitErr)).isEqualTo(unitErr);
    Value bare = new Value.ResultValue(false, Optional.empty());
    assertThat(echo("pass-result-bare", bare)).isEqualTo(bare);
    Value tuple =
        new Value.TupleValue(List.of(new Value.U8(1), new Value.Str("two"), new Value.F64(3.0)));
    assertThat(echo("pass-tuple", tuple)).isEqualTo(tuple);
    assertThat(echo("nothing")).isNull();
    assertThat(host.calls).endsWith("tuple", "nothing");
  }

  @Test
  void resourcesGoThroughConstructorMethodsStaticsAndDrop() {
    assertThat(echo("counter-roundtrip", new Value.U32(40), new Value.U32(2)))
        .isEqualTo(new Value.U32(42));
    // The guest dropped both counters it made: the host's destructor ran for each.
    assertThat(host.counters).isEmpty();
    assertThat(host.calls).containsExactly("drop", "drop");
  }
}
