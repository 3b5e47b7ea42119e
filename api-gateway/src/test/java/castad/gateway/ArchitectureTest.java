package castad.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "castad.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The gateway writes records and events; calling ChatGPT, Suno or Creatomate is the workers' job. */
    @ArchTest
    static final ArchRule theGatewayNeverCallsAProvider = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("castad.lyric..", "castad.song..", "castad.video..",
                    "castad.blob..", "org.springframework.web.client..", "java.net.http..");
}
