package castad.lyric;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import castad.lyric.openai.OpenAiClient;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.transaction.annotation.Transactional;

@AnalyzeClasses(packages = "castad.lyric", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The original's lesson: a provider call never runs inside a transaction, so it never holds a connection. */
    @ArchTest
    static final ArchRule providersAreNeverCalledFromTransactionalCode = noClasses()
            .that().containAnyMethodsThat(com.tngtech.archunit.base.DescribedPredicate.describe("are @Transactional",
                    method -> method.isAnnotatedWith(Transactional.class)))
            .or().areAnnotatedWith(Transactional.class)
            .should().dependOnClassesThat().areAssignableTo(OpenAiClient.class);

    @ArchTest
    static final ArchRule noWorkerImportsAnother = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("castad.gateway..", "castad.song..", "castad.video..", "castad.blob..");
}
