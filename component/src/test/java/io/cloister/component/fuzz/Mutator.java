package io.cloister.component.fuzz;

import io.cloister.component.binary.BinaryWriter;
import io.cloister.component.binary.SectionLayout;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded structure-aware mutations of component binaries: bit flips, byte inserts and deletes,
 * LEB128 fields (section sizes and vector counts) rewritten to overlong, overflowing or huge
 * values, sections spliced in from other inputs, dropped or duplicated, and truncation. The same
 * random source and inputs give the same output, so a finding is reproduced from its seed.
 */
final class Mutator {
  /** Section ids whose body starts with a vector count. */
  private static final int[] VECTOR_SECTIONS = {2, 3, 5, 6, 7, 8, 10, 11};

  private final List<byte[]> corpus;

  Mutator(List<byte[]> corpus) {
    this.corpus = List.copyOf(corpus);
  }

  /** The result of mutating one input: the bytes and what was done, for the finding report. */
  record Mutant(byte[] bytes, List<String> steps) {}

  /** Applies one to four random mutations to a copy of {@code input}. */
  Mutant mutate(byte[] input, Random rnd) {
    byte[] bytes = input;
    List<String> steps = new ArrayList<>();
    int count = 1 + rnd.nextInt(4);
    for (int i = 0; i < count; i++) {
      int kind = rnd.nextInt(13);
      bytes =
          switch (kind) {
            case 0, 1 -> flipBits(bytes, rnd, steps);
            case 2 -> insertBytes(bytes, rnd, steps);
            case 3 -> deleteBytes(bytes, rnd, steps);
            case 4, 5, 6 -> mutateLeb(bytes, rnd, steps);
            case 7, 8 -> spliceSection(bytes, rnd, steps);
            case 9, 10, 11 -> mutateSectionBody(bytes, rnd, steps);
            default -> truncate(bytes, rnd, steps);
          };
    }
    return new Mutant(bytes, List.copyOf(steps));
  }

