package io.cloister.enclave.protocol;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeploymentRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"hello", "a", "my-app-2", "x23456789012345678901234567890123456789012345678901234567890123"})
  void goodNames(String name) {
    assertThatCode(() -> DeploymentRules.checkName(name)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Hello", "2app", "-a", "a_b", "a.b", "../etc", "x234567890123456789012345678901234567890123456789012345678901234"})
  void badNamesAreRefused(String name) {
    assertThatThrownBy(() -> DeploymentRules.checkName(name))
        .isInstanceOf(InvalidDeploymentException.class)
        .hasMessageStartingWith("name: '" + name + "' is not an app name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/rpc", "/mcp", "/healthz", "/readyz", "/metrics", "/.well-known"})
  void reservedPrefixesAreRefusedAsReserved(String prefix) {
    assertThatThrownBy(() -> DeploymentRules.checkRoutePrefix(prefix))
        .hasMessageContaining("is reserved by the enclave");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "hello", "/a/b", "/A", "/-a", "/a-", "/a b", "//a"})
  void malformedPrefixesAreRefused(String prefix) {
    assertThatThrownBy(() -> DeploymentRules.checkRoutePrefix(prefix))
        .hasMessageStartingWith("routePrefix: '" + prefix + "' is not a route prefix");
  }

  @Test
  void hostNames() throws Exception {
    DeploymentRules.checkHostName("hello.example.com");
    DeploymentRules.checkHostName("localhost");
    for (String bad : List.of("", "Hello.example", "a..b", ".a", "a.", "a_b.c", "x".repeat(64) + ".a")) {
      assertThatThrownBy(() -> DeploymentRules.checkHostName(bad))
          .as(bad)
          .hasMessageStartingWith("hostName:");
    }
  }

  @Test
  void variablesAreBounded() {
    assertThatThrownBy(
            () -> new DeploymentSpec("a", "/a", Optional.empty(), Map.of("A=B", "1"), List.of()).validate())
        .hasMessageContaining("is not a variable name");
    assertThatThrownBy(
            () ->
                new DeploymentSpec("a", "/a", Optional.empty(), Map.of("BIG", "x".repeat(20_000)), List.of())
                    .validate())
        .hasMessageContaining("at most " + DeploymentRules.MAX_VARIABLE_BYTES);
  }
}
