package org.jotrs.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

/** File names cleaned and made unique as Znuny's Main::FilenameCleanUp and ArticleWriteAttachment do it. */
class OtrsFilenamesTest {

    @Test
    void keepsHarmlessNamesIncludingOtherScripts() {
        assertThat(OtrsFilenames.cleanUp("report.pdf")).isEqualTo("report.pdf");
        assertThat(OtrsFilenames.cleanUp("Grüße 報告 #2+final_v-1.txt")).isEqualTo("Grüße 報告 #2+final_v-1.txt");
    }

    @Test
    void replacesSeparatorsAndMarksChangedNamesWithTheOriginalsMd5() {
        String md5 = DigestUtils.md5Hex("me_to/alal.xml".getBytes(StandardCharsets.UTF_8));
        assertThat(OtrsFilenames.cleanUp("me_to/alal.xml")).isEqualTo("me_to_alal_" + md5 + ".xml");
        assertThat(OtrsFilenames.cleanUp("a\\b<c>.txt")).isEqualTo("a_b_c_" + DigestUtils.md5Hex("a\\b<c>.txt") + ".txt");
        assertThat(OtrsFilenames.cleanUp("  .hidden ")).isEqualTo("hidden_" + DigestUtils.md5Hex("  .hidden "));
        assertThat(OtrsFilenames.cleanUp("①.txt")).isEqualTo("_" + DigestUtils.md5Hex("①.txt".getBytes(StandardCharsets.UTF_8)) + ".txt");
    }

    @Test
    void shortensNamesOverTwoHundredTwentyBytesKeepingTheExtension() {
        String cleaned = OtrsFilenames.cleanUp("ä".repeat(200) + ".docx");
        assertThat(cleaned).endsWith(".docx");
        assertThat(cleaned.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(220);
    }

    @Test
    void refusesNamesWithNothingUsable() {
        assertThat(OtrsFilenames.unusable("")).isTrue();
        assertThat(OtrsFilenames.unusable(" .. ")).isTrue();
        assertThat(OtrsFilenames.unusable(null)).isTrue();
        assertThat(OtrsFilenames.unusable("a")).isFalse();
    }

    @Test
    void numbersDuplicatesBeforeTheExtension() {
        assertThat(OtrsFilenames.unique("a.pdf", Set.of())).isEqualTo("a.pdf");
        assertThat(OtrsFilenames.unique("a.pdf", Set.of("a.pdf"))).isEqualTo("a-1.pdf");
        assertThat(OtrsFilenames.unique("a.pdf", Set.of("a.pdf", "a-1.pdf"))).isEqualTo("a-2.pdf");
        assertThat(OtrsFilenames.unique("README", Set.of("README"))).isEqualTo("README-1");
        // Compared in NFC, so a decomposed "ü" is the same name.
        assertThat(OtrsFilenames.unique("u\u0308.txt", Set.of("\u00fc.txt"))).isEqualTo("u\u0308-1.txt");
    }
}
