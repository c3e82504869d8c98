/**
 * The REST API {@code /api/v1}: JSON over the same facades and permission checks as the agent
 * screens, authenticated by personal API tokens ({@code Authorization: Bearer}), rate-limited per
 * token, every error as {@code application/problem+json}. Other modules use {@link
 * org.jotrs.api.ApiTokens} only (the preferences and admin screens live here too).
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package org.jotrs.api;
