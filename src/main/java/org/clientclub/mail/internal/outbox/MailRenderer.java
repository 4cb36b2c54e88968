package org.clientclub.mail.internal.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.clientclub.mail.InlineImage;
import org.clientclub.mail.OutgoingMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders {@code templates/mail/<template>.html} with Thymeleaf in the recipient's language. Thymeleaf escapes
 * every value by default, so text a member typed shows as text. The subject is the message
 * {@code mail.<template>.subject}; the plain-text part is derived from the HTML.
 */
@Component
public class MailRenderer {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    public MailRenderer(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    public record Rendered(String subject, String html, String text) {}

    public Rendered render(OutgoingMail mail, String unsubscribeUrl) {
        Map<String, Object> variables = new HashMap<>(mail.model());
        // An image carried inside the message is referred to by its content id, which is its key.
        variables.replaceAll((key, value) -> value instanceof InlineImage ? "cid:" + key : value);
        variables.put("unsubscribeUrl", unsubscribeUrl);
        variables.put("lang", mail.language().code());
        Context context = new Context(mail.language().locale(), variables);
        String html = templates.process("mail/" + mail.template(), context);
        Object[] subjectArgs = {mail.model().getOrDefault("name", "")};
        String subject = messages.getMessage(
                "mail." + mail.template() + ".subject",
                subjectArgs,
                mail.language().locale());
        return new Rendered(oneLine(subject), html, toText(html));
    }

    private static String oneLine(String subject) {
        // A header must not carry line breaks, whatever a member typed into their name.
        String flat = subject.replaceAll("[\\r\\n\\t]+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) : flat;
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text().replaceAll("\\s+", " "));
                        } else if (node instanceof Element element && element.nameIs("br")) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element) {
                            if (element.nameIs("a")
                                    && element.hasAttr("href")
                                    && !element.attr("href").equals(element.text())) {
                                out.append(" <").append(element.attr("href")).append('>');
                            } else if (BLOCKS.contains(element.normalName())) {
                                out.append("\n\n");
                            }
                        }
                    }
                },
                doc.body());
        return out.toString()
                        .replaceAll("(?m)^ +| +$", "")
                        .replaceAll("\\n{3,}", "\n\n")
                        .strip() + "\n";
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "li", "tr", "table", "ul");
}
