package org.clientclub.support;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.clientclub.membership.Channel;
import org.clientclub.membership.Interest;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.Submission;
import org.clientclub.shared.Language;

/** Questionnaires for tests; every address is new, so tests share a database without meeting each other. */
public final class TestQuestionnaires {

    private TestQuestionnaires() {}

    public static String newEmail() {
        return "member-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    public static Questionnaire adult(String email) {
        return new Questionnaire(
                "Иванова",
                "Мария",
                "Петровна",
                email,
                "+7 900 123-45-67",
                LocalDate.of(1985, 4, 12),
                "77",
                "Москва",
                "101000",
                Set.of(Interest.IDEAS, Interest.SURVEYS),
                Language.RU,
                true,
                null);
    }

    public static Questionnaire with(Questionnaire q, String lastName, LocalDate birthDate, Boolean ready) {
        return new Questionnaire(
                lastName,
                q.firstName(),
                q.patronymic(),
                q.email(),
                q.phone(),
                birthDate,
                q.regionCode(),
                q.town(),
                q.postcode(),
                q.interests(),
                q.language(),
                ready,
                q.guardianEmail());
    }

    public static Submission submission(Questionnaire q) {
        return new Submission(q, 1, true, Channel.WEB, "127.0.0.1", "");
    }
}
