package org.alliance.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import org.bson.codecs.pojo.annotations.BsonId;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules the code keeps, written for any base package so that they can be shown to fail on a
 * deliberately broken fixture as well as to pass on the application.
 */
final class ModuleRules {

    /** Shared infrastructure; every other top-level package is a feature. */
    static final Set<String> INFRASTRUCTURE = Set.of("persistence", "workspace", "schedule", "slack", "shared", "install");

    /** What domain values must never hold: they are about people and time, not about transport or storage. */
    static final String[] TECHNOLOGY = {"com.slack..", "org.quartz..", "com.mongodb..", "org.bson.."};

    private ModuleRules() {
    }

    /** Top-level packages, each with its sub-packages, form no cycle. */
    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule infrastructureNeverDependsOnFeatures(String base) {
        return noClasses().that(inModules(base, INFRASTRUCTURE, true))
                .should().dependOnClassesThat(inModules(base, INFRASTRUCTURE, false))
                .because("features build on infrastructure (" + String.join(", ", INFRASTRUCTURE.stream().sorted()
                        .toList()) + "), never the other way round");
    }

    /**
     * Records that stand alone or inside an interface (a sealed outcome, a port's value) are domain
     * values. Records nested in a class (a renderer's message, a repository's document) are that
     * class's own business.
     */
    static ArchRule domainValuesHoldNoTechnology(String base) {
        return classes().that(inModules(base, INFRASTRUCTURE, false)).and(domainValue())
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(TECHNOLOGY)
                .because("domain records hold no Slack, Quartz or MongoDB types");
    }

    /**
     * Public top-level types that no other module uses: a public type is a module's API, and
     * everything else stays package-private. A use counts when another module depends on the type
     * or on a type nested in it, or calls a method that returns it (a local variable's type leaves
     * no trace in bytecode, but the compiler still needs it public).
     */
    static List<String> publicTypesNoOtherModuleUses(JavaClasses classes, String base) {
        Map<String, Set<String>> usedFrom = new HashMap<>();
        for (JavaClass c : classes) {
            String from = String.valueOf(module(base, c));
            c.getDirectDependenciesFromSelf().forEach(d -> use(usedFrom, d.getTargetClass().getName(), from));
            c.getMethodCallsFromSelf().forEach(call -> use(usedFrom, call.getTarget().getRawReturnType().getName(), from));
        }
        Set<String> stored = storedRecords(classes);
        List<String> unused = new ArrayList<>();
        for (JavaClass c : classes) {
            String own = module(base, c);
            if (own == null || !c.isTopLevelClass() || !c.getModifiers().contains(JavaModifier.PUBLIC)
                    || c.getSimpleName().equals("package-info") || stored.contains(c.getName())) {
                continue;
            }
            Set<String> users = usedFrom.getOrDefault(c.getName(), Set.of());
            if (users.stream().allMatch(own::equals)) {
                unused.add(c.getName() + " is public, but no module other than '" + own + "' uses it");
            }
        }
        return unused;
    }

    /**
     * Records the MongoDB driver stores inside a repository's document (a record with a
     * {@code @BsonId}), and the records inside those: its record codec reads only public records.
     */
    private static Set<String> storedRecords(JavaClasses classes) {
        Set<String> stored = new HashSet<>();
        for (JavaClass c : classes) {
            if (c.isRecord() && c.getFields().stream().anyMatch(f -> f.isAnnotatedWith(BsonId.class))) {
                c.getFields().forEach(f -> addStored(f.getRawType(), stored));
            }
        }
        return stored;
    }

    private static void addStored(JavaClass type, Set<String> stored) {
        if (type.isRecord() && stored.add(type.getName())) {
            type.getFields().forEach(f -> addStored(f.getRawType(), stored));
        }
    }

    private static void use(Map<String, Set<String>> usedFrom, String target, String fromModule) {
        int nested = target.indexOf('$');
        String topLevel = nested < 0 ? target : target.substring(0, nested);
        usedFrom.computeIfAbsent(topLevel, k -> new HashSet<>()).add(fromModule);
    }

    private static DescribedPredicate<JavaClass> domainValue() {
        return DescribedPredicate.describe("are domain records", c -> c.isRecord()
                && c.getEnclosingClass().map(JavaClass::isInterface).orElse(true));
    }

    private static DescribedPredicate<JavaClass> inModules(String base, Set<String> modules, boolean inside) {
        return DescribedPredicate.describe((inside ? "are in " : "are outside ") + modules,
                c -> module(base, c) != null && modules.contains(module(base, c)) == inside);
    }

    /** The top-level package under {@code base} that holds the class; null for classes in {@code base} itself. */
    static String module(String base, JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
