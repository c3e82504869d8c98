package org.jotrs.access.web;

import org.jotrs.access.AgentAdministration.Agent;
import org.jotrs.access.AgentAdministration.AgentInput;
import org.jotrs.platform.Validity;

/** The agent form as posted; the password is never sent back to the page. */
public record AgentForm(String login, String firstName, String lastName, String email, String validity, String password) {

    static AgentForm empty() {
        return new AgentForm("", "", "", "", String.valueOf(Validity.VALID.id()), "");
    }

    static AgentForm of(Agent agent) {
        return new AgentForm(agent.login(), agent.firstName(), agent.lastName(), agent.email(),
                String.valueOf(agent.validity().id()), "");
    }

    AgentInput toInput() {
        return new AgentInput(login, firstName, lastName, email, Validity.fromForm(validity).orElse(null), password);
    }

    AgentForm withoutPassword() {
        return new AgentForm(orEmpty(login), orEmpty(firstName), orEmpty(lastName), orEmpty(email), orEmpty(validity), "");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "AgentForm[login=" + login + "]";
    }
}
