package io.cloister.component.binary;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.cloister.component.binary.CoreTypeDecl.CoreExternDesc;
import io.cloister.component.binary.CoreTypeDecl.Limits;
import io.cloister.component.types.PrimitiveType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the component binary format into a {@link ComponentAst}: every section, with exact
 * section sizes, bounded counts and a nesting depth limit. Validation is the {@link
 * ComponentValidator}'s job.
 */
public final class ComponentDecoder {
  /** The deepest nesting of components and types accepted. */
  public static final int MAX_DEPTH = 64;

  private static final int COMPONENT_VERSION = 0x0d;

  private int depth;

  private ComponentDecoder() {}

  /** Decodes a whole component binary. */
  public static ComponentAst decode(byte[] bytes) throws ComponentDecodeException {
    ByteReader r = new ByteReader(bytes, 0, bytes.length);
    return new ComponentDecoder().component(r);
  }

  /** Whether {@code bytes} starts with a component preamble (not a core module). */
  public static boolean isComponent(byte[] bytes) {
    return bytes.length >= 8
        && bytes[0] == 0
        && bytes[1] == 'a'
        && bytes[2] == 's'
        && bytes[3] == 'm'
        && bytes[6] == 1
        && bytes[7] == 0;
  }

  private ComponentAst component(ByteReader r) throws ComponentDecodeException {
    if (++depth > MAX_DEPTH) {
      throw r.error("components nested deeper than " + MAX_DEPTH);
    }
    preamble(r);
    List<Definition> defs = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    List<ComponentAst.CustomSection> customs = new ArrayList<>();
    ComponentAst.ComponentNames names = ComponentAst.ComponentNames.empty();
    while (!r.atEnd()) {
      int id = r.u8();
      int sizeAt = r.position();
      int size = r.index();
      if (size > r.remaining()) {
        throw r.errorAt(sizeAt, "section size " + size + " exceeds the " + r.remaining()
            + " remaining bytes");
      }
      ByteReader s = r.slice(size);
      switch (id) {
        case 0 -> {
          String name = s.name();
          customs.add(new ComponentAst.CustomSection(name, s.position(), s.remaining()));
          if (name.equals("component-name")) {
            names = componentNames(s);
          }
          s.skip(s.remaining());
        }
        case 1 -> {
          defs.add(new Definition.CoreModule(r.array(), s.position(), s.end()));
          s.skip(s.remaining());
        }
        case 2 -> defs(s, 2, defs, offsets, this::coreInstance);
        case 3 -> defs(s, 1, defs, offsets, x -> new Definition.CoreType(coreType(x)));
        case 4 -> {
          defs.add(new Definition.NestedComponent(component(s)));
        }
        case 5 -> defs(s, 2, defs, offsets, this::instance);
        case 6 -> defs(s, 3, defs, offsets, x -> new Definition.AliasDef(alias(x)));
        case 7 -> defs(s, 1, defs, offsets, x -> new Definition.Type(type(x)));
        case 8 -> defs(s, 2, defs, offsets, x -> new Definition.CanonDef(canon(x)));
        case 9 -> defs.add(start(s));
        case 10 -> defs(s, 2, defs, offsets, x -> new Definition.Import(externName(x), externDesc(x)));
        case 11 -> defs(s, 3, defs, offsets, this::export);
        case 12 -> defs(s, 2, defs, offsets, this::value);
        default -> throw r.errorAt(sizeAt - 1, "unknown section id " + id);
      }
      while (offsets.size() < defs.size()) {
        offsets.add(sizeAt - 1);
      }
      if (!s.atEnd()) {
        throw s.error("section " + id + " has " + s.remaining() + " bytes left over");
      }
    }
    depth--;
    return new ComponentAst(defs, offsets, customs, names);
  }

  private static void preamble(ByteReader r) throws ComponentDecodeException {
    if (r.remaining() < 8) {
      throw r.error("too short for a component preamble");
    }
    int at = r.position();
    if (r.u8() != 0 || r.u8() != 'a' || r.u8() != 's' || r.u8() != 'm') {
      throw r.errorAt(at, "bad magic: not a WebAssembly binary");
    }
    int version = r.u8() | r.u8() << 8;
    int layer = r.u8() | r.u8() << 8;
    if (layer == 0) {
      throw r.errorAt(at + 4, "a core module, not a component");
    }
    if (layer != 1 || version != COMPONENT_VERSION) {
      throw r.errorAt(at + 4, "unsupported component version " + version + " layer " + layer);
    }
  }

