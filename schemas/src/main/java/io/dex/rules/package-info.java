/**
 * The field rules of the exchange's events that need no exchange state (SPEC "events"), shared by the
 * member-side producer (client-side validation) and the Streams topology ({@code MALFORMED} detection).
 * Each {@code *Rules.violations(event)} returns the broken rules in schema field order, empty when the
 * event is well-formed.
 */
package io.dex.rules;
