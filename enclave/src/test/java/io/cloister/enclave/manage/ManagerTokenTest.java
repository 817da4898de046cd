package io.cloister.enclave.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagerTokenTest {
  @TempDir Path dir;

  @Test
  void theFirstStartMakesAnOwnerOnlyTokenThatLaterStartsReuse() throws Exception {
    ManagerToken first = ManagerToken.loadOrCreate(dir);
    assertThat(first.created()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())))
        .isEqualTo("rw-------");
    String token = Files.readString(first.file()).strip();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    ManagerToken second = ManagerToken.loadOrCreate(dir);
    assertThat(second.created()).isFalse();
    assertThat(second.matches(token)).isTrue();
    assertThat(second.matches(token + "x")).isFalse();
    assertThat(second.matches("")).isFalse();
    assertThat(second.matches(null)).isFalse();
  }

  @Test
  void aTokenOthersCanReadIsRefused() throws Exception {
    ManagerToken t = ManagerToken.loadOrCreate(dir);
    Files.setPosixFilePermissions(t.file(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ManagerToken.loadOrCreate(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("readable by others");
  }
}
