package org.casepress;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package direction of STYLE.md, on the compiled main classes: {@code cli -> publish ->
 * {render, zenodo, localzenodo, workflow} -> source -> model}, one way. Front-ends beside publish
 * ({@code board}, {@code importer}) may use the library; only the CLI may use them. {@code zenodo}
 * is a client of Zenodo and nothing else; the embedded server stands alone.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casepress");
  }

  @Test
  void packagesDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("cli")
        .definedBy("org.casepress.cli..")
        .layer("front-ends")
        .definedBy("org.casepress.board..", "org.casepress.importer..")
        .layer("publish")
        .definedBy("org.casepress.publish..")
        .layer("render")
        .definedBy("org.casepress.render..")
        .layer("zenodo")
        .definedBy("org.casepress.zenodo..")
        .layer("localzenodo")
        .definedBy("org.casepress.localzenodo..")
        .layer("workflow")
        .definedBy("org.casepress.workflow..")
        .layer("source")
        .definedBy("org.casepress.source..")
        .layer("model")
        .definedBy("org.casepress.model..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("front-ends")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("publish")
        .mayOnlyBeAccessedByLayers("cli", "front-ends")
        .whereLayer("render")
        .mayOnlyBeAccessedByLayers("cli", "front-ends", "publish")
        .whereLayer("workflow")
        .mayOnlyBeAccessedByLayers("cli", "front-ends", "publish")
        .whereLayer("zenodo")
        .mayOnlyBeAccessedByLayers("cli", "publish")
        .whereLayer("localzenodo")
        .mayOnlyBeAccessedByLayers("publish")
        .whereLayer("source")
        .mayOnlyBeAccessedByLayers("cli", "front-ends", "publish", "render", "workflow")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("cli", "front-ends", "publish", "render", "workflow", "source")
        .check(main);
  }

  @Test
  void zenodoKnowsZenodoAndNothingOfCasepress() {
    classes()
        .that()
        .resideInAPackage("org.casepress.zenodo..")
        .should()
        .onlyDependOnClassesThat(
            resideInAPackage("org.casepress.zenodo..")
                .or(resideOutsideOfPackage("org.casepress..")))
        .check(main);
  }

  @Test
  void theEmbeddedServerImportsNoOtherCasepressPackage() {
    classes()
        .that()
        .resideInAPackage("org.casepress.localzenodo..")
        .should()
        .onlyDependOnClassesThat(
            resideInAPackage("org.casepress.localzenodo..")
                .or(resideOutsideOfPackage("org.casepress..")))
        .check(main);
  }

  @Test
  void noStaticMutableState() {
    fields()
        .that()
        .areStatic()
        .should()
        .beFinal()
        .because("state shared by every command in a JVM breaks the board and parallel tests")
        .check(main);
  }

  @Test
  void noManagerHelperUtilOrImplNames() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .orShould()
        .haveSimpleNameEndingWith("Impl")
        .check(main);
  }
}
