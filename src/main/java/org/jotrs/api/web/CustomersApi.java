package org.jotrs.api.web;

import java.net.URI;

import org.jotrs.api.internal.ApiCaller;
import org.jotrs.customer.Company;
import org.jotrs.customer.CompanyAdministration;
import org.jotrs.customer.CustomerAdministration;
import org.jotrs.customer.CustomerUserChanges;
import org.jotrs.customer.CustomerUserDetails;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer users and companies over /api/v1, for administrators (the facade checks it). As in OTRS
 * they are not deleted but made invalid ({@code validId} 2), since tickets refer to them.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomersApi {

    /** A customer user as written; {@code password} only sets one (never read back); validId 1 valid, 2 invalid. */
    record CustomerUserInput(String login, String title, String firstName, String lastName, String email,
            String customerId, String phone, String mobile, String street, String zip, String city, String country,
            String comment, Integer validId, String password) {

        CustomerUserChanges changes() {
            return new CustomerUserChanges(login, title, firstName, lastName, email, customerId, phone, mobile, street, zip,
                    city, country, comment, validId == null ? 1 : validId, password);
        }
    }

    record CompanyInput(String customerId, String name, String street, String zip, String city, String country,
            String url, String comment, Integer validId) {

        Company company() {
            return new Company(customerId, name, street, zip, city, country, url, comment, validId == null ? 1 : validId);
        }
    }

    private final CustomerAdministration customers;
    private final CompanyAdministration companies;

    CustomersApi(CustomerAdministration customers, CompanyAdministration companies) {
        this.customers = customers;
        this.companies = companies;
    }

    @GetMapping("/customer-users")
    ApiJson.Page<CustomerUserDetails> customerUsers(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "0") int page) {
        return ApiJson.Page.of(customers.customerUsers(caller.agentId(), search, page), user -> user);
    }

    @GetMapping("/customer-users/{id}")
    CustomerUserDetails customerUser(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable int id) {
        return customers.customerUser(caller.agentId(), id);
    }

    @PostMapping(path = "/customer-users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CustomerUserDetails> createCustomerUser(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestBody CustomerUserInput input) {
        int id = customers.createCustomerUser(caller.agentId(), input.changes());
        return ResponseEntity.created(URI.create("/api/v1/customer-users/" + id)).body(customers.customerUser(caller.agentId(), id));
    }

    /** Replaces the customer user's fields; the login stays (tickets refer to it); no password keeps the one set. */
    @PutMapping(path = "/customer-users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerUserDetails updateCustomerUser(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable int id,
            @RequestBody CustomerUserInput input) {
        customers.updateCustomerUser(caller.agentId(), id, input.changes());
        return customers.customerUser(caller.agentId(), id);
    }

    @GetMapping("/companies")
    ApiJson.Page<Company> companies(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "0") int page) {
        return ApiJson.Page.of(companies.companies(caller.agentId(), search, page), company -> company);
    }

    @GetMapping("/companies/{customerId}")
    Company company(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String customerId) {
        return companies.company(caller.agentId(), customerId);
    }

    @PostMapping(path = "/companies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Company> createCompany(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
            @RequestBody CompanyInput input) {
        companies.createCompany(caller.agentId(), input.company());
        Company created = companies.company(caller.agentId(), input.customerId().strip());
        return ResponseEntity.created(URI.create("/api/v1/companies/" + created.customerId())).body(created);
    }

    /** Replaces the company's fields; its customer id stays. */
    @PutMapping(path = "/companies/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Company updateCompany(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String customerId,
            @RequestBody CompanyInput input) {
        companies.updateCompany(caller.agentId(), customerId, input.company());
        return companies.company(caller.agentId(), customerId);
    }
}
