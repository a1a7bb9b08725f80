package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalServingSettingsTest {

  @Test
  void theDefaultsInjectNoFaults() {
    LocalServingSettings defaults = LocalServingSettings.fromMap(Map.of());

    assertThat(defaults).isEqualTo(LocalServingSettings.defaults());
    assertThat(defaults.injectsFaults()).isFalse();
    assertThat(defaults.labelDelayHours()).isEqualTo(1.0);
  }

  @Test
  void configurationEntriesOverrideTheirDefaultsWhateverTheirType() {
    LocalServingSettings settings =
        LocalServingSettings.fromMap(
            Map.of("candidateLabelNoise", 0.3, "failPromote", "true", "probeRequests", 20));

    assertThat(settings.candidateLabelNoise()).isEqualTo(0.3);
    assertThat(settings.failPromote()).isTrue();
    assertThat(settings.probeRequests()).isEqualTo(20);
    assertThat(settings.injectsFaults()).isTrue();
  }

  @Test
  void unknownNamesAndBadValuesAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> LocalServingSettings.fromMap(Map.of("candidateNoise", "0.3")))
        .hasMessageContaining("unknown local serving setting 'candidateNoise'");
    assertThatThrownBy(() -> LocalServingSettings.fromMap(Map.of("failPromote", "yes")))
        .hasMessageContaining("'failPromote' has an invalid value 'yes'");
    assertThatThrownBy(() -> LocalServingSettings.fromMap(Map.of("candidateErrorRate", "1.5")))
        .hasMessageContaining("candidateErrorRate must be in [0, 1], got 1.5");
  }
}
