package io.cloister.component.engine;

/**
 * A core linear memory as the canonical ABI reads and writes it: little-endian, bounds-checked
 * (an access out of bounds throws the engine's trap).
 */
public non-sealed interface LinearMemory extends CoreExtern {
  /** The size of a page, in bytes. */
  int PAGE_SIZE = 65536;

  /** The current size, in pages. */
  int pages();

  /** The byte at {@code addr}. */
  byte read(int addr);

  /** The little-endian 16-bit value at {@code addr}. */
  short readShort(int addr);

  /** The little-endian 32-bit value at {@code addr}. */
  int readInt(int addr);

  /** The little-endian 64-bit value at {@code addr}. */
  long readLong(int addr);

  /** A copy of {@code len} bytes from {@code addr}. */
  byte[] readBytes(int addr, int len);

  /** Writes one byte. */
  void writeByte(int addr, byte data);

  /** Writes a little-endian 16-bit value. */
  void writeShort(int addr, short data);

  /** Writes a little-endian 32-bit value. */
  void writeI32(int addr, int data);

  /** Writes a little-endian 64-bit value. */
  void writeLong(int addr, long data);

  /** Writes {@code size} bytes of {@code data} from {@code offset} to {@code addr}. */
  void write(int addr, byte[] data, int offset, int size);

  /** Writes all of {@code data} to {@code addr}. */
  default void write(int addr, byte[] data) {
    write(addr, data, 0, data.length);
  }
}
