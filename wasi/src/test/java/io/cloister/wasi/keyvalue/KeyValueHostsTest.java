package io.cloister.wasi.keyvalue;

import static io.cloister.wasi.link.RecordingDefinitions.borrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.bind.Borrow;
import io.cloister.component.bind.Own;
import io.cloister.component.bind.Result;
import io.cloister.component.bind.Tuple2;
import io.cloister.component.values.Value;
import io.cloister.wasi.ResourceTable;
import io.cloister.wasi.WasiTrap;
import io.cloister.wasi.bindings.wasi.keyvalue.draft.Store;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.Atomics;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.AtomicsLink;
import io.cloister.wasi.bindings.wasi.keyvalue.draft2.StoreLink;
import io.cloister.wasi.link.RecordingDefinitions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both wasi:keyvalue drafts' typed hosts, called as their generated interfaces, and once through a
 * real linker with the values the runtime lifts and lowers.
 */
class KeyValueHostsTest {
  private static final String NO_SUCH = "missing";
  private static final String DENIED = "secret";

  private final ResourceTable table = new ResourceTable();
  private final InMemoryKeyValueBuckets memory = new InMemoryKeyValueBuckets();
  private KeyValueHosts hosts;
  private DraftHost draft;
  private Draft2Host draft2;

  @BeforeEach
  void setUp() {
    hosts =
        new KeyValueHosts(
            table,
            id ->
                switch (id) {
                  case NO_SUCH ->
                      throw new KeyValueException(new KeyValueError.NoSuchStore(), "no " + id);
                  case DENIED ->
                      throw new KeyValueException(new KeyValueError.AccessDenied(), "not " + id);
                  default -> memory.open(id);
                });
    draft = hosts.draft();
    draft2 = hosts.draft2();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T ok(Result<T, ?> r) {
    assertThat(r).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<T, ?>) r).value();
  }

  private static <E> E err(Result<?, E> r) {
    assertThat(r).isInstanceOf(Result.Err.class);
    return ((Result.Err<?, E>) r).error();
  }

  private static <R> Borrow<R> borrowOf(Own<R> own) {
    return new Borrow<>(own.rep());
  }

  private Borrow<Store.Bucket> openDraft(String name) {
    return borrowOf(ok(draft.open(name)));
  }

  private Borrow<io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Bucket> openDraft2(
      String name) {
    return borrowOf(ok(draft2.open(name)));
  }

  private void fillPageAndTwo(String bucket) throws KeyValueException {
    KeyValueStore store = memory.open(bucket);
    for (int i = 0; i < KeyValueStore.PAGE_SIZE + 2; i++) {
      store.set(String.format("k%05d", i), new byte[0]);
    }
  }

  @Test
  void draftCursorsAreNumbersThatContinueTheListing() throws Exception {
    fillPageAndTwo("b");
    Borrow<Store.Bucket> bucket = openDraft("b");
    Store.KeyResponse first = ok(draft.bucketListKeys(bucket, Optional.empty()));
    assertThat(first.keys()).hasSize(KeyValueStore.PAGE_SIZE).startsWith("k00000");
    Store.KeyResponse second = ok(draft.bucketListKeys(bucket, first.cursor()));
    assertThat(second.keys()).containsExactly("k01000", "k01001");
    assertThat(second.cursor()).isEmpty();
    assertThat(err(draft.bucketListKeys(bucket, Optional.of(999L))))
        .isEqualTo(new Store.Error.Other("unknown or expired list-keys cursor 999"));
    // a number stands for a key of the handle that issued it only
    assertThat(err(draft.bucketListKeys(openDraft("b"), first.cursor())))
        .isInstanceOf(Store.Error.Other.class);
  }

  @Test
  void draft2CursorsAreStringsThatAnyHandleContinuesAndBadOnesAreErrors() throws Exception {
    fillPageAndTwo("b");
    var bucket = openDraft2("b");
    var first = ok(draft2.bucketListKeys(bucket, Optional.empty()));
    assertThat(first.keys()).hasSize(KeyValueStore.PAGE_SIZE);
    assertThat(first.cursor()).contains(KeyCursor.encode("k00999"));
    // a second bucket handle (as another instance would hold) continues from the same cursor
    var second = ok(draft2.bucketListKeys(openDraft2("b"), first.cursor()));
    assertThat(second.keys()).containsExactly("k01000", "k01001");
    assertThat(second.cursor()).isEmpty();
    for (String bad : List.of("", "k00999", "k1.!!", "k1.a", "k1.YQ==", "k1._w")) {
      assertThat(err(draft2.bucketListKeys(bucket, Optional.of(bad))))
          .as("cursor '%s'", bad)
          .isInstanceOfSatisfying(
              io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Error.Other.class,
              o -> assertThat(o.value()).startsWith("invalid list-keys cursor: "));
    }
  }

  @Test
  void draftsShareBucketsAndCountInTheirOwnTypes() {
    Borrow<Store.Bucket> b1 = openDraft("c");
    var b2 = openDraft2("c");
    assertThat(ok(draft2.increment(b2, "n", -2))).isEqualTo(-2L);
    assertThat(ok(draft.increment(b1, "n", 5))).isEqualTo(3L);
    ok(draft2.setMany(b2, List.of(new Tuple2<>("x", bytes("1")))));
    assertThat(ok(draft.bucketGet(b1, "x")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
    assertThat(ok(draft.bucketExists(b1, "x"))).isTrue();
    ok(draft.bucketDelete(b1, "x"));
    assertThat(ok(draft2.bucketExists(b2, "x"))).isFalse();
    ok(draft.bucketSet(b1, "y", bytes("2")));
    assertThat(ok(draft2.bucketGet(b2, "y")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("2")));
  }

  @Test
  void batchGetsSetsAndDeletesMany() throws Exception {
    Borrow<Store.Bucket> bucket = openDraft("batch");
    ok(
        draft.setMany(
            bucket, List.of(new Tuple2<>("x", bytes("1")), new Tuple2<>("y", bytes("2")))));
    List<Optional<Tuple2<String, byte[]>>> got =
        ok(draft.getMany(bucket, List.of("x", "missing", "y")));
    assertThat(got).hasSize(3);
    assertThat(got.get(0)).hasValueSatisfying(e -> assertThat(e.v1()).isEqualTo(bytes("1")));
    assertThat(got.get(1)).isEmpty();
    assertThat(got.get(2)).hasValueSatisfying(e -> assertThat(e.v0()).isEqualTo("y"));
    ok(draft2.deleteMany(openDraft2("batch"), List.of("x", "y", "never-there")));
    assertThat(memory.open("batch").listKeys(Optional.empty()).keys()).isEmpty();
  }

  @Test
  void casSwapsOnlyWhenTheValueIsUnchanged() {
    var bucket = openDraft2("cas");
    Own<Atomics.Cas> op = ok(draft2.casNew(bucket, "k"));
    assertThat(ok(draft2.casCurrent(borrowOf(op)))).isEmpty();
    Own<Atomics.Cas> stale = ok(draft2.casNew(bucket, "k"));
    assertThat(draft2.swap(op, bytes("first"))).isEqualTo(Result.ok());
    // stale still expects an absent key: it fails and hands back an operation that sees "first"
    Atomics.CasError failed = err(draft2.swap(stale, bytes("second")));
    assertThat(failed).isInstanceOf(Atomics.CasError.CasFailed.class);
    Own<Atomics.Cas> retry = ((Atomics.CasError.CasFailed) failed).value();
    assertThat(ok(draft2.casCurrent(borrowOf(retry))))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("first")));
    assertThat(draft2.swap(retry, bytes("second"))).isEqualTo(Result.ok());
    assertThat(ok(draft2.bucketGet(bucket, "k")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("second")));
    // a swap consumes its operation, whatever the outcome
    assertThatThrownBy(() -> draft2.casCurrent(borrowOf(op))).isInstanceOf(WasiTrap.class);
    Own<Atomics.Cas> tooLong = ok(draft2.casNew(bucket, "k".repeat(5000)));
    assertThat(err(draft2.swap(tooLong, bytes("v"))))
        .isInstanceOfSatisfying(
            Atomics.CasError.StoreError.class,
            e ->
                assertThat(e.value())
                    .isInstanceOf(
                        io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Error.Other.class));
  }

  @Test
  void storeFailuresAreErrorValuesNotTraps() throws Exception {
    assertThat(err(draft.open(NO_SUCH))).isEqualTo(new Store.Error.NoSuchStore());
    assertThat(err(draft.open(DENIED))).isEqualTo(new Store.Error.AccessDenied());
    assertThat(err(draft2.open(NO_SUCH)))
        .isEqualTo(new io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Error.NoSuchStore());
    assertThat(err(draft2.open(DENIED)))
        .isEqualTo(new io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Error.AccessDenied());
    memory.open("e").set("text", bytes("hello"));
    assertThat(err(draft.increment(openDraft("e"), "text", 1)))
        .isInstanceOf(Store.Error.Other.class);
    assertThat(err(draft2.bucketSet(openDraft2("e"), "k".repeat(5000), bytes("v"))))
        .isEqualTo(
            new io.cloister.wasi.bindings.wasi.keyvalue.draft2.Store.Error.Other(
                "key longer than " + KeyValueStore.MAX_KEY_BYTES + " bytes"));
  }

  @Test
  void aHandleOfTheWrongKindTrapsAndDroppedHandlesLeaveTheTable() {
    int before = table.size();
    Own<Store.Bucket> bucket = ok(draft.open("w"));
    Own<Atomics.Cas> op = ok(draft2.casNew(openDraft2("w"), "k"));
    assertThatThrownBy(() -> draft.bucketGet(new Borrow<>(op.rep()), "k"))
        .isInstanceOf(WasiTrap.class)
        .hasMessageContaining("not a OpenBucket");
    assertThatThrownBy(() -> draft2.casCurrent(new Borrow<>(bucket.rep())))
        .isInstanceOf(WasiTrap.class)
        .hasMessageContaining("not a CasOperation");
    draft2.dropCas(op);
    draft.dropBucket(bucket);
    assertThat(table.size()).isEqualTo(before + 1); // the draft2 bucket the cas was made on
  }

  @Test
  void throughALinkerWithTheirWitTypes() {
    RecordingDefinitions defs = new RecordingDefinitions();
    KeyValueHosts.define(defs.linker(), state -> hosts);
    Value bucket = defs.call(StoreLink.INTERFACE, "open", new Value.Str("l"));
    Value own = ((Value.ResultValue) bucket).payload().orElseThrow();
    // atomics borrows the bucket resource that store defines: one type per (interface, name)
    assertThat(((Value.ResourceValue) own).type())
        .isSameAs(defs.linker().resourceType(StoreLink.INTERFACE, "bucket"));
    Value n =
        defs.call(
            AtomicsLink.INTERFACE, "increment", borrow(own), new Value.Str("n"), new Value.S64(4));
    assertThat(n).isEqualTo(new Value.ResultValue(true, Optional.of(new Value.S64(4))));
    Value page =
        defs.call(
            StoreLink.INTERFACE,
            "[method]bucket.list-keys",
            borrow(own),
            new Value.OptionValue(Optional.empty()));
    assertThat(page)
        .isEqualTo(
            new Value.ResultValue(
                true,
                Optional.of(
                    new Value.RecordValue(
                        List.of(
                            new Value.ListValue(List.of(new Value.Str("n"))),
                            new Value.OptionValue(Optional.empty()))))));
    Value cas =
        defs.call(AtomicsLink.INTERFACE, "[static]cas.new", borrow(own), new Value.Str("n"));
    Value stale = ((Value.ResultValue) cas).payload().orElseThrow();
    defs.call(
        AtomicsLink.INTERFACE, "increment", borrow(own), new Value.Str("n"), new Value.S64(1));
    Value failed = defs.call(AtomicsLink.INTERFACE, "swap", stale, new Value.Bytes(bytes("v")));
    Value.VariantValue casFailed =
        (Value.VariantValue) ((Value.ResultValue) failed).payload().orElseThrow();
    assertThat(casFailed.caseIndex()).isEqualTo(1); // cas-failed(cas)
    Value retry = casFailed.payload().orElseThrow();
    assertThat(((Value.ResourceValue) retry).type())
        .isSameAs(defs.linker().resourceType(AtomicsLink.INTERFACE, "cas"));
    Value denied =
        defs.call(
            io.cloister.wasi.bindings.wasi.keyvalue.draft.StoreLink.INTERFACE,
            "open",
            new Value.Str(DENIED));
    assertThat(denied)
        .isEqualTo(
            new Value.ResultValue(false, Optional.of(new Value.VariantValue(1, Optional.empty()))));
    int live = table.size();
    defs.drop(retry);
    defs.drop(own);
    assertThat(table.size()).isEqualTo(live - 2);
  }
}
