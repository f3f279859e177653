package dev.seq2seq;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the layout in docs/ENGINE.md, checked on the compiled classes, with no exceptions:
 * {@code api} -> services ({@code translate}, {@code chat}, {@code models}) -> {@code inference}
 * -> {@code bundle} -> {@code decoder} -> {@code search}, with {@code text} (tokenizing) at the bottom
 * and {@code spans} and {@code ngrams} on it; {@code training} runs on {@code recipe} (its options)
 * and {@code corpus} (its data); {@code request} (what a caller may ask, and the errors it can get)
 * is the one thing of the model side that the web layer sees. The web layer
 * knows nothing of ND4J, the model code nothing of Spring or HTTP; {@code store} (Redis) implements
 * the chat and auth interfaces and only the wiring knows it; no two packages depend on each other.
 */
class LayeringTest {
    static final String[] WEB = {"api", "translate", "chat", "models", "store", "auth", "request"};
    static final String[] MODEL = {"nn", "decoder", "search", "bundle", "inference", "serving", "text", "spans", "ngrams",
            "training", "recipe", "corpus", "assembly", "evaluation", "request", "translate", "chat", "models", "auth"};
    static final String[] MODEL_PACKAGES = {"nn", "decoder", "search", "bundle", "inference", "serving", "text", "spans",
            "ngrams", "training", "recipe", "corpus", "assembly", "evaluation", "cli"};

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.seq2seq");
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(n -> "dev.seq2seq." + n + "..").toArray(String[]::new);
    }

    /** Of this project's classes, those in {@code pkg} use only those in {@code allowed} (and their own package). */
    private static void usesOnly(String pkg, String... allowed) {
        String[] own = packages(Stream.concat(Stream.of(pkg), Arrays.stream(allowed)).toArray(String[]::new));
        classes().that().resideInAPackage("dev.seq2seq." + pkg + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.seq2seq..").or(resideInAnyPackage(own)))
                .check(classes);
    }

    /** As {@link #usesOnly}, and also the service's settings ({@code ServiceProperties} in the wiring's package). */
    private static void usesOnlyWithSettings(String pkg, String... allowed) {
        String[] own = packages(Stream.concat(Stream.of(pkg), Arrays.stream(allowed)).toArray(String[]::new));
        classes().that().resideInAPackage("dev.seq2seq." + pkg + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.seq2seq..").or(resideInAnyPackage(own))
                        .or(JavaClass.Predicates.equivalentTo(ServiceProperties.class))
                        .or(JavaClass.Predicates.belongToAnyOf(ServiceProperties.class)))
                .check(classes);
    }

    @Test
    void theWebLayerDoesNotKnowNd4jOrDl4j() {
        noClasses().that().resideInAnyPackage(packages(WEB))
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void searchStrategiesDoNotKnowNd4j() {
        noClasses().that().resideInAnyPackage(packages("search", "request", "text", "spans", "ngrams", "serving", "inference"))
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void modelCodeDoesNotKnowSpringOrHttp() {
        noClasses().that().resideInAnyPackage(packages(MODEL))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "org.apache.catalina..", "dev.seq2seq.api..")
                .check(classes);
    }

    @Test
    void theWebLayerSeesOnlyTheServicesAndTheRequestRules() {
        noClasses().that().resideInAPackage("dev.seq2seq.api..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(MODEL_PACKAGES))
                .check(classes);
        usesOnlyWithSettings("api", "request", "translate", "chat", "models", "auth");
    }

    @Test
    void modelPackagesUseOnlyThoseBelowThem() {
        usesOnly("request");
        usesOnly("text");
        usesOnly("spans", "text");
        usesOnly("ngrams", "text");
        usesOnly("nn");
        usesOnly("search", "request", "ngrams");
        usesOnly("decoder", "search", "nn");
        usesOnly("bundle", "decoder", "search", "nn", "request", "text", "spans", "ngrams");
        usesOnly("inference", "bundle", "decoder", "search", "request", "text", "spans");
        usesOnly("serving", "inference", "search", "request");
        usesOnly("evaluation", "inference", "bundle", "search", "text", "spans", "ngrams");
        usesOnly("corpus", "spans");
        usesOnly("recipe", "bundle", "search", "nn", "text", "spans");
        usesOnly("assembly", "bundle", "nn", "text");
        usesOnly("training", "recipe", "corpus", "nn", "decoder", "search", "bundle", "inference", "evaluation", "text", "spans");
    }

    @Test
    void servicesUseTheModelThroughInferenceAndNeverTheWebLayer() {
        for (String service : new String[] {"translate", "chat"}) {
            usesOnly(service, "inference", "bundle", "search", "request", "text", "spans", "ngrams");
        }
        usesOnly("models", "inference", "bundle", "nn");   // a card shows the architecture (nn.Architecture, a record)
    }

    @Test
    void sharedStateAdaptersAreKnownOnlyToTheWiring() {
        // shared-state adapters (Redis) implement the chat and auth interfaces; nothing but the wiring knows them
        noClasses().that().resideInAnyPackage(packages("api", "chat", "auth", "translate", "models", "request", "inference",
                        "serving", "bundle", "search", "decoder", "nn", "text", "spans", "ngrams", "training", "recipe", "corpus",
                        "assembly", "evaluation", "cli"))
                .should().dependOnClassesThat().resideInAPackage("dev.seq2seq.store..")
                .check(classes);
        usesOnlyWithSettings("store", "chat", "auth");
    }

    @Test
    void noPackagesDependOnEachOther() {
        slices().matching("dev.seq2seq.(*)..").should().beFreeOfCycles().check(classes);
    }
}
