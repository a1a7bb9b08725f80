package io.osop.temporal.activities.training.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobResourcesTest {

  @Test
  void memoryWrittenInDifferentUnitsIsTheSameRequest() {
    assertThat(JobResources.parse(Map.of("memory", "64Gi")))
        .isEqualTo(JobResources.parse(Map.of("memory", "65536Mi")))
        .hasSameHashCodeAs(JobResources.parse(Map.of("memory", "65536Mi")));
    assertThat(JobResources.parse(Map.of("memory", "64Gi")))
        .isNotEqualTo(JobResources.parse(Map.of("memory", "64G")));
    assertThat(JobResources.parse(Map.of("cpu", "500m")))
        .isEqualTo(JobResources.parse(Map.of("cpu", "0.5")));
  }

  @Test
  void fractionalGpusAreRefusedNamingTheField() {
    assertThatThrownBy(() -> JobResources.parse(Map.of("gpu", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resources.gpu")
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> JobResources.parse(Map.of("gpu", "1.5")))
        .hasMessageContaining("resources.gpu");
    assertThatThrownBy(() -> JobResources.parse(Map.of("gpu", -1)))
        .hasMessageContaining("resources.gpu");
  }

  @Test
  void wholeGpusWrittenAsDecimalsAreAccepted() {
    assertThat(JobResources.parse(Map.of("gpu", 2.0)).gpu()).isEqualTo(2);
    assertThat(JobResources.parse(Map.of("gpu", "1")).limits())
        .containsKey(JobResources.GPU_RESOURCE);
    assertThat(JobResources.parse(Map.of()).limits()).isEmpty();
  }

  @Test
  void badQuantitiesAndUnknownKeysAreRefusedNamingTheField() {
    assertThatThrownBy(() -> JobResources.parse(Map.of("memory", "lots")))
        .hasMessageContaining("resources.memory")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> JobResources.parse(Map.of("tpu", 1)))
        .hasMessageContaining("resources.tpu");
  }
}
