package io.cloister.component.outline;

/** Writes a body's local declarations: runs of equal types as (count, type) groups. */
final class LocalDecls {
  private LocalDecls() {}

  static void write(byte[] types, WasmWriter w) {
    int groups = 0;
    for (int i = 0; i < types.length; i++) {
      if (i == 0 || types[i] != types[i - 1]) {
        groups++;
      }
    }
    w.u32(groups);
    int i = 0;
    while (i < types.length) {
      int j = i;
      while (j < types.length && types[j] == types[i]) {
        j++;
      }
      w.u32(j - i);
      w.u8(types[i]);
      i = j;
    }
  }
}