  private static byte[] flipBits(byte[] in, Random rnd, List<String> steps) {
    if (in.length == 0) {
      return in;
    }
    byte[] out = in.clone();
    int flips = 1 + rnd.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int at = rnd.nextInt(out.length);
      int bit = rnd.nextInt(8);
      out[at] ^= (byte) (1 << bit);
      steps.add("flip bit " + bit + " at " + at);
    }
    return out;
  }

  private static byte[] insertBytes(byte[] in, Random rnd, List<String> steps) {
    int at = rnd.nextInt(in.length + 1);
    byte[] extra = new byte[1 + rnd.nextInt(16)];
    rnd.nextBytes(extra);
    steps.add("insert " + extra.length + " bytes at " + at);
    return splice(in, at, at, extra);
  }

  private static byte[] deleteBytes(byte[] in, Random rnd, List<String> steps) {
    if (in.length == 0) {
      return in;
    }
    int at = rnd.nextInt(in.length);
    int len = Math.min(in.length - at, 1 + rnd.nextInt(16));
    steps.add("delete " + len + " bytes at " + at);
    return splice(in, at, at + len, new byte[0]);
  }

  private static byte[] truncate(byte[] in, Random rnd, List<String> steps) {
    int at = rnd.nextInt(in.length + 1);
    steps.add("truncate at " + at);
    return Arrays.copyOf(in, at);
  }

  /**
   * Mutates bytes inside one component-level section (not a core module or custom section) and
   * rewrites its size, so the framing stays valid and the mutation reaches the decoder's and
   * validator's rules for that section instead of the framing checks.
   */
  private static byte[] mutateSectionBody(byte[] in, Random rnd, List<String> steps) {
    List<SectionLayout.Section> sections =
        sections(in).stream().filter(s -> s.id() > 1 && s.end() > s.bodyStart()).toList();
    if (sections.isEmpty()) {
      return flipBits(in, rnd, steps);
    }
    SectionLayout.Section s = sections.get(rnd.nextInt(sections.size()));
    byte[] body = Arrays.copyOfRange(in, s.bodyStart(), s.end());
    List<String> inner = new ArrayList<>();
    byte[] mutated =
        switch (rnd.nextInt(4)) {
          case 0 -> flipBits(body, rnd, inner);
          case 1 -> insertBytes(body, rnd, inner);
          case 2 -> deleteBytes(body, rnd, inner);
          default -> {
            // A small value at a random position: an index, a count or a type code nearby.
            byte[] out = body.clone();
            int at = rnd.nextInt(out.length);
            out[at] = (byte) rnd.nextInt(0x80);
            inner.add("set byte at " + at + " to " + (out[at] & 0xff));
            yield out;
          }
        };
    inner.forEach(step -> steps.add("in section " + s.id() + " at " + s.start() + ": " + step));
    byte[] section = new BinaryWriter().section(s.id(), mutated).toByteArray();
    return splice(in, s.start(), s.end(), section);
  }

  /** Rewrites a section size or the vector count at the start of a section body. */
  private static byte[] mutateLeb(byte[] in, Random rnd, List<String> steps) {
    List<SectionLayout.Section> sections = sections(in);
    if (sections.isEmpty()) {
      return flipBits(in, rnd, steps);
    }
    SectionLayout.Section s = sections.get(rnd.nextInt(sections.size()));
    boolean count = rnd.nextBoolean() && isVectorSection(s.id()) && s.bodyStart() < s.end();
    int at = count ? s.bodyStart() : s.sizeOffset();
    int end = lebEnd(in, at);
    if (end < 0) {
      return flipBits(in, rnd, steps);
    }
    long value = readLeb(in, at, end);
    byte[] replacement =
        switch (rnd.nextInt(7)) {
          case 0 -> overlong(value, 1 + rnd.nextInt(5));
          case 1 -> leb(0xffff_ffffL);
          case 2 -> leb(1L << 32);
          case 3 -> leb(Math.max(0, value - 1));
          case 4 -> leb(value + 1);
          case 5 -> leb(rnd.nextInt(1 << 20));
          default -> new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
        };
    steps.add((count ? "vector count" : "section size") + " of section " + s.id() + " at " + at
        + " (" + value + ") -> " + hex(replacement));
    return splice(in, at, end, replacement);
  }

  /** Inserts, replaces, drops or duplicates a whole section, possibly taken from another input. */
  private byte[] spliceSection(byte[] in, Random rnd, List<String> steps) {
    List<SectionLayout.Section> sections = sections(in);
    if (sections.isEmpty()) {
      return insertBytes(in, rnd, steps);
    }
    SectionLayout.Section target = sections.get(rnd.nextInt(sections.size()));
    int donorIndex = rnd.nextInt(corpus.size());
    byte[] donor = corpus.get(donorIndex);
    List<SectionLayout.Section> donorSections = sections(donor);
    switch (rnd.nextInt(4)) {
      case 0 -> {
        steps.add("drop section " + target.id() + " at " + target.start());
        return splice(in, target.start(), target.end(), new byte[0]);
      }
      case 1 -> {
        steps.add("duplicate section " + target.id() + " at " + target.start());
        return splice(in, target.end(), target.end(), Arrays.copyOfRange(in, target.start(), target.end()));
      }
      default -> {
        if (donorSections.isEmpty()) {
          return in;
        }
        SectionLayout.Section d = donorSections.get(rnd.nextInt(donorSections.size()));
        byte[] piece = Arrays.copyOfRange(donor, d.start(), d.end());
        boolean replace = rnd.nextBoolean();
        steps.add((replace ? "replace" : "insert before") + " section " + target.id() + " at "
            + target.start() + " with section " + d.id() + " of corpus input " + donorIndex);
        return splice(in, target.start(), replace ? target.end() : target.start(), piece);
      }
    }
  }

  private static List<SectionLayout.Section> sections(byte[] in) {
    if (in.length < BinaryWriter.PREAMBLE.length) {
      return List.of();
    }
    try {
      return SectionLayout.of(in).sections();
    } catch (RuntimeException framingAlreadyBroken) {
      return List.of();
    }
  }

  private static boolean isVectorSection(int id) {
    return Arrays.stream(VECTOR_SECTIONS).anyMatch(v -> v == id);
  }

  /** The end of the LEB128 number at {@code at}, or -1 if it runs past the input or is too long. */
  private static int lebEnd(byte[] in, int at) {
    for (int i = at; i < in.length && i < at + 10; i++) {
      if ((in[i] & 0x80) == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private static long readLeb(byte[] in, int at, int end) {
    long v = 0;
    for (int i = at; i < end; i++) {
      v |= (long) (in[i] & 0x7f) << (7 * (i - at));
    }
    return v;
  }

  static byte[] leb(long value) {
    return new BinaryWriter().u32(value).toByteArray();
  }

  /** {@code value} encoded with {@code padding} more bytes than needed (continuation bits set). */
  static byte[] overlong(long value, int padding) {
    byte[] shortest = leb(value);
    byte[] out = Arrays.copyOf(shortest, shortest.length + padding);
    out[shortest.length - 1] |= (byte) 0x80;
    for (int i = shortest.length; i < out.length - 1; i++) {
      out[i] = (byte) 0x80;
    }
    out[out.length - 1] = 0x00;
    return out;
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + piece.length);
    out.write(in, 0, from);
    out.writeBytes(piece);
    out.write(in, to, in.length - to);
    return out.toByteArray();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
