/** The page shell: layout, navigation, the agent home page, htmx and CSRF wiring for pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.jotrs.web;
