package org.jotrs.customer.web;

import org.jotrs.customer.CustomerDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Typeahead for customer user fields: an htmx fragment of datalist options. */
@Controller
class CustomerSearch {

    static final int SUGGESTIONS = 10;

    private final CustomerDirectory customers;

    CustomerSearch(CustomerDirectory customers) {
        this.customers = customers;
    }

    @GetMapping("/customers/suggestions")
    String suggestions(@RequestParam(name = "customerUser", defaultValue = "") String text, Model model) {
        model.addAttribute("customers", customers.search(text, SUGGESTIONS));
        return "customer/suggestions";
    }
}
