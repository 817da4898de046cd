package io.cloister.component.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The golden comparison is only as good as its normalizer: it must forgive layout, not content. */
class WitNormalizerTest {

  private static final String DOC =
      """
      package root:component;

      world root {
        import imports: interface {
          resource y {
            constructor(a: s32);
            get-a: func() -> s32;
            add: static func(y: y, a: s32) -> y;
          }
          record point { x: u32, y: u32, }
        }
        import wasi:io/error@0.2.0;
        use test:r/test.{thing};

        export run: func(a: thing, b: list<tuple<string, u8>>) -> result<_, string>;
      }
      """;

  @Test
  void ignoresWhitespaceCommentsAndDeclarationOrder() {
    String shuffled =
        """
        // a comment
        world root { export run : func(a: thing, b: list<tuple<string,u8>>) -> result<_,string>;
          use test:r/test.{thing};
          import wasi:io/error@0.2.0;
          import imports: interface { record point { x: u32, y: u32 }
            resource y { add: static func(y: y, a: s32) -> y; get-a: func() -> s32;
              constructor(a: s32); } } }
        package root:component;
        """;
    assertThat(WitNormalizer.canonical(shuffled)).isEqualTo(WitNormalizer.canonical(DOC));
  }

  @Test
  void keepsMeaningfulOrderAndContent() {
    String canonical = WitNormalizer.canonical(DOC);
    assertThat(WitNormalizer.canonical(DOC.replace("x: u32, y: u32", "y: u32, x: u32")))
        .as("record field order")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("(a: thing, b:", "(b: thing, a:")))
        .as("parameter names")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("-> result<_, string>", "-> result<string>")))
        .as("result type")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("  import wasi:io/error@0.2.0;\n", "")))
        .as("a missing import")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("import wasi:io/error@0.2.0", "export wasi:io/error@0.2.0")))
        .as("import turned export")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("get-a: func() -> s32;", "")))
        .as("a missing resource method")
        .isNotEqualTo(canonical);
    assertThat(WitNormalizer.canonical(DOC.replace("wasi:io/error@0.2.0", "wasi:io/error@0.2.1")))
        .as("a version")
        .isNotEqualTo(canonical);
  }

  @Test
  void canonicalFormIsStable() {
    String canonical = WitNormalizer.canonical(DOC);
    assertThat(WitNormalizer.canonical(canonical)).isEqualTo(canonical);
    assertThat(canonical).contains("  import imports : interface {\n");
  }

  @Test
  void rejectsUnbalancedInput() {
    assertThatThrownBy(() -> WitNormalizer.canonical("world root { export f: func();"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing '}'");
    assertThatThrownBy(() -> WitNormalizer.canonical("world root { } }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbalanced");
  }
}
