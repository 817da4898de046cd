package io.cloister.artifact.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.artifact.CodeHash;
import io.cloister.artifact.Fixtures;
import io.cloister.artifact.compile.ArtifactCompiler;
import io.cloister.artifact.compile.EngineId;
import io.cloister.artifact.meta.FunctionItem;
import org.junit.jupiter.api.Test;

/** Descriptions of a raw component and of its .cwasm. */
class InspectorTest {

  @Test
  void describesACwasm() throws Exception {
    byte[] component = Fixtures.component("adder.component.wasm");
    byte[] cwasm = ArtifactCompiler.compile(component);

    ArtifactDescription d = Inspector.describe(cwasm);

    assertThat(d.format()).isEqualTo("cwasm");
    assertThat(d.formatVersion()).isEqualTo(1);
    assertThat(d.engine()).isEqualTo(EngineId.CHICORY.text());
    assertThat(d.codeHash()).isEqualTo(CodeHash.of(cwasm).hex());
    assertThat(d.componentHash()).isEqualTo(CodeHash.of(component).hex());
    assertThat(d.fileSize()).isEqualTo(cwasm.length);
    assertThat(d.componentSize()).isEqualTo(component.length);
    assertThat(d.metadataMatches()).isTrue();
    assertThat(d.exports()).containsExactly(new FunctionItem("docs:adder/add@0.1.0#add", "func(x: u32, y: u32) -> u32"));
    assertThat(d.sections())
        .extracting(ArtifactDescription.Section::name)
        .containsExactly("engine", "component", "wit", "imports", "exports");
    assertThat(d.sections().get(1).size()).isEqualTo(component.length);
    assertThat(d.sections().stream().mapToLong(s -> s.size() + 5).sum() + 11).isEqualTo(cwasm.length);
  }

  @Test
  void describesARawComponent() throws Exception {
    byte[] hello = Fixtures.http("hello.component.wasm");

    ArtifactDescription d = Inspector.describe(hello);

    assertThat(d.format()).isEqualTo("component");
    assertThat(d.engine()).isNull();
    assertThat(d.codeHash()).isEqualTo(d.componentHash()).isEqualTo(CodeHash.of(hello).hex());
    assertThat(d.sections()).isEmpty();
    assertThat(d.imports()).extracting(FunctionItem::name).contains("wasi:http/types@0.2.12#[method]outgoing-body.write");
  }
}
