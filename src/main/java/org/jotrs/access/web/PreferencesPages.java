package org.jotrs.access.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.access.AccessChangeRefused;
import org.jotrs.access.AgentPreferences;
import org.jotrs.access.AgentPreferences.Settings;
import org.jotrs.access.SignedInAgent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /preferences}: every agent's own settings and password. */
@Controller
class PreferencesPages {

    /** Region zone ids, sorted, for the time zone list. */
    private static final List<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(id -> id.contains("/") || id.equals("UTC")).filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .toList();

    private final AgentPreferences preferences;
    private final String darkTheme;

    PreferencesPages(AgentPreferences preferences) throws IOException {
        this.preferences = preferences;
        try (InputStream in = new ClassPathResource("themes/dark.css").getInputStream()) {
            this.darkTheme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/preferences")
    String show(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(required = false) String saved, Model model) {
        return page(agent, preferences.settings(agent.id()), Map.of(), saved, model);
    }

    @PostMapping("/preferences")
    String save(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String theme,
            @RequestParam(name = "notification", required = false) List<String> notifications, Model model,
            HttpServletResponse response) {
        Settings settings = null;
        try {
            settings = new Settings(language, timeZone, theme, MatrixCells.ids(notifications));
            preferences.saveSettings(agent.id(), settings);
            return "redirect:/preferences?saved=settings";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return page(agent, settings == null ? preferences.settings(agent.id()) : settings, refused.errors(), null, model);
        }
    }

    @PostMapping("/preferences/password")
    String changePassword(@AuthenticationPrincipal SignedInAgent agent, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatedPassword,
            Model model, HttpServletResponse response) {
        try {
            preferences.changePassword(agent.id(), currentPassword, newPassword, repeatedPassword);
            return "redirect:/preferences?saved=password";
        } catch (AccessChangeRefused refused) {
            response.setStatus(refused.status());
            return page(agent, preferences.settings(agent.id()), refused.errors(), null, model);
        }
    }

    /**
     * The agent's theme as a stylesheet the layout links after jotrs.css: empty for light, the
     * dark custom properties for dark. Never cached, so a change shows on the next page.
     */
    @GetMapping(value = "/preferences/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@AuthenticationPrincipal SignedInAgent agent) {
        String css = agent != null && "dark".equals(preferences.theme(agent.id())) ? darkTheme : "";
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8)).body(css);
    }

    private String page(SignedInAgent agent, Settings settings, Map<String, String> errors, String saved, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("choices", preferences.notificationChoices());
        // The server's zone (the default) may be one the list leaves out, such as Etc/UTC; offer it
        // so that saving other settings does not silently move the agent to the list's first zone.
        List<String> zones = ZONES.contains(settings.timeZone()) ? ZONES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(settings.timeZone()), ZONES.stream()).sorted().toList();
        model.addAttribute("zones", byRegion(zones));
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved == null ? "" : saved);
        return "access/preferences";
    }

    /** Zones grouped by their region, the part of the id before the first slash ("Europe/Berlin" is in Europe). */
    static Map<String, List<String>> byRegion(List<String> zones) {
        return zones.stream().collect(java.util.stream.Collectors.groupingBy(
                zone -> zone.contains("/") ? zone.substring(0, zone.indexOf('/')) : zone,
                java.util.TreeMap::new, java.util.stream.Collectors.toList()));
    }
}
