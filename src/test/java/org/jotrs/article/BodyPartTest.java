package org.jotrs.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jotrs.article.BodyPart.Kind;
import org.junit.jupiter.api.Test;

/** How the zoom splits a plain-text body into the writer's text, quotes and the signature. */
class BodyPartTest {

    @Test
    void aBodyWithoutQuotesIsOnePart() {
        assertThat(BodyPart.split("Hello,\n\n  the printer is fine again.\n"))
                .containsExactly(new BodyPart(Kind.TEXT, "Hello,\n\n  the printer is fine again."));
        assertThat(BodyPart.split("")).isEmpty();
        assertThat(BodyPart.split(null)).isEmpty();
    }

    @Test
    void aReplyIsTextThenQuoteThenSignature() {
        List<BodyPart> parts = BodyPart.split("Thanks, it works.\r\n\r\nOn Monday Carla wrote:\r\n> The printer\r\n>\r\n\r\n"
                + "> still jams.\r\n\r\n-- \r\nJane Agent\r\nHelp desk");
        assertThat(parts).containsExactly(
                new BodyPart(Kind.TEXT, "Thanks, it works.\n\nOn Monday Carla wrote:"),
                new BodyPart(Kind.QUOTED, "> The printer\n>\n\n> still jams."),
                new BodyPart(Kind.SIGNATURE, "-- \nJane Agent\nHelp desk"));
        assertThat(parts.get(1).lines()).isEqualTo(4);
    }

    @Test
    void textBetweenQuotesStaysVisible() {
        assertThat(BodyPart.split("> question one\nanswer one\n> question two\nanswer two")).extracting(BodyPart::kind)
                .containsExactly(Kind.QUOTED, Kind.TEXT, Kind.QUOTED, Kind.TEXT);
    }

    @Test
    void aSeparatorInsideTheTextWithoutTheSpaceStillStartsTheSignature() {
        assertThat(BodyPart.split("See you\n--\nBob")).extracting(BodyPart::kind).containsExactly(Kind.TEXT, Kind.SIGNATURE);
        assertThat(BodyPart.split("a -- b\n--- not a separator")).extracting(BodyPart::kind).containsExactly(Kind.TEXT);
    }
}
