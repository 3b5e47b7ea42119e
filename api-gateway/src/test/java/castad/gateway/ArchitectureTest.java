package castad.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import castad.gateway.security.Caller;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@AnalyzeClasses(packages = "castad.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The gateway writes records and events; calling ChatGPT, Suno or Creatomate is the workers' job. */
    @ArchTest
    static final ArchRule theGatewayNeverCallsAProvider = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("castad.lyric..", "castad.song..", "castad.video..",
                    "castad.blob..", "org.springframework.web.client..", "java.net.http..");

    /** A route that names a task, or lists tasks, must know who asks: that is how another key's task stays hidden. */
    @ArchTest
    static final ArchRule everyTaskRouteKnowsItsCaller = methods().that(routeOf("/api/v1/projects", "/api/v1/videos",
            "/api/v1/songs")).should(new ArchCondition<>("take the Caller") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean takesCaller = method.getRawParameterTypes().stream()
                            .anyMatch(type -> type.isEquivalentTo(Caller.class));
                    events.add(new SimpleConditionEvent(method, takesCaller, method.getFullName() + " takes no Caller"));
                }
            });

    private static DescribedPredicate<JavaMethod> routeOf(String... prefixes) {
        return DescribedPredicate.describe("are routes under " + String.join(", ", prefixes), method -> paths(method)
                .anyMatch(path -> Arrays.stream(prefixes).anyMatch(path::startsWith)));
    }

    private static Stream<String> paths(JavaMethod method) {
        Stream<String> gets = method.tryGetAnnotationOfType(GetMapping.class).stream()
                .flatMap(mapping -> Stream.concat(Arrays.stream(mapping.value()), Arrays.stream(mapping.path())));
        Stream<String> posts = method.tryGetAnnotationOfType(PostMapping.class).stream()
                .flatMap(mapping -> Stream.concat(Arrays.stream(mapping.value()), Arrays.stream(mapping.path())));
        return Stream.concat(gets, posts);
    }
}
