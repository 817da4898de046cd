package io.cloister.engine.graalwasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what a core module declares (imports, exports, function types, memories) and lowers the
 * maxima of the memories it defines to a cap, without decoding code: GraalWasm validates the rest
 * when it parses the module.
 */
final class WasmBinary {
  private static final byte[] CORE_HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  private static final int TYPE = 1;
  private static final int IMPORT = 2;
  private static final int FUNCTION = 3;
  private static final int MEMORY = 5;
  private static final int EXPORT = 7;

  private final String module;
  private final byte[] bytes;
  private int pos;

  private WasmBinary(String module, byte[] bytes) {
    this.module = module;
    this.bytes = bytes;
  }

  /**
   * What {@code bytes} declares.
   *
   * @throws WasmCompileException if they are not a core module or its sections are malformed
   */
  static ModuleInfo read(String module, byte[] bytes) {
    return new WasmBinary(module, bytes).readInfo();
  }

  /**
   * {@code bytes} with the maximum of every memory the module defines lowered to {@code capPages}
   * (a memory without a maximum gets one), so that {@code memory.grow} beyond it returns -1; the
   * same array if nothing changes. Imported memories are capped where they are defined.
   *
   * @throws WasmCompileException if a memory's initial size is already over the cap
   */
  static byte[] capMemories(String module, byte[] bytes, long capPages) {
    return new WasmBinary(module, bytes).rewriteMemories(capPages);
  }

  // ---- reading ----

  private ModuleInfo readInfo() {
    header();
    List<FuncType> types = new ArrayList<>();
    List<Integer> funcTypeIndices = new ArrayList<>();
    List<ModuleInfo.Import> imports = new ArrayList<>();
    List<int[]> exportRefs = new ArrayList<>(); // kind code, index
    List<String> exportNames = new ArrayList<>();
    List<MemoryLimits> memories = new ArrayList<>();
    while (pos < bytes.length) {
      int id = u8();
      int size = u32();
      int end = pos + size;
      if (end > bytes.length || end < pos) {
        throw malformed("section " + id + " runs past the end");
      }
      switch (id) {
        case TYPE -> {
          for (int n = u32(); n > 0; n--) {
            types.add(funcType());
          }
        }
        case IMPORT -> {
          for (int n = u32(); n > 0; n--) {
            String mod = name();
            String field = name();
            int kind = u8();
            switch (kind) {
              case 0x00 -> {
                int typeIndex = u32();
                funcTypeIndices.add(typeIndex);
                imports.add(new ModuleInfo.Import(mod, field, ExternKind.FUNCTION, type(types, typeIndex)));
              }
              case 0x01 -> {
                refType();
                limits();
                imports.add(new ModuleInfo.Import(mod, field, ExternKind.TABLE, Optional.empty()));
              }
              case 0x02 -> {
                limits();
                imports.add(new ModuleInfo.Import(mod, field, ExternKind.MEMORY, Optional.empty()));
              }
              case 0x03 -> {
                valType();
                u8();
                imports.add(new ModuleInfo.Import(mod, field, ExternKind.GLOBAL, Optional.empty()));
              }
              case 0x04 -> {
                u8();
                u32();
                imports.add(new ModuleInfo.Import(mod, field, ExternKind.TAG, Optional.empty()));
              }
              default -> throw malformed("import kind 0x" + Integer.toHexString(kind));
            }
          }
        }
        case FUNCTION -> {
          for (int n = u32(); n > 0; n--) {
            funcTypeIndices.add(u32());
          }
        }
        case MEMORY -> {
          for (int n = u32(); n > 0; n--) {
            memories.add(limits());
          }
        }
        case EXPORT -> {
          for (int n = u32(); n > 0; n--) {
            exportNames.add(name());
            exportRefs.add(new int[] {u8(), u32()});
          }
        }
        default -> {
          // custom and other sections: nothing to read here
        }
      }
      pos = end;
    }
    List<ModuleInfo.Export> exports = new ArrayList<>();
    for (int i = 0; i < exportNames.size(); i++) {
      int[] ref = exportRefs.get(i);
      ExternKind kind =
          switch (ref[0]) {
            case 0x00 -> ExternKind.FUNCTION;
            case 0x01 -> ExternKind.TABLE;
            case 0x02 -> ExternKind.MEMORY;
            case 0x03 -> ExternKind.GLOBAL;
            case 0x04 -> ExternKind.TAG;
            default -> throw malformed("export kind 0x" + Integer.toHexString(ref[0]));
          };
      Optional<FuncType> type = Optional.empty();
      if (kind == ExternKind.FUNCTION) {
        if (ref[1] >= funcTypeIndices.size()) {
          throw malformed("export " + exportNames.get(i) + " names function " + ref[1] + " of " + funcTypeIndices.size());
        }
        type = type(types, funcTypeIndices.get(ref[1]));
      }
      exports.add(new ModuleInfo.Export(exportNames.get(i), kind, type));
    }
    return new ModuleInfo(imports, exports, memories);
  }

  private Optional<FuncType> type(List<FuncType> types, int index) {
    if (index >= types.size()) {
      throw malformed("type index " + index + " of " + types.size());
    }
    return Optional.ofNullable(types.get(index));
  }

