package org.clientclub.membership.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The fillable questionnaire PDF, linked from the join page. Made once per language and consent version and kept:
 * generating one costs a few hundred milliseconds of CPU, which an anonymous page must not hand out per request.
 */
@Controller
class QuestionnairePdfController {

    /** For clients that do not understand RFC 6266's {@code filename*}. */
    private static final String ASCII_FILE_NAME = "clientclub-questionnaire.pdf";

    private final QuestionnairePdf pdf;
    private final MessageSource messages;
    private final MembershipService membership;
    private final Map<String, byte[]> generated = new ConcurrentHashMap<>();

    QuestionnairePdfController(QuestionnairePdf pdf, MessageSource messages, MembershipService membership) {
        this.pdf = pdf;
        this.messages = messages;
        this.membership = membership;
    }

    @GetMapping("/join/questionnaire.pdf")
    ResponseEntity<byte[]> download(@RequestParam(name = "lang", defaultValue = "ru") String lang) {
        Language language = Language.fromCode(lang);
        String fileName = messages.getMessage("questionnaire.pdf.fileName", null, language.locale());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + ASCII_FILE_NAME + "\"; filename*=UTF-8''"
                                + UriUtils.encode(fileName, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(generated.computeIfAbsent(
                        language.code() + ":" + membership.currentConsentVersion(), key -> pdf.generate(language)));
    }
}
