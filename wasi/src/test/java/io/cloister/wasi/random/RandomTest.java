package io.cloister.wasi.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.wasi.WasiTrap;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomTest {

  @Test
  void secureBytesHaveTheRequestedLengthAndDiffer() {
    RandomHost r = new RandomHost(new SecureRandom());
    byte[] a = r.getRandomBytes(32);
    byte[] b = r.getRandomBytes(32);
    assertThat(a).hasSize(32).isNotEqualTo(b);
    assertThat(r.getRandomBytes(0)).isEmpty();
    assertThat(r.getRandomU64()).isNotEqualTo(r.getRandomU64());
  }

  @Test
  void hugeRequestsTrapInsteadOfExhaustingMemory() {
    RandomHost r = new RandomHost(new SecureRandom());
    assertThatThrownBy(() -> r.getRandomBytes(-1L)).isInstanceOf(WasiTrap.class);
    assertThatThrownBy(
            () -> new InsecureHost(new SplittableRandom()).getInsecureRandomBytes(1L << 40))
        .isInstanceOf(WasiTrap.class);
  }

  @Test
  void insecureSeedIsFixedPerInstance() {
    InsecureSeedHost s = new InsecureSeedHost(new SecureRandom());
    assertThat(s.insecureSeed()).isEqualTo(s.insecureSeed());
    assertThat(new InsecureHost(new SplittableRandom(1)).getInsecureRandomBytes(5)).hasSize(5);
  }
}
