package org.jotrs.platform;

import java.util.List;
import java.util.Objects;

/**
 * A setting that administrators may change while Jotrs runs, like an entry of OTRS's system
 * configuration. A module declares each of its settings as a bean; its default comes from
 * {@code application.yml} under {@code jotrs.<key>}, and an administrator's value (stored in
 * {@code jotrs_setting}) overrides it on the next request of every node. Read values through
 * {@link Settings}.
 *
 * @param key dotted name, e.g. {@code ticket.subject.re}; the default is the property {@code jotrs.<key>}
 * @param group the heading the admin screen lists it under, e.g. {@code Tickets}
 * @param title a short name for the admin screen
 * @param description what it changes, and its OTRS name when it has one
 * @param type the values it accepts
 */
public record Setting(String key, String group, String title, String description, Type type) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("A setting key is dotted lower-case words: " + key);
        }
    }

    /** The property that holds the default value. */
    public String defaultProperty() {
        return "jotrs." + key;
    }

    /** The values a setting accepts; {@link #check} returns the value as stored, or throws. */
    public sealed interface Type {

        /** The value in its stored form, or a message saying what is accepted. */
        String check(String value) throws RefusedValue;

        /** For the admin screen: {@code text}, {@code number}, {@code flag} or {@code choice}. */
        String kind();
    }

    /** Text of at most {@code maxLength} characters; empty only when {@code mayBeEmpty}. */
    public record Text(int maxLength, boolean mayBeEmpty) implements Type {

        @Override
        public String check(String value) throws RefusedValue {
            String text = value == null ? "" : value;
            if (text.indexOf('\0') >= 0) {
                throw new RefusedValue(Messages.t("validation.setting.no-nul"));
            }
            if (text.isBlank() && !mayBeEmpty) {
                throw new RefusedValue(Messages.t("validation.setting.not-empty"));
            }
            if (text.length() > maxLength) {
                throw new RefusedValue(Messages.t("validation.at-most-characters", Integer.toString(maxLength)));
            }
            return text;
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    /**
     * Text of at most {@code maxLength} characters in a format the declaring module checks (a
     * calendar's working hours, a time zone): {@code format} gets the stripped text and returns
     * the value as stored, or refuses it with a message for the admin screen.
     */
    public record Formatted(int maxLength, Format format) implements Type {

        /** Checks a value's format; may be empty unless it refuses it. */
        @FunctionalInterface
        public interface Format {
            String check(String stripped) throws RefusedValue;
        }

        @Override
        public String check(String value) throws RefusedValue {
            return format.check(new Text(maxLength, true).check(value).strip());
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public record Number(long min, long max) implements Type {

        @Override
        public String check(String value) throws RefusedValue {
            long number;
            try {
                number = Long.parseLong(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                throw new RefusedValue(Messages.t("validation.setting.whole-number", Long.toString(min), Long.toString(max)));
            }
            if (number < min || number > max) {
                throw new RefusedValue(Messages.t("validation.setting.range", Long.toString(min), Long.toString(max)));
            }
            return Long.toString(number);
        }

        @Override
        public String kind() {
            return "number";
        }
    }

    /** Yes or no, stored as {@code true} or {@code false}. */
    public record Flag() implements Type {

        @Override
        public String check(String value) throws RefusedValue {
            String flag = value == null ? "" : value.strip();
            if (!flag.equals("true") && !flag.equals("false")) {
                throw new RefusedValue(Messages.t("validation.setting.true-or-false"));
            }
            return flag;
        }

        @Override
        public String kind() {
            return "flag";
        }
    }

    /** One of a fixed list of values. */
    public record Choice(List<String> options) implements Type {

        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public String check(String value) throws RefusedValue {
            String choice = value == null ? "" : value.strip();
            if (!options.contains(choice)) {
                throw new RefusedValue(Messages.t("validation.setting.one-of", String.join(", ", options)));
            }
            return choice;
        }

        @Override
        public String kind() {
            return "choice";
        }
    }

    /** A value a type does not accept, with the message to show. */
    public static final class RefusedValue extends Exception {

        public RefusedValue(String message) {
            super(message, null, false, false);
        }
    }
}
