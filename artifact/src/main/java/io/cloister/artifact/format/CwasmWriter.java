package io.cloister.artifact.format;

import io.cloister.artifact.meta.FunctionItem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@code .cwasm}: header, then each section once, in {@link SectionId} order, as id byte,
 * big-endian u32 length and payload. Nothing in it depends on the clock, the machine or map order.
 */
public final class CwasmWriter {
  private CwasmWriter() {}

  /** The file's bytes. */
  public static byte[] write(Cwasm content) {
    Out file = new Out();
    file.raw(CwasmFormat.magic());
    file.u16(CwasmFormat.VERSION);
    section(file, SectionId.ENGINE, new Out().raw(content.engineId().getBytes(StandardCharsets.UTF_8)));
    section(file, SectionId.COMPONENT, new Out().raw(content.component()));
    section(file, SectionId.WIT, new Out().raw(content.metadata().wit().getBytes(StandardCharsets.UTF_8)));
    section(file, SectionId.IMPORTS, functions(content.metadata().imports()));
    section(file, SectionId.EXPORTS, functions(content.metadata().exports()));
    if (!content.classes().isEmpty()) {
      section(file, SectionId.CLASSES, classes(content.classes()));
    }
    return file.bytes();
  }

  private static void section(Out file, SectionId id, Out payload) {
    byte[] bytes = payload.bytes();
    file.u8(id.code());
    file.u32(bytes.length);
    file.raw(bytes);
  }

  private static Out functions(List<FunctionItem> items) {
    Out out = new Out();
    out.u32(items.size());
    for (FunctionItem f : items) {
      out.string(f.name());
      out.string(f.type());
    }
    return out;
  }

  private static Out classes(PrecompiledClasses classes) {
    Out out = new Out();
    out.u32(classes.modules().size());
    for (ModuleClasses m : classes.modules()) {
      out.u32(m.moduleIndex());
      out.u32(m.classes().size());
      for (ClassFile c : m.classes()) {
        out.string(c.name());
        out.blob(c.bytes());
      }
    }
    return out;
  }

  /** A growing big-endian buffer; a byte array stream never throws, so neither does this. */
  private static final class Out {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final DataOutputStream data = new DataOutputStream(buffer);

    Out raw(byte[] b) {
      try {
        data.write(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    void u8(int v) {
      buffer.write(v);
    }

    void u16(int v) {
      buffer.write(v >>> 8);
      buffer.write(v);
    }

    void u32(int v) {
      try {
        data.writeInt(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void blob(byte[] b) {
      u32(b.length);
      raw(b);
    }

    void string(String s) {
      blob(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      return buffer.toByteArray();
    }
  }
}
