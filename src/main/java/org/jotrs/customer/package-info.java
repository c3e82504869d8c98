/** Customer users and companies (OTRS tables customer_user, customer_company, group_customer_user). */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package org.jotrs.customer;
