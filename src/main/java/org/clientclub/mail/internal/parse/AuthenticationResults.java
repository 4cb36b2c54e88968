package org.clientclub.mail.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads what the receiving mail server found about the sender (the {@code Authentication-Results} headers of
 * RFC 8601), so that mail with a forged From is kept but never answered: answering it would mail an innocent
 * person (backscatter). The club checks no signatures itself; it believes only the servers named in
 * {@code clientclub.mailbox.trusted-authserv-ids}, because anybody can write such a header into a message. Of
 * the headers a trusted server wrote, the topmost counts: servers add theirs on top, and a header with the same
 * id further down was written before the message reached that server (the server should also remove those).
 */
@Component
public class AuthenticationResults {

    private static final Pattern RESULT =
            Pattern.compile("^\\s*([a-z0-9_-]+)(?:\\s*/\\s*[0-9]+)?\\s*=\\s*([a-z0-9_-]+)");

    private final Set<String> trusted;

    public AuthenticationResults(
            @Value("${clientclub.mailbox.trusted-authserv-ids:}") List<String> trustedAuthservIds) {
        this.trusted = trustedAuthservIds.stream()
                .map(id -> id.trim().toLowerCase(Locale.ROOT))
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Trusting no server: what the parser uses when it is made without configuration. */
    static AuthenticationResults trustingNone() {
        return new AuthenticationResults(List.of());
    }

    /**
     * Whether a trusted server found the sender forged: DMARC failed, or SPF failed and DMARC gave no verdict.
     * A DMARC pass outweighs an SPF fail: forwarded mail breaks SPF while its aligned DKIM signature still vouches
     * for the From that an answer would go to.
     *
     * @param headers the message's Authentication-Results headers, in the order they stand (topmost first)
     */
    boolean senderForged(String[] headers) {
        if (headers == null || trusted.isEmpty()) {
            return false;
        }
        for (String header : headers) {
            List<String> pieces = pieces(header);
            String[] head = pieces.get(0).trim().split("\\s+", 2);
            if (!trusted.contains(head[0].toLowerCase(Locale.ROOT))) {
                continue;
            }
            String dmarc = null;
            String spf = null;
            for (String piece : pieces.subList(1, pieces.size())) {
                Matcher m = RESULT.matcher(piece.toLowerCase(Locale.ROOT));
                if (!m.find()) {
                    continue;
                }
                if (m.group(1).equals("dmarc") && !"fail".equals(dmarc)) {
                    dmarc = m.group(2);
                } else if (m.group(1).equals("spf") && !"fail".equals(spf)) {
                    spf = m.group(2);
                }
            }
            if (dmarc != null && (dmarc.equals("fail") || dmarc.equals("pass"))) {
                return dmarc.equals("fail");
            }
            return "fail".equals(spf);
        }
        return false;
    }

    /** The header unfolded, its comments removed, split at the semicolons outside quoted strings. */
    private static List<String> pieces(String header) {
        String text = HeaderValue.unfold(header);
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int comment = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < text.length()) {
                i++;
                if (quoted) {
                    current.append(text.charAt(i));
                }
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                comment = 1;
                current.append(' ');
            } else if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }
}
