package org.jotrs.customer.web;

import org.jotrs.customer.CustomerDirectory;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Typeahead for customer user fields: an htmx fragment of datalist options. */
@Controller
class CustomerSearch {

    static final String SUGGESTIONS = "customer.suggestions";

    private final CustomerDirectory customers;
    private final Settings settings;

    CustomerSearch(CustomerDirectory customers, Settings settings) {
        this.customers = customers;
        this.settings = settings;
    }

    @Bean
    static Setting suggestionsSetting() {
        return new Setting(SUGGESTIONS, "Customers", "Customer suggestions",
                "How many customer users the customer field suggests while typing "
                        + "(OTRS CustomerUser ... CustomerUserSearchListLimit for the autocomplete).",
                new Setting.Number(1, 100));
    }

    @GetMapping("/customers/suggestions")
    String suggestions(@RequestParam(name = "customerUser", defaultValue = "") String text, Model model) {
        model.addAttribute("customers", customers.search(text, settings.number(SUGGESTIONS)));
        return "customer/suggestions";
    }
}
