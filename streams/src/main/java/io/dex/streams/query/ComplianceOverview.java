package io.dex.streams.query;

import io.dex.schema.ComplianceOutcome;
import java.util.Map;

/**
 * Trades and volume per compliance outcome ({@code GET /api/v1/compliance}), every outcome present
 * in the order of the rules.
 *
 * @param byOutcome figures per outcome
 */
public record ComplianceOverview(Map<ComplianceOutcome, OutcomeVolume> byOutcome) {
}
