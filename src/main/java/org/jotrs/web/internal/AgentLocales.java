package org.jotrs.web.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AgentPreferences;
import org.jotrs.access.AgentPreferences.LocaleChoice;
import org.jotrs.access.SignedInAgent;
import org.jotrs.web.Dates;
import org.jotrs.platform.Messages;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language and time zone of each request, as Spring's locale context: the agent's OTRS
 * preferences {@code UserLanguage} and {@code UserTimeZone}, else the browser's
 * {@code Accept-Language} among the offered languages, else {@code jotrs.web.default-language}.
 * Both preferences are read in one query, and only when a page first needs them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentLocales.WebProperties.class)
class AgentLocales {

    /**
     * @param defaultLanguage the OTRS language code used when neither the agent nor the browser
     *     names an offered language
     */
    @ConfigurationProperties("jotrs.web")
    record WebProperties(String defaultLanguage) {
        WebProperties {
            String supported = AgentPreferences.supportedLanguage(defaultLanguage);
            defaultLanguage = supported == null ? AgentPreferences.LANGUAGES.getFirst() : supported;
        }
    }

    AgentLocales(MessageSource messages, Clock clock) {
        Messages.use(messages);
        Dates.storedIn(clock.getZone());
    }

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeResolver(AgentPreferences preferences, Clock clock, WebProperties properties) {
        return new AgentLocaleResolver(preferences, clock.getZone(), toLocale(properties.defaultLanguage()));
    }

    /** {@code pt_BR} to the locale pt-BR; bundles are named by the same codes. */
    static Locale toLocale(String otrsLanguage) {
        return Locale.forLanguageTag(otrsLanguage.replace('_', '-'));
    }

    static final class AgentLocaleResolver implements LocaleContextResolver {

        private final AgentPreferences preferences;
        private final ZoneId serverZone;
        private final Locale defaultLocale;

        AgentLocaleResolver(AgentPreferences preferences, ZoneId serverZone, Locale defaultLocale) {
            this.preferences = preferences;
            this.serverZone = serverZone;
            this.defaultLocale = defaultLocale;
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            if (request.getAttribute(Messages.REQUEST_LOCALE) instanceof LocaleContext decided) {
                return decided;
            }
            return new RequestLocale(request);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return resolveLocaleContext(request).getLocale();
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
            throw new UnsupportedOperationException("The language is the agent's preference; change it there.");
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            throw new UnsupportedOperationException("The language is the agent's preference; change it there.");
        }

        /** Resolved on first use, at most once per request. */
        private final class RequestLocale implements TimeZoneAwareLocaleContext {

            private final HttpServletRequest request;
            private LocaleChoice choice;
            private boolean looked;
            private Locale locale;

            RequestLocale(HttpServletRequest request) {
                this.request = request;
            }

            private LocaleChoice choice() {
                if (!looked) {
                    looked = true;
                    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent) {
                        choice = preferences.localeChoice(agent.id());
                    }
                }
                return choice;
            }

            @Override
            public Locale getLocale() {
                if (locale == null) {
                    LocaleChoice agent = choice();
                    String language = agent == null ? null : agent.language();
                    if (language == null) {
                        language = fromBrowser();
                    }
                    locale = language == null ? defaultLocale : toLocale(language);
                }
                return locale;
            }

            private String fromBrowser() {
                if (request.getHeader("Accept-Language") == null) {
                    return null;
                }
                Enumeration<Locale> wanted = request.getLocales();
                while (wanted.hasMoreElements()) {
                    String supported = AgentPreferences.supportedLanguage(wanted.nextElement().toLanguageTag());
                    if (supported != null) {
                        return supported;
                    }
                }
                return null;
            }

            @Override
            public TimeZone getTimeZone() {
                LocaleChoice agent = choice();
                return TimeZone.getTimeZone(agent == null ? serverZone : agent.timeZone());
            }
        }
    }
}
