package org.clientclub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An answer's In-Reply-To and References: threaded after the message, never a header a sender wrote. */
class ReplyThreadTest {

    @Test
    void anAnswerContinuesTheThreadOfTheMessageItAnswers() {
        ReplyThread thread = ReplyThread.answering("c@example.ru", List.of("a@example.ru", "b@example.ru"));

        assertThat(thread.inReplyToHeader()).isEqualTo("<c@example.ru>");
        assertThat(thread.referencesHeader()).isEqualTo("<a@example.ru> <b@example.ru> <c@example.ru>");
    }

    @Test
    void aMessageWithoutMessageIdGivesAnAnswerWithoutInReplyTo() {
        ReplyThread thread = ReplyThread.answering(null, List.of());

        assertThat(thread.inReplyToHeader()).isNull();
        assertThat(thread.referencesHeader()).isNull();
    }

    @Test
    void idsThatCouldBreakAHeaderAreLeftOut() {
        ReplyThread thread = ReplyThread.answering(
                "x\r\nBcc: victim@example.ru",
                List.of("ok@example.ru", "with space@example.ru", "a>b@example.ru", "x".repeat(300)));

        assertThat(thread.inReplyTo()).isNull();
        assertThat(thread.references()).containsExactly("ok@example.ru");
        assertThatThrownBy(() -> new ReplyThread("a\nb", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongThreadKeepsItsFirstAndLatestMessages() {
        List<String> refs =
                IntStream.range(0, 500).mapToObj(i -> "m" + i + "@example.ru").toList();

        ReplyThread thread = ReplyThread.answering("last@example.ru", refs);

        assertThat(thread.references())
                .hasSize(ReplyThread.MAX_REFERENCES)
                .startsWith("m0@example.ru")
                .endsWith("m498@example.ru", "m499@example.ru", "last@example.ru");
    }
}
