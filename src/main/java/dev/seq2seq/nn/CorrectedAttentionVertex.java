package dev.seq2seq.nn;

import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.samediff.SameDiffGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link AttentionVertex} with its backward pass corrected; the forward pass is unchanged.
 *
 * <p>In nd4j 1.0.0-M2.1 a SameDiff vertex's gradient comes out doubled:
 * {@code ExternalErrorsFunction.doDiff} registers the incoming epsilon as the output's gradient
 * and also returns it, and {@code DifferentialFunction.diff} adds the two, so every parameter
 * gradient and input epsilon of the vertex is exactly twice the true value (measured by
 * {@code GradientCheckTest}). Halving the epsilon before that backward pass gives the exact
 * gradient (both operations are exact in floating point). Remove this class on an nd4j release
 * where the check shows single gradients.
 */
public class CorrectedAttentionVertex extends AttentionVertex {

    public CorrectedAttentionVertex() {
        // for DL4J's JSON configuration
    }

    public CorrectedAttentionVertex(AttentionVertex v) {
        setNInKeys(v.getNInKeys());
        setNInValues(v.getNInValues());
        setNInQueries(v.getNInQueries());
        setNOut(v.getNOut());
        setHeadSize(v.getHeadSize());
        setNHeads(v.getNHeads());
        setProjectInput(v.isProjectInput());
        setWeightInit(v.getWeightInit());
    }

    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                   boolean initializeParams, DataType networkDatatype) {
        setName(name);
        return new HalvedEpsilonVertex(this, graph, name, idx, paramsView, initializeParams, networkDatatype);
    }

    @Override
    public CorrectedAttentionVertex clone() {
        return new CorrectedAttentionVertex(this);
    }

    /** The runtime vertex: passes half the epsilon to the (doubling) SameDiff backward pass. */
    static final class HalvedEpsilonVertex extends SameDiffGraphVertex {
        HalvedEpsilonVertex(AttentionVertex config, ComputationGraph graph, String name, int idx,
                            INDArray paramsView, boolean initializeParams, DataType dataType) {
            super(config, graph, name, idx, paramsView, initializeParams, dataType);
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            INDArray original = epsilon;
            epsilon = workspaceMgr.dup(ArrayType.BP_WORKING_MEM, original).muli(0.5);
            try {
                return super.doBackward(tbptt, workspaceMgr);
            } finally {
                epsilon = original;
            }
        }
    }
}
