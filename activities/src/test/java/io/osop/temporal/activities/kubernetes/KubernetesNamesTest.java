package io.osop.temporal.activities.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubernetesNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";

  @Test
  void aValidShortNameIsKeptAsItIs() {
    assertThat(KubernetesNames.dnsLabel("osop-wf-1-train-1", 63)).isEqualTo("osop-wf-1-train-1");
    assertThat(KubernetesNames.labelValue("wf-1.ab_test")).isEqualTo("wf-1.ab_test");
  }

  @Test
  void otherNamesBecomeValidDeterministicAndDistinct() {
    String endpoint = KubernetesNames.dnsLabel("models/recommendation/v3", 45);
    String other = KubernetesNames.dnsLabel("models/recommendation-v3", 45);

    assertThat(endpoint).matches(DNS_LABEL).startsWith("models-recommendation-v3-");
    assertThat(KubernetesNames.dnsLabel("models/recommendation/v3", 45)).isEqualTo(endpoint);
    assertThat(other).isNotEqualTo(endpoint);
  }

  @Test
  void longNamesAreCutToTheLimitWithAHash() {
    String name = KubernetesNames.dnsLabel("Workflow_" + "x".repeat(200) + "-node-1", 63);
    String value = KubernetesNames.labelValue("run/" + "y".repeat(100) + "/");

    assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
    assertThat(value).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
    assertThat(KubernetesNames.dnsLabel("---", 63)).matches(DNS_LABEL);
  }
}
