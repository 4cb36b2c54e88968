package org.clientclub.membership;

/**
 * The questionnaire's fields: one definition for the web form, the validator and (later) the fillable PDF.
 * The label of a field is the message {@code questionnaire.field.<key>}.
 */
public enum QuestionnaireField {
    LAST_NAME("lastName", Type.NAME, true, 100),
    FIRST_NAME("firstName", Type.NAME, true, 100),
    PATRONYMIC("patronymic", Type.NAME, false, 100),
    EMAIL("email", Type.EMAIL, true, 254),
    PHONE("phone", Type.PHONE, false, 30),
    BIRTH_DATE("birthDate", Type.DATE, true, 10),
    REGION("region", Type.REGION, true, 3),
    TOWN("town", Type.TEXT, true, 100),
    POSTCODE("postcode", Type.POSTCODE, true, 6),
    INTERESTS("interests", Type.INTERESTS, false, 200),
    LANGUAGE("language", Type.LANGUAGE, true, 2),
    READY_FOR_INTERACTION("readyForInteraction", Type.YES_NO, true, 3),
    GUARDIAN_EMAIL("guardianEmail", Type.EMAIL, false, 254);

    public enum Type {
        NAME,
        TEXT,
        EMAIL,
        PHONE,
        DATE,
        REGION,
        POSTCODE,
        INTERESTS,
        LANGUAGE,
        YES_NO
    }

    private final String key;
    private final Type type;
    private final boolean required;
    private final int maxLength;

    QuestionnaireField(String key, Type type, boolean required, int maxLength) {
        this.key = key;
        this.type = type;
        this.required = required;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** Required for every applicant; the guardian's e-mail is required only under the guardian age. */
    public boolean required() {
        return required;
    }

    public int maxLength() {
        return maxLength;
    }

    public String labelKey() {
        return "questionnaire.field." + key;
    }
}
