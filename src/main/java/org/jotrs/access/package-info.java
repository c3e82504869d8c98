/**
 * Access: agents, groups, roles, permissions, sign-in and password hashing (OTRS tables users,
 * permission_groups/groups, group_user, group_role, role_user, roles, user_preferences).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.jotrs.access;
