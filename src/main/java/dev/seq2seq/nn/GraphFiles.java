package dev.seq2seq.nn;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.conf.serde.JsonMappers;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.JavaType;
import org.nd4j.shade.jackson.databind.deser.DeserializationProblemHandler;
import org.nd4j.shade.jackson.databind.jsontype.TypeIdResolver;

/**
 * Reads and writes DL4J graph files (the weights of a bundle, a training checkpoint). A graph file
 * names the classes of its custom vertices; files written before this package held the graph name
 * them by their former package, and {@link #read} maps those names to the classes here, so every
 * weights file ever written still loads.
 */
public final class GraphFiles {
    /** Former class names of this package's graph classes, as older weights files give them. */
    static final Map<String, Class<?>> FORMER_NAMES = Map.of(
            "dev.seq2seq.inference.CorrectedAttentionVertex", CorrectedAttentionVertex.class);

    private static boolean formerNamesKnown;

    private GraphFiles() {}

    /** A graph file as a graph, with its updater state (to resume training) or without. */
    public static ComputationGraph read(File file, boolean withUpdater) throws IOException {
        knowFormerNames();
        return ModelSerializer.restoreComputationGraph(file, withUpdater);
    }

    /** Writes a graph file, with its updater state (a checkpoint) or without (a bundle's weights). */
    public static void write(ComputationGraph graph, File file, boolean withUpdater) throws IOException {
        ModelSerializer.writeModel(graph, file, withUpdater);
    }

    /** Teaches DL4J's (shared) JSON mapper the former names, once. */
    static synchronized void knowFormerNames() {
        if (formerNamesKnown) {
            return;
        }
        JsonMappers.getMapper().addHandler(new DeserializationProblemHandler() {
            @Override
            public JavaType handleUnknownTypeId(DeserializationContext context, JavaType baseType, String subTypeId,
                                                TypeIdResolver resolver, String failureMessage) {
                Class<?> now = FORMER_NAMES.get(subTypeId);
                return now == null ? null : context.constructType(now);
            }
        });
        formerNamesKnown = true;
    }
}
