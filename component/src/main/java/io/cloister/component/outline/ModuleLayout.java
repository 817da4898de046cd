package io.cloister.component.outline;

import io.cloister.component.binary.ByteReader;
import io.cloister.component.binary.ComponentDecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the sections of a core module are, its function types, and which type each function has:
 * what the outliner needs to decode bodies and append functions, read without decoding code it
 * leaves alone.
 */
final class ModuleLayout {
  static final int TYPE = 1;
  static final int IMPORT = 2;
  static final int FUNCTION = 3;
  static final int CODE = 10;

  /** One section: its id and the range of its content (after the size). */
  record Section(int id, int headerStart, int start, int end) {}

  final byte[] bytes;
  final List<Section> sections = new ArrayList<>();
  final List<FuncSig> types = new ArrayList<>();
  final List<Integer> functionTypes = new ArrayList<>();
  int importedFunctions;
  final List<int[]> bodies = new ArrayList<>();

  private ModuleLayout(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads the layout of the core module {@code bytes}; error offsets count from its start. */
  static ModuleLayout read(byte[] bytes) throws ComponentDecodeException, Unsupported {
    ModuleLayout l = new ModuleLayout(bytes);
    ByteReader r = new ByteReader(bytes, 0, bytes.length);
    if (r.remaining() < 8) {
      throw r.error("core module shorter than its header");
    }
    r.skip(8);
    while (!r.atEnd()) {
      int headerStart = r.position();
      int id = r.u8();
      int size = r.index();
      ByteReader s = r.slice(size);
      l.sections.add(new Section(id, headerStart, s.position(), s.end()));
      switch (id) {
        case TYPE -> l.readTypes(s);
        case IMPORT -> l.readImports(s);
        case FUNCTION -> l.readFunctions(s);
        case CODE -> l.readCode(s);
        default -> {}
      }
    }
    if (l.bodies.size() != l.functionTypes.size() - l.importedFunctions) {
      throw new ComponentDecodeException(
          bytes.length, "function and code sections disagree on the number of functions");
    }
    return l;
  }

  FuncSig typeOfFunction(int index) {
    return types.get(functionTypes.get(index));
  }

  private void readTypes(ByteReader s) throws ComponentDecodeException, Unsupported {
    int n = s.count(3);
    for (int i = 0; i < n; i++) {
      if (s.u8() != 0x60) {
        throw new Unsupported("type section entry that is not a function type");
      }
      byte[] params = valTypes(s);
      byte[] results = valTypes(s);
      types.add(new FuncSig(params, results));
    }
  }

  private static byte[] valTypes(ByteReader s) throws ComponentDecodeException, Unsupported {
    int n = s.count(1);
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) valType(s);
    }
    return out;
  }

  static int valType(ByteReader s) throws ComponentDecodeException, Unsupported {
    int t = s.u8();
    if (!isValType(t)) {
      throw new Unsupported("value type 0x" + Integer.toHexString(t));
    }
    return t;
  }

  static boolean isValType(int t) {
    return t == 0x7F || t == 0x7E || t == 0x7D || t == 0x7C || t == 0x7B || t == 0x70 || t == 0x6F;
  }

  private void readImports(ByteReader s) throws ComponentDecodeException, Unsupported {
    int n = s.count(4);
    for (int i = 0; i < n; i++) {
      s.name();
      s.name();
      int kind = s.u8();
      switch (kind) {
        case 0 -> {
          functionTypes.add(typeIndex(s));
          importedFunctions++;
        }
        case 1 -> {
          valType(s);
          limits(s);
        }
        case 2 -> limits(s);
        case 3 -> {
          valType(s);
          s.u8();
        }
        case 4 -> {
          s.u8();
          s.index();
        }
        default -> throw new Unsupported("import kind " + kind);
      }
    }
  }

  private static void limits(ByteReader s) throws ComponentDecodeException {
    int flags = s.u8();
    s.u64();
    if ((flags & 1) != 0) {
      s.u64();
    }
  }

  private int typeIndex(ByteReader s) throws ComponentDecodeException, Unsupported {
    int t = s.index();
    if (t >= types.size()) {
      throw new Unsupported("type index " + t + " out of range");
    }
    return t;
  }

  private void readFunctions(ByteReader s) throws ComponentDecodeException, Unsupported {
    int n = s.count(1);
    for (int i = 0; i < n; i++) {
      functionTypes.add(typeIndex(s));
    }
  }

  private void readCode(ByteReader s) throws ComponentDecodeException {
    int n = s.count(1);
    for (int i = 0; i < n; i++) {
      int size = s.index();
      ByteReader b = s.slice(size);
      bodies.add(new int[] {b.position(), b.end()});
    }
  }
}
