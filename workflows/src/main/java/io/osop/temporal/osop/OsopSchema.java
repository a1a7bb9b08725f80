package io.osop.temporal.osop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the OSOP schema (versions 1.0 to 2.x) the validator checks: known fields with their
 * types, required fields, and the enums for node types, edge modes and join modes.
 */
final class OsopSchema {

  private OsopSchema() {}

  /** The JSON type a field's value must have. */
  enum FieldType {
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("a whole number"),
    LIST("a list"),
    MAPPING("a mapping"),
    STRING_OR_MAPPING("a string or a mapping"),
    ANY("any value");

    final String noun;

    FieldType(String noun) {
      this.noun = noun;
    }
  }

  static final List<String> REQUIRED_TOP = List.of("osop_version", "id", "name", "nodes", "edges");
  static final List<String> REQUIRED_NODE = List.of("id", "type");
  static final List<String> REQUIRED_EDGE = List.of("from", "to");

  static final Map<String, FieldType> TOP_FIELDS =
      fields(
          "osop_version STRING id STRING name STRING description STRING purpose STRING owner"
              + " STRING visibility STRING tags LIST status STRING usage STRING workflow_type"
              + " MAPPING extends STRING metadata MAPPING schemas MAPPING roles LIST triggers LIST"
              + " variables MAPPING imports LIST env MAPPING platforms LIST conformance_level"
              + " INTEGER version STRING timeout_sec NUMBER nodes LIST edges LIST"
              + " message_contracts LIST tests LIST views LIST security MAPPING observability"
              + " MAPPING evolution MAPPING ledger MAPPING");

  static final Map<String, FieldType> NODE_FIELDS =
      fields(
          "id STRING name STRING type STRING subtype STRING role STRING owner STRING purpose"
              + " STRING description STRING config MAPPING cost MAPPING message_contract MAPPING"
              + " runtime MAPPING inputs LIST outputs LIST success_criteria LIST failure_modes"
              + " LIST retry_policy MAPPING timeout_sec NUMBER idempotency MAPPING handoff"
              + " MAPPING explain STRING_OR_MAPPING observability MAPPING security MAPPING"
              + " approval_gate MAPPING parent STRING spawn_policy MAPPING workflow_ref STRING"
              + " workflow_inputs MAPPING");

  static final Map<String, FieldType> EDGE_FIELDS =
      fields(
          "from STRING to STRING mode STRING when STRING condition STRING explain"
              + " STRING_OR_MAPPING label STRING spawn_count INTEGER for_each STRING iterator_var"
              + " STRING join_mode STRING join_count INTEGER cases LIST default_to STRING");

  static final Map<String, FieldType> RETRY_FIELDS =
      fields("max_retries INTEGER strategy STRING backoff_sec NUMBER");

  static final List<String> NODE_TYPES =
      List.of(
          "human", "agent", "api", "cli", "db", "git", "docker", "cicd", "mcp", "system", "infra",
          "data");

  static final List<String> EDGE_MODES =
      List.of(
          "sequential",
          "conditional",
          "parallel",
          "loop",
          "event",
          "fallback",
          "error",
          "timeout",
          "spawn",
          "switch");

  static final List<String> JOIN_MODES = List.of("wait_all", "wait_any", "wait_n");

  static final List<String> RETRY_STRATEGIES = List.of("fixed", "exponential_backoff");

  private static Map<String, FieldType> fields(String spec) {
    String[] words = spec.trim().split("\\s+");
    Map<String, FieldType> fields = new LinkedHashMap<>();
    for (int i = 0; i < words.length; i += 2) {
      fields.put(words[i], FieldType.valueOf(words[i + 1]));
    }
    return Collections.unmodifiableMap(fields);
  }
}
