package io.osop.temporal.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.osop.temporal.activities.kubernetes.KubernetesAccess;
import io.osop.temporal.activities.kubernetes.KubernetesAccess.ApiRule;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkerRoleTest {

  @Test
  void roleGrantsExactlyTheVerbsTheKubernetesBackendsUse() throws Exception {
    Role role =
        (Role)
            RepositoryFiles.objects(
                    Files.readString(RepositoryFiles.root().resolve("deploy/base/role.yaml")))
                .stream()
                .filter(Role.class::isInstance)
                .findFirst()
                .orElseThrow();

    Map<String, Set<String>> granted = new TreeMap<>();
    for (PolicyRule rule : role.getRules()) {
      assertThat(rule.getResourceNames()).as("rules name no single objects").isNullOrEmpty();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          granted
              .computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    Map<String, Set<String>> used = new TreeMap<>();
    for (ApiRule rule : KubernetesAccess.ALL) {
      used.computeIfAbsent(rule.apiGroup() + "/" + rule.resource(), k -> new TreeSet<>())
          .addAll(rule.verbs());
    }

    assertThat(granted).isEqualTo(used);
  }

  @Test
  void roleIsBoundToTheWorkerServiceAccountOnly() throws Exception {
    var objects =
        RepositoryFiles.objects(
            Files.readString(RepositoryFiles.root().resolve("deploy/base/rolebinding.yaml")));

    HasMetadata binding = objects.get(0);
    assertThat(binding)
        .isInstanceOfSatisfying(
            io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
            b -> {
              assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
              assertThat(b.getSubjects())
                  .singleElement()
                  .satisfies(s -> assertThat(s.getName()).isEqualTo("osop-worker"));
            });
  }
}
