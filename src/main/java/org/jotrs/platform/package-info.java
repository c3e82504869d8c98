/**
 * Platform: data source and dialects, migrations, start-up diagnostics, the generated jOOQ
 * schema. Nothing business-specific lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.jotrs.platform;
