package org.jotrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jotrs.access.AgentPreferences;
import org.junit.jupiter.api.Test;

/**
 * The message bundles are complete: one per offered language, every English key in every one,
 * the same placeholders, nothing a MessageFormat would misread. Translations identical to
 * English are listed (names like "Jotrs" or "OK" may rightly stay) and must stay a small share.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Map<String, String> bundle(String language) {
        String name = language.equals("en") ? "i18n/messages.properties" : "i18n/messages_" + language + ".properties";
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("bundle %s", name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> values = new TreeMap<>();
            properties.forEach((key, value) -> values.put((String) key, (String) value));
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyOfferedLanguageHasEveryKeyWithTheSamePlaceholders() {
        Map<String, String> english = bundle("en");
        assertThat(english).isNotEmpty();
        for (String language : AgentPreferences.LANGUAGES) {
            Map<String, String> translated = bundle(language);
            assertThat(translated.keySet()).as("keys of %s", language).containsExactlyInAnyOrderElementsOf(english.keySet());
            List<String> identical = new ArrayList<>();
            for (var entry : english.entrySet()) {
                String text = translated.get(entry.getKey());
                assertThat(text).as("%s in %s", entry.getKey(), language).isNotBlank();
                assertThat(placeholders(text)).as("placeholders of %s in %s", entry.getKey(), language)
                        .isEqualTo(placeholders(entry.getValue()));
                if (!language.equals("en") && text.equals(entry.getValue())) {
                    identical.add(entry.getKey());
                }
            }
            if (!identical.isEmpty()) {
                System.out.println("[bundles] " + language + ": " + identical.size() + " texts identical to English: " + identical);
            }
            assertThat(identical.size()).as("texts of %s identical to English: %s", language, identical)
                    .isLessThan(english.size() / 10);
        }
    }

    @Test
    void noTextHasAnApostropheThatMessageFormatWouldSwallow() {
        for (String language : AgentPreferences.LANGUAGES) {
            bundle(language).forEach((key, text) -> assertThat(text)
                    .as("%s in %s: write ’ instead of ' (MessageFormat drops single quotes)", key, language)
                    .doesNotContain("'"));
        }
    }

    @Test
    void unknownLanguagesFallBackAndKnownOnesAreMatchedByTheirBase() {
        assertThat(AgentPreferences.supportedLanguage("de_CH")).isEqualTo("de");
        assertThat(AgentPreferences.supportedLanguage("en-GB")).isEqualTo("en");
        assertThat(AgentPreferences.supportedLanguage("pt")).isEqualTo("pt_BR");
        assertThat(AgentPreferences.supportedLanguage("ar-EG")).isEqualTo("ar_SA");
        assertThat(AgentPreferences.supportedLanguage("iw")).isEqualTo("he");
        assertThat(AgentPreferences.supportedLanguage("zh-Hans-CN")).isEqualTo("zh_CN");
        assertThat(AgentPreferences.supportedLanguage("zh-TW")).isNull();
        assertThat(AgentPreferences.supportedLanguage("xx_YY")).isNull();
        assertThat(AgentPreferences.supportedLanguage("")).isNull();
        assertThat(AgentPreferences.supportedLanguage(null)).isNull();
        assertThat(AgentPreferences.supportedLanguage("<script>")).isNull();
    }
}
