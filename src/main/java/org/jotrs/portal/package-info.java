/**
 * The customer portal ({@code /customer/**}): customers sign in with their OTRS
 * {@code customer_user} account, follow and answer their own and their companies' tickets and
 * open new ones. It has its own sign-in, session cookie ({@code JOTRS_CUSTOMER}, table
 * {@code jotrs_portal_session}) and security filter chain; every read and write checks in its
 * facades that the ticket is the customer's, and answers a foreign ticket exactly as a missing one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer portal")
package org.jotrs.portal;
