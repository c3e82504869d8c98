package org.jotrs.observer.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A sample page with the SDK embedded, a button that does nothing and one that throws: open it
 * with a site key ({@code /observer/demo?key=jok_…}, the site allowing this server's origin) and
 * struggle on it to see an incident and its ticket appear.
 */
@Controller
class DemoPage {

    @GetMapping("/observer/demo")
    String demo(@RequestParam(required = false) String key, Model model) {
        model.addAttribute("key", key == null || !key.matches("jok_[A-Za-z0-9_-]{10,80}") ? null : key);
        return "observer/demo";
    }
}
