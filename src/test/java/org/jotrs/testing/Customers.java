package org.jotrs.testing;

import static org.jotrs.platform.db.schema.Tables.CUSTOMER_COMPANY;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER_CUSTOMER;

import java.time.LocalDateTime;

import org.jooq.DSLContext;

/**
 * Test customers, written as OTRS's rows directly (as an adopted database holds them):
 * {@code Customers.aCustomerUser("carla").ofCompany("ACME").in(db)}. Defaults: mail address
 * {@code <login>@example.com}, first name the login capitalised, last name "Customer", valid.
 */
public final class Customers {

    private Customers() {
    }

    /** A customer user with this login. */
    public static CustomerUser aCustomerUser(String login) {
        return new CustomerUser(login);
    }

    /** A customer company with this customer id, named after it unless told otherwise. */
    public static Company aCompany(String customerId) {
        return new Company(customerId);
    }

    /** What a customer user row gets; {@link #in} writes it. */
    public static final class CustomerUser {

        private final String login;
        private String email;
        private String customerId = "ACME";
        private String firstName;
        private String lastName = "Customer";
        private String storedPassword;

        private CustomerUser(String login) {
            this.login = login;
            this.email = login + "@example.com";
            this.firstName = Character.toUpperCase(login.charAt(0)) + login.substring(1);
        }

        public CustomerUser email(String address) {
            this.email = address;
            return this;
        }

        /** The company's customer id ({@code customer_user.customer_id}); the company row is not required. */
        public CustomerUser ofCompany(String id) {
            this.customerId = id;
            return this;
        }

        /** The stored {@code pw} value, in any OTRS hash form; none by default (the customer cannot sign in). */
        public CustomerUser storedPassword(String pw) {
            this.storedPassword = pw;
            return this;
        }

        public CustomerUser named(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        /** Writes the row; returns its id. */
        public int in(DSLContext db) {
            LocalDateTime now = LocalDateTime.now();
            return db.insertInto(CUSTOMER_USER)
                    .set(CUSTOMER_USER.LOGIN, login).set(CUSTOMER_USER.EMAIL, email)
                    .set(CUSTOMER_USER.CUSTOMER_ID, customerId).set(CUSTOMER_USER.PW, storedPassword)
                    .set(CUSTOMER_USER.FIRST_NAME, firstName).set(CUSTOMER_USER.LAST_NAME, lastName)
                    .set(CUSTOMER_USER.VALID_ID, (short) 1)
                    .set(CUSTOMER_USER.CREATE_TIME, now).set(CUSTOMER_USER.CREATE_BY, 1)
                    .set(CUSTOMER_USER.CHANGE_TIME, now).set(CUSTOMER_USER.CHANGE_BY, 1)
                    .returningResult(CUSTOMER_USER.ID).fetchSingle().value1();
        }
    }

    /** Lets the customer user see a further company's tickets ({@code customer_user_customer}). */
    public static void seesCompany(DSLContext db, String login, String customerId) {
        LocalDateTime now = LocalDateTime.now();
        db.insertInto(CUSTOMER_USER_CUSTOMER)
                .set(CUSTOMER_USER_CUSTOMER.USER_ID, login).set(CUSTOMER_USER_CUSTOMER.CUSTOMER_ID, customerId)
                .set(CUSTOMER_USER_CUSTOMER.CREATE_TIME, now).set(CUSTOMER_USER_CUSTOMER.CREATE_BY, 1)
                .set(CUSTOMER_USER_CUSTOMER.CHANGE_TIME, now).set(CUSTOMER_USER_CUSTOMER.CHANGE_BY, 1)
                .execute();
    }

    /** What a customer company row gets; {@link #in} writes it. */
    public static final class Company {

        private final String customerId;
        private String name;

        private Company(String customerId) {
            this.customerId = customerId;
            this.name = customerId;
        }

        public Company named(String companyName) {
            this.name = companyName;
            return this;
        }

        /** Writes the row. */
        public void in(DSLContext db) {
            LocalDateTime now = LocalDateTime.now();
            db.insertInto(CUSTOMER_COMPANY)
                    .set(CUSTOMER_COMPANY.CUSTOMER_ID, customerId).set(CUSTOMER_COMPANY.NAME, name)
                    .set(CUSTOMER_COMPANY.VALID_ID, (short) 1)
                    .set(CUSTOMER_COMPANY.CREATE_TIME, now).set(CUSTOMER_COMPANY.CREATE_BY, 1)
                    .set(CUSTOMER_COMPANY.CHANGE_TIME, now).set(CUSTOMER_COMPANY.CHANGE_BY, 1)
                    .execute();
        }
    }
}
