package io.osop.temporal.pipeline;

/**
 * Progress of a shadow A/B window, for the live status.
 *
 * @param nodeId the A/B node
 * @param elapsedHours hours of the window elapsed
 * @param totalHours the window's current length (extensions included)
 * @param checks metric checks done
 * @param lastCheck a one-line summary of the latest check
 * @param decision approve/reject signal or guardrail that ended it, or null
 */
public record AbWindowStatus(
    String nodeId,
    double elapsedHours,
    double totalHours,
    int checks,
    String lastCheck,
    String decision) {}
