package org.jotrs.platform;

/** Makes JDBC URLs safe to print: no query parameters (they may carry passwords), no user info. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return "";
        }
        String withoutQuery = url.replaceAll("[?;&](?i)(password|pwd|passwd)=[^;&]*", "");
        int query = withoutQuery.indexOf('?');
        if (query >= 0) {
            withoutQuery = withoutQuery.substring(0, query);
        }
        return withoutQuery.replaceAll("//[^/@]*@", "//");
    }
}
