package io.cloister.component.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * What the running JVM's JIT does with the big methods compiled wasm produces. HotSpot never
 * JIT-compiles a method of more than 8,000 bytes of bytecode unless started with {@code
 * -XX:-DontCompileHugeMethods}; outlined core functions stay under 64 KB (Chicory's limit, ADR
 * 0004), not under 8,000, so without the flag the hottest wasm functions of a big module (the
 * JavaScript engine's interpreter loop) run in the JVM's bytecode interpreter (ADR 0006).
 */
public final class HotSpotJit {
  /** The flag that lets HotSpot compile methods of more than 8,000 bytes of bytecode. */
  public static final String FLAG = "-XX:-DontCompileHugeMethods";

  private HotSpotJit() {}

  /**
   * Whether this JVM JIT-compiles methods of any size: true on HotSpot started with {@link #FLAG},
   * false on HotSpot without it; true on a JVM without the option (nothing known to warn about).
   */
  public static boolean compilesHugeMethods() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotSpot == null) {
      return true;
    }
    try {
      VMOption option = hotSpot.getVMOption("DontCompileHugeMethods");
      return !Boolean.parseBoolean(option.getValue());
    } catch (IllegalArgumentException e) {
      return true; // a HotSpot without the option
    }
  }
}
