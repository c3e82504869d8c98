package org.jotrs.web.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jotrs.access.AccessService;
import org.jotrs.access.SignedInAgent;
import org.jotrs.platform.AdminAttention;
import org.jotrs.platform.AdminSection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin area's front page: the screens the modules declare, grouped by area. */
@Controller
class AdminIndex {

    private static final List<String> AREA_ORDER = List.of("admin.area.agents-permissions", "admin.area.customers", "admin.area.tickets", "admin.area.system");

    private final AccessService access;
    private final List<AdminSection> sections;
    private final List<AdminAttention> attention;

    AdminIndex(AccessService access, List<AdminSection> sections, List<AdminAttention> attention) {
        this.access = access;
        this.sections = sections;
        this.attention = attention;
    }

    @GetMapping("/admin")
    String index(@AuthenticationPrincipal SignedInAgent agent, Model model) {
        access.requireAdmin(agent.id());
        Map<String, List<AdminSection>> byArea = sections.stream()
                .sorted(Comparator.comparing((AdminSection s) -> areaRank(s.area())).thenComparing(AdminSection::title))
                .collect(Collectors.groupingBy(AdminSection::area, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("areas", byArea);
        model.addAttribute("notices", attention.stream().flatMap(a -> a.notices().stream()).toList());
        return "web/admin";
    }

    private static int areaRank(String area) {
        int rank = AREA_ORDER.indexOf(area);
        return rank < 0 ? AREA_ORDER.size() : rank;
    }
}