  /** A function type, or null for a type this reader does not model (GC proposal types). */
  private FuncType funcType() {
    int form = u8();
    if (form != 0x60) {
      throw malformed("type form 0x" + Integer.toHexString(form) + " (only function types are supported)");
    }
    List<ValType> params = new ArrayList<>();
    for (int n = u32(); n > 0; n--) {
      params.add(valType());
    }
    List<ValType> results = new ArrayList<>();
    for (int n = u32(); n > 0; n--) {
      results.add(valType());
    }
    return new FuncType(params, results);
  }

  private ValType valType() {
    int code = u8();
    if (code == 0x63 || code == 0x64) { // (ref null? heaptype): function references / GC
      s33();
      return ValType.FUNCREF;
    }
    ValType t = ValType.of(code);
    if (t == null) {
      throw malformed("value type 0x" + Integer.toHexString(code));
    }
    return t;
  }

  private void refType() {
    valType();
  }

  private MemoryLimits limits() {
    int flags = u8();
    if ((flags & ~0x07) != 0) {
      throw malformed("limits flags 0x" + Integer.toHexString(flags));
    }
    boolean is64 = (flags & 0x04) != 0;
    long initial = is64 ? u64() : u32Unsigned();
    OptionalLong max = (flags & 0x01) != 0 ? OptionalLong.of(is64 ? u64() : u32Unsigned()) : OptionalLong.empty();
    return new MemoryLimits(initial, max, (flags & 0x02) != 0, is64);
  }

  // ---- rewriting ----

  private byte[] rewriteMemories(long capPages) {
    header();
    while (pos < bytes.length) {
      int sectionStart = pos;
      int id = u8();
      int size = u32();
      int end = pos + size;
      if (end > bytes.length || end < pos) {
        throw malformed("section " + id + " runs past the end");
      }
      if (id != MEMORY) {
        pos = end;
        continue;
      }
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      int count = u32();
      writeLeb(content, count);
      boolean changed = false;
      for (int i = 0; i < count; i++) {
        MemoryLimits l = limits();
        if (l.initialPages() > capPages) {
          throw new WasmCompileException(
              module,
              "memory "
                  + i
                  + " declares "
                  + l.initialPages()
                  + " initial pages ("
                  + l.initialPages() * MemoryLimits.PAGE_SIZE
                  + " bytes), over the cap of "
                  + capPages
                  + " pages ("
                  + capPages * MemoryLimits.PAGE_SIZE
                  + " bytes)");
        }
        long max = Math.min(l.maximumPages().orElse(Long.MAX_VALUE), capPages);
        changed |= l.maximumPages().isEmpty() || l.maximumPages().getAsLong() != max;
        content.write(0x01 | (l.shared() ? 0x02 : 0) | (l.memory64() ? 0x04 : 0));
        writeLeb(content, l.initialPages());
        writeLeb(content, max);
      }
      if (pos != end) {
        throw malformed("memory section has " + (end - pos) + " bytes after its entries");
      }
      if (!changed) {
        return bytes;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
      out.write(bytes, 0, sectionStart);
      out.write(MEMORY);
      writeLeb(out, content.size());
      out.writeBytes(content.toByteArray());
      out.write(bytes, end, bytes.length - end);
      return out.toByteArray();
    }
    return bytes;
  }

  private static void writeLeb(ByteArrayOutputStream out, long value) {
    do {
      int b = (int) (value & 0x7f);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  // ---- primitives ----

  private void header() {
    if (bytes.length < 8) {
      throw malformed("shorter than a module header");
    }
    for (int i = 0; i < 4; i++) {
      if (bytes[i] != CORE_HEADER[i]) {
        throw malformed("no \\0asm magic");
      }
    }
    for (int i = 4; i < 8; i++) {
      if (bytes[i] != CORE_HEADER[i]) {
        throw new WasmCompileException(
            module, "not a core module (version/layer bytes " + hex(4, 8) + "; a component?)");
      }
    }
    pos = 8;
  }

  private String hex(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(String.format("%02x", bytes[i]));
    }
    return sb.toString();
  }

  private int u8() {
    if (pos >= bytes.length) {
      throw malformed("unexpected end at byte " + pos);
    }
    return bytes[pos++] & 0xff;
  }

  private int u32() {
    long v = u32Unsigned();
    if (v > Integer.MAX_VALUE) {
      throw malformed("count or index " + v + " too large");
    }
    return (int) v;
  }

  private long u32Unsigned() {
    long result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (result > 0xffffffffL) {
          throw malformed("u32 out of range");
        }
        return result;
      }
    }
    throw malformed("u32 LEB128 too long at byte " + pos);
  }

  private long u64() {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw malformed("u64 LEB128 too long at byte " + pos);
  }

  private void s33() {
    for (int i = 0; i < 5; i++) {
      if ((u8() & 0x80) == 0) {
        return;
      }
    }
    throw malformed("s33 LEB128 too long at byte " + pos);
  }

  private String name() {
    int len = u32();
    if (pos + len > bytes.length || pos + len < pos) {
      throw malformed("name runs past the end");
    }
    String s = new String(bytes, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  private WasmCompileException malformed(String what) {
    return new WasmCompileException(module, "malformed module: " + what);
  }
}
