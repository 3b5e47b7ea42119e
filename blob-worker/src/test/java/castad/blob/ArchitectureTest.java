package castad.blob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.nio.file.Files;

@AnalyzeClasses(packages = "castad.blob", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaCall<?>> creatingATemporaryFile = DescribedPredicate.describe(
            "File.createTempFile or Files.createTemp*", call -> call.getTarget().getName().startsWith("createTemp")
                    && (call.getTargetOwner().isEquivalentTo(File.class)
                    || call.getTargetOwner().isEquivalentTo(Files.class)));

    @ArchTest
    static final ArchRule noWorkerImportsAnother = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("castad.gateway..", "castad.lyric..", "castad.song..", "castad.video..");

    /** Files stream from the source into Blob; nothing of them is written to disk on the way. */
    @ArchTest
    static final ArchRule noTemporaryFiles = noClasses().should().callMethodWhere(creatingATemporaryFile);
}
