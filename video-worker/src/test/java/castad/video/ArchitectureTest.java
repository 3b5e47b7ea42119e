package castad.video;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import castad.video.creatomate.CreatomateClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.transaction.annotation.Transactional;

@AnalyzeClasses(packages = "castad.video", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule creatomateIsNeverCalledFromTransactionalCode = noClasses()
            .that().containAnyMethodsThat(DescribedPredicate.describe("are @Transactional",
                    method -> method.isAnnotatedWith(Transactional.class)))
            .or().areAnnotatedWith(Transactional.class)
            .should().dependOnClassesThat().areAssignableTo(CreatomateClient.class);

    @ArchTest
    static final ArchRule noWorkerImportsAnother = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("castad.gateway..", "castad.lyric..", "castad.song..", "castad.blob..");
}
