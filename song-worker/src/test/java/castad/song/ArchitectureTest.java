package castad.song;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import castad.song.suno.SunoClient;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.transaction.annotation.Transactional;

@AnalyzeClasses(packages = "castad.song", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sunoIsNeverCalledFromTransactionalCode = noClasses()
            .that().containAnyMethodsThat(DescribedPredicate.describe("are @Transactional",
                    method -> method.isAnnotatedWith(Transactional.class)))
            .or().areAnnotatedWith(Transactional.class)
            .should().dependOnClassesThat().areAssignableTo(SunoClient.class);

    @ArchTest
    static final ArchRule noWorkerImportsAnother = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("castad.gateway..", "castad.lyric..", "castad.video..", "castad.blob..");
}
