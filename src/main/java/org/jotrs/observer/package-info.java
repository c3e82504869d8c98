/**
 * The observer: a browser SDK embedded in a customer's web application reports what its users do;
 * Jotrs stores the events, finds where users struggle (rage clicks, dead clicks, clicks that raise
 * errors, error loops, failing requests), folds those signals into incidents and opens help-desk
 * tickets for them through the ticket module's facade. Other modules use {@link
 * org.jotrs.observer.ObservedSites} (administration) and {@link org.jotrs.observer.Incidents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observer")
package org.jotrs.observer;
