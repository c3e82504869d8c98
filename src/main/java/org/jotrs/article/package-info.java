/** Articles, their MIME data and attachments (OTRS tables article, article_data_mime*, article_flag). */
@org.springframework.modulith.ApplicationModule(displayName = "Article")
package org.jotrs.article;
