package io.cloister.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level sections of a well-formed component binary, found by walking their headers only
 * (independently of the decoder under test): where each header, size field and body lies.
 */
public record SectionLayout(List<Section> sections) {

  /** One section: {@code start} is its id byte, {@code sizeOffset} its size field, body {@code [bodyStart, end)}. */
  public record Section(int id, int start, int sizeOffset, int bodyStart, int end) {}

  public SectionLayout {
    sections = List.copyOf(sections);
  }

  /** Walks the section headers of a component whose framing is known to be valid. */
  public static SectionLayout of(byte[] component) {
    List<Section> sections = new ArrayList<>();
    int pos = BinaryWriter.PREAMBLE.length;
    while (pos < component.length) {
      int start = pos;
      int id = component[pos++] & 0xff;
      int sizeOffset = pos;
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = component[pos++] & 0xff;
        size |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      int bodyStart = pos;
      pos = Math.toIntExact(bodyStart + size);
      if (pos > component.length) {
        throw new IllegalArgumentException("section at " + start + " runs past the end");
      }
      sections.add(new Section(id, start, sizeOffset, bodyStart, pos));
    }
    return new SectionLayout(sections);
  }
}
