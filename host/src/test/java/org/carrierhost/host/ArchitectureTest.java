package org.carrierhost.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The host's boundaries, read from its compiled classes: the layers of {@code plugins} run one way, the
 * parts above reach the plugins only through the lifecycle and the call path, the lower packages know
 * nothing above them, and a Supported type never exposes an Internal one. An import against these fails
 * the test run.
 */
class ArchitectureTest {

    private static final String HOST = "org.carrierhost.host";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(HOST);
    }

    private static String pkg(String name) {
        return HOST + "." + name + "..";
    }

    @Test
    void theSharedPluginVocabularyKnowsNoLayerOfThePlugins() {
        noClasses().that().resideInAPackage(HOST + ".plugins")
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.load"), pkg("plugins.call"),
                        pkg("plugins.source"), pkg("plugins.lifecycle"))
                .check(classes);
    }

    @Test
    void loadingKnowsNoTableDirectoryCallPathOrHttp() {
        ArchRule rule = noClasses().that().resideInAPackage(pkg("plugins.load"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.call"), pkg("plugins.source"),
                        pkg("plugins.lifecycle"), pkg("http"), pkg("cluster"), pkg("manager"), pkg("metrics"), pkg("registry"));
        rule.check(classes);
    }

    @Test
    void isolationKnowsNoTableDirectoryCallPathOrHttp() {
        noClasses().that().resideInAPackage(pkg("plugins.isolation"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.call"), pkg("plugins.source"),
                        pkg("plugins.lifecycle"), pkg("http"), pkg("cluster"), pkg("manager"), pkg("metrics"))
                .check(classes);
    }

    @Test
    void theCallPathReachesCarriersOnlyThroughItsPort() {
        noClasses().that().resideInAPackage(pkg("plugins.call"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.source"), pkg("plugins.lifecycle"),
                        pkg("http"), pkg("cluster"), pkg("manager"), pkg("metrics"), pkg("registry"))
                .check(classes);
    }

    @Test
    void sourcesKnowNeitherTheLifecycleNorTheCallPath() {
        noClasses().that().resideInAPackage(pkg("plugins.source"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.call"), pkg("plugins.lifecycle"),
                        pkg("http"), pkg("cluster"), pkg("manager"), pkg("metrics"), pkg("registry"))
                .check(classes);
    }

    @Test
    void theLifecycleKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage(pkg("plugins.lifecycle"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("http"), pkg("cluster"), pkg("manager"), pkg("metrics"),
                        pkg("numbers"), pkg("parts"))
                .check(classes);
    }

    @Test
    void httpClusterMetricsAndTheNumbersReachNeitherLoadingNorSources() {
        noClasses().that().resideInAnyPackage(pkg("http"), pkg("cluster"), pkg("metrics"), pkg("manager"), pkg("numbers"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins.load"), pkg("plugins.source"),
                        pkg("plugins.isolation"))
                .check(classes);
    }

    @Test
    void theLowerPackagesKnowNothingAboveThem() {
        noClasses().that().resideInAnyPackage(pkg("errors"), pkg("config"), pkg("store"), pkg("events"), pkg("registry"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("plugins"), pkg("http"), pkg("cluster"),
                        pkg("manager"), pkg("numbers"), pkg("metrics"), pkg("parts"))
                .check(classes);
    }

    /** The packages whose package-info says Supported: kept compatible within a major version. */
    private static final Set<String> SUPPORTED = Set.of(HOST, HOST + ".config", HOST + ".errors", HOST + ".events",
            HOST + ".manager", HOST + ".testkit");
    /** The packages whose package-info says Internal (with their sub-packages): public only so the host's parts can wire them. */
    private static final Set<String> INTERNAL = Set.of(HOST + ".http", HOST + ".cluster", HOST + ".metrics",
            HOST + ".numbers", HOST + ".parts", HOST + ".plugins", HOST + ".registry", HOST + ".store",
            HOST + ".holds", HOST + ".reconcile");

    @Test
    void theSupportedManagerIsAnInterfaceWhoseImplementationIsInternal() {
        noClasses().that().resideInAPackage(pkg("manager"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("numbers"), pkg("plugins"), pkg("registry"), pkg("http"))
                .check(classes);
    }

    @Test
    void aSupportedTypeExposesNoInternalTypeInAPublicSignature() {
        classes().that(supported()).and().arePublic()
                .should(exposeOnlySupportedTypes())
                .check(classes);
    }

    @Test
    void everyPackageOfTheHostSaysWhetherItIsSupportedOrInternal() {
        List<String> unsaid = new ArrayList<>();
        for (JavaClass type : classes) {
            if (type.getSimpleName().equals("package-info")) {
                continue;
            }
            String name = type.getPackageName();
            if (!SUPPORTED.contains(name) && !internal(name)) {
                unsaid.add(type.getName());
            }
        }
        assertTrue(unsaid.isEmpty(), "in no package known as Supported or Internal: " + unsaid);
    }

    private static boolean internal(String packageName) {
        return INTERNAL.stream().anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."));
    }

    private static DescribedPredicate<JavaClass> supported() {
        return DescribedPredicate.describe("reside in a Supported package", c -> SUPPORTED.contains(c.getPackageName()));
    }

    private static ArchCondition<JavaClass> exposeOnlySupportedTypes() {
        return new ArchCondition<>("expose only Supported types (and the JDK's and libraries') in public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMember member : type.getMembers()) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC) && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    for (JavaClass exposed : exposedBy(member)) {
                        if (internal(exposed.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(member, member.getFullName() + " exposes the Internal "
                                    + exposed.getName()));
                        }
                    }
                }
            }
        };
    }

    private static Set<JavaClass> exposedBy(JavaMember member) {
        Set<JavaClass> exposed = new HashSet<>();
        if (member instanceof JavaField field) {
            exposed.addAll(field.getType().getAllInvolvedRawTypes());
        } else if (member instanceof JavaCodeUnit code) {
            exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
            code.getParameterTypes().forEach(p -> exposed.addAll(p.getAllInvolvedRawTypes()));
        }
        return exposed;
    }
}
