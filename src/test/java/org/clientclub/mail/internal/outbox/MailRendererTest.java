package org.clientclub.mail.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailRendererTest {

    @Test
    void plainTextKeepsParagraphsAndShowsLinkTargets() {
        String html = """
                <html><head><style>p { color: red }</style></head><body>
                  <p>Здравствуйте,
                     Мария!</p>
                  <p><a href="http://club/confirm/abc">Подтвердить адрес</a></p>
                  <p>Строка<br>вторая &lt;b&gt;</p>
                </body></html>""";

        assertThat(MailRenderer.toText(html)).isEqualTo("""
                Здравствуйте, Мария!

                Подтвердить адрес <http://club/confirm/abc>

                Строка
                вторая <b>
                """);
    }
}
