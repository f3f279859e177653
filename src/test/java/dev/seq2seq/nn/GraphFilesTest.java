package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFilesTest {

    @Test
    void aWeightsFileThatNamesTheAttentionVertexByItsFormerPackageLoadsWithTheVertexOfThisOne(@TempDir Path tmp) throws Exception {
        Path old = Path.of("src/test/resources/tiny-models/es-en/weights.zip");   // written when the vertex was in inference
        ComputationGraph graph = GraphFiles.read(old.toFile(), false);
        assertThat(graph.getConfiguration().getVertices().get(Seq2SeqGraph.ATTENTION)).isInstanceOf(CorrectedAttentionVertex.class);

        Path rewritten = tmp.resolve("weights.zip");
        GraphFiles.write(graph, rewritten.toFile(), false);
        ComputationGraph again = GraphFiles.read(rewritten.toFile(), false);
        assertThat(again.params()).isEqualTo(graph.params());
    }
}
