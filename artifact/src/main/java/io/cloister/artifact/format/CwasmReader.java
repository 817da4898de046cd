package io.cloister.artifact.format;

import io.cloister.artifact.ArtifactFormatException;
import io.cloister.artifact.meta.FunctionItem;
import io.cloister.artifact.meta.Metadata;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a {@code .cwasm} strictly: the one encoding {@link CwasmWriter} produces, nothing
 * before, between or after. Every refusal is an {@link ArtifactFormatException} naming the offset
 * and what was expected there; no length or count is allocated before it is checked against the
 * bytes that remain and the {@link ReadLimits}.
 */
public final class CwasmReader {
  private static final int MAX_ENGINE_ID = 1024;

  private CwasmReader() {}

  /** Reads a whole file. */
  public static ParsedCwasm read(byte[] file, ReadLimits limits) throws ArtifactFormatException {
    if (file.length > limits.maxFileBytes()) {
      throw new ArtifactFormatException(
          limits.maxFileBytes(), "a file of at most " + limits.maxFileBytes() + " bytes, not " + file.length);
    }
    Cursor in = new Cursor(file, 0, file.length);
    byte[] magic = CwasmFormat.magic();
    for (byte b : magic) {
      int at = in.position();
      if (in.u8("the magic \\0clwCWASM") != (b & 0xff)) {
        throw new ArtifactFormatException(at, "the magic \\0clwCWASM");
      }
    }
    int versionAt = in.position();
    int version = in.u16("the format version");
    if (version != CwasmFormat.VERSION) {
      throw new ArtifactFormatException(
          versionAt, "format version " + CwasmFormat.VERSION + " (this build reads no other), not " + version);
    }
    Map<SectionId, Cursor> payloads = new EnumMap<>(SectionId.class);
    List<SectionInfo> table = new ArrayList<>();
    SectionId last = null;
    while (!in.atEnd()) {
      int idAt = in.position();
      int code = in.u8("a section id");
      Optional<SectionId> id = SectionId.of(code);
      if (id.isEmpty()) {
        throw new ArtifactFormatException(idAt, "a section id 1.." + SectionId.values().length + ", not " + code);
      }
      if (last != null && id.get().ordinal() <= last.ordinal()) {
        throw new ArtifactFormatException(
            idAt,
            "sections in order engine, component, wit, imports, exports, classes, each once, not "
                + id.get().label()
                + (id.get() == last ? " twice" : " after " + last.label()));
      }
      int lengthAt = in.position();
      long length = in.u32("the " + id.get().label() + " section's length");
      if (length > in.remaining()) {
        throw new ArtifactFormatException(
            lengthAt,
            "the " + id.get().label() + " section's length within the file (" + in.remaining()
                + " bytes remain), not " + length);
      }
      int start = in.position();
      table.add(new SectionInfo(id.get(), start, length));
      payloads.put(id.get(), new Cursor(file, start, start + (int) length));
      in.skip((int) length);
      last = id.get();
    }
    for (SectionId s : SectionId.values()) {
      if (s.required() && !payloads.containsKey(s)) {
        throw new ArtifactFormatException(file.length, "the " + s.label() + " section (required)");
      }
    }
    String engine = engineId(payloads.get(SectionId.ENGINE));
    Cursor componentSection = payloads.get(SectionId.COMPONENT);
    byte[] component = componentSection.bytes(componentSection.remaining(), "the component");
    String wit = payloads.get(SectionId.WIT).restAsUtf8("the WIT text");
    List<FunctionItem> imports = functions(payloads.get(SectionId.IMPORTS), "import", limits);
    List<FunctionItem> exports = functions(payloads.get(SectionId.EXPORTS), "export", limits);
    PrecompiledClasses classes =
        payloads.containsKey(SectionId.CLASSES)
            ? classes(payloads.get(SectionId.CLASSES), limits)
            : PrecompiledClasses.NONE;
    return new ParsedCwasm(new Cwasm(engine, component, new Metadata(wit, imports, exports), classes), table);
  }

  /** Printable ASCII only: {@code cloister inspect} prints it to a terminal as it is. */
  private static String engineId(Cursor c) throws ArtifactFormatException {
    int at = c.position();
    String id = c.restAsUtf8("the engine id");
    if (id.isEmpty() || id.length() > MAX_ENGINE_ID || !id.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
      throw new ArtifactFormatException(at, "an engine id of 1.." + MAX_ENGINE_ID + " printable ASCII characters");
    }
    return id;
  }

  private static List<FunctionItem> functions(Cursor c, String what, ReadLimits limits)
      throws ArtifactFormatException {
    int n = c.count("a count of " + what + "ed functions", limits.maxEntries(), 8);
    List<FunctionItem> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = c.string("an " + what + " name");
      String type = c.string("an " + what + " type");
      out.add(new FunctionItem(name, type));
    }
    end(c, "the " + what + "s section");
    return out;
  }

  private static PrecompiledClasses classes(Cursor c, ReadLimits limits) throws ArtifactFormatException {
    int modules = c.count("a count of modules", limits.maxEntries(), 8);
    List<ModuleClasses> out = new ArrayList<>(modules);
    long lastModule = -1;
    for (int m = 0; m < modules; m++) {
      int at = c.position();
      long index = c.u32("a core module index");
      if (index <= lastModule || index > Integer.MAX_VALUE) {
        throw new ArtifactFormatException(at, "module indices in increasing order, each once, not " + index + " after " + lastModule);
      }
      lastModule = index;
      int n = c.count("a count of classes", limits.maxEntries(), 8);
      List<ClassFile> classes = new ArrayList<>(n);
      String lastName = null;
      for (int i = 0; i < n; i++) {
        int nameAt = c.position();
        String name = c.string("a class name");
        if (lastName != null && name.compareTo(lastName) <= 0) {
          throw new ArtifactFormatException(nameAt, "class names in increasing order, each once, not " + name + " after " + lastName);
        }
        lastName = name;
        classes.add(new ClassFile(name, c.blob("a class file")));
      }
      out.add(new ModuleClasses((int) index, classes));
    }
    end(c, "the classes section");
    return new PrecompiledClasses(out);
  }

  private static void end(Cursor c, String what) throws ArtifactFormatException {
    if (!c.atEnd()) {
      throw c.error("the end of " + what + ", but " + c.remaining() + " bytes remain");
    }
  }
}
