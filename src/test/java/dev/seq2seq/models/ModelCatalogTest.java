package dev.seq2seq.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.assembly.Ensembling;
import dev.seq2seq.inference.ModelRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cards {@code /models} lists, for a single network and for an ensemble. */
class ModelCatalogTest {

    private static Path copy(Path dir) throws Exception {
        return dev.seq2seq.bundle.TinyBundleAccess.copyCommitted("es-en", dir);
    }

    @Test
    void anEnsembleCardCountsEveryNetworkAndListsTheOthersArchitectures(@TempDir Path tmp) throws Exception {
        Path single = copy(tmp.resolve("single/es-en"));
        Path ensemble = Ensembling.build(List.of(copy(tmp.resolve("a")), copy(tmp.resolve("b"))), tmp.resolve("ensemble/es-en"));
        List<String> log = new ArrayList<>();

        ModelCard one = new ModelCatalog(ModelRepository.load(single.getParent(), log::add)).cards().get(0);
        ModelCard two = new ModelCatalog(ModelRepository.load(ensemble.getParent(), log::add)).cards().get(0);

        assertThat(one.architecture()).doesNotContainKey("ensemble").containsEntry("hiddenSize", 32);
        assertThat(two.parameters()).isEqualTo(2 * one.parameters());
        assertThat(two.architecture()).containsEntry("hiddenSize", 32);
        assertThat(two.architecture().get("ensemble")).isInstanceOf(List.class);
        List<?> members = (List<?>) two.architecture().get("ensemble");
        assertThat(members).hasSize(1);
        assertThat(((Map<?, ?>) members.get(0)).get("hiddenSize")).isEqualTo(32);
        assertThat(log).anyMatch(line -> line.contains(String.format("%,d parameters", two.parameters())));
    }
}
