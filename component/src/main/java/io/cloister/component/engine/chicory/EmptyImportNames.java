package io.cloister.component.engine.chicory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Works around Chicory 1.7.5 refusing a function import whose module and field names are both
 * empty (it reads them as the compact-imports encoding), although core WebAssembly allows it and
 * the Component Model's toolchains emit it (the {@code (import "" "" (func))} of init modules).
 * Renames such imports to {@value #REPLACEMENT} before Chicory parses the module; the component
 * still wires them by their real, empty names.
 */
final class EmptyImportNames {
  /** The field name given to imports whose module and field names are both empty. */
  static final String REPLACEMENT = "cloister:empty-import";

  private EmptyImportNames() {}

  /** The module with its empty-named imports renamed; the same array when there are none. */
  static byte[] rename(byte[] module) {
    int pos = 8;
    while (pos < module.length) {
      int id = module[pos] & 0xff;
      int[] size = leb(module, pos + 1);
      int body = size[1];
      int end = body + size[0];
      if (id == 2) {
        return rewriteImports(module, pos, body, end);
      }
      pos = end;
    }
    return module;
  }

  private static byte[] rewriteImports(byte[] m, int sectionStart, int body, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] count = leb(m, body);
    writeLeb(out, count[0]);
    int p = count[1];
    boolean changed = false;
    for (int i = 0; i < count[0]; i++) {
      int[] modLen = leb(m, p);
      int modEnd = modLen[1] + modLen[0];
      int[] nameLen = leb(m, modEnd);
      int nameEnd = nameLen[1] + nameLen[0];
      int descEnd = skipDesc(m, nameEnd);
      if (modLen[0] == 0 && nameLen[0] == 0) {
        changed = true;
        out.write(0);
        byte[] n = REPLACEMENT.getBytes(StandardCharsets.UTF_8);
        writeLeb(out, n.length);
        out.writeBytes(n);
        out.write(m, nameEnd, descEnd - nameEnd);
      } else {
        out.write(m, p, descEnd - p);
      }
      p = descEnd;
    }
    if (!changed) {
      return m;
    }
    byte[] section = out.toByteArray();
    ByteArrayOutputStream result = new ByteArrayOutputStream(m.length + 32);
    result.write(m, 0, sectionStart);
    result.write(2);
    writeLeb(result, section.length);
    result.writeBytes(section);
    result.write(m, end, m.length - end);
    return result.toByteArray();
  }

  /** Skips an import descriptor (already validated by the component validator). */
  private static int skipDesc(byte[] m, int p) {
    int kind = m[p++] & 0xff;
    return switch (kind) {
      case 0x00 -> leb(m, p)[1];
      case 0x01 -> skipLimits(m, p + 1);
      case 0x02 -> skipLimits(m, p);
      case 0x03 -> p + 2;
      case 0x04 -> leb(m, p + 1)[1];
      default -> throw new IllegalArgumentException("import kind " + kind);
    };
  }

  private static int skipLimits(byte[] m, int p) {
    int flags = m[p++] & 0xff;
    p = leb(m, p)[1];
    return (flags & 1) != 0 ? leb(m, p)[1] : p;
  }

  /** {value, position after it} of the unsigned LEB128 at {@code p}. */
  private static int[] leb(byte[] m, int p) {
    long v = 0;
    int shift = 0;
    int b;
    do {
      b = m[p++] & 0xff;
      v |= (long) (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return new int[] {(int) v, p};
  }

  private static void writeLeb(ByteArrayOutputStream out, int v) {
    do {
      int b = v & 0x7f;
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
