package org.jotrs.web.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AgentPreferences;
import org.jotrs.access.SignedInAgent;
import org.jotrs.web.Dates;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Makes {@link Dates} show the signed-in agent's time zone (preference {@code UserTimeZone}) on every page. */
@Configuration(proxyBeanMethods = false)
class AgentTimeZones implements WebMvcConfigurer {

    private final AgentPreferences preferences;
    private final Clock clock;

    AgentTimeZones(AgentPreferences preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent) {
                    Dates.useZones(clock.getZone(), () -> preferences.timeZone(agent.id()));
                }
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception exception) {
                Dates.clearZones();
            }
        }).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.*", "/preferences/theme.css");
    }
}
