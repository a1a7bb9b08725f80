package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxErrorMessagesTest {

  private static final String EDGE = "in condition of edge train_model -> evaluate: ";

  private final Compilation result = Fixtures.compile("syntax-errors.osop.yaml");

  @Test
  void expressionEndingAfterAnOperatorSaysAValueIsMissing() {
    // when: "exit_code >": the error points at the last character, the ">" in column 22.
    assertThat(Fixtures.at(result, 15, 22).message())
        .isEqualTo(EDGE + "the expression ends where a value was expected after '>'");
  }

  @Test
  void singleEqualsSaysToWriteDoubleEquals() {
    assertThat(Fixtures.at(result, 19, 22).message())
        .isEqualTo(EDGE + "'=' is not a comparison; write == to compare");
  }

  @Test
  void unclosedStringSaysWhichQuoteToAdd() {
    assertThat(Fixtures.at(result, 23, 23).message())
        .isEqualTo(EDGE + "the string 'x is not closed; add the closing '");
  }

  @Test
  void wordOperatorsSayWhichSymbolToWrite() {
    assertThat(Fixtures.at(result, 27, 27).message())
        .isEqualTo(EDGE + "'and' is not a CEL operator; write &&");
  }

  @Test
  void unclosedParenthesisSaysWhatIsMissing() {
    assertThat(Fixtures.at(result, 31, 26).message())
        .isEqualTo(EDGE + "the expression ends before the closing ')'");
  }

  @Test
  void textAfterACompleteExpressionSaysHowToJoinConditions() {
    assertThat(Fixtures.at(result, 35, 27).message())
        .isEqualTo(
            EDGE
                + "unexpected 'attempt' after a complete expression; join conditions with && or"
                + " ||");
  }

  @Test
  void onlyTheFirstSyntaxErrorOfAConditionIsReported() {
    assertThat(result.errors()).hasSize(6);
  }
}
