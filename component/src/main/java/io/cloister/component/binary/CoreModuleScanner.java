package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.cloister.component.binary.CoreTypeDecl.CoreExternDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the import and export signatures of a core module without decoding its code: enough to
 * validate how a component wires its core instances, at a fraction of the cost of a full parse.
 */
final class CoreModuleScanner {
  private CoreModuleScanner() {}

  static CoreModuleInfo scan(Definition.CoreModule m) throws ComponentDecodeException {
    ByteReader r = new ByteReader(m.source(), m.start(), m.end());
    int at = r.position();
    if (r.remaining() < 8
        || r.u8() != 0
        || r.u8() != 'a'
        || r.u8() != 's'
        || r.u8() != 'm'
        || r.u8() != 1
        || r.u8() != 0
        || r.u8() != 0
        || r.u8() != 0) {
      throw r.errorAt(at, "core module section does not hold a version-1 core module");
    }
    List<FunctionType> types = new ArrayList<>();
    List<CoreModuleInfo.Import> imports = new ArrayList<>();
    List<CoreExternType> funcs = new ArrayList<>();
    List<CoreExternType> tables = new ArrayList<>();
    List<CoreExternType> memories = new ArrayList<>();
    List<CoreExternType> globals = new ArrayList<>();
    List<CoreExternType> tags = new ArrayList<>();
    Map<String, CoreExternType> exports = new LinkedHashMap<>();
    while (!r.atEnd()) {
      int id = r.u8();
      int size = r.index();
      ByteReader s = r.slice(size);
      switch (id) {
        case 1 -> {
          int n = s.count(1);
          for (int i = 0; i < n; i++) {
            int formAt = s.position();
            if (s.u8() != 0x60) {
              throw s.errorAt(formAt, "core module uses GC type definitions (not supported)");
            }
            types.add(ComponentDecoder.coreFuncType(s));
          }
        }
        case 2 -> {
          int n = s.count(3);
          for (int i = 0; i < n; i++) {
            String module = s.name();
            String name = s.name();
            int descAt = s.position();
            CoreExternType t = resolve(s, descAt, ComponentDecoder.coreExternDesc(s), types);
            imports.add(new CoreModuleInfo.Import(module, name, t));
            spaceOf(t, funcs, tables, memories, globals, tags).add(t);
          }
        }
        case 3 -> {
          int n = s.count(1);
          for (int i = 0; i < n; i++) {
            int tAt = s.position();
            funcs.add(new CoreExternType.Func(type(s, tAt, s.index(), types)));
          }
        }
        case 4 -> {
          int n = s.count(2);
          for (int i = 0; i < n; i++) {
            if (s.peek() == 0x40) {
              throw s.error("tables with initializer expressions are not supported");
            }
            tables.add(
                new CoreExternType.Table(ComponentDecoder.coreValType(s), ComponentDecoder.limits(s)));
          }
        }
        case 5 -> {
          int n = s.count(1);
          for (int i = 0; i < n; i++) {
            memories.add(new CoreExternType.Memory(ComponentDecoder.limits(s)));
          }
        }
        case 6 -> {
          int n = s.count(3);
          for (int i = 0; i < n; i++) {
            var t = ComponentDecoder.coreValType(s);
            boolean mutable = s.u8() == 1;
            globals.add(new CoreExternType.Global(t, mutable));
            skipConstExpr(s);
          }
        }
        case 13 -> {
          int n = s.count(2);
          for (int i = 0; i < n; i++) {
            s.expect(0x00, "tag attribute");
            int tAt = s.position();
            tags.add(new CoreExternType.Tag(type(s, tAt, s.index(), types)));
          }
        }
        case 7 -> {
          int n = s.count(3);
          for (int i = 0; i < n; i++) {
            String name = s.name();
            int kindAt = s.position();
            int kind = s.u8();
            int idxAt = s.position();
            int idx = s.index();
            List<CoreExternType> space =
                switch (kind) {
                  case 0 -> funcs;
                  case 1 -> tables;
                  case 2 -> memories;
                  case 3 -> globals;
                  case 4 -> tags;
                  default -> throw s.errorAt(kindAt, "unknown export kind");
                };
            if (idx >= space.size()) {
              throw s.errorAt(idxAt, "export \"" + name + "\" index " + idx + " out of bounds");
            }
            if (exports.put(name, space.get(idx)) != null) {
              throw s.errorAt(kindAt, "duplicate export \"" + name + "\"");
            }
          }
        }
        default -> s.skip(s.remaining());
      }
      s.skip(s.remaining());
    }
    return new CoreModuleInfo(imports, exports);
  }

  private static List<CoreExternType> spaceOf(
      CoreExternType t,
      List<CoreExternType> funcs,
      List<CoreExternType> tables,
      List<CoreExternType> memories,
      List<CoreExternType> globals,
      List<CoreExternType> tags) {
    return switch (t) {
      case CoreExternType.Func f -> funcs;
      case CoreExternType.Table x -> tables;
      case CoreExternType.Memory x -> memories;
      case CoreExternType.Global x -> globals;
      case CoreExternType.Tag x -> tags;
    };
  }

  static CoreExternType resolve(ByteReader r, int at, CoreExternDesc d, List<FunctionType> types)
      throws ComponentDecodeException {
    return switch (d) {
      case CoreTypeDecl.FuncDesc f -> new CoreExternType.Func(type(r, at, f.typeIndex(), types));
      case CoreTypeDecl.TagDesc t -> new CoreExternType.Tag(type(r, at, t.typeIndex(), types));
      case CoreTypeDecl.TableDesc t -> new CoreExternType.Table(t.elementType(), t.limits());
      case CoreTypeDecl.MemoryDesc m -> new CoreExternType.Memory(m.limits());
      case CoreTypeDecl.GlobalDesc g -> new CoreExternType.Global(g.type(), g.mutable());
    };
  }

  private static FunctionType type(ByteReader r, int at, int idx, List<FunctionType> types)
      throws ComponentDecodeException {
    if (idx >= types.size() || types.get(idx) == null) {
      throw r.errorAt(at, "core type index " + idx + " out of bounds or not a function type");
    }
    return types.get(idx);
  }

  /** Skips a constant expression up to its {@code end}, reading immediates of const opcodes. */
  private static void skipConstExpr(ByteReader s) throws ComponentDecodeException {
    while (true) {
      int at = s.position();
      int op = s.u8();
      switch (op) {
        case 0x0b -> {
          return;
        }
        case 0x41, 0x23, 0xd2 -> s.s33(); // i32.const (s32 fits), global.get, ref.func
        case 0x42 -> skipSleb64(s);
        case 0x43 -> s.skip(4);
        case 0x44 -> s.skip(8);
        case 0xd0 -> s.s33();
        case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> {}
        case 0xfd -> {
          s.u32();
          s.skip(16);
        }
        default ->
            throw s.errorAt(at, "unsupported opcode 0x" + Integer.toHexString(op)
                + " in a global initializer");
      }
    }
  }

  private static void skipSleb64(ByteReader s) throws ComponentDecodeException {
    for (int i = 0; i < 10; i++) {
      if ((s.u8() & 0x80) == 0) {
        return;
      }
    }
    throw s.error("s64 LEB128 longer than 10 bytes");
  }
}
