package io.cloister.engine.graalwasm.component;

import io.cloister.component.engine.LinearMemory;
import io.cloister.engine.graalwasm.CoreMemory;

/** A memory of a GraalWasm instance, as the canonical ABI reads and writes it. */
record GraalWasmMemory(CoreMemory memory) implements LinearMemory {
  @Override
  public int pages() {
    return (int) memory.pages();
  }

  @Override
  public byte read(int addr) {
    return memory.readByte(Integer.toUnsignedLong(addr));
  }

  @Override
  public short readShort(int addr) {
    return memory.readShort(Integer.toUnsignedLong(addr));
  }

  @Override
  public int readInt(int addr) {
    return memory.readInt(Integer.toUnsignedLong(addr));
  }

  @Override
  public long readLong(int addr) {
    return memory.readLong(Integer.toUnsignedLong(addr));
  }

  @Override
  public byte[] readBytes(int addr, int len) {
    return memory.read(Integer.toUnsignedLong(addr), len);
  }

  @Override
  public void writeByte(int addr, byte data) {
    memory.writeByte(Integer.toUnsignedLong(addr), data);
  }

  @Override
  public void writeShort(int addr, short data) {
    memory.writeShort(Integer.toUnsignedLong(addr), data);
  }

  @Override
  public void writeI32(int addr, int data) {
    memory.writeInt(Integer.toUnsignedLong(addr), data);
  }

  @Override
  public void writeLong(int addr, long data) {
    memory.writeLong(Integer.toUnsignedLong(addr), data);
  }

  @Override
  public void write(int addr, byte[] data, int offset, int size) {
    memory.write(Integer.toUnsignedLong(addr), data, offset, size);
  }
}
