package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructureCheckTest {

  private final Compilation result = Fixtures.compile("structure-errors.osop.yaml");

  @Test
  void missingRequiredTopLevelFieldIsAnErrorAtTheDocument() {
    assertThat(Fixtures.at(result, 1, 1).message())
        .isEqualTo("the pipeline is missing the required field 'name'");
  }

  @Test
  void unquotedVersionNumberMustBeQuoted() {
    Finding finding = Fixtures.at(result, 1, 15);

    assertThat(finding.isError()).isTrue();
    assertThat(finding.message())
        .isEqualTo(
            "'osop_version' must be a string, but YAML reads 1.0 as the number 1.0; put it in"
                + " quotes: osop_version: \"1.0\"");
  }

  @Test
  void unknownNodeTypeSuggestsTheClosestType() {
    assertThat(Fixtures.at(result, 5, 11).message())
        .startsWith("unknown node type 'dataa' in node 'prepare_data' (did you mean 'data'?)");
  }

  @Test
  void fieldOfTheWrongTypeNamesTheField() {
    assertThat(Fixtures.at(result, 11, 18).message())
        .isEqualTo("'timeout_sec' must be a number, but it is a string");
  }

  @Test
  void nodeWithoutIdAndTypeIsNamedByItsIndex() {
    assertThat(Fixtures.containing(result, "node 3 is missing the required field"))
        .extracting(f -> f.position().line())
        .containsExactly(14, 14);
  }

  @Test
  void unknownEdgeModeSuggestsTheClosestMode() {
    assertThat(Fixtures.at(result, 18, 11).message())
        .startsWith(
            "unknown edge mode 'sequental' in edge prepare_data -> train_model (did you mean"
                + " 'sequential'?)");
  }

  @Test
  void misspeltFieldIsAWarningWithDidYouMean() {
    Finding finding = Fixtures.at(result, 19, 5);

    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message())
        .isEqualTo(
            "unknown field 'wehn' in edge prepare_data -> train_model (did you mean 'when'?);"
                + " extension fields start with 'x-'");
  }

  @Test
  void extensionFieldsPassSilently() {
    assertThat(result.findings()).noneMatch(f -> f.position().line() == 6);
    assertThat(result.findings()).noneMatch(f -> f.position().line() == 20);
  }

  @Test
  void everyProblemIsReportedInOneRun() {
    assertThat(result.errors()).hasSize(7);
    assertThat(result.definition()).isNull();
  }

  @Test
  void stringFieldsReadAsBooleansSayHowToQuoteThem() {
    Compilation booleans = Fixtures.compile("string-fields-as-booleans.osop.yaml");

    assertThat(Fixtures.at(booleans, 2, 5).message())
        .isEqualTo(
            "'id' must be a string, but YAML reads on as the boolean true; put it in quotes: id:"
                + " \"on\"");
    assertThat(Fixtures.at(booleans, 16, 11).message())
        .isEqualTo(
            "'mode' must be a string, but YAML reads no as the boolean false; put it in quotes:"
                + " mode: \"no\"");
    assertThat(booleans.findings()).hasSize(2);
  }

  @Test
  void conditionIsASynonymOfWhenAndDescriptionOfPurpose() {
    Compilation synonyms = Fixtures.compile("synonyms.osop.yaml");

    assertThat(synonyms.findings()).isEmpty();
    assertThat(synonyms.definition().edges().get(1).when()).isEqualTo("exit_code == 0");
  }

  @Test
  void unsupportedOsopVersionIsAnError() {
    Compilation future = Fixtures.compile("future-version.osop.yaml");

    assertThat(Fixtures.at(future, 1, 15).message())
        .isEqualTo("osop_version 3.0 is not supported; this tool reads OSOP 1.x and 2.x");
  }
}
