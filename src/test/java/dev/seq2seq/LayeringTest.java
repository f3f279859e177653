package dev.seq2seq;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the layout in docs/ENGINE.md, checked on the compiled classes: api -> services (translate,
 * chat, models) -> inference -> text; the web layer knows nothing of ND4J, the model code nothing
 * of Spring; store (Redis) implements the chat and auth interfaces and only the wiring knows it.
 */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.seq2seq");
    }

    @Test
    void theWebLayerDoesNotKnowNd4jOrDl4j() {
        noClasses().that().resideInAnyPackage("..api..", "..translate..", "..chat..", "..models..", "..store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void modelCodeDoesNotKnowSpring() {
        noClasses().that().resideInAnyPackage("..inference..", "..text..", "..training..", "..evaluation..",
                        "..translate..", "..chat..", "..auth..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void arrowsPointOneWay() {
        noClasses().that().resideInAPackage("..text..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.seq2seq.inference..", "dev.seq2seq.translate..",
                        "dev.seq2seq.chat..", "dev.seq2seq.api..", "dev.seq2seq.training..")
                .check(classes);
        noClasses().that().resideInAPackage("..inference..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.seq2seq.translate..", "dev.seq2seq.chat..",
                        "dev.seq2seq.api..", "dev.seq2seq.models..", "dev.seq2seq.training..", "dev.seq2seq.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("..translate..", "..chat..")
                .should().dependOnClassesThat().resideInAPackage("dev.seq2seq.api..")
                .check(classes);
        // the web layer goes through the services; of inference it sees only the input and overload errors
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat(resideInAPackage("dev.seq2seq.inference..")
                        .and(not(assignableTo(RuntimeException.class))))
                .check(classes);
        // shared-state adapters (Redis) implement the chat and auth interfaces; nothing but the wiring knows them
        noClasses().that().resideInAnyPackage("dev.seq2seq.api..", "dev.seq2seq.chat..", "dev.seq2seq.auth..",
                        "dev.seq2seq.translate..", "dev.seq2seq.inference..", "dev.seq2seq.text..", "dev.seq2seq.models..")
                .should().dependOnClassesThat().resideInAPackage("dev.seq2seq.store..")
                .check(classes);
        noClasses().that().resideInAPackage("..store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.seq2seq.api..", "dev.seq2seq.inference..",
                        "dev.seq2seq.translate..", "dev.seq2seq.training..", "dev.seq2seq.cli..")
                .check(classes);
        slices().matching("dev.seq2seq.(*)..").should().beFreeOfCycles().check(classes);
    }
}
