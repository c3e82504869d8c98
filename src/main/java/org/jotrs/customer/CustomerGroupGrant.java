package org.jotrs.customer;

/** A customer user's permissions on one agent group, as {@code group_customer_user} rows hold them. */
public record CustomerGroupGrant(int groupId, String groupName, boolean ro, boolean rw) {
}
