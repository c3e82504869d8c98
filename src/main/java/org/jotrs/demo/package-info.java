/**
 * A demo help desk: fills a fresh instance with queues, agents, customers and a few hundred
 * tickets with conversations, written through the other modules' facades, on an explicit command
 * ({@code --demo-data}) only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.jotrs.demo;
