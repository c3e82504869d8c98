package org.jotrs.platform;

import java.util.List;

/**
 * Something that needs an administrator's attention now (a webhook Jotrs switched off, ...),
 * declared as a bean by the module that knows it; the admin index shows every notice at the top.
 */
public interface AdminAttention {

    /** The notices to show now, in the agent's language, each with the path of the screen that deals with it. */
    List<Notice> notices();

    record Notice(String text, String path) {
    }
}
