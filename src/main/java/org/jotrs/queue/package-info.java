/** Queues, system addresses, salutations, signatures and templates (OTRS tables queue, system_address, ...). */
@org.springframework.modulith.ApplicationModule(displayName = "Queue")
package org.jotrs.queue;
