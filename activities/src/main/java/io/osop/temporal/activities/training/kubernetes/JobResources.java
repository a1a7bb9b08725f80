package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A node's {@code resources} checked and parsed: whole GPUs, memory and CPU as Kubernetes
 * quantities. Two values are equal when they ask for the same amounts ({@code 64Gi} equals {@code
 * 65536Mi}).
 *
 * @param gpu whole GPUs, 0 for none
 * @param memory the memory quantity as written, or null
 * @param cpu the CPU quantity as written, or null
 */
public record JobResources(int gpu, String memory, String cpu) {

  /** The extended resource GPUs are requested as. */
  public static final String GPU_RESOURCE = "nvidia.com/gpu";

  private static final Set<String> KNOWN = Set.of("gpu", "memory", "cpu");

  /**
   * Parses a node's {@code resources} map.
   *
   * @throws IllegalArgumentException naming the field for a fractional or negative GPU count, an
   *     unparseable quantity or an unknown key
   */
  public static JobResources parse(Map<String, Object> resources) {
    if (resources == null || resources.isEmpty()) {
      return new JobResources(0, null, null);
    }
    for (String key : resources.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(
            "resources." + key + " is not supported; use gpu, memory or cpu");
      }
    }
    return new JobResources(
        gpus(resources.get("gpu")),
        quantity("memory", resources.get("memory")),
        quantity("cpu", resources.get("cpu")));
  }

  /** The container's resource limits (GPUs can only be limits; memory is requested as limited). */
  public Map<String, Quantity> limits() {
    Map<String, Quantity> limits = new LinkedHashMap<>();
    if (gpu > 0) {
      limits.put(GPU_RESOURCE, new Quantity(Integer.toString(gpu)));
    }
    if (memory != null) {
      limits.put("memory", new Quantity(memory));
    }
    return limits;
  }

  /** The container's resource requests. */
  public Map<String, Quantity> requests() {
    Map<String, Quantity> requests = new LinkedHashMap<>(limits());
    if (cpu != null) {
      requests.put("cpu", new Quantity(cpu));
    }
    return requests;
  }

  /** Reads back the resources a Job's container asks for. */
  public static JobResources fromContainer(
      Map<String, Quantity> limits, Map<String, Quantity> requests) {
    Map<String, Quantity> l = limits == null ? Map.of() : limits;
    Map<String, Quantity> r = requests == null ? Map.of() : requests;
    Quantity gpu = l.get(GPU_RESOURCE);
    Quantity memory = l.get("memory");
    Quantity cpu = r.get("cpu");
    return new JobResources(
        gpu == null ? 0 : Quantity.getAmountInBytes(gpu).intValueExact(),
        memory == null ? null : memory.toString(),
        cpu == null ? null : cpu.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobResources that
        && gpu == that.gpu
        && sameAmount(memory, that.memory)
        && sameAmount(cpu, that.cpu);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gpu, amount(memory), amount(cpu));
  }

  private static int gpus(Object value) {
    if (value == null) {
      return 0;
    }
    BigDecimal count;
    try {
      count = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resources.gpu must be a whole number, got " + value, e);
    }
    if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "resources.gpu must be a whole, non-negative number of GPUs (GPUs cannot be shared"
              + " fractionally), got "
              + value);
    }
    return count.intValueExact();
  }

  private static String quantity(String field, Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    try {
      if (Quantity.getAmountInBytes(Quantity.parse(text)).signum() <= 0) {
        throw new IllegalArgumentException(
            "resources." + field + " must be positive, got " + value);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("resources.")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "resources." + field + " is not a Kubernetes quantity (such as 64Gi or 500m): " + value,
          e);
    }
    return text;
  }

  private static boolean sameAmount(String a, String b) {
    return Objects.equals(amount(a), amount(b));
  }

  private static BigDecimal amount(String quantity) {
    return quantity == null
        ? null
        : Quantity.getAmountInBytes(Quantity.parse(quantity)).stripTrailingZeros();
  }
}
