package io.cloister.engine.graalwasm;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** WAT text to wasm bytes at test time, with Chicory's wat2wasm (wabt compiled to Java). */
final class Wat {
  private Wat() {}

  static byte[] wasm(String wat) {
    return Wat2Wasm.parse(wat);
  }

  /** The JIT flags are given (surefire on JDK 25): the tests then insist the JIT is on. */
  static boolean jitExpected() {
    return Boolean.getBoolean("cloister.graal.jit.expected");
  }
}
