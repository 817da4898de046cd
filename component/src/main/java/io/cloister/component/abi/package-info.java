/**
 * The Canonical ABI: how component values travel to and from core WebAssembly, written from the
 * Component Model's {@code CanonicalABI.md}.
 *
 * <p>The runtime builds one {@link io.cloister.component.abi.CallPlan} per component function
 * (sizes, alignments, flattening and per-type codecs are computed once) and, per call, one {@link
 * io.cloister.component.abi.CallContext} holding the {@link io.cloister.component.abi.CanonOptions}
 * and the callee's {@link io.cloister.component.abi.ResourceTable}. Four entry points cover both
 * directions:
 *
 * <ul>
 *   <li>the host calls a guest export ({@code canon lift} seen from outside): {@link
 *       io.cloister.component.abi.CallPlan#lowerArguments} then, after the core call, {@link
 *       io.cloister.component.abi.CallPlan#liftResults} (which also runs {@code post-return} and
 *       ends the borrow scope);
 *   <li>the guest calls a host import ({@code canon lower}): {@link
 *       io.cloister.component.abi.CallPlan#liftArguments} then {@link
 *       io.cloister.component.abi.CallPlan#lowerResults} (which releases lent handles).
 * </ul>
 *
 * <p>Every guest-caused failure (bad pointer, misalignment, invalid char, bad discriminant, bad
 * handle, malformed string) is a {@link io.cloister.component.abi.CanonicalAbiTrap}; a host value
 * that does not fit the type is a {@link io.cloister.component.abi.ValueMismatchException}.
 */
package io.cloister.component.abi;
