package org.jotrs.postmaster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jotrs.article.NewAttachment;
import org.junit.jupiter.api.Test;

/**
 * Real-world mail from {@code src/test/resources/mail}, one test per message, written for the
 * parser (no Spring, no database): charsets beyond UTF-8, RFC 2047 and RFC 2231 names,
 * multipart/alternative inside multipart/related with an inline image, HTML-only mail, malformed
 * MIME, a delivery report, 8-bit and duplicated headers, a very long line, no body, no sender.
 */
class MailParserMessagesTest {

    private static ParsedMail parse(String name) throws Exception {
        try (InputStream in = MailParserMessagesTest.class.getResourceAsStream("/mail/" + name)) {
            assertThat(in).as(name).isNotNull();
            return MailParser.parse(in.readAllBytes());
        }
    }

    @Test
    void latin1QuotedPrintableWithEncodedWordsInFromAndSubject() throws Exception {
        ParsedMail mail = parse("latin1-quoted-printable.eml");
        assertThat(mail.from()).isEqualTo("Jürgen Müller <juergen@example.de>");
        assertThat(mail.fromAddress()).isEqualTo("juergen@example.de");
        assertThat(mail.subject()).isEqualTo("Grüße aus Köln");
        assertThat(mail.body()).contains("Der Drucker im Büro druckt nur noch ½e Seiten. Schöne Grüße!");
        assertThat(mail.messageId()).isEqualTo("<latin1@example.de>");
        assertThat(mail.recipients()).containsExactly("desk@example.com");
    }

    @Test
    void windows1252EightBitKeepsTheEuroSignAndTypographicQuotes() throws Exception {
        ParsedMail mail = parse("windows-1252-8bit.eml");
        assertThat(mail.body()).contains("Montant d’origine : 120 € – merci …");
    }

    @Test
    void iso2022JpSubjectAndBody() throws Exception {
        ParsedMail mail = parse("iso-2022-jp.eml");
        assertThat(mail.subject()).isEqualTo("プリンターが壊れました");
        assertThat(mail.body()).contains("印刷できません。");
    }

    @Test
    void gb18030InBase64() throws Exception {
        ParsedMail mail = parse("gb18030-base64.eml");
        assertThat(mail.subject()).isEqualTo("账户");
        assertThat(mail.body()).contains("我的账户被锁定了。");
    }

    @Test
    void koi8rEightBit() throws Exception {
        ParsedMail mail = parse("koi8-r-8bit.eml");
        assertThat(mail.subject()).isEqualTo("Принтер");
        assertThat(mail.body()).contains("Принтер не работает.");
    }

    @Test
    void rfc2231FileNamesWithCharsetAndContinuations() throws Exception {
        ParsedMail mail = parse("rfc2231-filenames.eml");
        assertThat(mail.body()).contains("See the attachments.");
        assertThat(mail.attachments()).extracting(NewAttachment::filename)
                .containsExactly("€ rates 2026.pdf", "Große Tabelle für Köln.pdf");
        assertThat(new String(mail.attachments().getFirst().content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 tiny");
    }

    @Test
    void rfc2047EncodedFileName() throws Exception {
        ParsedMail mail = parse("rfc2047-filename.eml");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("Fehlermeldung äöü.png");
            assertThat(file.contentType()).startsWith("image/png");
            assertThat(file.content()).startsWith(0x89, 'P', 'N', 'G');
        });
    }

    @Test
    void htmlOnlyMailHasTheHtmlAndNoPlainPart() throws Exception {
        ParsedMail mail = parse("html-only.eml");
        assertThat(mail.body()).isNull();
        assertThat(mail.htmlBody()).contains("<a href=\"https://shop.example/o/42\">#42</a> is missing.");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void alternativeInsideRelatedGivesBothBodiesAndTheInlineImageWithItsContentId() throws Exception {
        ParsedMail mail = parse("alternative-related-inline.eml");
        assertThat(mail.body()).contains("The logo looks wrong, see the picture.");
        assertThat(mail.htmlBody()).contains("cid:logo@example.com");
        assertThat(mail.attachments()).singleElement().satisfies(image -> {
            assertThat(image.contentId()).isEqualTo("<logo@example.com>");
            assertThat(image.disposition()).isEqualTo("inline");
            assertThat(image.contentType()).startsWith("image/png");
        });
    }

    @Test
    void malformedMimeIsReadAsFarAsItGoesAndLosesNoPart() throws Exception {
        ParsedMail mail = parse("malformed-mime.eml");
        assertThat(mail.subject()).isEqualTo("Broken mail");
        // An unknown charset label is read as windows-1252; a missing end boundary is tolerated.
        assertThat(mail.body()).contains("Text with an unknown charset label.");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("data.bin");
            assertThat(file.content()).isNotNull();
        });
    }

    @Test
    void aDeliveryReportKeepsItsReportAndTheOriginalMessage() throws Exception {
        ParsedMail mail = parse("dsn-bounce.eml");
        assertThat(mail.fromAddress()).isEqualTo("mailer-daemon@mx.example.com");
        assertThat(mail.headers()).containsEntry("auto-submitted", "auto-replied");
        assertThat(mail.headers().get("content-type")).startsWith("multipart/report");
        assertThat(mail.body()).contains("could not be delivered");
        List<String> names = mail.attachments().stream().map(NewAttachment::filename).toList();
        assertThat(names).containsExactly("report.txt", "message.eml");
        String original = new String(mail.attachments().get(1).content(), StandardCharsets.UTF_8);
        assertThat(original).contains("Subject: [Ticket#2026120610000011] Your printer", "Message-ID: <original@jotrs.example>");
    }

    @Test
    void eightBitUtf8HeadersAreReadAsUtf8() throws Exception {
        ParsedMail mail = parse("8bit-utf8-headers.eml");
        assertThat(mail.from()).isEqualTo("Zoë Ångström <zoe@example.se>");
        assertThat(mail.subject()).isEqualTo("Fråga om fakturan – brådskande");
        assertThat(mail.body()).contains("Fakturan är fel.");
    }

    @Test
    void aVeryLongLineIsKeptWhole() throws Exception {
        ParsedMail mail = parse("long-line.eml");
        assertThat(mail.body()).hasSizeGreaterThan(200_000).contains("END");
        assertThat(mail.body().lines().findFirst().orElseThrow()).hasSize(200_000);
    }

    @Test
    void duplicatedHeadersTakeTheFirstValue() throws Exception {
        ParsedMail mail = parse("duplicate-headers.eml");
        assertThat(mail.fromAddress()).isEqualTo("first@example.com");
        assertThat(mail.subject()).isEqualTo("First subject");
        assertThat(mail.headers()).containsEntry("subject", "First subject");
    }

    @Test
    void aMessageWithoutBodyHasAnEmptyOne() throws Exception {
        ParsedMail mail = parse("no-body.eml");
        assertThat(mail.subject()).isEqualTo("Headers only");
        assertThat(mail.body() == null ? "" : mail.body()).isBlank();
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aMessageWithoutSenderHasNoSenderAddress() throws Exception {
        ParsedMail mail = parse("no-from.eml");
        assertThat(mail.fromAddress()).isNull();
        assertThat(mail.body()).contains("Nobody.");
    }
}
