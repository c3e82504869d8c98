package org.jotrs.platform;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Every text a page shows, from the message bundles ({@code i18n/messages*.properties}) in the
 * language of the request being handled.
 *
 * <p>The language is Spring's locale context for the request ({@code LocaleContextHolder}), which
 * the web module's locale resolver fills from the agent's {@code UserLanguage}, the browser's
 * {@code Accept-Language} or the configured default. Templates call {@link #t} without passing
 * anything around; arguments are plain values and the template escapes the whole text, so an
 * argument with markup is shown as text.
 */
public final class Messages {

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    /** Languages written right to left. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "iw", "fa", "ur");

    private static final Set<String> REPORTED_MISSING = ConcurrentHashMap.newKeySet();

    private static volatile MessageSource source;

    /**
     * A request attribute holding a {@code LocaleContext} (with a time zone) that another sign-in
     * than the agents' decided for the request, as the customer portal does from the customer's
     * preferences; the web module's locale resolver uses it as it is.
     */
    public static final String REQUEST_LOCALE = "org.jotrs.platform.Messages.requestLocale";

    private Messages() {
    }

    /** Installed once at start-up by the web module; the bundles are the same for every context. */
    public static void use(MessageSource messageSource) {
        source = messageSource;
    }

    /**
     * The text for {@code key} in the request's language (English when a translation lacks it),
     * with {@code {0}}, {@code {1}}... replaced by the arguments.
     *
     * <p>A key missing from every bundle is a defect the bundle tests catch; should one slip
     * through, the page shows the key's last words instead of failing, and the log says which.
     */
    public static String t(String key, Object... args) {
        MessageSource messages = source;
        String text = messages == null ? null : messages.getMessage(key, args, null, locale());
        if (text != null) {
            return text;
        }
        if (REPORTED_MISSING.add(key)) {
            log.warn("Message key missing from the bundles: key={}", key);
        }
        String last = key.substring(key.lastIndexOf('.') + 1).replace('-', ' ');
        return last.isEmpty() ? key : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    /** The request's locale (English outside a request). */
    public static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** The request's language as an HTML {@code lang} value ({@code de}, {@code pt-BR}). */
    public static String lang() {
        return locale().toLanguageTag();
    }

    /** {@code rtl} for Arabic and Hebrew, else {@code ltr}: the HTML {@code dir} value. */
    public static String dir() {
        return RIGHT_TO_LEFT.contains(locale().getLanguage()) ? "rtl" : "ltr";
    }

    /**
     * A language's own name, as a person looking for it reads it ("Deutsch", "日本語",
     * "português (Brasil)"), for an OTRS language code.
     */
    public static String languageName(String otrsLanguage) {
        Locale language = Locale.forLanguageTag(otrsLanguage.replace('_', '-'));
        // The region only where it is part of what the language is (Brazilian Portuguese,
        // Simplified Chinese as in mainland China), not for Arabic as written in Saudi Arabia.
        boolean regional = language.getLanguage().equals("pt") || language.getLanguage().equals("zh");
        String name = regional ? language.getDisplayName(language) : language.getDisplayLanguage(language);
        return name.isEmpty() ? otrsLanguage : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A whole number with the locale's grouping (12,345 / 12.345 / 12 345). */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** A size in bytes as people read it: 512 B, 2.5 KB, 3.1 MB, with the locale's decimal mark. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return t("format.size.bytes", number(bytes));
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        double kilobytes = bytes / 1024.0;
        if (kilobytes < 1024) {
            return t("format.size.kb", format.format(kilobytes));
        }
        return t("format.size.mb", format.format(kilobytes / 1024.0));
    }
}