  private interface Item<T> {
    T read(ByteReader r) throws ComponentDecodeException;
  }

  private static <T> void vec(ByteReader r, int minSize, List<? super T> out, Item<T> item)
      throws ComponentDecodeException {
    int n = r.count(minSize);
    for (int i = 0; i < n; i++) {
      out.add(item.read(r));
    }
  }

  private static void defs(
      ByteReader r, int minSize, List<Definition> out, List<Integer> offsets, Item<Definition> item)
      throws ComponentDecodeException {
    int n = r.count(minSize);
    for (int i = 0; i < n; i++) {
      offsets.add(r.position());
      out.add(item.read(r));
    }
  }

  private static <T> List<T> vec(ByteReader r, int minSize, Item<T> item)
      throws ComponentDecodeException {
    List<T> out = new ArrayList<>();
    vec(r, minSize, out, item);
    return out;
  }

  private Definition coreInstance(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> {
        int module = r.index();
        List<Definition.CoreArg> args =
            vec(
                r,
                3,
                x -> {
                  String name = x.name();
                  x.expect(0x12, "core instantiate argument sort must be instance");
                  return new Definition.CoreArg(name, x.index());
                });
        yield new Definition.CoreInstantiate(module, args);
      }
      case 0x01 ->
          new Definition.CoreInlineInstance(
              vec(r, 3, x -> new Definition.InlineExport(x.name(), Sort.core(x), x.index())));
      default -> throw r.errorAt(at, "unknown core instance expression");
    };
  }

  private Definition instance(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> {
        int component = r.index();
        yield new Definition.Instantiate(
            component, vec(r, 3, x -> new Definition.InlineExport(x.name(), Sort.read(x), x.index())));
      }
      case 0x01 ->
          new Definition.InlineInstance(
              vec(r, 3, x -> new Definition.InlineExport(externName(x), Sort.read(x), x.index())));
      default -> throw r.errorAt(at, "unknown instance expression");
    };
  }

  static Alias alias(ByteReader r) throws ComponentDecodeException {
    Sort sort = Sort.read(r);
    int at = r.position();
    Alias.Target target =
        switch (r.u8()) {
          case 0x00 -> new Alias.InstanceExport(r.index(), r.name());
          case 0x01 -> new Alias.CoreInstanceExport(r.index(), r.name());
          case 0x02 -> new Alias.Outer(r.index(), r.index());
          default -> throw r.errorAt(at, "unknown alias target");
        };
    if (target instanceof Alias.Outer
        && sort != Sort.TYPE
        && sort != Sort.CORE_TYPE
        && sort != Sort.CORE_MODULE
        && sort != Sort.COMPONENT) {
      throw r.errorAt(at, "outer alias of sort " + sort + " is not allowed");
    }
    if (target instanceof Alias.CoreInstanceExport && !sort.isCore()) {
      throw r.errorAt(at, "core export alias of non-core sort " + sort);
    }
    if (target instanceof Alias.InstanceExport
        && sort.isCore()
        && sort != Sort.CORE_MODULE) {
      throw r.errorAt(at, "export alias of core sort " + sort);
    }
    return new Alias(sort, target);
  }

  // ---- core types ----

  private CoreTypeDecl coreType(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int form = r.u8();
    return switch (form) {
      case 0x60 -> new CoreTypeDecl.Func(coreFuncType(r));
      case 0x50 -> {
        enter(r);
        List<CoreTypeDecl.ModuleDecl> decls = vec(r, 2, this::moduleDecl);
        depth--;
        yield new CoreTypeDecl.Module(decls);
      }
      default ->
          throw r.errorAt(at, "unsupported core type form 0x" + Integer.toHexString(form)
              + " (only function and module types)");
    };
  }

  private CoreTypeDecl.ModuleDecl moduleDecl(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> new CoreTypeDecl.ImportDecl(r.name(), r.name(), coreExternDesc(r));
      case 0x01 -> {
        CoreTypeDecl t = coreType(r);
        if (t instanceof CoreTypeDecl.Module) {
          throw r.errorAt(at, "module type declared inside a module type");
        }
        yield new CoreTypeDecl.TypeDecl(t);
      }
      case 0x02 -> {
        r.expect(0x10, "core alias sort must be type");
        r.expect(0x01, "core alias must be outer");
        yield new CoreTypeDecl.OuterTypeAlias(r.index(), r.index());
      }
      case 0x03 -> new CoreTypeDecl.ExportDecl(r.name(), coreExternDesc(r));
      default -> throw r.errorAt(at, "unknown module type declaration");
    };
  }

  static FunctionType coreFuncType(ByteReader r) throws ComponentDecodeException {
    List<ValType> params = vec(r, 1, ComponentDecoder::coreValType);
    List<ValType> results = vec(r, 1, ComponentDecoder::coreValType);
    return FunctionType.of(params, results);
  }

  static ValType coreValType(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int b = r.u8();
    return switch (b) {
      case 0x7f -> ValType.I32;
      case 0x7e -> ValType.I64;
      case 0x7d -> ValType.F32;
      case 0x7c -> ValType.F64;
      case 0x7b -> ValType.V128;
      case 0x70 -> ValType.FuncRef;
      case 0x6f -> ValType.ExternRef;
      case 0x69 -> ValType.ExnRef;
      default ->
          throw r.errorAt(at, "unsupported core value type 0x" + Integer.toHexString(b));
    };
  }

  static CoreExternDesc coreExternDesc(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> new CoreTypeDecl.FuncDesc(r.index());
      case 0x01 -> {
        ValType element = coreValType(r);
        if (!element.isReference()) {
          throw r.errorAt(at + 1, "table element type must be a reference type");
        }
        yield new CoreTypeDecl.TableDesc(element, limits(r));
      }
      case 0x02 -> new CoreTypeDecl.MemoryDesc(limits(r));
      case 0x03 -> {
        ValType t = coreValType(r);
        int mutAt = r.position();
        int mut = r.u8();
        if (mut > 1) {
          throw r.errorAt(mutAt, "bad global mutability");
        }
        yield new CoreTypeDecl.GlobalDesc(t, mut == 1);
      }
      case 0x04 -> {
        r.expect(0x00, "tag attribute");
        yield new CoreTypeDecl.TagDesc(r.index());
      }
      default -> throw r.errorAt(at, "unknown core extern kind");
    };
  }

  static Limits limits(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int flags = r.u8();
    if ((flags & ~0x07) != 0) {
      throw r.errorAt(at, "bad limits flags 0x" + Integer.toHexString(flags));
    }
    boolean is64 = (flags & 0x04) != 0;
    long min = is64 ? r.u64() : Integer.toUnsignedLong(r.u32());
    long max = (flags & 0x01) != 0 ? (is64 ? r.u64() : Integer.toUnsignedLong(r.u32())) : -1;
    return new Limits(min, max, (flags & 0x02) != 0, is64);
  }

  // ---- component types ----

  private void enter(ByteReader r) throws ComponentDecodeException {
    if (++depth > MAX_DEPTH) {
      throw r.error("types nested deeper than " + MAX_DEPTH);
    }
  }

  TypeDecl type(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int b = r.u8();
    Optional<PrimitiveType> prim = PrimitiveType.fromCode(b);
    if (prim.isPresent()) {
      return new TypeDecl.Primitive(prim.get());
    }
    return switch (b) {
      case 0x72 -> {
        List<TypeDecl.Labeled> fields = vec(r, 2, x -> new TypeDecl.Labeled(label(x), typeRef(x)));
        nonEmpty(r, at, fields, "record");
        yield new TypeDecl.Record(fields);
      }
      case 0x71 -> {
        List<TypeDecl.CaseDecl> cases =
            vec(
                r,
                3,
                x -> {
                  String l = label(x);
                  Optional<TypeRef> t = optional(x, ComponentDecoder::typeRef);
                  int refinesAt = x.position();
                  if (x.u8() != 0x00) {
                    throw x.errorAt(refinesAt, "variant case refinements are not supported");
                  }
                  return new TypeDecl.CaseDecl(l, t);
                });
        nonEmpty(r, at, cases, "variant");
        yield new TypeDecl.Variant(cases);
      }
      case 0x70 -> new TypeDecl.ListOf(typeRef(r));
      case 0x67 -> {
        TypeRef t = typeRef(r);
        int len = r.index();
        if (len == 0) {
          throw r.errorAt(at, "fixed-length list of length 0");
        }
        yield new TypeDecl.FixedList(t, len);
      }
      case 0x6f -> {
        List<TypeRef> ts = vec(r, 1, ComponentDecoder::typeRef);
        nonEmpty(r, at, ts, "tuple");
        yield new TypeDecl.Tuple(ts);
      }
      case 0x6e -> {
        List<String> ls = vec(r, 1, ComponentDecoder::label);
        nonEmpty(r, at, ls, "flags");
        if (ls.size() > 32) {
          throw r.errorAt(at, "flags with more than 32 labels");
        }
        yield new TypeDecl.Flags(ls);
      }
      case 0x6d -> {
        List<String> ls = vec(r, 1, ComponentDecoder::label);
        nonEmpty(r, at, ls, "enum");
        yield new TypeDecl.Enum(ls);
      }
      case 0x6b -> new TypeDecl.Option(typeRef(r));
      case 0x6a ->
          new TypeDecl.Result(
              optional(r, ComponentDecoder::typeRef), optional(r, ComponentDecoder::typeRef));
      case 0x69 -> new TypeDecl.Own(r.index());
      case 0x68 -> new TypeDecl.Borrow(r.index());
      case 0x66 -> {
        optional(r, ComponentDecoder::typeRef);
        yield new TypeDecl.Unsupported("stream");
      }
      case 0x65 -> {
        optional(r, ComponentDecoder::typeRef);
        yield new TypeDecl.Unsupported("future");
      }
      case 0x64 -> new TypeDecl.Unsupported("error-context");
      case 0x63 -> {
        typeRef(r);
        typeRef(r);
        yield new TypeDecl.Unsupported("map");
      }
      case 0x40, 0x43 -> {
        List<TypeDecl.Labeled> params = vec(r, 2, x -> new TypeDecl.Labeled(label(x), typeRef(x)));
        yield new TypeDecl.Func(params, resultList(r), b == 0x43);
      }
      case 0x41 -> {
        enter(r);
        List<TypeDecl.Decl> decls = vec(r, 2, x -> componentDecl(x, true));
        depth--;
        yield new TypeDecl.Component(decls);
      }
      case 0x42 -> {
        enter(r);
        List<TypeDecl.Decl> decls = vec(r, 2, x -> componentDecl(x, false));
        depth--;
        yield new TypeDecl.Instance(decls);
      }
      case 0x3f -> {
        int repAt = r.position();
        if (r.u8() != 0x7f) {
          throw r.errorAt(repAt, "resource representation must be i32");
        }
        yield new TypeDecl.Resource(optional(r, ByteReader::index));
      }
      default -> throw r.errorAt(at, "unknown type form 0x" + Integer.toHexString(b));
    };
  }

  private static Optional<TypeRef> resultList(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> Optional.of(typeRef(r));
      case 0x01 -> {
        // Older encoders wrote named results here; only the empty list survives in the spec.
        int n = r.index();
        if (n != 0) {
          throw r.errorAt(at, "named function results are not supported");
        }
        yield Optional.empty();
      }
      default -> throw r.errorAt(at, "bad function result list");
    };
  }

  private static void nonEmpty(ByteReader r, int at, List<?> items, String what)
      throws ComponentDecodeException {
    if (items.isEmpty()) {
      throw r.errorAt(at, what + " type must not be empty");
    }
  }

  private TypeDecl.Decl componentDecl(ByteReader r, boolean inComponent)
      throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> new TypeDecl.CoreTypeEntry(coreType(r));
      case 0x01 -> {
        TypeDecl t = type(r);
        if (t instanceof TypeDecl.Resource) {
          throw r.errorAt(at, "resource type defined inside a component or instance type");
        }
        yield new TypeDecl.TypeEntry(t);
      }
      case 0x02 -> new TypeDecl.AliasEntry(alias(r));
      case 0x03 -> {
        if (!inComponent) {
          throw r.errorAt(at, "import declaration inside an instance type");
        }
        yield new TypeDecl.ImportEntry(externName(r), externDesc(r));
      }
      case 0x04 -> new TypeDecl.ExportEntry(externName(r), externDesc(r));
      default -> throw r.errorAt(at, "unknown component or instance type declaration");
    };
  }

  static TypeRef typeRef(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int b = r.peek();
    if (b >= 0x40 && b <= 0x7f) {
      r.u8();
      return new TypeRef.Primitive(
          PrimitiveType.fromCode(b)
              .orElseThrow(
                  () -> r.errorAt(at, "unknown primitive value type 0x" + Integer.toHexString(b))));
    }
    long idx = r.s33();
    if (idx < 0 || idx > Integer.MAX_VALUE) {
      throw r.errorAt(at, "bad value type index");
    }
    return new TypeRef.Index((int) idx);
  }

  private static <T> Optional<T> optional(ByteReader r, Item<T> item)
      throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> Optional.empty();
      case 0x01 -> Optional.of(item.read(r));
      default -> throw r.errorAt(at, "bad optional flag");
    };
  }

  static String label(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    String l = r.name();
    if (!Names.isLabel(l)) {
      throw r.errorAt(at, "not a valid label: \"" + l + "\"");
    }
    return l;
  }

  static String externName(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int kind = r.u8();
    String name;
    switch (kind) {
      case 0x00, 0x01 -> name = r.name();
      case 0x02 -> {
        name = r.name();
        int n = r.count(2);
        for (int i = 0; i < n; i++) {
          int a = r.u8();
          if (a > 0x02) {
            throw r.errorAt(r.position() - 1, "unknown name attribute");
          }
          r.name();
        }
      }
      default -> throw r.errorAt(at, "unknown extern name kind");
    }
    if (!Names.isExternName(name)) {
      throw r.errorAt(at + 1, "not a valid import or export name: \"" + name + "\"");
    }
    return name;
  }

  static ExternDesc externDesc(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    return switch (r.u8()) {
      case 0x00 -> {
        r.expect(0x11, "core extern type must be a module");
        yield new ExternDesc.CoreModule(r.index());
      }
      case 0x01 -> new ExternDesc.Func(r.index());
      case 0x02 -> {
        int bAt = r.position();
        yield switch (r.u8()) {
          case 0x00 -> new ExternDesc.Value(Optional.of(r.index()), Optional.empty());
          case 0x01 -> new ExternDesc.Value(Optional.empty(), Optional.of(typeRef(r)));
          default -> throw r.errorAt(bAt, "bad value bound");
        };
      }
      case 0x03 -> {
        int bAt = r.position();
        yield switch (r.u8()) {
          case 0x00 -> new ExternDesc.TypeEq(r.index());
          case 0x01 -> new ExternDesc.TypeSubResource();
          default -> throw r.errorAt(bAt, "bad type bound");
        };
      }
      case 0x04 -> new ExternDesc.Component(r.index());
      case 0x05 -> new ExternDesc.Instance(r.index());
      default -> throw r.errorAt(at, "unknown extern type");
    };
  }

  // ---- canon, start, export, value ----

  private Canon canon(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    int op = r.u8();
    return switch (op) {
      case 0x00 -> {
        r.expect(0x00, "canon lift sort must be core func");
        int f = r.index();
        List<CanonOption> opts = options(r);
        yield new Canon.Lift(f, opts, r.index());
      }
      case 0x01 -> {
        r.expect(0x00, "canon lower sort must be func");
        int f = r.index();
        yield new Canon.Lower(f, options(r));
      }
      case 0x02 -> new Canon.ResourceNew(r.index());
      case 0x03 -> new Canon.ResourceDrop(r.index(), false);
      case 0x07 -> new Canon.ResourceDrop(r.index(), true);
      case 0x04 -> new Canon.ResourceRep(r.index());
      case 0x24, 0x25, 0x05, 0x0d, 0x1e, 0x1f, 0x22, 0x23, 0x26, 0x28 ->
          new Canon.Unsupported(op, "async built-in");
      case 0x09 -> {
        resultList(r);
        options(r);
        yield new Canon.Unsupported(op, "task.return");
      }
      case 0x0a, 0x0b -> {
        coreValType(r);
        r.index();
        yield new Canon.Unsupported(op, "context.get/set");
      }
      case 0x06, 0x0c, 0x29, 0x2a, 0x2b, 0x2c, 0x2d -> {
        flag(r);
        yield new Canon.Unsupported(op, "async built-in");
      }
      case 0x0e, 0x13, 0x14, 0x15, 0x1a, 0x1b -> {
        r.index();
        yield new Canon.Unsupported(op, "stream/future built-in");
      }
      case 0x0f, 0x10, 0x16, 0x17 -> {
        r.index();
        options(r);
        yield new Canon.Unsupported(op, "stream/future built-in");
      }
      case 0x11, 0x12, 0x18, 0x19 -> {
        r.index();
        flag(r);
        yield new Canon.Unsupported(op, "stream/future built-in");
      }
      case 0x1c, 0x1d -> {
        options(r);
        yield new Canon.Unsupported(op, "error-context built-in");
      }
      case 0x20, 0x21 -> {
        flag(r);
        r.index();
        yield new Canon.Unsupported(op, "waitable-set built-in");
      }
      case 0x27 -> {
        r.index();
        r.index();
        yield new Canon.Unsupported(op, "thread built-in");
      }
      case 0x40, 0x42 -> {
        flag(r);
        if (op == 0x40) {
          r.index();
        }
        yield new Canon.Unsupported(op, "thread built-in");
      }
      case 0x41 -> {
        flag(r);
        r.index();
        r.index();
        yield new Canon.Unsupported(op, "thread built-in");
      }
      default -> throw r.errorAt(at, "unknown canonical definition 0x" + Integer.toHexString(op));
    };
  }

  private static void flag(ByteReader r) throws ComponentDecodeException {
    int at = r.position();
    if (r.u8() > 1) {
      throw r.errorAt(at, "bad flag byte");
    }
  }

  private static List<CanonOption> options(ByteReader r) throws ComponentDecodeException {
    return vec(
        r,
        1,
        x -> {
          int at = x.position();
          return switch (x.u8()) {
            case 0x00 -> new CanonOption.Encoding(CanonOption.StringEncoding.UTF8);
            case 0x01 -> new CanonOption.Encoding(CanonOption.StringEncoding.UTF16);
            case 0x02 -> new CanonOption.Encoding(CanonOption.StringEncoding.LATIN1_UTF16);
            case 0x03 -> new CanonOption.Memory(x.index());
            case 0x04 -> new CanonOption.Realloc(x.index());
            case 0x05 -> new CanonOption.PostReturn(x.index());
            case 0x06 -> new CanonOption.Async();
            case 0x07 -> new CanonOption.Callback(x.index());
            default -> throw x.errorAt(at, "unknown canonical option");
          };
        });
  }

  private static Definition start(ByteReader r) throws ComponentDecodeException {
    int f = r.index();
    List<Integer> args = vec(r, 1, ByteReader::index);
    return new Definition.Start(f, args, r.index());
  }

  private Definition export(ByteReader r) throws ComponentDecodeException {
    String name = externName(r);
    Sort sort = Sort.read(r);
    int idx = r.index();
    return new Definition.Export(name, sort, idx, optional(r, ComponentDecoder::externDesc));
  }

  private Definition value(ByteReader r) throws ComponentDecodeException {
    TypeRef t = typeRef(r);
    int len = r.index();
    if (len > r.remaining()) {
      throw r.error("value length " + len + " exceeds the remaining bytes");
    }
    byte[] v = java.util.Arrays.copyOfRange(r.array(), r.position(), r.position() + len);
    r.skip(len);
    return new Definition.ValueDef(t, v);
  }

  // ---- names ----

  private static ComponentAst.ComponentNames componentNames(ByteReader r) {
    // Names are advisory: a malformed name section is ignored, as the spec asks.
    try {
      String componentName = null;
      Map<Sort, Map<Integer, String>> sorts = new EnumMap<>(Sort.class);
      while (!r.atEnd()) {
        int id = r.u8();
        ByteReader sub = r.slice(r.index());
        if (id == 0) {
          componentName = sub.name();
        } else if (id == 1) {
          Sort sort = Sort.read(sub);
          Map<Integer, String> m = new HashMap<>();
          int n = sub.count(2);
          for (int i = 0; i < n; i++) {
            m.put(sub.index(), sub.name());
          }
          sorts.put(sort, m);
        }
      }
      return new ComponentAst.ComponentNames(componentName, sorts);
    } catch (ComponentDecodeException e) {
      return ComponentAst.ComponentNames.empty();
    }
  }
}
