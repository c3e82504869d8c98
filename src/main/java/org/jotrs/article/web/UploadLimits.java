package org.jotrs.article.web;

import static org.jotrs.platform.Messages.t;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.jotrs.article.ArticleService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Upload limits that follow {@code jotrs.article.max-attachment-size}. A single file over the limit
 * reaches the form, which shows the field error (422). A whole request larger than
 * {@link #requestLimit} is refused before anything reads it, with a 413 page that says so: it must
 * be refused before Spring Security, which would otherwise fail to find the CSRF field in a body
 * the container gave up parsing and answer a puzzling 403.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private static final long MEGABYTE = 1024 * 1024;
    /** Parts larger than this are kept in a temporary file rather than in memory while a request is parsed. */
    private static final int IN_MEMORY = (int) MEGABYTE;

    /** Room for four files of the largest size plus the form's other fields. */
    static long requestLimit(long maxAttachmentSize) {
        return 4 * maxAttachmentSize + MEGABYTE;
    }

    /** Replaces Boot's {@code spring.servlet.multipart.*} settings: the limits derive from the attachment limit. */
    @Bean
    MultipartConfigElement multipartConfigElement(ArticleService articles) {
        return new MultipartConfigElement("", -1, requestLimit(articles.maxAttachmentSize()), IN_MEMORY);
    }

    @Bean
    FilterRegistrationBean<TooLargeUploads> tooLargeUploads(ArticleService articles, TemplateEngine templates) {
        FilterRegistrationBean<TooLargeUploads> registration = new FilterRegistrationBean<>(
                new TooLargeUploads(requestLimit(articles.maxAttachmentSize()), articles.maxAttachmentSize(), templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class TooLargeUploads extends OncePerRequestFilter {

        /** Beyond this the connection is closed instead of reading the rest of the body. */
        private static final long DRAIN_AT_MOST = 512 * MEGABYTE;

        private final long requestLimit;
        private final long attachmentLimit;
        private final TemplateEngine templates;

        TooLargeUploads(long requestLimit, long attachmentLimit, TemplateEngine templates) {
            this.requestLimit = requestLimit;
            this.attachmentLimit = attachmentLimit;
            this.templates = templates;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType();
            boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
            if (!multipart || request.getContentLengthLong() <= requestLimit) {
                chain.doFilter(request, response);
                return;
            }
            long length = request.getContentLengthLong();
            // Read what the browser is still sending, so it gets to see the answer instead of a reset connection.
            if (length <= DRAIN_AT_MOST) {
                try (InputStream body = request.getInputStream()) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
            } else {
                response.setHeader("Connection", "close");
            }
            StringOutput page = new StringOutput();
            templates.render("error.jte", Map.of("status", 413, "error", "Content Too Large",
                    "message", t("error.upload-over-limits", megabytes(length), megabytes(attachmentLimit),
                            megabytes(requestLimit))), page);
            response.setStatus(413);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }

        private static String megabytes(long bytes) {
            java.text.DecimalFormat format = new java.text.DecimalFormat("0.#",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            return bytes < MEGABYTE ? format.format(bytes / 1024.0) + " KB" : format.format(bytes / (double) MEGABYTE) + " MB";
        }
    }
}
