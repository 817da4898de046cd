package io.cloister.component.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.component.types.BorrowType;
import io.cloister.component.types.FuncType;
import io.cloister.component.types.OwnType;
import io.cloister.component.types.Param;
import io.cloister.component.types.ResourceType;
import io.cloister.component.types.ValType;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Handle tables: own and borrow rules, lend counts, borrow scopes and destructors. */
class ResourceTableTest {
  private final ResourceType hostThing = new ResourceType("host-thing");
  private final ResourceType guestThing = new ResourceType("guest-thing");
  private final List<Integer> destroyed = new ArrayList<>();
  private final ResourceTable table = new ResourceTable();
  private final CanonOptions options = CanonOptions.SCALAR_ONLY;

  ResourceTableTest() {
    table.registerDestructor(hostThing, destroyed::add);
    table.defineResource(guestThing, rep -> destroyed.add(-rep));
  }

  private static CallPlan takes(ValType type) {
    return CallPlan.of(new FuncType(List.of(new Param("r", type)), Optional.empty()));
  }

  @Test
  void newRepDropAndIndexReuse() {
    int a = table.resourceNew(guestThing, 42);
    int b = table.resourceNew(guestThing, 43);
    assertThat(a).isEqualTo(1);
    assertThat(b).isEqualTo(2);
    assertThat(table.resourceRep(guestThing, b)).isEqualTo(43);
    table.resourceDrop(guestThing, a);
    assertThat(destroyed).containsExactly(-42);
    assertThat(table.resourceNew(guestThing, 44)).isEqualTo(a);
    assertThatThrownBy(() -> table.resourceRep(hostThing, b))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("expected a host-thing");
    assertThatThrownBy(() -> table.resourceRep(guestThing, 0)).isInstanceOf(CanonicalAbiTrap.class);
    assertThatThrownBy(() -> table.resourceRep(guestThing, 99)).isInstanceOf(CanonicalAbiTrap.class);
  }

  @Test
  void ownMovesBetweenHostAndGuest() {
    CallContext in = new CallContext(options, table);
    long[] core =
        takes(new OwnType(hostThing))
            .lowerArguments(List.of(new Value.ResourceValue(hostThing, 7, true)), in);
    in.exit();
    assertThat(table.get((int) core[0]).own()).isTrue();
    CallContext out = new CallContext(options, table);
    assertThat(takes(new OwnType(hostThing)).liftArguments(core, out))
        .containsExactly(new Value.ResourceValue(hostThing, 7, true));
    assertThat(table.size()).isZero();
  }

  @Test
  void borrowsLentToTheGuestMustBeDroppedBeforeTheCallEnds() {
    CallPlan plan = takes(new BorrowType(hostThing));
    CallContext call = new CallContext(options, table);
    long[] core = plan.lowerArguments(List.of(new Value.ResourceValue(hostThing, 5, false)), call);
    assertThatThrownBy(call::exit)
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("borrowed handle");

    CallContext good = new CallContext(options, table);
    long[] again = plan.lowerArguments(List.of(new Value.ResourceValue(hostThing, 5, false)), good);
    table.resourceDrop(hostThing, (int) again[0]);
    good.exit();
    assertThat(destroyed).isEmpty();
    assertThat(core[0]).isNotEqualTo(0);
  }

  @Test
  void borrowOfAResourceTheGuestImplementsPassesTheRep() {
    CallContext call = new CallContext(options, table);
    long[] core =
        takes(new BorrowType(guestThing))
            .lowerArguments(List.of(new Value.ResourceValue(guestThing, 77, false)), call);
    assertThat(core[0]).isEqualTo(77);
    call.exit();
  }

  @Test
  void handlesLentToTheHostCannotBeDroppedOrMovedUntilTheCallEnds() {
    int h = table.resourceNew(guestThing, 9);
    CallContext call = new CallContext(options, table);
    assertThat(takes(new BorrowType(guestThing)).liftArguments(new long[] {h}, call))
        .containsExactly(new Value.ResourceValue(guestThing, 9, false));
    assertThat(table.get(h).lends()).isEqualTo(1);
    assertThatThrownBy(() -> table.resourceDrop(guestThing, h))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("still borrowed");
    assertThatThrownBy(
            () -> takes(new OwnType(guestThing)).liftArguments(new long[] {h}, new CallContext(options, table)))
        .isInstanceOf(CanonicalAbiTrap.class);
    takes(new BorrowType(guestThing)).lowerResults(List.of(), new long[] {h}, call);
    assertThat(table.get(h).lends()).isZero();
    table.resourceDrop(guestThing, h);
    assertThat(destroyed).containsExactly(-9);
  }

  @Test
  void aBorrowIsNotAnOwn() {
    CallContext call = new CallContext(options, table);
    long[] core =
        takes(new BorrowType(hostThing))
            .lowerArguments(List.of(new Value.ResourceValue(hostThing, 3, false)), call);
    assertThatThrownBy(
            () -> takes(new OwnType(hostThing)).liftArguments(core, new CallContext(options, table)))
        .isInstanceOf(CanonicalAbiTrap.class)
        .hasMessageContaining("is a borrow");
  }
}
